"""Workbooks and charts (`make bench`): department workbook download, preview and apply of a
whole department's workbook with every typed value changed, time per chart (SVG and PNG).
Writes happen in a transaction that is rolled back, so the demo stays as it was."""

from __future__ import annotations

import io
import time

from django.db import transaction
from openpyxl import load_workbook

GOALS_MS = {"download": 1500, "preview": 2000, "apply": 3000, "chart": 400}


def _best(fn, repeat=3):
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000, result


def _every_value_changed(data: bytes) -> bytes:
    """Every typed number of every sheet (single figures and the printed-layout data sets)
    one higher (lower when near 100 %), as a department that retyped its whole workbook; cells
    locked for the user (submitted items) stay as they are."""
    workbook = load_workbook(io.BytesIO(data))
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        for line in ws.iter_rows(min_row=4):
            for cell in line:
                number = isinstance(cell.value, int | float) and not isinstance(cell.value, bool)
                if number and cell.protection.locked is False:
                    cell.value = cell.value + 1 if cell.value < 99 else cell.value - 1  # ≤ 100 %
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def run() -> None:
    from metrics import api
    from metrics.workbooks.apply import apply_plan
    from metrics.workbooks.preview import build_preview
    from metrics.workbooks.reader import read_department_workbook
    from metrics.workbooks.template import build_workbook
    from narrative.charts import chart_png, chart_svg
    from narrative.models import Block
    from reporting.models import Department, ReportYear, User

    year = ReportYear.objects.filter(school__slug="lianzhou", year=2025).first()
    if year is None:
        print("workbooks: no demo report (run `manage.py load_demo`); skipped")
        return
    department = Department.objects.get(school=year.school, code="zhaosheng")
    # the committee: in the demo some of 招生就业办's items are submitted (locked for the head)
    user = User.objects.get(username="editor")
    rows = []
    ms, data = _best(lambda: build_workbook(year, [department], user))
    rows.append(
        ("download 招生就业办 workbook", ms, f"{len(data) // 1024} KB", GOALS_MS["download"])
    )
    everyone = list(year.school.departments.all())
    ms, whole = _best(lambda: build_workbook(year, everyone), repeat=1)
    rows.append(("download all departments", ms, f"{len(whole) // 1024} KB", None))
    changed = _every_value_changed(data)
    ms, preview = _best(lambda: build_preview(year, user, read_department_workbook(changed)))
    rows.append(("preview, every typed value changed", ms, f"{len(preview.changes)} changes",
                 GOALS_MS["preview"]))  # fmt: skip
    with transaction.atomic():
        start = time.perf_counter()
        apply_plan(year=year, user=user, plan=preview.plan)
        ms = (time.perf_counter() - start) * 1000
        transaction.set_rollback(True)
    rows.append(("apply those changes (one transaction)", ms, "", GOALS_MS["apply"]))
    for key, _label in api.chart_series_choices():
        chart = api.chart_series(year, key)
        ms, svg = _best(lambda chart=chart: chart_svg(chart, "bar"))
        rows.append((f"chart {key}: SVG", ms, f"{len(svg) // 1024} KB", GOALS_MS["chart"]))
        ms, png = _best(lambda chart=chart: chart_png(chart, "bar"), repeat=1)
        rows.append((f"chart {key}: PNG (Word)", ms, f"{len(png) // 1024} KB", None))
    charts = Block.objects.filter(section__year=year, kind=Block.Kind.CHART).count()
    print("\nWorkbooks and charts (demo year 2025; PDF time and size, charts included: Exports)")
    print(f"| {'measure':<40} | {'best ms':>9} | {'size':>14} | {'goal ms':>8} | verdict |")
    for name, ms, size, goal in rows:
        verdict = "" if goal is None else ("ok" if ms <= goal else "MISSED")
        print(f"| {name:<40} | {ms:>9.1f} | {size:>14} | {goal or '':>8} | {verdict:<7} |")
    print(f"The demo report has {charts} chart blocks; the Exports table's PDF includes them.")
