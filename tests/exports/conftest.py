"""The demo report exported once per test session (PDF, Excel, Word), reused by many tests.

Rendering happens inside a transaction that is rolled back, so the demo data never leaks into
other tests; what the tests read afterwards are plain bytes and immutable tables.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from exports.exporters import get_exporter
from metrics import api as metrics
from reporting.models import ReportYear
from tests.exports import pdf_text
from tests.exports.tables import EVIL


@dataclass(frozen=True)
class DemoExports:
    pdf_path: Path
    pages: list[pdf_text.PrintedPage]
    locked_pages: list[pdf_text.PrintedPage]
    xlsx: bytes
    xlsx_with_formula_text: bytes
    docx: bytes
    locked_docx: bytes
    appendix: list[metrics.Table]


def _type_formula_into_a_text_field(year: ReportYear) -> None:
    from metrics.models.datasets import CertificatePassRate

    row = CertificatePassRate.objects.filter(year=year).order_by("pk").first()
    row.certificate = EVIL
    row.save()


@pytest.fixture(scope="session")
def demo_exports(django_db_setup, django_db_blocker, tmp_path_factory) -> DemoExports:
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        year = ReportYear.objects.select_related("school").get(school__slug="lianzhou", year=2025)
        pdf = get_exporter("pdf").render(year).content
        xlsx = get_exporter("xlsx").render(year).content
        docx = get_exporter("docx").render(year).content
        appendix = metrics.appendix_tables(year)
        _type_formula_into_a_text_field(year)
        xlsx_with_formula_text = get_exporter("xlsx").render(year).content
        year.status = ReportYear.Status.LOCKED
        year.save()
        locked_pdf = get_exporter("pdf").render(year).content
        locked_docx = get_exporter("docx").render(year).content
        transaction.set_rollback(True)
    path = tmp_path_factory.mktemp("demo") / "demo.pdf"
    path.write_bytes(pdf)
    return DemoExports(
        pdf_path=path,
        pages=pdf_text.printed_pages(pdf),
        locked_pages=pdf_text.printed_pages(locked_pdf),
        xlsx=xlsx,
        xlsx_with_formula_text=xlsx_with_formula_text,
        docx=docx,
        locked_docx=locked_docx,
        appendix=appendix,
    )
