"""The committee exports the report in a real browser: start → progress → download."""

import pytest

from tests.exports.worker import run_worker_once

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_committee_starts_an_export_watches_it_and_downloads_the_file(page, login, editor):
    login("editor")
    page.get_by_role("link", name="导出", exact=True).click()
    page.get_by_role("button", name="生成Excel 数据表").click()
    page.get_by_test_id("job-status").get_by_text("排队中").wait_for()
    run_worker_once()
    page.get_by_test_id("job-status").get_by_text("已完成").wait_for()
    assert page.get_by_test_id("job-progress").inner_text() == "100%"
    with page.expect_download() as download_info:
        page.get_by_test_id("job-download").get_by_role("link").click()
    assert download_info.value.suggested_filename.endswith("质量年度报告（草稿）.xlsx")
