"""Exports benchmark (`make bench`): the demo report's PDF, Excel and Word on this machine.

Each export runs in a fresh child process so its peak memory (maxrss) is its own. Goals:
PDF ≤ 6 s and ≤ 5 MB, our assembly ≤ 20 % over WeasyPrint alone on the same final HTML,
Excel ≤ 1 s.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

GOALS = {"pdf_seconds": 6.0, "pdf_mb": 5.0, "overhead_pct": 20.0, "xlsx_seconds": 1.0}


def _demo_year():
    from reporting.models import ReportYear

    return ReportYear.objects.select_related("school").get(school__slug="lianzhou", year=2025)


def child(kind: str) -> None:
    """Runs in the child process: one measurement, printed as JSON on the last line."""
    import resource

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    from weasyprint import HTML

    from exports.exporters import get_exporter
    from exports.exporters.fetcher import BASE_URL, ProjectFilesFetcher
    from exports.exporters.html import print_html
    from exports.exporters.pdf import final_print_html

    year = _demo_year()
    result: dict = {}
    if kind == "weasyprint":
        final = final_print_html(print_html(year), draft=year.is_open)
        started = time.perf_counter()
        content = HTML(
            string=final, base_url=BASE_URL, url_fetcher=ProjectFilesFetcher()
        ).write_pdf()
        result["seconds"] = time.perf_counter() - started
    else:
        started = time.perf_counter()
        content = get_exporter(kind).render(year).content
        result["seconds"] = time.perf_counter() - started
    result["bytes"] = len(content)
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    if kind == "pdf":
        info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True).stdout
        pages = [line for line in info.decode().splitlines() if line.startswith("Pages:")]
        result["pages"] = int(pages[0].split()[1]) if pages else 0
    print(json.dumps(result))


def _measure(kind: str) -> dict:
    code = f"from tests.bench.exports import child; child({kind!r})"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _row(name: str, value: str, goal: str, ok: bool | None) -> str:
    verdict = "" if ok is None else ("ok" if ok else "MISSED")
    return f"| {name:<34} | {value:>12} | {goal:>10} | {verdict:<6} |"


def run() -> None:
    if not _has_demo():
        print("exports: no demo report (run `manage.py load_demo`); skipped")
        return
    pdf = min((_measure("pdf") for _ in range(2)), key=lambda r: r["seconds"])
    alone = min((_measure("weasyprint") for _ in range(2)), key=lambda r: r["seconds"])
    xlsx = min((_measure("xlsx") for _ in range(3)), key=lambda r: r["seconds"])
    docx = _measure("docx")
    overhead = (pdf["seconds"] - alone["seconds"]) / alone["seconds"] * 100
    size_mb = pdf["bytes"] / 1024 / 1024
    print()
    print("Exports of the demo report (best of several runs, each in a fresh process)")
    print(_row("measure", "value", "goal", None).replace("|  ", "| ", 0))
    print("|" + "-" * 36 + "|" + "-" * 14 + "|" + "-" * 12 + "|" + "-" * 8 + "|")
    rows = [
        ("PDF pages", f"{pdf['pages']}", "", None),
        ("PDF seconds", f"{pdf['seconds']:.2f}", "≤ 6", pdf["seconds"] <= GOALS["pdf_seconds"]),
        ("PDF peak memory (MB, maxrss)", f"{pdf['maxrss_mb']:.0f}", "", None),
        ("PDF file size (MB)", f"{size_mb:.2f}", "≤ 5", size_mb <= GOALS["pdf_mb"]),
        ("WeasyPrint alone, same HTML (s)", f"{alone['seconds']:.2f}", "", None),
        ("our assembly overhead (%)", f"{overhead:.1f}", "≤ 20", overhead <= 20),
        ("Excel seconds", f"{xlsx['seconds']:.2f}", "≤ 1", xlsx["seconds"] <= 1),
        ("Excel file size (KB)", f"{xlsx['bytes'] / 1024:.0f}", "", None),
        ("Word seconds", f"{docx['seconds']:.2f}", "", None),
        ("Word file size (MB)", f"{docx['bytes'] / 1024 / 1024:.2f}", "", None),
    ]
    for row in rows:
        print(_row(*row))


def _has_demo() -> bool:
    from reporting.models import ReportYear

    return ReportYear.objects.filter(school__slug="lianzhou", year=2025).exists()
