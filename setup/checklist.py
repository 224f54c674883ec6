"""The school administrator's first steps: what is done and what is still missing."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from metrics.datasets import DATASETS
from metrics.models import Assignment, Indicator
from narrative.models import Section
from reporting.models import School, User

# The fields the cover, 学校概况 and the back cover print.
RECORD_FIELDS = ("short_name", "address", "phone", "postcode", "website", "legal_representative")


@dataclass(frozen=True)
class Step:
    title: str
    done: bool
    missing: str
    url: str


def current_year(school: School):
    return school.years.order_by("-year").first()


def unassigned(school: School) -> list[str]:
    """Indicator groups and data sets nobody of the school fills."""
    taken = set(Assignment.objects.filter(school=school).values_list("kind", "key"))
    groups = set(Indicator.objects.for_school(school).values_list("department_code", flat=True))
    items = [(Assignment.Kind.INDICATORS, g) for g in sorted(groups)]
    items += [(Assignment.Kind.DATASET, k) for k in DATASETS]
    return [key for item in items if item not in taken for key in [item[1]]]


def unassigned_sections(year) -> list[Section]:
    """Sections nobody writes: no department of their own or of an ancestor (the head of an
    ancestor's department writes them) and no sub-section with one (then it is a heading)."""
    if year is None:
        return []
    sections = list(Section.objects.filter(year=year).exclude(kind=Section.Kind.APPENDIX))
    by_id = {s.pk: s for s in sections}

    def line(section):  # the section and its ancestors
        while section is not None:
            yield section
            section = by_id.get(section.parent_id)

    headings = {a.pk for s in sections if s.department_id for a in line(s)}
    return [
        s for s in sections
        if s.pk not in headings and not any(a.department_id for a in line(s))
    ]  # fmt: skip


def steps(school: School) -> list[Step]:
    slug = school.slug
    missing_fields = [
        str(School._meta.get_field(f).verbose_name) for f in RECORD_FIELDS if not getattr(school, f)
    ]
    departments = list(school.departments.all())
    heads = set(
        school.users.filter(role=User.Role.DEPARTMENT_HEAD).values_list("department", flat=True)
    )
    working = set(Assignment.objects.filter(school=school).values_list("department", flat=True))
    headless = [d.name for d in departments if d.pk in working and d.pk not in heads]
    editors = school.users.filter(role=User.Role.EDITOR).exists()
    people_missing = []
    if not editors:
        people_missing.append(_("还没有编委会成员"))
    if headless:
        people_missing.append(_("没有负责人的部门：%(d)s") % {"d": "、".join(headless)})
    year = current_year(school)
    open_items = unassigned(school)
    open_sections = unassigned_sections(year)
    work_missing = []
    if open_items:
        work_missing.append(_("%(n)s 项数据无人填报") % {"n": len(open_items)})
    if open_sections:
        work_missing.append(_("%(n)s 个章节无人撰写") % {"n": len(open_sections)})
    date_missing = []
    if year is None:
        date_missing.append(_("还没有报告年度"))
    else:
        if not year.due_date:
            date_missing.append(_("截止日期"))
        if not year.publication_date:
            date_missing.append(_("发布日期"))
    return [
        Step(_("学校信息"), not missing_fields, _("缺少：%(f)s") % {"f": "、".join(missing_fields)},
             reverse("setup:school", args=[slug])),
        Step(_("部门"), bool(departments), _("还没有部门"),
             reverse("setup:departments", args=[slug])),
        Step(_("人员"), not people_missing, "；".join(people_missing),
             reverse("setup:people", args=[slug])),
        Step(_("填报分工"), not work_missing, "；".join(work_missing),
             reverse("setup:assignments", args=[slug])),
        Step(_("年度日期"), not date_missing, _("缺少：%(f)s") % {"f": "、".join(date_missing)},
             reverse("setup:year", args=[slug])),
    ]  # fmt: skip


def checklist_tasks(user):
    """Home page tasks of a school administrator: each unfinished first step."""
    if not (user.is_authenticated and user.is_school_admin and user.school_id):
        return []
    from reporting.tasks import Task

    category = _("学校设置")
    return [
        Task(title=step.title, url=step.url, category=category, status=_("待完善"),
             detail=step.missing)
        for step in steps(user.school) if not step.done
    ]  # fmt: skip
