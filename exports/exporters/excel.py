"""The report's data as a workbook: 附件 表1–表5 first, then every body table on its own sheet."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext_lazy as _

from exports.exporters.spreadsheet import Sheet, SpreadsheetExporter
from metrics import api as metrics
from reporting.models import ReportYear


def caption(table: metrics.Table) -> str:
    return f"{table.title}{table.unit_note}"


class XlsxExporter(SpreadsheetExporter):
    format = "xlsx"
    label = _("Excel 数据表")

    def sheets(self, year: ReportYear) -> Iterable[Sheet]:
        self.progress(5, _("读取数据"))
        for table in metrics.appendix_tables(year):
            yield Sheet(name=table.title, table=table, caption=caption(table))
        for key in metrics.BODY_TABLE_KEYS:
            table = metrics.body_table(year, key)
            yield Sheet(name=table.title, table=table, caption=caption(table))
