"""The review round in Chromium: 王填报 (staff) fills 单项数据, 陈招就 (head) submits, the
committee returns it with a comment, the head reads the comment on 我的任务, fixes, submits
again, the committee approves everything waiting and locks: the downloaded PDF is 第1版 and
its SHA-256 is the one `manage.py published` lists."""

import hashlib
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from metrics.models import Figure
from reporting.models import ReportYear, User
from review import demo as review_demo
from review.blockers import review_blockers
from review.items import year_items
from review.models import ActivityEntry, ReviewItem

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORM = "/figures/lianzhou/2025/d/zhaosheng/"
WORKBENCH = "/review/lianzhou/2025/"


@pytest.fixture
def in_review(demo):
    """The demo year with every other item submitted and every error finding explained;
    招生就业办's 单项数据 is a fresh draft."""
    call_command("load_demo", stdout=StringIO())
    year = ReportYear.objects.get(school__slug="lianzhou", year=2025)
    review_demo.complete(year.school, year)
    ReviewItem.objects.filter(year=year).update(status="submitted", approved_fingerprint="")
    ReviewItem.objects.filter(year=year, kind="figures", key="zhaosheng").delete()
    return year


def income(year):
    return Figure.objects.get(year=year, indicator__code="monthly_income").value


def test_staff_fills_head_submits_committee_returns_approves_everything_and_locks(
    page, login, in_review
):
    login("zhaosheng_staff")
    page.get_by_role("link", name="数据填报").click()
    page.get_by_test_id("department-zhaosheng").get_by_role("link", name="单项数据").click()
    page.get_by_label("月收入", exact=True).fill("3620")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert "已保存，1 项数据有变动。" in page.content()
    assert page.get_by_test_id("review-state").inner_text() == "草稿"
    assert page.get_by_role("button", name="提交编委会审核").count() == 0  # staff do not submit

    page.context.clear_cookies()
    login("zhaosheng")
    page.goto(FORM)
    page.get_by_role("button", name="提交编委会审核").click()
    page.wait_for_load_state()
    assert "已提交编委会审核。" in page.content()

    page.context.clear_cookies()
    login("editor")
    page.get_by_test_id("tasks").get_by_role("link", name="招生就业办 · 单项数据").click()
    page.get_by_label("退回修改（请写明意见）").fill("月收入应为 3650 元，请按最新统计修改。")
    page.get_by_role("button", name="退回").click()
    page.wait_for_load_state()
    assert "已退回部门修改。" in page.content()

    page.context.clear_cookies()
    login("zhaosheng")
    first_task = page.get_by_test_id("tasks").get_by_role("link").first
    assert "退回意见：月收入应为 3650 元，请按最新统计修改。" in first_task.inner_text()
    first_task.click()
    page.get_by_role("link", name="打开填报/撰写页面").click()
    page.get_by_label("月收入", exact=True).fill("3650")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert income(in_review) == 3650
    page.get_by_role("button", name="提交编委会审核").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading").get_by_test_id("state").inner_text() == "已提交"

    page.context.clear_cookies()
    login("editor")
    page.get_by_role("link", name="编委会工作台").first.click()
    page.wait_for_url(f"**{WORKBENCH}")
    assert "还不能锁定" in page.get_by_test_id("lock-panel").inner_text()
    waiting = len(year_items(in_review))
    page.get_by_role("button", name="批量通过所选项目").click()
    page.wait_for_load_state()
    assert f"已通过 {waiting} 项。" in page.content()
    assert page.get_by_test_id("lockable").is_visible()

    page.get_by_role("link", name="去锁定与发布").click()
    with page.expect_navigation(timeout=240_000):
        page.get_by_role("button", name="锁定并发布").click(timeout=240_000)
    assert "已由潘三林" in page.get_by_test_id("year-status").inner_text()
    editions = page.get_by_test_id("editions")
    assert "第1版" in editions.inner_text()
    with page.expect_download() as download:
        editions.get_by_role("link", name="PDF 印刷版").click()
    digest = hashlib.sha256(Path(download.value.path()).read_bytes()).hexdigest()
    listing = StringIO()
    call_command("published", "--school", "lianzhou", "--year", "2025", stdout=listing)
    pdf_line = next(line for line in listing.getvalue().splitlines() if "pdf " in line)
    assert digest in pdf_line

    assert review_blockers(in_review) == []
    editor = User.objects.get(username="editor")
    assert ActivityEntry.objects.filter(year=in_review, action="reporting.year.locked").exists()
    log = ActivityEntry.objects.filter(year=in_review, item_label="招生就业办 · 单项数据")
    assert [e.action.rsplit(".", 1)[1] for e in log.order_by("created_at", "pk")][-4:] == [
        "submitted", "returned", "submitted", "approved",
    ]  # fmt: skip
    assert log.order_by("created_at", "pk").last().user == editor
    assert all(i.is_approved for i in year_items(in_review))
