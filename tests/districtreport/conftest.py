"""The demo region's own report: 清远市 (qingyuan-report, 2025), its committee
`qingyuan_editor` and the head of 职成科 `qingyuan_zhicheng`; lianzhou's 2025 published (locked),
the second demo school `shili` open. Locking is done as the lock service leaves it (status,
who, when) without rendering the three files, which the publication tests already cover."""

import pytest
from django.utils import timezone

from districtreport import demo as district_demo
from metrics import demo as metrics_demo
from regions import demo as region_demo
from reporting.models import ReportYear, User


def lock(year: ReportYear, by: User) -> ReportYear:
    ReportYear.objects.filter(pk=year.pk).update(
        status=ReportYear.Status.LOCKED, locked_by=by, locked_at=timezone.now()
    )
    year.refresh_from_db()
    return year


@pytest.fixture
def lianzhou_published(school, year, editor) -> ReportYear:
    metrics_demo.load(school, year)
    region_demo.load(school, year)
    return lock(year, editor)


@pytest.fixture
def shili_year(lianzhou_published) -> ReportYear:
    return ReportYear.objects.get(school__slug="shili", year=2025)


@pytest.fixture
def region_year(school, lianzhou_published) -> ReportYear:
    district_demo.load(school, lianzhou_published)
    return ReportYear.objects.select_related("school").get(
        school__slug="qingyuan-report", year=2025
    )


@pytest.fixture
def region_editor(region_year) -> User:
    return User.objects.get(username="qingyuan_editor")


@pytest.fixture
def region_head(region_year) -> User:
    return User.objects.get(username="qingyuan_zhicheng")
