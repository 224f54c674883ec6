"""The region pages read each school's key figures as its report prints them: a locked year
from the snapshot its lock wrote, a draft computed in bulk; pages cost the same number of
queries for 2 schools as for 20."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from metrics.api import figure_values
from metrics.findings import run_checks
from publication.services import unlock_year
from regions.key_figures import CODES, compute, key_figures, snapshots
from regions.models import KeyFigures
from reporting.models import Region, ReportYear, User


def test_lock_writes_the_figures_the_published_report_prints(published, bureau, client):
    snapshot = KeyFigures.objects.get(year=published)
    printed = figure_values(published)
    assert snapshot.locked_at == published.locked_at and snapshot.open_errors == 0
    for code in CODES:
        assert snapshot.values[code][1] == printed[code].display
    client.force_login(bureau)
    page = client.get("/region/qingyuan-city/2025/compare/").content.decode()
    assert 'data-school="lianzhou"' in page
    assert printed["student_teacher_ratio"].display in page


def test_unlocked_year_leaves_the_comparison_and_its_snapshot_no_longer_counts(
    published, editor, bureau, client
):
    client.force_login(bureau)
    url = "/region/qingyuan-city/2025/compare/"
    assert 'data-school="lianzhou"' in client.get(url).content.decode()
    unlock_year(year=published, user=editor, reason="改正数据")
    published.refresh_from_db()
    assert snapshots([published]) == {}
    assert KeyFigures.objects.filter(year=published).exists()  # kept, but for the old lock
    assert 'data-school="lianzhou"' not in client.get(url).content.decode()  # not cached


def test_drafts_computed_in_bulk_equal_the_schools_own_figures(bureau):
    years = list(ReportYear.objects.filter(year=2025).select_related("school"))
    computed = compute(years)
    for year in years:
        printed = figure_values(year)
        for code in CODES:
            assert computed[year.pk][code].display == printed[code].display, (year, code)
            assert computed[year.pk][code].unit == printed[code].unit


def _generate(prefix: str, schools: int) -> Region:
    call_command(
        "generate_region", schools=schools, years=2, prefix=prefix, contradictions=0.5,
        seed=5, stdout=io.StringIO(),
    )  # fmt: skip
    return Region.objects.get(code=f"{prefix}-province")


def test_generated_locked_years_have_snapshots_of_their_checks(db):
    _generate("snap", 6)
    years = list(ReportYear.objects.filter(school__slug__startswith="snap-", status="locked"))
    taken = snapshots(years)
    assert len(taken) == len(years) == 6
    for year in years:
        assert taken[year.pk].open_errors == sum(1 for f in run_checks(year) if f.blocking)
        printed = figure_values(year)
        figures = key_figures([year])[year.pk]
        assert [figures[c].display for c in CODES] == [printed[c].display for c in CODES]


def _queries(client, url: str) -> int:
    cache.clear()  # count the computation, not a cached page
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "2024/",  # locked: errors from the snapshots
        "2025/",  # open, without ?drafts=1: no checks run
        "2024/compare/",
        "2025/compare/?drafts=1",
        "2024/compare.xlsx",
    ],
)
def test_region_pages_cost_the_same_queries_for_2_and_20_schools(db, client, path):
    counts = []
    for prefix, schools in (("two", 2), ("twenty", 20)):
        region = _generate(prefix, schools)
        user = User.objects.create(username=f"{prefix}_bureau", role="bureau", region=region)
        client.force_login(user)
        _queries(client, f"/region/{region.code}/{path}")  # warm (session, content types)
        counts.append(_queries(client, f"/region/{region.code}/{path}"))
    assert counts[0] == counts[1]


def _chart_text(page: str) -> str:
    import base64
    import re

    found = re.search(
        r'data-testid="comparison-chart">\s*<img[^>]+src="data:image/svg\+xml;base64,([^"]+)"', page
    )
    return base64.b64decode(found.group(1)).decode()


def test_comparison_chart_draws_each_school_of_the_sorted_column(client, bureau):
    client.force_login(bureau)
    page = client.get("/region/qingyuan-city/2025/compare/?drafts=1&sort=-students")
    svg = _chart_text(page.content.decode())
    assert "示例职校" in svg and "1200" in svg and "在校生" in svg


def test_comparison_chart_of_many_schools_shows_how_many_fall_in_each_range(db, client):
    region = _generate("many", 24)
    client.force_login(User.objects.create(username="many_bureau", role="bureau", region=region))
    page = client.get(f"/region/{region.code}/2024/compare/?sort=student_teacher_ratio")
    svg = _chart_text(page.content.decode())
    assert "生师比 学校数" in svg and "示例0001" not in svg


def _errors_column(page: str) -> dict[str, str]:
    import re

    rows = re.findall(r'<tr data-school="([^"]+)".*?data-testid="open-errors">([^<]*)<', page, re.S)
    return dict(rows)


def test_dashboard_counts_errors_of_locked_years_and_of_drafts_only_when_asked(db, client):
    region = _generate("dash", 4)
    client.force_login(User.objects.create(username="dash_bureau", role="bureau", region=region))
    expected = {
        year.school.slug: str(sum(1 for f in run_checks(year) if f.blocking))
        for year in ReportYear.objects.filter(school__region__parent__parent=region, year=2025)
    }
    locked = _errors_column(client.get(f"/region/{region.code}/2024/").content.decode())
    assert set(locked) == set(expected) and all(n.isdigit() for n in locked.values())
    drafts = client.get(f"/region/{region.code}/2025/").content.decode()
    assert set(_errors_column(drafts).values()) == {"—"} and "检查本页草稿" in drafts
    checked = client.get(f"/region/{region.code}/2025/?drafts=1").content.decode()
    assert _errors_column(checked) == expected


def test_checks_on_bulk_read_data_find_what_the_schools_own_checks_find(bureau):
    from metrics.api import one_read_per_year
    from regions.bulk import year_data

    years = list(ReportYear.objects.filter(year=2025).select_related("school"))
    own = {year.pk: [f.line() for f in run_checks(year)] for year in years}
    data = year_data(years, with_previous=True)
    with one_read_per_year(data):
        bulk = {year.pk: [f.line() for f in run_checks(year, data[year.pk])] for year in years}
    assert bulk == own and any(own.values())


def test_snapshot_command_fills_locked_years_without_one(db):
    _generate("cmd", 3)
    KeyFigures.objects.all().delete()
    out = io.StringIO()
    call_command("snapshot_locked_years", stdout=out)
    assert "补记快照 3 个" in out.getvalue()
    assert KeyFigures.objects.count() == 3
