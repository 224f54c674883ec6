"""Regions at scale: a generated region of 1000 schools × 5 years (generate_region, made once
and kept in the bench database), the bureau's pages, one school's checks, queries per page,
database size per school-year, EXPLAIN (ANALYZE) of the heaviest queries of the pages, and the
bulk export of the schools' PDFs through the PostgreSQL queue with 1 and with 2 workers."""

import re
import statistics
import subprocess
import sys
import time

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext

from metrics.findings import run_checks
from regions.models import KeyFigures
from reporting.models import Region, ReportYear, User

PREFIX, SCHOOLS, YEARS = "bench", 1000, 5
LOCKED, CURRENT = 2024, 2025
REPEAT = 20
EXPORT_SAMPLE = 20  # PDFs per worker count; the whole region is extrapolated from them


def _region() -> Region:
    region = Region.objects.filter(code=f"{PREFIX}-province").first()
    if region is None:
        start = time.perf_counter()
        call_command("generate_region", schools=SCHOOLS, years=YEARS, prefix=PREFIX)
        seconds = time.perf_counter() - start
        print(f"generate_region --schools {SCHOOLS} --years {YEARS}: {seconds:.1f} s "
              "(with the locked years' snapshots)")  # fmt: skip
        region = Region.objects.get(code=f"{PREFIX}-province")
    if KeyFigures.objects.count() < ReportYear.objects.filter(status="locked").count():
        # A bench database generated before the snapshots existed.
        call_command("snapshot_locked_years")
    return region


def _bureau(region: Region) -> User:
    user, _ = User.objects.get_or_create(
        username=f"{PREFIX}_bureau", defaults={"role": User.Role.BUREAU, "region": region}
    )
    return user


def _p95(fn, repeat=REPEAT):
    fn()  # warm: the chart of a page is drawn once, then cached
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    if repeat == 1:
        return times[0]
    return statistics.quantiles(times, n=20, method="inclusive")[-1]


def _captured(fn) -> list[dict]:
    with CaptureQueriesContext(connection) as queries:
        fn()
    return list(queries.captured_queries)


def _get(client, url):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200, (url, response.status_code)
    return response


def _explain(sql: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, SUMMARY OFF) " + sql)
        return "\n".join(row[0] for row in cursor.fetchall())


def _short(text: str) -> str:
    """Long id lists ({8,13,18,…}) cut to their first values and their count."""

    def cut(match) -> str:
        ids = match.group(1).split(",")
        return "{" + ",".join(ids[:3]) + f",… {len(ids)} ids}}"

    return re.sub(r"\{(\d+(?:,\d+){6,})\}", cut, text)


def _pages(client, region, district):
    base = f"/region/{region.code}"
    pages = [
        (f"dashboard {LOCKED} (locked), page 1 of 20", f"{base}/{LOCKED}/", REPEAT),
        (f"dashboard {CURRENT} (open), page 1 of 20", f"{base}/{CURRENT}/", REPEAT),
        (f"comparison {LOCKED}, 1000 schools + chart", f"{base}/{LOCKED}/compare/", REPEAT),
        (f"comparison {LOCKED} sorted by 生师比",
         f"{base}/{LOCKED}/compare/?sort=-student_teacher_ratio", REPEAT),
        (f"comparison {LOCKED} Excel (every school)", f"{base}/{LOCKED}/compare.xlsx", REPEAT),
        (f"comparison {CURRENT} ?drafts=1 (bulk)", f"{base}/{CURRENT}/compare/?drafts=1", 3),
        (f"dashboard {CURRENT} ?drafts=1 (50 checks)", f"{base}/{CURRENT}/?drafts=1", 1),
        (f"district comparison {LOCKED}, 20 schools", f"/region/{district.code}/{LOCKED}/compare/",
         REPEAT),
    ]  # fmt: skip
    rows, heavy = [], []
    # The first view after a lock in the region: nothing cached, the chart is drawn again.
    cold = lambda: (cache.clear(), _get(client, f"{base}/{LOCKED}/compare/?sort=students"))  # noqa: E731
    rows.append((f"comparison {LOCKED}, cold (after a lock)", _p95(cold, 5), len(_captured(cold))))
    for label, url, repeat in pages:
        get = lambda url=url: _get(client, url)  # noqa: E731
        p95 = _p95(get, repeat)
        queries = _captured(get)
        rows.append((label, p95, len(queries)))
        heavy += [(float(q["time"]), label, q["sql"]) for q in queries]
    return rows, heavy


