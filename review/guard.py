"""The one check the figure and text services make before a department edits an item: a
submitted or approved item is read-only for its department until the committee returns it.

Registered with reporting.edit_guard in ReviewConfig.ready, so metrics asks it without importing
the review app above it; the narrative (a sibling) calls it directly.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from reporting.models import ReportYear
from review.models import ReviewItem


def edit_refusal(*, year: ReportYear, user, kind: str, key: str) -> str | None:
    """Why `user` may not change the item now, in their words; None when they may.

    The committee may still correct an item (an approved item then shows 通过后有修改);
    `user=None` is a system write (demo loader, imports)."""
    if user is None or user.is_superuser or user.is_editor:
        return None
    status = (
        ReviewItem.objects.filter(year=year, kind=kind, key=key)
        .values_list("status", flat=True)
        .first()
    )
    if status == ReviewItem.Status.SUBMITTED:
        return _("已提交编委会审核，部门暂不能修改。如需修改，请联系编委会退回。")
    if status == ReviewItem.Status.APPROVED:
        return _("编委会已审核通过，部门不能再修改。如需修改，请联系编委会退回。")
    return None
