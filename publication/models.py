"""Published editions of a report year and the record of every lock and unlock.

Locking a year renders its PDF, Excel and Word files once and keeps them as an edition
(第1版, 第2版 after an unlock and a new lock …), with SHA-256 and size. The files live under
settings.PUBLISHED_ROOT, outside the public media path. These rows are the publication record:
PostgreSQL keeps files and events append-only, and an edition can only gain its unlock record.
"""

from __future__ import annotations

import pgtrigger
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from reporting.models import ReportYear


class Edition(models.Model):
    year = models.ForeignKey(
        ReportYear, on_delete=models.PROTECT, related_name="editions", verbose_name=_("年度")
    )
    number = models.PositiveSmallIntegerField(_("版次"))
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("锁定人"),
    )  # fmt: skip
    locked_at = models.DateTimeField(_("锁定时间"))
    note = models.TextField(_("锁定说明"), blank=True, max_length=2000)
    unlocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("解锁人"),
    )  # fmt: skip
    unlocked_at = models.DateTimeField(_("解锁时间"), null=True, blank=True)
    unlock_reason = models.TextField(_("解锁原因"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("发布版本")
        verbose_name_plural = _("发布版本")
        ordering = ["year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["year", "number"], name="edition_unique_number"),
            models.CheckConstraint(condition=Q(number__gte=1), name="edition_number_positive"),
            # An unlock is recorded whole: who, when and a reason, or nothing.
            models.CheckConstraint(
                condition=Q(unlocked_at__isnull=True, unlocked_by__isnull=True, unlock_reason="")
                | (Q(unlocked_at__isnull=False, unlocked_by__isnull=False) & ~Q(unlock_reason="")),
                name="edition_unlock_complete",
            ),
        ]
        triggers = [
            pgtrigger.Protect(name="edition_never_deleted", operation=pgtrigger.Delete),
            pgtrigger.Protect(
                name="edition_unlock_recorded_once",
                operation=pgtrigger.Update,
                condition=pgtrigger.Q(old__unlocked_at__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.label}"

    @property
    def label(self) -> str:
        return _("第%(n)s版") % {"n": self.number}

    @property
    def is_current(self) -> bool:
        return self.unlocked_at is None


def current_edition(year: ReportYear) -> Edition | None:
    """The edition a locked year was published as (None for an open year)."""
    if year.is_open:
        return None
    return (
        Edition.objects.filter(year=year, unlocked_at__isnull=True)
        .prefetch_related("files__edition__year__school")
        .order_by("-number")
        .first()
    )


class EditionFile(models.Model):
    class Format(models.TextChoices):
        PDF = "pdf", _("PDF 印刷版")
        XLSX = "xlsx", _("Excel 数据表")
        DOCX = "docx", _("Word 可编辑版")

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="files", verbose_name=_("版本")
    )
    format = models.CharField(_("格式"), max_length=10, choices=Format.choices)
    filename = models.CharField(_("文件名"), max_length=200)
    mimetype = models.CharField(_("类型"), max_length=100)
    path = models.CharField(_("存储路径"), max_length=300, unique=True)  # under PUBLISHED_ROOT
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    size = models.PositiveBigIntegerField(_("字节数"))

    class Meta:
        verbose_name = _("发布文件")
        verbose_name_plural = _("发布文件")
        ordering = ["edition", "format"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "format"], name="editionfile_one_per_format"
            ),
            models.CheckConstraint(
                condition=Q(sha256__regex=r"^[0-9a-f]{64}$"), name="editionfile_sha256_hex"
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="editionfile_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return self.filename

    @property
    def download_url(self) -> str:
        year = self.edition.year
        return reverse(
            "publication:download",
            args=[year.school.slug, year.year, self.edition.number, self.format],
        )


class LockEvent(models.Model):
    """One lock, unlock or publication of a year: the year's lock history."""

    class Action(models.TextChoices):
        LOCKED = "locked", _("锁定")
        PUBLISHED = "published", _("发布")
        UNLOCKED = "unlocked", _("解锁")

    year = models.ForeignKey(
        ReportYear, on_delete=models.PROTECT, related_name="lock_events", verbose_name=_("年度")
    )
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("操作人"),
    )  # fmt: skip
    at = models.DateTimeField(_("时间"))
    text = models.TextField(_("说明或原因"), blank=True, max_length=2000)
    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, null=True, blank=True, related_name="events",
        verbose_name=_("版本"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("锁定记录")
        verbose_name_plural = _("锁定记录")
        ordering = ["year", "at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=["locked", "published", "unlocked"]),
                name="lockevent_known_action",
            ),
            models.CheckConstraint(
                condition=~Q(action="unlocked") | ~Q(text=""), name="lockevent_unlock_has_reason"
            ),
        ]
        triggers = [
            pgtrigger.Protect(
                name="lockevent_append_only", operation=pgtrigger.Update | pgtrigger.Delete
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"
