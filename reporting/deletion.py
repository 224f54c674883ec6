"""Deleting a year or a department without losing work.

Everything a year owns points at it with on_delete=PROTECT, and sections point at their
department with PROTECT, so no delete (学校管理, shell, a cascade from a school) silently takes
figures, text, photos or files with it. Here: what stands in the way, in words for the school
administrator, and the one delete that is allowed: a year holding nothing but its generated
outline and front matter (models mark those with `is_year_scaffolding()`).

Department work that is not a foreign key (figures are owned through the catalog's
department code) is reported by the apps that own it via `register_department_work`; this
keeps `reporting` free of imports from the apps above it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models import ProtectedError, RestrictedError
from django.db.models.deletion import Collector
from django.utils.translation import gettext as _

from reporting.models import Department, ReportYear

DepartmentWork = Callable[[Department], list[str]]
_department_work: list[DepartmentWork] = []


class DeleteRefused(Exception):
    """A delete that would lose work; the message says what to do first."""


def register_department_work(source: DepartmentWork) -> None:
    if source not in _department_work:
        _department_work.append(source)


def _protected(obj) -> list:
    collector = Collector(using=DEFAULT_DB_ALIAS)
    try:
        collector.collect([obj])
    except (ProtectedError, RestrictedError) as error:
        found = getattr(error, "protected_objects", None) or error.restricted_objects
        return list(found)
    return []


def _describe(objects) -> list[str]:
    counts = Counter(str(obj._meta.verbose_name) for obj in objects)
    return [
        _("%(count)s 项%(what)s") % {"count": count, "what": what}
        for what, count in sorted(counts.items())
    ]


def year_contents(year: ReportYear) -> list[str]:
    """What deleting the year would lose, one line per kind; empty when there is nothing."""
    held = [obj for obj in _protected(year) if not _scaffolding(obj)]
    return _describe(held)


def _scaffolding(obj) -> bool:
    check = getattr(obj, "is_year_scaffolding", None)
    return bool(check and check())


def year_refusal(year: ReportYear) -> str | None:
    contents = year_contents(year)
    if not contents:
        return None
    return _(
        "%(year)s已有数据（%(contents)s），不能删除。已填报的数据、正文、图片和导出文件"
        "需要长期保存；如确需删除，请联系平台管理员。"
    ) % {"year": year, "contents": "、".join(contents)}


@transaction.atomic
def delete_year(*, year: ReportYear) -> None:
    """Delete a year that holds only its generated outline; refuse (DeleteRefused) otherwise."""
    year = ReportYear.objects.select_for_update().get(pk=year.pk)
    refusal = year_refusal(year)
    if refusal:
        raise DeleteRefused(refusal)
    by_model: dict[type, list] = {}
    for obj in _protected(year):
        by_model.setdefault(type(obj), []).append(obj.pk)
    for model, pks in by_model.items():
        model._base_manager.filter(pk__in=pks).delete()
    year.delete()


def department_work(department: Department) -> list[str]:
    """What the department still owns (sections, members, figures …), one line per kind."""
    lines = _describe(_protected(department))
    for source in _department_work:
        lines += source(department)
    return lines


def department_refusal(department: Department) -> str | None:
    work = department_work(department)
    if not work:
        return None
    return _(
        "部门“%(name)s”仍负责%(work)s，不能删除。请先把这些章节、数据和人员改派给其他部门"
        "（章节在报告正文的大纲中改派，人员在“用户”中修改），再删除该部门。"
    ) % {"name": department.name, "work": "、".join(work)}


@transaction.atomic
def delete_department(*, department: Department) -> None:
    department = Department.objects.select_for_update().get(pk=department.pk)
    refusal = department_refusal(department)
    if refusal:
        raise DeleteRefused(refusal)
    department.delete()
