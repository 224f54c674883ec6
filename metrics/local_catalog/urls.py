from django.urls import path

from metrics.local_catalog import views

app_name = "local_catalog"

OWNER = "<str:scope>/<slug:key>/"
urlpatterns = [
    path(OWNER, views.catalog, name="catalog"),
    path(OWNER + "<str:kind>/new/", views.item_edit, name="new"),
    path(OWNER + "<str:kind>/<int:pk>/", views.item_edit, name="edit"),
    path(OWNER + "<str:kind>/<int:pk>/state/", views.item_state, name="state"),
]
