import pytest

from metrics import demo as metrics_demo
from narrative.models import Block, Section
from review.items import find_item


# One new row of 表1-2 as the data-set form posts it.
def with_stamp(client, url: str, data: dict) -> dict:
    """A data-set form as the page hands it out: with the version of the rows it shows."""
    return data | {"stamp": client.get(url).context["stamp"]}


NEW_GAOKAO_ROW = {
    "rows-TOTAL_FORMS": "1",
    "rows-INITIAL_FORMS": "0",
    "rows-0-group": "新类别",
    "rows-0-candidates": "5",
    "rows-0-bachelor_line": "1",
    "rows-0-college_line": "2",
}


@pytest.fixture
def figures(school, year):
    """The sample's 2025 figures, as `load_demo` enters them (no text yet)."""
    metrics_demo.load(school, year)
    return year


@pytest.fixture
def chapter(figures, zhaosheng) -> Section:
    """Chapter 4 (国际合作) assigned to 招生就业办, with one paragraph."""
    section = Section.objects.get(year=figures, key="ch4")
    section.department = zhaosheng.department
    section.save()
    Block.objects.create(section=section, kind="text", position=1, body="<p>与东盟院校交流。</p>")
    return section


def item(year, kind, key):
    return find_item(year, kind, key)
