"""School setup steps: create a school, change its departments, reassign who fills what, add
people. Keyword-only functions that check, save in one transaction and raise SetupError with a
message in the user's words. Figures belong to the year, never to a department, so no step here
moves, copies or deletes a value or its history."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from metrics.models import Assignment
from narrative.models import Section
from reporting.errors import ReportError
from reporting.models import Department, Region, ReportYear, School, User
from setup import template


class SetupError(ReportError):
    """A refused setup step, with a message for the user."""


def current_report_year(today: datetime.date | None = None) -> int:
    """The report year being compiled: a school year ends on 31 August and is reported on
    in the autumn after it (2025 = 2024-09-01 … 2025-08-31, reported in late 2025)."""
    today = today or timezone.localdate()
    return today.year if today.month >= 9 else today.year - 1


@transaction.atomic
def create_school(
    *,
    slug: str,
    name: str,
    kind: str,
    admin_username: str,
    year: int | None = None,
    region: Region | None = None,
    short_name: str = "",
    admin_name: str = "",
    admin_email: str = "",
) -> tuple[School, User]:
    """The school, its departments from the template for its kind, the default assignments,
    the current report year with its outline and the school administrator (no password yet).
    A bureau administrator also gives its region, short name and the administrator's name."""
    if kind not in School.Kind.values:
        raise SetupError(_("学校类型“%(kind)s”未知，可选：%(choices)s。") % {
            "kind": kind, "choices": "、".join(School.Kind.values)})  # fmt: skip
    if School.objects.filter(slug=slug).exists():
        raise SetupError(_("标识“%(slug)s”已被其他学校使用。") % {"slug": slug})
    if School.objects.filter(name=name).exists():
        raise SetupError(_("学校“%(name)s”已经存在。") % {"name": name})
    if User.objects.filter(username=admin_username).exists():
        raise SetupError(_("用户名“%(u)s”已被使用。") % {"u": admin_username})
    school = School(slug=slug, name=name, kind=kind, region=region, short_name=short_name)
    _full_clean(school)
    school.save()
    for order, row in enumerate(template.departments_for(kind), start=1):
        Department.objects.create(school=school, name=row["name"], code=row["code"], order=order)
    template.assign_defaults(school)
    report_year = ReportYear.objects.create(school=school, year=year or current_report_year())
    by_code = {d.code: d for d in school.departments.all()}
    for key, code in template.section_defaults(kind).items():
        Section.objects.filter(year=report_year, key=key, department__isnull=True).update(
            department=by_code.get(code)
        )
    admin = add_user(
        school=school, username=admin_username, name=admin_name, role=User.Role.SCHOOL_ADMIN,
        email=admin_email,
    )  # fmt: skip
    return school, admin


def _full_clean(instance, exclude=None) -> None:
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        messages = [m for field in error.message_dict.values() for m in field]
        raise SetupError("；".join(messages)) from error


# -- departments ------------------------------------------------------------------------------
@transaction.atomic
def save_department(
    *, school: School, name: str, code: str, department: Department | None = None
) -> Department:
    """Add a department (no `department`) or rename one; its work and people stay with it."""
    department = department or Department(school=school, order=school.departments.count() + 1)
    others = school.departments.exclude(pk=department.pk)
    if others.filter(name=name).exists():
        raise SetupError(_("已有名为“%(name)s”的部门。") % {"name": name})
    if others.filter(code=code).exists():
        raise SetupError(_("已有代码为“%(code)s”的部门。") % {"code": code})
    department.name, department.code = name, code
    _full_clean(department, exclude=["school"])
    department.save()
    return department


def department_work(department: Department) -> dict[str, int]:
    """What would be lost if the department vanished: people, assignments, sections."""
    return {
        "people": department.members.count(),
        "assignments": department.assignments.count(),
        "sections": Section.objects.filter(department=department).count(),
    }


@transaction.atomic
def merge_departments(*, source: Department, target: Department) -> None:
    """Everything of `source` (people, who fills what, sections of every year) goes to
    `target`; then `source` is removed. Values stay where they are: they belong to the year."""
    if source.pk == target.pk or source.school_id != target.school_id:
        raise SetupError(_("请选择本校的另一个部门。"))
    sections = Section.objects.filter(department=source)
    for year in ReportYear.objects.filter(sections__in=sections).distinct():
        year.ensure_open()  # a locked year's sections keep their departments (YearLocked)
    source.members.update(department=target)
    source.assignments.update(department=target)
    sections.update(department=target)
    source.delete()


@transaction.atomic
def remove_department(*, department: Department) -> None:
    work = department_work(department)
    if any(work.values()):
        raise SetupError(
            _(
                "“%(name)s”还有 %(people)s 名人员、%(assignments)s 项填报分工和 %(sections)s "
                "个章节，请先把它们分给其他部门（或合并到其他部门）再删除。"
            )
            % {"name": department.name, **work}
        )
    department.delete()


# -- who fills what ---------------------------------------------------------------------------
@transaction.atomic
def assign(*, school: School, kind: str, key: str, department: Department) -> bool:
    """Give an indicator group or a data set to a department; True if it changed hands."""
    if department.school_id != school.pk:
        raise SetupError(_("只能指定本校的部门。"))
    row, created = Assignment.objects.get_or_create(
        school=school, kind=kind, key=key, defaults={"department": department}
    )
    if created or row.department_id == department.pk:
        return created
    row.department = department
    row.save(update_fields=["department"])
    return True


# -- people -----------------------------------------------------------------------------------
def split_name(name: str) -> tuple[str, str]:
    """Chinese names: the family name first; stored so that get_full_name() gives it back."""
    name = name.strip()
    return name[:1], name[1:]


def add_user(
    *,
    school: School,
    username: str,
    name: str,
    role: str,
    department: Department | None = None,
    email: str = "",
) -> User:
    """A user of the school without a password: they set one through a one-time link."""
    if User.objects.filter(username=username).exists():
        raise SetupError(_("用户名“%(u)s”已被使用。") % {"u": username})
    last, first = split_name(name)
    user = User(
        username=username, school=school, role=role, department=department,
        last_name=last, first_name=first, email=email,
    )  # fmt: skip
    user.set_unusable_password()
    _full_clean(user, exclude=["password"])
    user.save()
    return user
