import pytest

from metrics import demo as metrics_demo
from narrative import demo as narrative_demo
from narrative.models import Section


@pytest.fixture
def sample(school, year):
    """The demo year with the sample's figures and its whole text."""
    metrics_demo.load(school, year)
    narrative_demo.load(school, year)
    return year


@pytest.fixture
def section_143(sample) -> Section:
    return Section.objects.get(year=sample, key="s1-4-3")
