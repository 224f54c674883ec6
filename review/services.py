"""Review steps, keyword-only: submit (the department's head), approve and return (the
committee), comment (the department or the committee). Each checks the state, saves in a
transaction and writes the year's activity log (reporting.<kind>.<step>)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from reporting.access import can_manage_year
from reporting.models import ReportYear, User
from review.activity import log_activity
from review.items import Item
from review.models import ReviewComment, ReviewItem

Status = ReviewItem.Status
ACTION_NOUN = {"figures": "figures", "data": "dataset", "section": "section"}
MAX_COMMENT = 2000


class ReviewError(Exception):
    """A review step refused for a reason the user can act on; the message is for them."""


def can_submit(user: User, item: Item) -> bool:
    return (
        user.is_department_head
        and item.department is not None
        and user.department_id == item.department.pk
    )


def can_review(user: User, year: ReportYear) -> bool:
    return can_manage_year(user) and (user.is_superuser or user.school_id == year.school_id)


def can_comment(user: User, item: Item) -> bool:
    if can_review(user, item.year):
        return True
    return (
        user.is_department_member
        and item.department is not None
        and user.department_id == item.department.pk
    )


def _record(item: Item) -> ReviewItem:
    """The item's row, locked for this transaction (created as a draft when missing)."""
    if not item.year.is_open:
        raise ReviewError(_("%(year)s已锁定，审核状态不能再改变。") % {"year": item.year.label})
    ReviewItem.objects.get_or_create(year=item.year, kind=item.kind, key=item.key)
    record = ReviewItem.objects.select_for_update().get(
        year=item.year, kind=item.kind, key=item.key
    )
    item.record = record
    item.__dict__.pop("state", None)
    return record


def _log(item: Item, user: User, step: str, message: str = "") -> None:
    action = f"reporting.{ACTION_NOUN[item.kind]}.{step}"
    log_activity(year=item.year, user=user, action=action, item=item, message=message)


def _clean_comment(text: str) -> str:
    text = (text or "").replace("\x00", "").strip()
    if not text:
        raise ReviewError(_("请填写意见。"))
    if len(text) > MAX_COMMENT:
        raise ReviewError(_("意见最多 %(max)s 字。") % {"max": MAX_COMMENT})
    return text


@transaction.atomic
def submit_item(*, item: Item, user: User) -> ReviewItem:
    if not can_submit(user, item):
        raise ReviewError(_("只有本部门负责人可以提交。"))
    record = _record(item)
    if record.status != Status.DRAFT:
        raise ReviewError(_("「%(item)s」已提交，无需重复提交。") % {"item": item.title})
    record.status, record.returned = Status.SUBMITTED, False
    record.submitted_by, record.submitted_at = user, timezone.now()
    record.save()
    _log(item, user, "submitted")
    return record


def _approve(item: Item, user: User) -> ReviewItem:
    record = _record(item)
    if item.state not in ("submitted", "changed"):
        raise ReviewError(
            _("「%(item)s」当前为“%(state)s”，不能通过。")
            % {"item": item.title, "state": item.state_label}
        )
    content = item.content
    record.status = Status.APPROVED
    record.approved_by, record.approved_at = user, timezone.now()
    record.approved_fingerprint, record.approved_content = content.fingerprint, content.snapshot()
    record.save()
    _log(item, user, "approved")
    return record


@transaction.atomic
def approve_item(*, item: Item, user: User) -> ReviewItem:
    if not can_review(user, item.year):
        raise ReviewError(_("只有编委会可以审核通过。"))
    return _approve(item, user)


@dataclass
class BulkResult:
    approved: list[Item]
    skipped: list[tuple[Item, str]]


@transaction.atomic
def approve_items(*, items: list[Item], user: User) -> BulkResult:
    """Approve every item that waits for review; the others are listed with the reason."""
    if not items or not can_review(user, items[0].year):
        raise ReviewError(_("只有编委会可以审核通过。"))
    result = BulkResult([], [])
    for item in items:
        try:
            with transaction.atomic():
                _approve(item, user)
        except ReviewError as error:
            result.skipped.append((item, str(error)))
        else:
            result.approved.append(item)
    return result


@transaction.atomic
def return_item(*, item: Item, user: User, comment: str) -> ReviewItem:
    if not can_review(user, item.year):
        raise ReviewError(_("只有编委会可以退回。"))
    text = _clean_comment(comment)
    record = _record(item)
    if record.status == Status.DRAFT:
        raise ReviewError(_("「%(item)s」尚未提交，不能退回。") % {"item": item.title})
    record.status, record.returned = Status.DRAFT, True
    record.save()
    ReviewComment.objects.create(item=record, author=user, text=text, is_return=True)
    _log(item, user, "returned", text)
    return record


@transaction.atomic
def add_comment(*, item: Item, user: User, text: str) -> ReviewComment:
    if not can_comment(user, item):
        raise ReviewError(_("您不能对此项发表意见。"))
    text = _clean_comment(text)
    record = _record(item)
    comment = ReviewComment.objects.create(item=record, author=user, text=text)
    _log(item, user, "commented", text)
    return comment
