"""The head of 招生就业办 fills 单项数据 in Chromium; the head of 财务科 cannot open that form."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from metrics.models import Figure

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORM = "/figures/lianzhou/2025/d/zhaosheng/"


@pytest.fixture
def sample(demo):
    call_command("load_demo", stdout=StringIO())
    return demo[1]


def stored(year, code):
    return Figure.objects.get(year=year, indicator__code=code).value


def test_head_saves_figures_is_refused_a_wrong_value_and_caiwu_is_kept_out(
    page, login, sample, zhaosheng
):
    login("zhaosheng")
    page.get_by_role("link", name="数据填报").click()
    page.get_by_test_id("department-zhaosheng").get_by_role("link", name="单项数据").click()
    page.wait_for_url(f"**{FORM}")

    page.get_by_label("毕业生人数", exact=True).fill("560")
    page.get_by_label("月收入", exact=True).fill("3650")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert "已保存，2 项数据有变动。" in page.content()
    assert page.get_by_label("毕业生人数", exact=True).input_value() == "560"
    assert stored(sample, "graduates") == 560 and stored(sample, "monthly_income") == 3650
    assert Figure.objects.get(year=sample, indicator__code="graduates").updated_by == zhaosheng

    page.get_by_label("毕业生本省去向落实率", exact=True).fill("120")
    page.get_by_label("月收入", exact=True).fill("三千六")
    page.get_by_label("毕业生人数", exact=True).fill("561")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    assert page.locator(".invalid-feedback", has_text="百分比不能超过 100。").is_visible()
    assert page.locator(".invalid-feedback", has_text="请输入数字。").is_visible()
    assert "有数据填写不正确，本表未保存。" in page.content()
    assert stored(sample, "graduates") == 560  # the valid field of the refused form too
    assert stored(sample, "in_province_placement_rate") == 100
    assert stored(sample, "monthly_income") == Decimal(3650)

    page.context.clear_cookies()
    login("caiwu")
    response = page.goto(FORM)
    assert response.status == 403 and "无权访问" in page.content()
