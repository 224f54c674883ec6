"""A real school starts on its own, in Chromium: create_school → the administrator sets a
password through the one-time link, renames departments, adds the head of 招生就业处 from a
workbook → the head sets a password, sees exactly the work of 招生就业处, saves a figure →
the report shows the school's own name and departments."""

import re
from io import StringIO

import pytest
from django.core.management import call_command

from metrics.assignments import WhoFills
from metrics.datasets import DATASETS
from metrics.models import Figure
from narrative.models import Section
from reporting.models import School
from tests.setup.conftest import workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LINK = re.compile(r"https?://\S+/welcome/\S+/")


def set_password(page, link: str, password: str):
    page.goto(link)
    page.locator("#id_new_password1").fill(password)
    page.locator("#id_new_password2").fill(password)
    page.get_by_role("button", name="设置密码").click()
    page.wait_for_load_state()
    assert "密码已设置，请用新密码登录。" in page.content()


def rename(page, old: str, name: str, code: str):
    page.get_by_role("link", name=f"修改{old}").click()
    page.get_by_label("部门名称").fill(name)
    page.get_by_label("代码").fill(code)
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_test_id(f"department-{code}").is_visible()


def test_a_new_school_starts_on_its_own(page, login, live_server, tmp_path):
    call_command("load_catalog", stdout=StringIO())  # an earlier browser test's flush emptied it
    out = StringIO()
    call_command(
        "create_school", "--slug", "qingyuan", "--name", "清远示范职业学校", "--kind", "zhongzhi",
        "--admin-username", "qyadmin", "--base-url", live_server.url, stdout=out,
    )  # fmt: skip
    school = School.objects.get(slug="qingyuan")
    year = school.years.get()

    set_password(page, LINK.search(out.getvalue()).group(0), "Lingnan-spring-88")
    login("qyadmin", "Lingnan-spring-88")
    assert page.get_by_test_id("school-name").inner_text() == "清远示范职业学校"
    assert page.get_by_test_id("tasks").get_by_text("学校信息").is_visible()  # the checklist
    page.get_by_role("link", name="学校设置", exact=True).click()
    page.get_by_test_id("checklist").get_by_role("link", name="部门").click()
    rename(page, "人事科", "人事处", "rsc")
    rename(page, "招生就业办", "招生就业处", "zsjy")

    page.locator(".nav-tabs").get_by_role("link", name="人员").click()
    path = tmp_path / "users.xlsx"
    path.write_bytes(workbook(("zsjy_head", "王招生", "招生就业处", "部门负责人")).read())
    page.get_by_label("人员工作簿（.xlsx）").set_input_files(str(path))
    page.get_by_role("button", name="导入").click()
    link = page.locator("code[data-username=zsjy_head]").inner_text()
    page.get_by_role("button", name="退出").click()

    set_password(page, link, "Beijiang-river-77")
    login("zsjy_head", "Beijiang-river-77")
    department = school.departments.get(code="zsjy")
    tasks = page.get_by_test_id("tasks")
    sections = Section.objects.filter(year=year, department=department)
    assert sections.count() >= 2
    for section in Section.objects.filter(year=year).exclude(kind="appendix"):
        shown = tasks.get_by_text(section.title, exact=False).count() > 0
        assert shown == (section.department_id == department.pk), section.title

    page.get_by_role("link", name="数据填报").click()
    cards = page.locator("[data-testid^=department-]")
    assert cards.count() == 1
    card = page.get_by_test_id("department-zsjy")
    who = WhoFills(school)
    expected = {str(DATASETS[k].title) for k in DATASETS if who.dataset(k) == department}
    titles = set(card.get_by_role("link").all_inner_texts())
    assert expected and expected <= titles
    assert titles - expected <= {
        "单项数据（附件表与正文数据）",
        "已报送数值核对（管理信息系统、已发布报告）",
    }
    card.get_by_role("link", name="单项数据").click()
    assert page.get_by_label("教职工额定制编制数", exact=True).count() == 0  # 人事处 fills it
    page.get_by_label("毕业生人数", exact=True).fill("321")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert "已保存，1 项数据有变动。" in page.content()
    assert Figure.objects.get(year=year, indicator__code="graduates").value == 321

    page.get_by_role("link", name="报告正文").click()
    outline = page.content()
    assert "招生就业处" in outline and "招生就业办" not in outline
    page.goto(f"/report/qingyuan/{year.year}/preview/")
    preview = page.content()
    assert "清远示范职业学校" in preview and "连州" not in preview
    assert "321" in preview  # 附件 表1 毕业生人数
