"""The year's activity log: one function every workflow step calls.

    log_activity(year=year, user=request.user, action="reporting.section.approved",
                 item=section_item, message="")

`item` is anything with a readable str() (a review item, an edition, a section) and optionally
a `url` attribute or `get_absolute_url()`; None for the year itself (lock, unlock).
"""

from __future__ import annotations

from reporting.models import ReportYear
from review.models import ActivityEntry


def log_activity(
    *, year: ReportYear, user=None, action: str, item: object = None, message: str = ""
) -> ActivityEntry:
    url = ""
    if item is not None:
        url = getattr(item, "url", "") or (
            item.get_absolute_url() if hasattr(item, "get_absolute_url") else ""
        )
    return ActivityEntry.objects.create(
        year=year,
        user=user if user is not None and user.is_authenticated else None,
        action=action,
        item_label=str(item)[:300] if item is not None else "",
        item_url=url[:300],
        message=message,
    )


def log_lock_event(sender, instance, created, raw=False, **kwargs):
    """Locks, unlocks and published editions (publication's LockEvent) go into the
    same log as the review steps, so the year's history reads in one place."""
    if not created or raw:
        return
    edition = instance.edition
    log_activity(
        year=instance.year,
        user=instance.user,
        action=f"reporting.year.{instance.action}",
        item=edition,
        message=instance.text,
    )
