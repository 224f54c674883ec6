"""A typed number that agrees with a figure is marked in the editor; one click binds it."""

import pytest
from playwright.sync_api import expect

from metrics import demo as metrics_demo
from narrative import demo as narrative_demo
from narrative.models import Block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def sample(school, year):
    metrics_demo.load(school, year)
    narrative_demo.load(school, year)
    return year


def test_a_typed_matching_number_becomes_a_bound_figure_in_one_click(page, login, sample):
    block = Block.objects.filter(section__year=sample, section__key="overview", kind="text").first()
    block.body = "<p>专任教师中高级职称 13 人，职称梯队分布均衡。</p>"
    block.save()
    login("bangongshi")
    page.goto("/report/lianzhou/2025/sections/overview/")
    expect(page.get_by_test_id("typed-figures")).to_be_visible()
    marked = page.locator('.ProseMirror .typed-figure[data-code="senior_titled_teachers"]')
    expect(marked).to_have_text("13 人")
    marked.click()
    bound = page.locator('.ProseMirror .bound-figure[data-code="senior_titled_teachers"]')
    expect(bound).to_have_count(1)
    expect(bound).to_have_text("13人")
    expect(marked).to_have_count(0)
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_load_state()
    body = "".join(Block.objects.filter(section__key="overview").values_list("body", flat=True))
    assert 'data-code="senior_titled_teachers"' in body
