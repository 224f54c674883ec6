"""What keeps a year from being locked, as far as review goes: every item not approved (or
changed since its approval). Registered with the lock's blocker registry
(publication/blockers.py), which adds unexplained error findings and bound figures
without a value; the committee's 工作台 and the lock service read that one list."""

from __future__ import annotations

from django.utils.translation import gettext as _

from publication.blockers import Blocker
from publication.status import ItemStatus
from reporting.models import ReportYear
from review.items import year_items


def _reasons() -> dict[str, str]:
    return {
        "draft": _("草稿，部门尚未提交"),
        "returned": _("已退回，部门修改中"),
        "submitted": _("已提交，待审核"),
        "changed": _("通过后有修改，需重新审核"),
    }


def review_blockers(year: ReportYear, items: list | None = None) -> list[Blocker]:
    reasons = _reasons()
    return [
        Blocker(f"{item} — {reasons[item.state]}", item.url)
        for item in (year_items(year) if items is None else items)
        if not item.is_approved
    ]


def review_statuses(year: ReportYear) -> list[ItemStatus]:
    """Each item's review state, for `manage.py year_status`."""
    return [
        ItemStatus(item.department.name if item.department else "", item.title, item.state_label)
        for item in year_items(year)
    ]
