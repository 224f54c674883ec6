"""From the web: the committee starts an export, sees its progress, downloads the file."""

import io
from urllib.parse import quote

import openpyxl
import pytest

from exports.models import ExportJob
from tests.exports.worker import run_worker_once

YEAR_URL = "/exports/lianzhou/2025/"


@pytest.fixture
def committee(client, editor):
    client.force_login(editor)
    return client


def start(client, format="xlsx"):
    return client.post(YEAR_URL + "start/", {"format": format})


def test_starting_an_export_answers_at_once_with_a_queued_job(committee):
    response = start(committee)
    job = ExportJob.objects.get()
    assert response.status_code == 302
    assert response.url == job.get_absolute_url()
    assert job.status == ExportJob.Status.QUEUED and not job.file
    page = committee.get(response.url)
    assert "排队中" in page.content.decode()


def test_committee_sees_progress_and_downloads_the_file(committee):
    job_url = start(committee).url
    assert committee.get(job_url + "status/").json()["progress"] == 0
    run_worker_once()
    status = committee.get(job_url + "status/").json()
    assert (status["status"], status["progress"]) == ("done", 100)
    download = committee.get(status["download_url"])
    filename = "连州市职业技术学校2025年度质量年度报告（草稿）.xlsx"
    assert download.status_code == 200
    assert f"filename*=utf-8''{quote(filename)}" in download["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))
    assert workbook.sheetnames[0].startswith("表")
    assert "下载" in committee.get(job_url).content.decode()


def test_year_page_lists_jobs_with_download_link(committee):
    start(committee)
    run_worker_once()
    page = committee.get(YEAR_URL).content.decode()
    assert "Excel 数据表" in page and "已完成" in page and "/download/" in page


def test_unknown_format_changes_nothing(committee):
    response = start(committee, format="odt")
    assert response.status_code == 302
    assert not ExportJob.objects.exists()
    assert "请选择 PDF、Excel 或 Word。" in committee.get(YEAR_URL).content.decode()


def test_department_head_cannot_start_an_export(client, zhaosheng):
    client.force_login(zhaosheng)
    assert start(client).status_code == 403
    assert not ExportJob.objects.exists()


def test_other_school_gets_404_for_start_job_and_download(client, editor, outsider):
    client.force_login(editor)
    job_url = start(client).url
    run_worker_once()
    client.force_login(outsider)
    assert start(client).status_code == 404
    for url in (job_url, job_url + "status/", job_url + "download/"):
        assert client.get(url).status_code == 404


def test_download_of_an_unfinished_job_is_404(committee):
    job_url = start(committee).url
    assert committee.get(job_url + "download/").status_code == 404


def test_failed_job_shows_its_error(committee, year, editor):
    job = ExportJob.objects.create(
        year=year, format="pdf", requested_by=editor, status="failed", error="报告正文缺失"
    )
    assert "报告正文缺失" in committee.get(job.get_absolute_url()).content.decode()


def test_home_page_offers_the_committee_the_export_task(committee):
    page = committee.get("/").content.decode()
    assert "导出报告" in page and YEAR_URL in page


def test_department_head_has_no_export_task(client, zhaosheng):
    client.force_login(zhaosheng)
    assert YEAR_URL not in client.get("/").content.decode()
