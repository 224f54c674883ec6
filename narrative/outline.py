"""The committee's outline services: create (from the template of the report's kind, or the
previous year), add, rename, move, remove and assign sections, and add top-level chapters.
Every write checks that the year is still open."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext as _

from narrative.errors import EditConflict, NarrativeError
from narrative.models import Block, FrontMatter, Section
from narrative.outline_template import mandated_keys, template_for
from narrative.uploads import discard_unused_photos
from reporting.models import Department, ReportYear


def new_key() -> str:
    return "s" + secrets.token_hex(4)


@transaction.atomic
def create_outline(*, year: ReportYear) -> None:
    """A new year's outline: the previous year's sections and assignments (no text), or the
    template of the report's kind (fixtures/outlines.json) when there is no previous year.
    Does nothing if an outline exists."""
    year.ensure_open()
    if Section.objects.filter(year=year).exists():
        return
    previous = year.previous()
    if previous is not None and Section.objects.filter(year=previous).exists():
        _copy_sections(source=previous, target=year)
    else:
        for position, entry in enumerate(template_for(year.school), start=1):
            Section.objects.create(
                year=year, key=entry.key, kind=entry.kind, title=entry.title, position=position
            )
    FrontMatter.objects.get_or_create(year=year, defaults=front_matter_defaults(year))


def _copy_sections(*, source: ReportYear, target: ReportYear) -> None:
    new_by_old: dict[int, Section] = {}
    # Parents before children: order by depth through repeated passes over a small list.
    pending = list(Section.objects.filter(year=source).order_by("position", "pk"))
    while pending:
        remaining = []
        for old in pending:
            if old.parent_id and old.parent_id not in new_by_old:
                remaining.append(old)
                continue
            new_by_old[old.pk] = Section.objects.create(
                year=target,
                parent=new_by_old.get(old.parent_id),
                key=old.key,
                kind=old.kind,
                title=old.title,
                position=old.position,
                department=old.department,
            )
        pending = remaining


def front_matter_defaults(year: ReportYear) -> dict:
    # Text of the printed (Chinese) report, whatever the interface language of who asks.
    with translation.override(settings.LANGUAGE_CODE):
        return _front_matter_texts(year)


def _front_matter_texts(year: ReportYear) -> dict:
    school = year.school
    kind = _("高等职业教育") if school.is_higher else _("中等职业教育")
    return {
        "publication_form": _("%(school)s%(kind)s质量年度报告（%(year)s年度）公开形式")
        % {"school": school.name, "kind": kind, "year": year.year},
        "web_address": school.website,
        "legal_representative": school.legal_representative,
        "declaration_text": _(
            "%(school)s对《%(school)s%(kind)s质量报告（%(year)s年度）》的真实性、完整性和准确性负责。"
        )
        % {"school": school.name, "kind": kind, "year": year.year},
        "preface_signature": _("《%(school)s%(year)s年教育质量年度报告》编委会")
        % {"school": school.name, "year": year.year},
        "back_address": school.address,
        "back_admissions_phone": school.admissions_phone,
        "back_fax": school.fax,
        "back_postcode": school.postcode,
    }


@transaction.atomic
def restart_from_previous(*, year: ReportYear) -> None:
    """Replace an outline without text by the previous year's (the committee's button)."""
    year.ensure_open()
    if year.previous() is None:
        raise NarrativeError(_("没有上一年度的报告，无法复制大纲。"))
    if Section.objects.filter(year=year, blocks__isnull=False).exists():
        raise NarrativeError(_("本年度已有正文内容，不能用上一年度的大纲覆盖。"))
    Section.objects.filter(year=year).delete()
    create_outline(year=year)


def _next_position(year: ReportYear, parent: Section | None) -> int:
    siblings = Section.objects.filter(year=year, parent=parent)
    return (siblings.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def add_section(*, parent: Section, title: str, department: Department | None = None) -> Section:
    parent.year.ensure_open()
    if parent.kind == Section.Kind.APPENDIX:
        raise NarrativeError(_("附件由数据表生成，不能添加小节。"))
    return Section.objects.create(
        year=parent.year,
        parent=parent,
        key=new_key(),
        kind=Section.Kind.SECTION,
        title=title.strip(),
        position=_next_position(parent.year, parent),
        department=department,
    )


@transaction.atomic
def add_chapter(
    *,
    year: ReportYear,
    title: str,
    department: Department | None = None,
    before: Section | None = None,
) -> Section:
    """A new top-level chapter before `before` (a chapter or the appendix), else after the last
    chapter. Chapter numbers follow from the positions, so the chapters after it renumber."""
    year = ReportYear.objects.select_for_update().get(pk=year.pk)
    year.ensure_open()
    title = title.strip()
    if not title:
        raise NarrativeError(_("请填写新章的标题。"))
    if department is not None and department.school_id != year.school_id:
        raise NarrativeError(_("只能指定本校的部门。"))
    top = list(Section.objects.filter(year=year, parent=None).order_by("position", "pk"))
    if before is not None and (before.year_id != year.pk or before.parent_id is not None):
        raise NarrativeError(_("不能移到该位置。"))
    if before is not None and before.kind == Section.Kind.OVERVIEW:
        raise NarrativeError(_("新章只能放在概况之后。"))
    if before is None:
        appendix = [i for i, s in enumerate(top) if s.kind == Section.Kind.APPENDIX]
        index = appendix[0] if appendix else len(top)
    else:
        index = next(i for i, s in enumerate(top) if s.pk == before.pk)
    chapter = Section(
        year=year, key=new_key(), kind=Section.Kind.CHAPTER, title=title, department=department
    )
    top.insert(index, chapter)
    for position, section in enumerate(top, start=1):
        if section is chapter:
            chapter.position = position
            chapter.save()
        elif section.position != position:
            Section.objects.filter(pk=section.pk).update(position=position)
    return chapter


@transaction.atomic
def update_section(
    *, section: Section, title: str, department: Department | None, version: str | None = None
) -> Section:
    section = (
        Section.objects.select_for_update(of=("self",)).select_related("year").get(pk=section.pk)
    )
    section.year.ensure_open()
    if department is not None and department.school_id != section.year.school_id:
        raise NarrativeError(_("只能指定本校的部门。"))
    if version is not None and version != section.settings_version():
        raise EditConflict(
            _(
                "未保存：您打开大纲后，其他人已修改了该章节的标题或负责部门，现为“%(title)s”"
                "（%(department)s）。您填写的是“%(typed)s”（%(typed_department)s）；"
                "请核对后重新保存。"
            )
            % {
                "title": section.title,
                "department": section.department or _("不指定"),
                "typed": title.strip(),
                "typed_department": department or _("不指定"),
            },
            version=section.settings_version(),
        )
    section.title = title.strip()
    section.department = department
    section.save(update_fields=["title", "department", "updated_at"])
    return section


@transaction.atomic
def move_section(*, section: Section, direction: str) -> None:
    """Swap with the previous ("up") or next ("down") sibling of the same kind, so chapters
    stay between the overview and the appendix."""
    section.year.ensure_open()
    siblings = list(
        Section.objects.select_for_update()
        .filter(year=section.year, parent_id=section.parent_id)
        .order_by("position", "pk")
    )
    index = next(i for i, s in enumerate(siblings) if s.pk == section.pk)
    step = -1 if direction == "up" else 1
    other = index + step
    if not 0 <= other < len(siblings) or siblings[other].kind != section.kind:
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, sibling in enumerate(siblings, start=1):
        if sibling.position != position:
            Section.objects.filter(pk=sibling.pk).update(position=position)


@transaction.atomic
def reparent_section(*, section: Section, new_parent: Section) -> None:
    """Move a sub-section (with its own sub-sections) to the end of another parent."""
    section.year.ensure_open()
    if section.kind != Section.Kind.SECTION:
        raise NarrativeError(_("章不能移入其他章节。"))
    if new_parent.year_id != section.year_id or new_parent.kind == Section.Kind.APPENDIX:
        raise NarrativeError(_("不能移到该位置。"))
    ancestor = new_parent
    while ancestor is not None:
        if ancestor.pk == section.pk:
            raise NarrativeError(_("不能把章节移入它自己的下级。"))
        ancestor = ancestor.parent
    section.parent = new_parent
    section.position = _next_position(section.year, new_parent)
    section.save(update_fields=["parent", "position", "updated_at"])


@transaction.atomic
def remove_section(*, section: Section) -> None:
    section.year.ensure_open()
    if section.kind in (Section.Kind.OVERVIEW, Section.Kind.APPENDIX) or (
        section.kind == Section.Kind.CHAPTER and section.key in mandated_keys(section.year.school)
    ):
        raise NarrativeError(
            _("概况、附件和模板中的章是规定结构，不能删除（可以改名和调整顺序）。")
        )
    # The delete (with its sub-sections and blocks) is recorded by pghistory's delete triggers.
    photos = list(
        Block.objects.filter(section__in=_with_descendants(section)).values_list(
            "photo_id", flat=True
        )
    )
    section.delete()
    discard_unused_photos(photos)


def _with_descendants(section: Section) -> list[Section]:
    found, frontier = [section], [section]
    while frontier:
        frontier = list(Section.objects.filter(parent__in=frontier))
        found += frontier
    return found
