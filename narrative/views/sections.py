"""Writing one section: the text editors, the blocks (photo, table, case), versions, preview."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metrics import api as metrics_api
from narrative import services
from narrative.access import (
    can_write_section,
    find_case,
    get_block_for_user,
    get_case_or_404,
    get_section_for_user,
)
from narrative.document import render_section_html
from narrative.errors import EditConflict, SaveConflict
from narrative.figures import figure_text
from narrative.forms import CaseForm, ChartForm, PhotoForm, SectionTextForm, TableForm
from narrative.grid import grid_to_text
from narrative.models import Block, SectionRevision
from narrative.numbering import build_outline
from narrative.prose_numbers.check import section_bindable
from reporting.errors import ReportError
from reporting.versions import refresh_version
from review.guard import edit_refusal

BLOCK_FORMS = {"photo": PhotoForm, "table": TableForm, "case": CaseForm, "chart": ChartForm}
BLOCK_TEMPLATES = {"photo": "narrative/block_photo.html", "table": "narrative/block_table.html",
                   "case": "narrative/block_case.html",
                   "chart": "narrative/block_chart.html"}  # fmt: skip


def _to_section(section, anchor: str = ""):
    url = redirect(
        "narrative:section_edit", section.year.school.slug, section.year.year, section.key
    )
    if anchor:
        url["Location"] += f"#{anchor}"
    return url


def _editor_context(section, form, conflict=None):
    outline = build_outline(section.year)
    node = outline.by_pk()[section.pk]
    for item in node.blocks:
        for block_node in (item, *item.parts):
            if block_node.block.kind == Block.Kind.TEXT:
                block_node.field = form.field_for(block_node.block)
    with metrics_api.one_read_per_year():
        figures = metrics_api.figure_values(section.year)
        typed = section_bindable(section)
    picker = [
        {"code": f.code, "label": f.label, "text": figure_text(f), "group": f.group}
        for f in sorted(figures.values(), key=lambda f: (f.group, f.label))
        if f.value is not None and f.display != ""
    ]
    return {
        "section": section,
        "year": section.year,
        "node": node,
        "form": form,
        "picker": picker,
        "figures_json": {p["code"]: p for p in picker},
        "typed_json": typed,
        "conflict": conflict,
        "revisions": section.revisions.select_related("author")[:10],
    }


def _read_only_reason(section, user) -> str | None:
    """Why this user cannot change the section now (locked year, submitted or approved)."""
    if not section.year.is_open:
        return section.year.locked_message()
    return edit_refusal(year=section.year, user=user, kind="section", key=section.key)


def section_edit(request, school, year, key):
    section = get_section_for_user(request, school, year, key, write=True)
    reason = _read_only_reason(section, request.user)
    if reason:
        # Shown, not offered for editing: an editor here would only collect typing that the
        # save must then refuse.
        if request.method == "POST":
            messages.error(request, reason)
        context = {
            "section": section,
            "year": section.year,
            "node": build_outline(section.year).by_pk()[section.pk],
            "reason": reason,
            "html": mark_safe(render_section_html(section)),  # sanitized document
        }
        return render(request, "narrative/section_read_only.html", context)
    text_blocks = list(section.blocks.filter(kind=Block.Kind.TEXT).order_by("pk"))
    form = SectionTextForm(
        request.POST or None, text_blocks=text_blocks, initial={"version": section.version}
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.save_section_text(
                section=section,
                user=request.user,
                texts=form.texts(),
                based_on=form.cleaned_data["version"],
            )
        except SaveConflict as error:
            messages.error(request, str(error))
            conflict = get_object_or_404(SectionRevision, pk=error.revision_pk)
        except ReportError as error:
            messages.error(request, str(error))
        else:
            return _after_save(request, section)
    return render(request, "narrative/section_edit.html", _editor_context(section, form, conflict))


def _after_save(request, section):
    """The editor's buttons save the text first, then add a block or open a block form."""
    action = request.POST.get("action", "")
    case = find_case(section, request.POST.get("case"))
    if action == "add-text":
        section.refresh_from_db()
        try:
            block = services.add_block(section=section, user=request.user, kind="text", case=case)
        except ReportError as error:
            messages.error(request, str(error))
            return _to_section(section)
        return _to_section(section, f"block-{block.pk}")
    if action in BLOCK_FORMS:
        target = redirect(
            "narrative:block_add", section.year.school.slug, section.year.year, section.key, action
        )
        if case is not None:
            target["Location"] += f"?case={case.pk}"
        return target
    messages.success(request, _("已保存。"))
    return _to_section(section)