def _database_size() -> None:
    years = ReportYear.objects.count()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_database_size(current_database())")
        total = cursor.fetchone()[0]
        cursor.execute(
            "SELECT relname, pg_total_relation_size(c.oid) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind = 'r' AND n.nspname = 'public'"
            " ORDER BY 2 DESC LIMIT 6"
        )
        tables = cursor.fetchall()
    print(f"\ndatabase: {total / 2**20:.0f} MiB for {years} school-years = "
          f"{total / years / 1024:.0f} KiB per school-year; largest tables "
          "(pg_total_relation_size, with indexes and TOAST):")  # fmt: skip
    for name, size in tables:
        print(f"  {name:<40} {size / 2**20:>8.1f} MiB  {size / years / 1024:>7.1f} KiB/school-year")


def _bulk_export(workers: int, years: list[ReportYear]) -> tuple[float, float]:
    """Queue one PDF per school-year and let `workers` db_worker processes drain the queue;
    seconds from the first job started to the last finished, and the mean per PDF."""
    from exports.models import ExportJob
    from exports.tasks import run_export_job

    ExportJob.objects.filter(year__in=years).delete()
    with transaction.atomic():
        for year in years:
            job = ExportJob.objects.create(year=year, format="pdf", stage="bench")
            run_export_job.enqueue(str(job.pk))
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload",
               "--no-startup-delay", "--queue-name", "*", "-v", "0"]  # fmt: skip
    processes = [subprocess.Popen(command) for _ in range(workers)]
    for process in processes:
        process.wait()
    jobs = list(ExportJob.objects.filter(year__in=years))
    failed = [j for j in jobs if j.status != ExportJob.Status.DONE]
    assert not failed, [(j.year_id, j.status, j.error) for j in failed]
    wall = (max(j.finished_at for j in jobs) - min(j.started_at for j in jobs)).total_seconds()
    each = statistics.mean((j.finished_at - j.started_at).total_seconds() for j in jobs)
    return wall, each


def run():
    region = _region()
    client = Client()
    client.force_login(_bureau(region))
    district = Region.objects.get(code=f"{PREFIX}-c1-d1")
    rows, heavy = _pages(client, region, district)
    year = ReportYear.objects.select_related("school").get(
        school__slug=f"{PREFIX}-0001", year=CURRENT
    )
    checks = lambda: run_checks(year)  # noqa: E731
    rows.append(("one school's checks (run_checks)", _p95(checks), len(_captured(checks))))
    print(f"\nRegions ({SCHOOLS} generated schools × {YEARS} years; goals: region pages "
          "p95 < 200 ms, one school's checks < 100 ms)")  # fmt: skip
    print(f"{'measurement':<52} {'p95 ms':>9} {'queries':>8}")
    for name, ms, queries in rows:
        print(f"{name:<52} {ms:>9.1f} {queries:>8}")
    # Queries per page against the number of schools: a district (20) and the province (1000).
    for label, path in (("dashboard", f"{LOCKED}/"), ("comparison", f"{LOCKED}/compare/")):
        small = len(_captured(lambda p=path: _get(client, f"/region/{district.code}/{p}")))
        large = len(_captured(lambda p=path: _get(client, f"/region/{region.code}/{p}")))
        print(f"queries per {label} page: {small} (20 schools) vs {large} (1000 schools)")
    _database_size()
    print("\nEXPLAIN (ANALYZE) of the slowest query of each of the four slowest pages above:")
    slowest: dict[str, tuple[float, str]] = {}
    for seconds, label, sql in heavy:
        if seconds > slowest.get(label, (-1.0, ""))[0]:
            slowest[label] = (seconds, sql)
    for label, (seconds, sql) in sorted(slowest.items(), key=lambda i: -i[1][0])[:4]:
        print(f"\n-- {label}: {seconds * 1000:.1f} ms\n-- {_short(sql)[:400]}")
        print(_short(_explain(sql)))
    sample = list(
        ReportYear.objects.filter(school__slug__startswith=f"{PREFIX}-", year=CURRENT)
        .select_related("school")
        .order_by("school__slug")[:EXPORT_SAMPLE]
    )
    print(f"\nBulk PDF export through the PostgreSQL queue (django-tasks-db), a sample of "
          f"{len(sample)} open school-years, extrapolated to {SCHOOLS} schools:")  # fmt: skip
    for workers in (1, 2):
        wall, each = _bulk_export(workers, sample)
        rate = len(sample) / wall * 3600
        print(
            f"  {workers} worker(s): {wall:.1f} s for {len(sample)} PDFs ({each:.1f} s each), "
            f"{rate:.0f} PDFs/hour → {SCHOOLS} schools in {SCHOOLS / rate * 60:.0f} min"
        )
