"""What keeps a year from being locked, as far as review goes: every item not approved (or
changed since its approval). The lock service adds its own blockers (unexplained error
findings, bound figures without a value) and calls this for the review part:

    from reporting.review.blockers import review_blockers
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from reporting.models import ReportYear
from reporting.review.items import year_items


@dataclass(frozen=True)
class Blocker:
    label: str  # what, in users' words: "招生就业办 · 单项数据"
    reason: str  # why: "已提交，待审核"
    url: str  # where to act on it


def review_blockers(year: ReportYear, items: list | None = None) -> list[Blocker]:
    reasons = {
        "draft": _("草稿，部门尚未提交"),
        "returned": _("已退回，部门修改中"),
        "submitted": _("已提交，待审核"),
        "changed": _("通过后有修改，需重新审核"),
    }
    return [
        Blocker(label=str(item), reason=reasons[item.state], url=item.url)
        for item in (year_items(year) if items is None else items)
        if not item.is_approved
    ]


def finding_blockers(year: ReportYear) -> list[Blocker]:
    """Error-level findings without an explanation (the findings page explains them)."""
    from django.urls import reverse

    from metrics.findings import run_checks

    url = reverse("metrics:findings", args=[year.school.slug, year.year])
    return [
        Blocker(label=f.message, reason=_("错误未说明"), url=url)
        for f in run_checks(year)
        if f.blocking
    ]
