"""Lock, publish and unlock a report year: the editorial committee's steps.

`lock_year` checks the blockers, flips the year to locked, renders the PDF, Excel and Word
files once (the exporters see a locked year, so no 草稿 mark) and stores them as the next
edition, all in one transaction: if rendering fails, the year stays open and no file is kept.
`unlock_year` is the only way past the lock: it flips the status first, so the PostgreSQL
triggers (reporting/year_lock.py) let writes through again, and records who and why.
"""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from exports.exporters import get_exporter
from publication import storage
from publication.blockers import Blocker, lock_blockers
from publication.models import Edition, EditionFile, LockEvent
from reporting.errors import ReportError
from reporting.models import ReportYear, User

PUBLISHED_FORMATS = [EditionFile.Format.PDF, EditionFile.Format.XLSX, EditionFile.Format.DOCX]
MAX_TEXT = 2000


class LockRefused(ReportError):
    def __init__(self, blockers: list[Blocker]):
        super().__init__(
            _("本年度还不能锁定：还有 %(n)s 项未完成（见“锁定前需完成”）。") % {"n": len(blockers)}
        )
        self.blockers = blockers


def can_lock(user: User, year: ReportYear) -> bool:
    """Only the editorial committee of the year's school locks and unlocks."""
    return bool(user.is_authenticated and user.is_editor and user.school_id == year.school_id)


def _check_text(text: str, label: str) -> str:
    text = (text or "").strip()
    if len(text) > MAX_TEXT:
        raise ReportError(_("%(label)s最多 %(n)s 个字。") % {"label": label, "n": MAX_TEXT})
    return text


def lock_year(*, year: ReportYear, user: User, note: str = "") -> Edition:
    """Lock the year and publish its next edition; LockRefused lists what is missing."""
    if not can_lock(user, year):
        raise PermissionDenied
    note = _check_text(note, _("锁定说明"))
    written: list[str] = []
    try:
        with transaction.atomic():
            year = ReportYear.objects.select_for_update().select_related("school").get(pk=year.pk)
            year.ensure_open()
            blockers = lock_blockers(year)
            if blockers:
                raise LockRefused(blockers)
            now = timezone.now()
            year.status, year.locked_by, year.locked_at = ReportYear.Status.LOCKED, user, now
            year.save(update_fields=["status", "locked_by", "locked_at"])
            number = (year.editions.aggregate(n=Max("number"))["n"] or 0) + 1
            edition = Edition.objects.create(
                year=year, number=number, locked_by=user, locked_at=now, note=note
            )
            for format in PUBLISHED_FORMATS:
                written.append(_publish_file(edition, format))
            LockEvent.objects.create(
                year=year, action=LockEvent.Action.LOCKED, user=user, at=now, text=note,
                edition=edition,
            )  # fmt: skip
            LockEvent.objects.create(
                year=year, action=LockEvent.Action.PUBLISHED, user=user, at=now, edition=edition
            )
    except BaseException:
        for relative in written:
            storage.remove(relative)
        raise
    return edition


def _publish_file(edition: Edition, format: str) -> str:
    # The exporters decide the draft mark by the year's status: it is locked by now.
    result = get_exporter(format).render(edition.year)
    year = edition.year
    extension = result.filename.rsplit(".", 1)[-1]
    name = f"{format}-{secrets.token_hex(8)}.{extension}"
    relative = f"{year.school.slug}/{year.year}/{edition.number}/{name}"
    storage.write_once(relative, result.content)
    EditionFile.objects.create(
        edition=edition,
        format=format,
        filename=result.filename,
        mimetype=result.mimetype,
        path=relative,
        sha256=storage.sha256_of(result.content),
        size=len(result.content),
    )
    return relative


@transaction.atomic
def unlock_year(*, year: ReportYear, user: User, reason: str) -> LockEvent:
    """Reopen a locked year; the reason is required and kept with the edition it ends."""
    if not can_lock(user, year):
        raise PermissionDenied
    reason = _check_text(reason, _("解锁原因"))
    if not reason:
        raise ReportError(_("请填写解锁原因。"))
    year = ReportYear.objects.select_for_update().get(pk=year.pk)
    if year.is_open:
        raise ReportError(_("%(year)s未锁定，无需解锁。") % {"year": year.label})
    now = timezone.now()
    # Status first: from here on the triggers let this transaction's writes through.
    year.status, year.locked_by, year.locked_at = ReportYear.Status.OPEN, None, None
    year.save(update_fields=["status", "locked_by", "locked_at"])
    edition = year.editions.filter(unlocked_at__isnull=True).order_by("-number").first()
    if edition is not None:
        edition.unlocked_by, edition.unlocked_at, edition.unlock_reason = user, now, reason
        edition.save(update_fields=["unlocked_by", "unlocked_at", "unlock_reason"])
    return LockEvent.objects.create(
        year=year, action=LockEvent.Action.UNLOCKED, user=user, at=now, text=reason,
        edition=edition,
    )  # fmt: skip


def verify_file(file: EditionFile) -> bool:
    """True when the stored bytes still have the recorded SHA-256 and size."""
    try:
        digest, size = storage.sha256_of_file(file.path)
    except FileNotFoundError:
        return False
    return digest == file.sha256 and size == file.size
