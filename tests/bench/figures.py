"""Figures: time of all checks for the demo year, queries per entry form and per read call."""

import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from metrics import api
from metrics.findings import run_checks
from reporting.models import ReportYear, User


def _measure(fn, repeat=5):
    best = float("inf")
    with CaptureQueriesContext(connection) as queries:
        fn()
    count = len(queries)
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000, count


def run():
    year = ReportYear.objects.select_related("school").get(school__slug="lianzhou", year=2025)
    client = Client()
    rows = []
    rows.append(("run_checks(2025), all rules", *_measure(lambda: run_checks(year))))
    rows.append(("figure_values(2025)", *_measure(lambda: api.figure_values(year))))
    rows.append(("appendix_tables(2025)", *_measure(lambda: api.appendix_tables(year))))
    rows.append(
        (
            "every body_table(2025)",
            *_measure(lambda: [api.body_table(year, k) for k in api.BODY_TABLE_KEYS]),
        )
    )
    for username, url in [
        ("jiaowu", "/figures/lianzhou/2025/d/jiaowu/"),
        ("zhaosheng", "/figures/lianzhou/2025/d/zhaosheng/"),
        ("zhaosheng", "/figures/lianzhou/2025/d/zhaosheng/data/majors/"),
        ("editor", "/figures/lianzhou/2025/findings/"),
    ]:
        client.force_login(User.objects.get(username=username))
        rows.append(
            (f"GET {url}", *_measure(lambda url=url: client.get(url, HTTP_HOST="localhost")))
        )
    findings = run_checks(year)
    document = _document_reads(year)
    print("\nFigures (demo year 2025)")
    print(f"{'measurement':<58} {'best ms':>9} {'queries':>8}")
    for name, ms, queries in rows:
        print(f"{name:<58} {ms:>9.1f} {queries:>8}")
    print(f"findings: {len(findings)} ({sum(f.is_error for f in findings)} errors)")
    print(
        "full PDF render: {queries} queries; the year's figures read {figures}×, the catalog "
        "{catalog}×, 表6-6's rows {titles}× (goal: once each per document)".format(**document)
    )


def _document_reads(year) -> dict:
    """How often one full PDF render reads the year's figures (one snapshot per document)."""
    from exports.exporters import get_exporter

    with CaptureQueriesContext(connection) as queries:
        get_exporter("pdf").render(year)

    def reads(table):
        return sum(f'FROM "{table}"' in query["sql"] for query in queries)

    return {
        "queries": len(queries),
        "figures": reads("metrics_figure"),
        "catalog": reads("metrics_indicator"),
        "titles": reads("metrics_teachertitlerow"),
    }
