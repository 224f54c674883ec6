"""Regions at scale: a generated region of 1000 schools × 5 years (generate_region, made once
and kept in the bench database), the bureau's pages, one school's checks, queries per page,
database size per school-year, and EXPLAIN of the heaviest queries."""

import statistics
import time

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from metrics.findings import run_checks
from reporting.models import Region, ReportYear, User

PREFIX, SCHOOLS, YEARS = "bench", 1000, 5
REPEAT = 10


def _region() -> Region:
    region = Region.objects.filter(code=f"{PREFIX}-province").first()
    if region is None:
        start = time.perf_counter()
        call_command("generate_region", schools=SCHOOLS, years=YEARS, prefix=PREFIX)
        print(f"generate_region --schools {SCHOOLS} --years {YEARS}: "
              f"{time.perf_counter() - start:.1f} s")  # fmt: skip
        region = Region.objects.get(code=f"{PREFIX}-province")
    return region


def _bureau(region: Region) -> User:
    user, _ = User.objects.get_or_create(
        username=f"{PREFIX}_bureau", defaults={"role": User.Role.BUREAU, "region": region}
    )
    return user


def _p95(fn, repeat=REPEAT):
    fn()  # warm: a locked year's figures are cached after the first read
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.quantiles(times, n=20, method="inclusive")[-1] if repeat > 1 else times[0]


def _queries(fn) -> int:
    with CaptureQueriesContext(connection) as queries:
        fn()
    return len(queries)


def _get(client, url):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200, (url, response.status_code)
    return response


def _explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def run():
    region = _region()
    client = Client()
    client.force_login(_bureau(region))
    district = Region.objects.get(code=f"{PREFIX}-c1-d1")
    locked, current = 2024, 2025
    base = f"/region/{region.code}"
    pages = [
        (f"dashboard {locked} (locked), page 1 of 20", f"{base}/{locked}/"),
        (f"dashboard {current} (open), page 1 of 20", f"{base}/{current}/"),
        (f"comparison {locked}, 1000 schools", f"{base}/{locked}/compare/"),
        (f"comparison {locked} sorted", f"{base}/{locked}/compare/?sort=-student_teacher_ratio"),
        (f"comparison {locked} Excel", f"{base}/{locked}/compare.xlsx"),
    ]  # fmt: skip
    rows = []
    for label, url in pages:
        get = lambda url=url: _get(client, url)  # noqa: E731
        rows.append((label, _p95(get), _queries(get)))
    drafts = lambda: _get(client, f"{base}/{current}/compare/?drafts=1")  # noqa: E731
    rows.append((f"comparison {current} ?drafts=1 (1 run)", _p95(drafts, 1), _queries(drafts)))
    year = ReportYear.objects.select_related("school").get(
        school__slug=f"{PREFIX}-0001", year=current
    )
    checks = lambda: run_checks(year)  # noqa: E731
    rows.append(("one school's checks (run_checks)", _p95(checks), _queries(checks)))
    print(f"\nRegions ({SCHOOLS} generated schools × {YEARS} years)")
    print(f"{'measurement':<52} {'p95 ms':>9} {'queries':>8}")
    for name, ms, queries in rows:
        print(f"{name:<52} {ms:>9.1f} {queries:>8}")
    # Queries per page, against the number of schools: a district (20 schools) and the
    # province (1000), same year, warm cache.
    small = _queries(lambda: _get(client, f"/region/{district.code}/{locked}/"))
    large = _queries(lambda: _get(client, f"/region/{region.code}/{locked}/"))
    small_c = _queries(lambda: _get(client, f"/region/{district.code}/{locked}/compare/"))
    large_c = _queries(lambda: _get(client, f"/region/{region.code}/{locked}/compare/"))
    print(f"queries per dashboard page: {small} (20 schools) vs {large} (1000 schools)")
    print(f"queries per comparison (warm): {small_c} (20 schools) vs {large_c} (1000 schools)")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        size = cursor.fetchone()[0]
    years = ReportYear.objects.count()
    print(f"database size: {size / 2**20:.0f} MiB for {years} school-years: "
          f"{size / years / 1024:.0f} KiB per school-year")  # fmt: skip
    ids = list(ReportYear.objects.filter(school__region__parent__parent=region, year=locked)
               .order_by("school__name").values_list("pk", flat=True)[:50])  # fmt: skip
    listed = ",".join(map(str, ids))
    print("\nEXPLAIN: figures per school-year on one dashboard page")
    print(_explain(
        "SELECT year_id, COUNT(id) FROM metrics_figure"
        f" WHERE year_id IN ({listed}) GROUP BY year_id"
    ))  # fmt: skip
    print("\nEXPLAIN: one school-year's figures (YearData, per school in the comparison)")
    print(_explain(f"SELECT * FROM metrics_figure WHERE year_id = {ids[0]}"))