def block_add(request, school, year, key, kind):
    section = get_section_for_user(request, school, year, key, write=True)
    if kind not in BLOCK_FORMS:
        return redirect("narrative:section_edit", school, year, key)
    case = get_case_or_404(section, request.GET.get("case") or request.POST.get("case"))
    extra = {"year": section.year} if kind == "chart" else {}
    form = BLOCK_FORMS[kind](request.POST or None, request.FILES or None, **extra)
    if request.method == "POST" and form.is_valid():
        image = form.cleaned_data.get("image") if kind == "photo" else None
        try:
            block = services.add_block(
                section=section,
                user=request.user,
                kind=kind,
                case=case,
                fields=form.block_fields(),
                image=image,
            )
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已添加。"))
            return _to_section(section, f"block-{block.pk}")
    context = {"section": section, "year": section.year, "form": form, "kind": kind, "case": case}
    return render(request, BLOCK_TEMPLATES[kind], context)


def block_edit(request, school, year, key, pk):
    block = get_block_for_user(request, school, year, key, pk)
    section = block.section
    if block.kind not in BLOCK_FORMS:
        return _to_section(section, f"block-{block.pk}")
    initial = {
        "caption": block.caption, "source": block.source, "title": block.title,
        "subtitle": block.subtitle, "table_key": block.table_key, "wide": block.wide,
        "grid_text": grid_to_text(block.grid), "header_rows": block.grid.get("header_rows", 1),
        **block.chart,
        "version": block.edit_version(),
    }  # fmt: skip
    form_class = BLOCK_FORMS[block.kind]
    extra = {"photo": {"image_required": False}, "chart": {"year": section.year}}.get(
        block.kind, {}
    )
    form = form_class(request.POST or None, request.FILES or None, initial=initial, **extra)
    if request.method == "POST" and form.is_valid():
        image = form.cleaned_data.get("image") if block.kind == "photo" else None
        try:
            services.update_block(
                block=block, user=request.user, fields=form.block_fields(), image=image,
                version=form.cleaned_data["version"],
            )  # fmt: skip
        except EditConflict as conflict:
            form.add_error(None, str(conflict))
            refresh_version(form, "version", conflict.version)
        except ReportError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("已保存。"))
            return _to_section(section, f"block-{block.pk}")
    context = {"section": section, "year": section.year, "form": form, "kind": block.kind,
               "block": block}  # fmt: skip
    return render(request, BLOCK_TEMPLATES[block.kind], context)


@require_POST
def block_move(request, school, year, key, pk):
    block = get_block_for_user(request, school, year, key, pk)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    try:
        services.move_block(block=block, user=request.user, direction=direction)
    except ReportError as error:
        messages.error(request, str(error))
    return _to_section(block.section, f"block-{block.pk}")


@require_POST
def block_delete(request, school, year, key, pk):
    block = get_block_for_user(request, school, year, key, pk)
    try:
        services.delete_block(block=block, user=request.user)
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已删除。"))
    return _to_section(block.section)


def section_preview(request, school, year, key):
    section = get_section_for_user(request, school, year, key)
    context = {
        "section": section,
        "year": section.year,
        "html": mark_safe(render_section_html(section)),  # sanitized document
        "can_write": can_write_section(request.user, section),
    }
    return render(request, "narrative/section_preview.html", context)


def section_revisions(request, school, year, key):
    section = get_section_for_user(request, school, year, key, write=True)
    revisions = section.revisions.select_related("author")[:50]
    return render(
        request,
        "narrative/section_revisions.html",
        {"section": section, "year": section.year, "revisions": revisions},
    )
