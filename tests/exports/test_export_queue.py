"""Issue 10, finding 7: the export queue is bounded, tidied and honest about dead jobs."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.utils import timezone

from exports.housekeeping import prune_draft_exports, reap_stale_jobs
from exports.models import ExportJob
from reporting.models import ReportYear
from tests.exports.test_export_jobs_web import start


@pytest.fixture
def committee(client, editor):
    client.force_login(editor)
    return client


def test_a_second_click_joins_the_unfinished_job(committee):
    first = start(committee, "pdf").url
    second = start(committee, "pdf").url
    assert first == second
    assert ExportJob.objects.count() == 1
    start(committee, "xlsx")
    assert ExportJob.objects.count() == 2


def test_the_database_refuses_a_second_unfinished_job(year, editor):
    ExportJob.objects.create(year=year, format="pdf", requested_by=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        ExportJob.objects.create(year=year, format="pdf", requested_by=editor)


def test_a_job_running_without_progress_is_failed_with_a_message(committee, year):
    job = ExportJob.objects.create(year=year, format="pdf", status="running")
    old = timezone.now() - datetime.timedelta(hours=1)
    ExportJob.objects.filter(pk=job.pk).update(started_at=old, heartbeat_at=old)
    assert reap_stale_jobs() == 1
    job.refresh_from_db()
    assert job.status == "failed" and "导出超时" in job.error
    page = committee.get(job.get_absolute_url()).content.decode()
    assert "导出超时" in page


def test_a_stuck_job_does_not_block_a_new_request(committee, year):
    stuck = ExportJob.objects.create(year=year, format="pdf", status="running")
    ExportJob.objects.filter(pk=stuck.pk).update(
        heartbeat_at=timezone.now() - datetime.timedelta(hours=2)
    )
    url = start(committee, "pdf").url
    assert str(stuck.pk) not in url
    assert ExportJob.objects.get(pk=stuck.pk).status == "failed"


def test_a_recent_running_job_is_left_alone(year):
    job = ExportJob.objects.create(
        year=year, format="pdf", status="running", heartbeat_at=timezone.now()
    )
    assert reap_stale_jobs() == 0
    assert ExportJob.objects.get(pk=job.pk).status == "running"


def _finished(year, days_ago: int) -> ExportJob:
    job = ExportJob(year=year, format="xlsx", status="done", progress=100, filename="r.xlsx")
    job.file.save("r.xlsx", ContentFile(b"draft"), save=False)
    job.finished_at = timezone.now() - datetime.timedelta(days=days_ago)
    job.save()
    return job


@pytest.mark.django_db(transaction=True)
def test_old_draft_files_are_deleted_and_recent_ones_kept(school):
    year = ReportYear.objects.create(school=school, year=2024)
    old, recent = _finished(year, 30), _finished(year, 1)
    old_path = old.file.name
    assert prune_draft_exports(days=7) == 1
    assert not default_storage.exists(old_path)
    assert not ExportJob.objects.filter(pk=old.pk).exists()
    assert default_storage.exists(recent.file.name)
    call_command("prune_exports", "--days", "0", stdout=open("/dev/null", "w"))
    assert not ExportJob.objects.filter(pk=recent.pk).exists()


def test_a_locked_years_files_are_kept(school):
    year = ReportYear.objects.create(school=school, year=2024)
    job = _finished(year, 30)
    ReportYear.objects.filter(pk=year.pk).update(status="locked")
    assert prune_draft_exports(days=7) == 0
    assert ExportJob.objects.filter(pk=job.pk).exists()
