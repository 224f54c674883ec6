"""Keeping the export queue healthy: stale jobs are failed with a message, draft files are
deleted after a while. Run by the worker after every job and by `manage.py prune_exports`
(e.g. from cron); `request_export` reaps first so a dead job never blocks a new one."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from exports.models import ExportJob
from reporting.models import ReportYear

logger = logging.getLogger(__name__)


def reap_stale_jobs(*, now: datetime.datetime | None = None) -> int:
    """Fail running jobs without progress for EXPORT_STALE_MINUTES (their worker died or
    storage hangs) and jobs queued for a day (no worker is running)."""
    now = now or timezone.now()
    silent = now - datetime.timedelta(minutes=settings.EXPORT_STALE_MINUTES)
    stale_running = Q(status=ExportJob.Status.RUNNING) & (
        Q(heartbeat_at__lt=silent) | Q(heartbeat_at__isnull=True, started_at__lt=silent)
    )
    stale_queued = Q(
        status=ExportJob.Status.QUEUED, created_at__lt=now - datetime.timedelta(days=1)
    )
    running = ExportJob.objects.filter(stale_running).update(
        status=ExportJob.Status.FAILED, stage=_("失败"), finished_at=now,
        error=_("导出超时：后台处理进程中断或长时间没有进展。请重新生成；如反复出现，请联系管理员。"),
    )  # fmt: skip
    queued = ExportJob.objects.filter(stale_queued).update(
        status=ExportJob.Status.FAILED, stage=_("失败"), finished_at=now,
        error=_("排队超过一天仍未开始：后台处理进程没有运行，请联系管理员。"),
    )  # fmt: skip
    if running or queued:
        logger.warning(
            "export queue: %s stale running, %s stale queued jobs failed", running, queued
        )
    return running + queued


def prune_draft_exports(*, now: datetime.datetime | None = None, days: int | None = None) -> int:
    """Delete finished jobs of open years (drafts) older than the retention, with their files
    (removed after commit). A locked year's files are kept: they may be archived."""
    now = now or timezone.now()
    days = settings.EXPORT_DRAFT_RETENTION_DAYS if days is None else days
    cutoff = now - datetime.timedelta(days=days)
    old = ExportJob.objects.filter(
        status__in=[ExportJob.Status.DONE, ExportJob.Status.FAILED],
        finished_at__lt=cutoff,
        year__status=ReportYear.Status.OPEN,
    )
    count = 0
    with transaction.atomic():
        for job in old.select_for_update(of=("self",)):
            file = job.file
            job.delete()
            if file:
                transaction.on_commit(lambda file=file: file.storage.delete(file.name))
            count += 1
    return count
