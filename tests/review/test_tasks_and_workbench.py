"""我的任务 and 编委会工作台: what each person has to do next, and what blocks locking."""

import base64
import datetime
import re

from metrics.findings import run_checks
from reporting.models import ReportYear
from review import demo as review_demo
from review import services
from review.blockers import review_blockers
from review.items import year_items
from tests.review.conftest import item


def test_a_returned_item_comes_first_with_the_comment(client, zhaosheng, editor, figures):
    services.submit_item(item=item(figures, "figures", "zhaosheng"), user=zhaosheng)
    services.return_item(item=item(figures, "figures", "zhaosheng"), user=editor, comment="请核对")
    client.force_login(zhaosheng)
    page = client.get("/").content.decode()
    tasks = page[page.index('data-testid="tasks"') :].split("</a>")
    assert "招生就业办 · 单项数据" in tasks[0] and "退回意见：请核对" in tasks[0]
    assert "已退回" in tasks[0] and "待提交" in tasks[1]


def test_drafts_show_the_due_date_and_overdue_is_highlighted(client, zhaosheng_staff, figures):
    ReportYear.objects.filter(pk=figures.pk).update(due_date=datetime.date(2025, 12, 10))
    client.force_login(zhaosheng_staff)
    page = client.get("/").content.decode()
    assert "已过提交截止日期 2025-12-10" in page and "list-group-item-warning" in page
    ReportYear.objects.filter(pk=figures.pk).update(due_date=datetime.date(2100, 1, 1))
    page = client.get("/").content.decode()
    assert "提交截止 2100-01-01" in page and "list-group-item-warning" not in page


def test_committee_sees_items_waiting_and_unexplained_errors(client, editor, zhaosheng, figures):
    services.submit_item(item=item(figures, "figures", "zhaosheng"), user=zhaosheng)
    client.force_login(editor)
    page = client.get("/").content.decode()
    unexplained = sum(1 for f in run_checks(figures) if f.blocking)
    assert "招生就业办 · 单项数据" in page and "待审核" in page
    assert f"{unexplained} 个数据错误尚未说明" in page


def test_workbench_shows_progress_and_blockers_as_links(client, editor, figures):
    client.force_login(editor)
    page = client.get("/review/lianzhou/2025/").content.decode()
    assert 'data-department="zhaosheng"' in page and "必填数据" in page
    assert "还不能锁定" in page
    link = 'href="/review/lianzhou/2025/items/figures/zhaosheng/">招生就业办 · 单项数据 — 草稿'
    assert link in page


def test_everything_approved_and_explained_means_lockable(client, editor, school, figures):
    review_demo.complete(school, figures)
    assert review_blockers(figures) == []
    client.force_login(editor)
    page = client.get("/review/lianzhou/2025/").content.decode()
    assert "可以锁定" in page


def test_the_demo_in_review_has_every_state(school, figures):
    review_demo.load(school, figures)
    states = {i.state for i in year_items(figures)}
    assert {"draft", "submitted", "approved", "returned"} <= states


def test_an_item_not_approved_blocks_the_lock(editor, zhaosheng, school, figures):
    from publication.blockers import lock_blockers

    review_demo.complete(school, figures)
    services.return_item(item=item(figures, "figures", "zhaosheng"), user=editor, comment="再查")
    blockers = lock_blockers(figures)
    url = "/review/lianzhou/2025/items/figures/zhaosheng/"
    assert [(b.message, b.url) for b in blockers] == [
        ("招生就业办 · 单项数据 — 已退回，部门修改中", url)
    ]


def test_workbench_shows_the_key_series_as_charts(client, editor, figures):
    client.force_login(editor)
    page = client.get("/review/lianzhou/2025/").content.decode()
    images = re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', page)
    drawn = [base64.b64decode(image).decode() for image in images]
    assert 'data-testid="key-series"' in page and drawn
    assert all("<svg" in svg and "2025年" in svg for svg in drawn)
