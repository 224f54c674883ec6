"""Export jobs: one row per requested file, rendered in the background by the worker."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reporting.models import ReportYear


def export_path(job: ExportJob, filename: str) -> str:
    # Nothing under MEDIA_ROOT is served as plain media (config/urls.py): only the download
    # view hands these files out, after checking school and role (reporting/files.py).
    return f"exports/{job.pk}/{filename}"


class ExportJobQuerySet(models.QuerySet):
    def of_year(self, year: ReportYear):
        # The year and school too: every row's links name them (no query per job).
        return (
            self.filter(year=year)
            .select_related("requested_by", "year__school")
            .order_by("-created_at")
        )

    def unfinished(self):
        return self.filter(status__in=[ExportJob.Status.QUEUED, ExportJob.Status.RUNNING])


class ExportJob(models.Model):
    class Format(models.TextChoices):
        PDF = "pdf", _("PDF 印刷版")
        XLSX = "xlsx", _("Excel 数据表")
        DOCX = "docx", _("Word 可编辑版")

    class Status(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("生成中")
        DONE = "done", _("已完成")
        FAILED = "failed", _("失败")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    year = models.ForeignKey(
        ReportYear, on_delete=models.PROTECT, related_name="export_jobs", verbose_name=_("年度")
    )
    format = models.CharField(_("格式"), max_length=10, choices=Format.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("申请人"),
    )
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("进度"), default=0)
    stage = models.CharField(_("阶段"), max_length=50, blank=True)
    file = models.FileField(_("文件"), upload_to=export_path, max_length=300, blank=True)
    filename = models.CharField(_("文件名"), max_length=200, blank=True)
    size = models.PositiveBigIntegerField(_("大小"), null=True, blank=True)
    error = models.TextField(_("错误信息"), blank=True)
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    # Touched by every progress report: a running job silent for too long has lost its worker.
    heartbeat_at = models.DateTimeField(_("最近进展"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)

    objects = ExportJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("导出任务")
        verbose_name_plural = _("导出任务")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100), name="exportjob_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(format__in=["pdf", "xlsx", "docx"]), name="exportjob_known_format"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done", "failed"]),
                name="exportjob_known_status",
            ),
            # A finished job has its file; a failed one says why.
            models.CheckConstraint(
                condition=~Q(status="done") | (~Q(file="") & Q(progress=100)),
                name="exportjob_done_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(status="failed") | ~Q(error=""), name="exportjob_failed_has_error"
            ),
            # One unfinished job per year and format: a second click joins the first.
            models.UniqueConstraint(
                fields=["year", "format"],
                condition=Q(status__in=["queued", "running"]),
                name="exportjob_one_unfinished_per_format",
            ),
        ]
        indexes = [models.Index(fields=["year", "-created_at"], name="exportjob_year_recent")]

    def __str__(self) -> str:
        return f"{self.year} {self.get_format_display()} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return self._url("job")

    def _url(self, name: str) -> str:
        from django.urls import reverse

        school, year = self.year.school.slug, self.year.year
        return reverse(f"exports:{name}", args=[school, year, self.pk])

    @property
    def status_url(self) -> str:
        return self._url("status")

    @property
    def download_url(self) -> str:
        return self._url("download")

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
