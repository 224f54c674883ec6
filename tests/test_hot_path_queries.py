"""The pages and saves of `make loadtest` take a fixed number of queries (issue 10, load):
no query per indicator, per changed value, per text block. Counted against PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from metrics import demo as metrics_demo
from metrics.derived import derived_owners, derived_quantities
from metrics.models import Figure, FundingComparison
from metrics.yeardata import YearData
from narrative import demo as narrative_demo
from narrative.models import Block, Section

FORM = "/figures/lianzhou/2025/d/zhaosheng/"
CODES = ["graduates", "placed_graduates", "first_employment", "new_students"]


@pytest.fixture
def sample(school, year):
    metrics_demo.load(school, year)
    narrative_demo.load(school, year)
    return year


def queries(action) -> int:
    with CaptureQueriesContext(connection) as captured:
        action()
    return len(captured)


def figures_post(client, changes: dict) -> dict:
    form = client.get(FORM).context["form"]
    data = {"stamp": form["stamp"].value()}
    for indicator in form.indicators:
        value = form[indicator.code].value()
        data[indicator.code] = "" if value is None else value
    return data | changes


def test_the_figures_form_takes_the_same_queries_empty_or_filled(client, sample, zhaosheng):
    client.force_login(zhaosheng)
    client.get(FORM)  # the session's first request also moves its idle expiry on
    filled = queries(lambda: client.get(FORM))
    Figure.objects.filter(year=sample).delete()
    empty = queries(lambda: client.get(FORM))
    assert filled == empty <= 40


def test_a_figures_save_takes_the_same_queries_for_one_value_or_many(client, sample, zhaosheng):
    client.force_login(zhaosheng)
    one = figures_post(client, {"graduates": "601"})
    one_count = queries(lambda: client.post(FORM, one))
    many = figures_post(client, {code: str(700 + i) for i, code in enumerate(CODES)})
    many_count = queries(lambda: client.post(FORM, many))
    assert Figure.objects.get(year=sample, indicator__code="first_employment").value == 702
    assert one_count == many_count


def section_post(client, url: str, texts: dict) -> dict:
    page = client.get(url)
    return {"version": page.context["form"]["version"].value(), "action": "save", **texts}


def test_a_section_save_takes_the_same_queries_for_one_block_or_many(client, sample, zhaosheng):
    section = Section.objects.get(year=sample, key="s1-4-3")
    blocks = [
        Block.objects.create(section=section, kind="text", position=90 + i, body="<p>旧</p>")
        for i in range(4)
    ]
    url = f"/report/lianzhou/2025/sections/{section.key}/"
    client.force_login(zhaosheng)
    texts = {f"text_{b.pk}": b.body for b in Block.objects.filter(section=section, kind="text")}
    one = section_post(client, url, texts | {f"text_{blocks[0].pk}": "<p>一处修改</p>"})
    one_count = queries(lambda: client.post(url, one))
    changed = {f"text_{b.pk}": f"<p>修改{i}</p>" for i, b in enumerate(blocks)}
    many = section_post(client, url, texts | changed)
    many_count = queries(lambda: client.post(url, many))
    assert Block.objects.get(pk=blocks[3].pk).body == "<p>修改3</p>"
    assert one_count == many_count


def test_the_section_editor_takes_the_same_queries_with_more_blocks(client, sample, zhaosheng):
    url = "/report/lianzhou/2025/sections/s1-4-3/"
    client.force_login(zhaosheng)
    client.get(url)
    before = queries(lambda: client.get(url))
    section = Section.objects.get(year=sample, key="s1-4-3")
    for i in range(5):
        Block.objects.create(section=section, kind="text", position=90 + i, body=f"<p>段落{i}</p>")
    after = queries(lambda: client.get(url))
    assert before == after <= 40


def test_the_overview_finds_the_owners_of_derived_quantities_without_computing_them(sample):
    def computed(year):
        return {q.department_code for q in derived_quantities(YearData(year)).values()}

    assert derived_owners(YearData(sample)) == computed(sample)
    FundingComparison.objects.filter(year=sample).update(average_value=None)  # no 超出幅度
    assert derived_owners(YearData(sample)) == computed(sample)
