"""我的任务: the sections assigned to a department head's department, with their state."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from reporting.models import ReportYear
from reporting.narrative.models import Section
from reporting.narrative.numbering import build_outline
from reporting.tasks import Task


def section_tasks(user):
    if not user.is_authenticated or not user.is_department_head or user.department_id is None:
        return []
    year = ReportYear.objects.for_user(user).open().order_by("-year").first()
    if year is None:
        return []
    assigned = {
        s.pk for s in Section.objects.filter(year=year, department_id=user.department_id).only("pk")
    }
    if not assigned:
        return []
    written = set(
        Section.objects.filter(pk__in=assigned, blocks__isnull=False).values_list("pk", flat=True)
    )
    tasks = []
    for node in build_outline(year, with_blocks=False).walk():
        section = node.section
        if section.pk not in assigned:
            continue
        tasks.append(
            Task(
                title=f"{node.number} {section.title}".strip(),
                url=reverse(
                    "narrative:section_edit", args=[year.school.slug, year.year, section.key]
                ),
                category=_("报告正文"),
                status=_("已撰写") if section.pk in written else _("待撰写"),
                detail=year.label,
            )
        )
    return tasks
