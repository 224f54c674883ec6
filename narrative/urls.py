from django.urls import path

from narrative.views import outline, sections

app_name = "narrative"

Y = "<slug:school>/<int:year>/"
S = Y + "sections/<slug:key>/"

urlpatterns = [
    path(Y, outline.outline, name="outline"),
    path(Y + "preview/", outline.preview, name="preview"),
    path(Y + "front-matter/", outline.front_matter, name="front_matter"),
    path(Y + "create-outline/", outline.create_outline, name="create_outline"),
    path(Y + "restart-outline/", outline.restart_from_previous, name="restart_outline"),
    path(Y + "next-year/", outline.next_year, name="next_year"),
    path(Y + "chapters/add/", outline.chapter_add, name="chapter_add"),
    path(S, sections.section_edit, name="section_edit"),
    path(S + "preview/", sections.section_preview, name="section_preview"),
    path(S + "versions/", sections.section_revisions, name="section_revisions"),
    path(S + "add/", outline.section_add, name="section_add"),
    path(S + "settings/", outline.section_settings, name="section_settings"),
    path(S + "move/", outline.section_move, name="section_move"),
    path(S + "reparent/", outline.section_reparent, name="section_reparent"),
    path(S + "remove/", outline.section_remove, name="section_remove"),
    path(S + "blocks/new/<slug:kind>/", sections.block_add, name="block_add"),
    path(S + "blocks/<int:pk>/", sections.block_edit, name="block_edit"),
    path(S + "blocks/<int:pk>/move/", sections.block_move, name="block_move"),
    path(S + "blocks/<int:pk>/delete/", sections.block_delete, name="block_delete"),
]
