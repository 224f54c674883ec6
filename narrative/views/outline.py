"""The outline page, the committee's outline actions, the front matter and the whole preview."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from narrative import outline as outline_services
from narrative.access import get_section_for_user
from narrative.document import render_report_html
from narrative.errors import EditConflict
from narrative.forms import (
    AddChapterForm,
    AddSectionForm,
    FrontMatterForm,
    ReparentForm,
    SectionSettingsForm,
)
from narrative.models import FrontMatter, Section
from narrative.new_year import create_next_year, next_year_number
from narrative.numbering import build_outline
from narrative.outline_template import mandated_keys
from narrative.services import save_front_matter
from reporting.access import can_manage_year, get_year_for_user
from reporting.errors import ReportError
from reporting.versions import refresh_version


def _back(section_or_year):
    # A ReportYear has an int `year` too: ask for the section, not for the attribute.
    year = section_or_year.year if isinstance(section_or_year, Section) else section_or_year
    return redirect("narrative:outline", year.school.slug, year.year)


def outline(request, school, year):
    report_year = get_year_for_user(request, school, year)
    tree = build_outline(report_year, with_blocks=False)
    manage = can_manage_year(request.user)
    context = {
        "year": report_year,
        "nodes": list(tree.walk()),
        "manage": manage,
        "departments": report_year.school.departments.all(),
        "movable_parents": [n for n in tree.walk() if n.section.kind != Section.Kind.APPENDIX],
        "can_restart": manage and report_year.previous() is not None,
        "chapters": [n for n in tree.roots if n.section.kind == Section.Kind.CHAPTER],
        "frame_keys": mandated_keys(report_year.school),
        "next_year": next_year_number(report_year) if manage else None,
    }
    return render(request, "narrative/outline.html", context)


def _run(request, section_or_year, action, success: str):
    try:
        action()
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return _back(section_or_year)


@require_POST
def section_add(request, school, year, key):
    parent = get_section_for_user(request, school, year, key)
    get_year_for_user(request, school, year, manage=True)
    form = AddSectionForm(request.POST, school=parent.year.school)
    if not form.is_valid():
        messages.error(request, _("请填写新小节的标题。"))
        return _back(parent)
    data = form.cleaned_data
    return _run(
        request,
        parent,
        lambda: outline_services.add_section(
            parent=parent, title=data["title"], department=data["department"]
        ),
        _("已添加小节“%(title)s”。") % {"title": data["title"]},
    )


@require_POST
def chapter_add(request, school, year):
    report_year = get_year_for_user(request, school, year, manage=True)
    form = AddChapterForm(request.POST, year=report_year)
    if not form.is_valid():
        messages.error(request, _("请填写新章的标题。"))
        return _back(report_year)
    data = form.cleaned_data
    return _run(
        request,
        report_year,
        lambda: outline_services.add_chapter(
            year=report_year,
            title=data["title"],
            department=data["department"],
            before=data["before"],
        ),
        _("已添加章“%(title)s”。") % {"title": data["title"]},
    )


@require_POST
def section_settings(request, school, year, key):
    get_year_for_user(request, school, year, manage=True)
    section = get_section_for_user(request, school, year, key)
    form = SectionSettingsForm(request.POST, school=section.year.school)
    if not form.is_valid():
        messages.error(request, _("请填写标题。"))
        return _back(section)
    data = form.cleaned_data
    return _run(
        request,
        section,
        lambda: outline_services.update_section(
            section=section,
            title=data["title"],
            department=data["department"],
            version=data["version"],
        ),
        _("已保存“%(title)s”。") % {"title": data["title"]},
    )


@require_POST
def section_move(request, school, year, key):
    get_year_for_user(request, school, year, manage=True)
    section = get_section_for_user(request, school, year, key)
    direction = "up" if request.POST.get("direction") == "up" else "down"
    return _run(
        request,
        section,
        lambda: outline_services.move_section(section=section, direction=direction),
        _("已移动“%(title)s”。") % {"title": section.title},
    )


@require_POST
def section_reparent(request, school, year, key):
    get_year_for_user(request, school, year, manage=True)
    section = get_section_for_user(request, school, year, key)
    form = ReparentForm(request.POST, section=section)
    if not form.is_valid():
        messages.error(request, _("请选择要移到的章节。"))
        return _back(section)
    return _run(
        request,
        section,
        lambda: outline_services.reparent_section(
            section=section, new_parent=form.cleaned_data["parent"]
        ),
        _("已移动“%(title)s”。") % {"title": section.title},
    )


@require_POST
def section_remove(request, school, year, key):
    get_year_for_user(request, school, year, manage=True)
    section = get_section_for_user(request, school, year, key)
    return _run(
        request,
        section,
        lambda: outline_services.remove_section(section=section),
        _("已删除“%(title)s”。") % {"title": section.title},
    )


@require_POST
def create_outline(request, school, year):
    """For a year created before the report text existed (a new year gets its outline when it
    is created): never on opening a page, since a GET writes nothing."""
    report_year = get_year_for_user(request, school, year, manage=True)
    return _run(
        request,
        report_year,
        lambda: outline_services.create_outline(year=report_year),
        _("已建立本年度大纲。"),
    )


@require_POST
def restart_from_previous(request, school, year):
    report_year = get_year_for_user(request, school, year, manage=True)
    return _run(
        request,
        report_year,
        lambda: outline_services.restart_from_previous(year=report_year),
        _("已按上一年度的大纲和分工重新建立本年度大纲。"),
    )


@require_POST
def next_year(request, school, year):
    report_year = get_year_for_user(request, school, year, manage=True)
    try:
        created = create_next_year(year=report_year)
    except ReportError as error:
        messages.error(request, str(error))
        return _back(report_year)
    messages.success(
        request,
        _("已新建%(year)s年度：沿用本年度的大纲和分工，上年的问题说明将作为建议。")
        % {"year": created.year},
    )
    return _back(created)


def front_matter(request, school, year):
    report_year = get_year_for_user(request, school, year, manage=True)
    # Not stored until the committee saves (a GET writes nothing).
    instance = FrontMatter.objects.filter(year=report_year).first() or FrontMatter(
        year=report_year, **outline_services.front_matter_defaults(report_year)
    )
    form = FrontMatterForm(
        request.POST or None, instance=instance, initial={"version": instance.edit_version()}
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in FrontMatterForm.Meta.fields}
        try:
            save_front_matter(
                front_matter=instance, fields=fields, version=form.cleaned_data["version"]
            )
        except EditConflict as conflict:
            form.add_error(None, str(conflict))
            refresh_version(form, "version", conflict.version)
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("封面、声明与前言已保存。"))
            return redirect("narrative:front_matter", school, year)
    return render(request, "narrative/front_matter.html", {"year": report_year, "form": form})


def preview(request, school, year):
    report_year = get_year_for_user(request, school, year)
    return HttpResponse(render_report_html(report_year, target="web"))
