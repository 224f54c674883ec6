"""Workflow of an export: the committee asks, the worker renders, the committee downloads."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from exports.exporters import ExportError, get_exporter
from exports.housekeeping import prune_draft_exports, reap_stale_jobs
from exports.models import ExportJob
from reporting.access import can_manage_year
from reporting.errors import ReportError
from reporting.models import ReportYear, User

logger = logging.getLogger(__name__)


def request_export(*, year: ReportYear, format: str, user: User) -> ExportJob:
    """Queue one export; the worker renders it (the request never waits for the render).

    While a job of the same year and format is unfinished, a second request joins it
    (a partial unique constraint holds this under concurrent clicks too)."""
    from exports.tasks import run_export_job

    if not can_manage_year(user) or (not user.is_superuser and user.school_id != year.school_id):
        raise PermissionDenied
    if not year.is_open:
        # Its files were published when it was locked; a new render could differ (catalog…).
        raise ReportError(_("本年度已锁定：请下载已发布的正式版，不再重新生成。"))
    if format not in ExportJob.Format.values:
        raise ExportError(_("未知的导出格式“%(format)s”。") % {"format": format})
    reap_stale_jobs()
    unfinished = ExportJob.objects.unfinished().filter(year=year, format=format)
    existing = unfinished.first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            job = ExportJob.objects.create(
                year=year, format=format, requested_by=user, stage=_("排队等待")
            )
            run_export_job.enqueue(str(job.pk))
    except IntegrityError:  # another click created it a moment ago: join that one
        return unfinished.get()
    return job


def _report_progress(job_id, percent: int, stage: str) -> None:
    ExportJob.objects.filter(pk=job_id).update(
        progress=max(0, min(percent, 99)), stage=stage, heartbeat_at=timezone.now()
    )


def run_export(*, job_id: str) -> ExportJob:
    """Render the job's file (called by the worker), then tidy the queue. Failures end on the
    job, never silently."""
    job = _render(job_id)
    reap_stale_jobs()
    prune_draft_exports()
    return job


def _render(job_id: str) -> ExportJob:
    now = timezone.now()
    claimed = ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.QUEUED).update(
        status=ExportJob.Status.RUNNING, started_at=now, heartbeat_at=now, stage=_("开始")
    )
    job = ExportJob.objects.select_related("year__school").get(pk=job_id)
    if not claimed:
        return job  # already taken by another worker, or finished
    try:
        exporter = get_exporter(job.format, lambda p, s: _report_progress(job.pk, p, s))
        result = exporter.render(job.year)
        job.refresh_from_db()
        # Inside the try: a full disk or an unreachable volume fails the job with a message.
        job.file.save(result.filename, ContentFile(result.content), save=False)
    except ExportError as error:
        return _fail(job, str(error))
    except Exception as error:
        logger.exception("export job %s failed", job.pk)
        return _fail(
            job, _("导出失败（%(kind)s），请联系管理员。") % {"kind": type(error).__name__}
        )
    job.filename = result.filename
    job.size = len(result.content)
    job.status, job.progress, job.stage = ExportJob.Status.DONE, 100, _("完成")
    job.finished_at = timezone.now()
    job.save()
    return job


def _fail(job: ExportJob, message: str) -> ExportJob:
    job.refresh_from_db()
    job.status, job.error, job.stage = ExportJob.Status.FAILED, message, _("失败")
    job.finished_at = timezone.now()
    job.save()
    return job
