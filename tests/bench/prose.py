"""Numbers in prose and one render's reads (`make bench`).

- the prose check on the whole demo text (every text block of 2025): typed numbers found,
  matched and compared; goal ≤ 300 ms, so 数据校验 stays fast;
- a full print render (the HTML the PDF is laid out from): its SQL queries, and how many times
  the year's figures are loaded (metrics.yeardata.YearData built); goal: once per year shown.
"""

import time

from django.db import connection
from django.test.utils import CaptureQueriesContext

from metrics import yeardata
from narrative.prose_numbers.check import year_mentions
from narrative.prose_numbers.findings import prose_findings
from reporting.models import ReportYear

GOAL_MS = 300


def _best(fn, repeat=5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _render_reads(year) -> tuple[int, int]:
    from exports.exporters.html import print_html

    built = []
    original = yeardata.YearData.__init__

    def counting(self, report_year):
        built.append(report_year.year)
        original(self, report_year)

    yeardata.YearData.__init__ = counting
    try:
        with CaptureQueriesContext(connection) as queries:
            print_html(year)
    finally:
        yeardata.YearData.__init__ = original
    return len(queries), len(built)


def run():
    year = ReportYear.objects.select_related("school").get(school__slug="lianzhou", year=2025)
    mentions = year_mentions(year)
    findings = list(prose_findings(year))
    ms = _best(lambda: list(prose_findings(year)))
    queries, loads = _render_reads(year)
    print("\nNumbers in prose and one render (demo year 2025)")
    print(f"{'measurement':<58} {'value':>9} {'goal':>8}")
    print(
        f"{'prose check, whole demo text (ms, best of 5)':<58} {ms:>9.1f} {'≤ ' + str(GOAL_MS):>8}"
    )
    print(f"{'typed numbers naming a figure':<58} {len(mentions):>9}")
    errors = sum(f.is_error for f in findings)
    print(f"{'prose findings (errors / hints)':<58} {f'{errors} / {len(findings) - errors}':>9}")
    print(f"{'full print render: SQL queries':<58} {queries:>9}")
    print(f"{'full print render: figures loaded (YearData built)':<58} {loads:>9} {'1':>8}")
