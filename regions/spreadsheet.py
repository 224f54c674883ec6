"""The comparison table as an Excel workbook (cells sanitized by the exports' one writer)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from exports.exporters.spreadsheet import write_value
from regions.comparison import Comparison

OUTLIER_FILL = PatternFill("solid", fgColor="F8D7DA")


def comparison_workbook(comparison: Comparison, title: str) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("指标对比")
    write_value(ws, 1, 1, title).font = Font(bold=True)
    header = [_("学校"), _("类型"), _("状态")]
    for column in comparison.columns:
        header += [
            f"{column.label}（{column.unit}）" if column.unit else column.label,
            _("与中位数之差"),
        ]
    for index, text in enumerate(header, start=1):
        write_value(ws, 2, index, text).font = Font(bold=True)
    row_number = 3
    for row in comparison.rows:
        school = row.year.school
        values = [school.name, school.get_kind_display(), row.year.get_status_display()]
        for index, text in enumerate(values, start=1):
            write_value(ws, row_number, index, text)
        column_index = 4
        for cell in row.cells:
            target = write_value(ws, row_number, column_index, cell.value, "0.00")
            if cell.outlier:
                target.fill = OUTLIER_FILL
            write_value(ws, row_number, column_index + 1, cell.diff, "+0.00;-0.00;0")
            column_index += 2
        row_number += 1
    write_value(ws, row_number, 1, _("地区中位数")).font = Font(bold=True)
    for offset, column in enumerate(comparison.columns):
        write_value(ws, row_number, 4 + 2 * offset, column.median, "0.00")
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
