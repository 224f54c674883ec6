import pytest

from metrics import demo as metrics_demo


@pytest.fixture
def figures(school, year):
    """The sample's 2025 figures, as `load_demo` enters them."""
    metrics_demo.load(school, year)
    return year


@pytest.fixture
def renshi(demo):
    from reporting.models import User

    return User.objects.get(username="renshi")


@pytest.fixture
def jiaowu(demo):
    from reporting.models import User

    return User.objects.get(username="jiaowu")


@pytest.fixture
def last_year(figures, school):
    """The 2024 demo year: only what the sample prints for 2024 (表1-1 and 表1-3 rows)."""
    metrics_demo.load_previous_year(school, figures)
    return figures.previous()
