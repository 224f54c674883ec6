"""清远市教育局 in Chromium: the bureau user finds its region from 我的任务, compares lianzhou
with the second demo school (table, median, chart, sorting) and finds no way to change them;
the bureau administrator creates a school and gets its administrator's set-password link."""

import pytest

from metrics import demo as metrics_demo
from regions import demo as region_demo
from reporting.models import ReportYear, School, User
from tests.districtreport.conftest import lock

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def region_published(school, year, editor):
    """Both demo schools of 清远市 with their 2025 year locked (the comparison's default)."""
    metrics_demo.load(school, year)
    region_demo.load(school, year)
    lock(ReportYear.objects.get(school__slug="shili", year=2025), editor)
    return lock(year, editor)


def test_the_bureau_compares_its_schools_and_cannot_change_them(page, login, region_published):
    login("jiaoyuju")
    page.get_by_role("link", name="清远市 各校报告进度").click()
    assert page.get_by_role("heading", name="清远市").is_visible()
    page.get_by_role("link", name="关键指标对比").first.click()

    rows = page.locator("tbody tr[data-school]")
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.school)")) == [
        "lianzhou", "shili",
    ]  # fmt: skip
    assert page.get_by_test_id("median").is_visible()
    chart = page.get_by_test_id("comparison-chart").locator("img")
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")  # the SVG drew

    page.get_by_role("link", name="生师比").click()
    page.wait_for_url("**sort=student_teacher_ratio*")
    assert "生师比" in page.get_by_test_id("comparison-chart").inner_text()

    # Read-only: the only forms are the page frame's (log out, language), and the school's own
    # pages are not the bureau's.
    writes = page.locator(
        "main form[method=post], form[method=post]:not([action*=logout]):not([action*=i18n])"
    )
    assert writes.count() == 0
    response = page.goto("/report/lianzhou/2025/")
    assert response.status == 404


def test_the_bureau_administrator_creates_a_school_with_its_administrator(
    page, login, region_published
):
    login("jiaoyuju_admin")
    page.get_by_role("link", name="创建学校").first.click()
    assert page.get_by_test_id("region-schools").get_by_text("连州市职业技术学校").is_visible()
    page.get_by_label("学校名称").fill("清新区职业技术学校（示例）")
    page.get_by_label("标识").fill("qingxin")
    page.get_by_label("学校类型").select_option(label="中职")
    page.get_by_label("学校管理员用户名").fill("qingxin_admin")
    page.get_by_label("管理员姓名").fill("李管理")
    page.get_by_role("button", name="创建", exact=True).click()

    link = page.get_by_test_id("accounts").locator('code[data-username="qingxin_admin"]')
    set_password = _path(link.inner_text())
    school = School.objects.get(slug="qingxin")
    assert school.region.code == "qingyuan-city"
    assert ReportYear.objects.filter(school=school).exists()
    admin = User.objects.get(username="qingxin_admin")
    assert admin.school == school and not admin.has_usable_password()

    # The new school's administrator follows the link, sets a password and logs in.
    page.get_by_role("button", name="退出").click()
    page.goto(set_password)
    passwords = page.locator("input[type=password]")
    passwords.nth(0).fill("Qingxin-2026-school")
    passwords.nth(1).fill("Qingxin-2026-school")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    login("qingxin_admin", "Qingxin-2026-school")
    assert page.get_by_test_id("school-name").inner_text() == "清新区职业技术学校（示例）"


def _path(url: str) -> str:
    """The link's path: the page shows it absolute, for the live server's own address."""
    return "/" + url.split("://", 1)[1].split("/", 1)[1]
