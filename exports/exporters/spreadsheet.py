"""The openpyxl work for every spreadsheet export: safe cells and tables laid out on sheets.

Subclasses only say which tables go on which sheet (`sheets(year)`); this base class writes
them. Every text cell is sanitized the way a careful spreadsheet exporter must: text that
starts with =, +, - or @ is stored as a string cell (never a formula, and quote-prefixed so
Excel keeps it text when edited), and characters XML cannot hold are dropped.
"""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from exports.exporters.archive import normalize_zip
from exports.exporters.base import Exporter
from metrics.api import Cell, Table
from reporting.models import ReportYear

FORMULA_PREFIXES = ("=", "+", "-", "@")
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
SHEET_NAME_MAX = 31

THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="D9E2F3")
FONT_NAME = "宋体"


@dataclass(frozen=True)
class Sheet:
    name: str
    table: Table
    caption: str


def safe_text(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def write_value(ws: Worksheet, row: int, column: int, value, number_format: str = ""):
    """One cell: numbers as numbers (with their format), everything else as plain text."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, bool) or value is None:
        value = "" if value is None else str(value)
    if isinstance(value, int | float | Decimal):
        cell.value = value
        if number_format:
            cell.number_format = number_format
        return cell
    text = safe_text(str(value))
    cell.value = text
    # openpyxl binds text beginning with "=" as a formula; force a string cell instead.
    cell.data_type = "s"
    if text.startswith(FORMULA_PREFIXES):
        cell.quotePrefix = True
    return cell


def unique_sheet_name(title: str, taken: set[str]) -> str:
    base = SHEET_NAME_FORBIDDEN.sub("", title).strip("' ") or _("表")
    name = base[:SHEET_NAME_MAX]
    counter = 2
    while name.lower() in taken:
        suffix = f"({counter})"
        name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        counter += 1
    taken.add(name.lower())
    return name


def table_width(table: Table) -> int:
    rows = table.header_rows + table.rows
    return max((sum(cell.colspan for cell in row) for row in rows), default=1)


def _display_width(text: str) -> int:
    return sum(2 if ord(char) > 0x2E80 else 1 for char in text)


class TableGrid:
    """Places cells with colspan/rowspan on the sheet, skipping slots a span above occupies."""

    def __init__(self, ws: Worksheet, first_row: int):
        self.ws = ws
        self.row = first_row
        self.occupied: set[tuple[int, int]] = set()
        self.widths: dict[int, int] = {}

    def write_row(self, cells: list[Cell], *, header: bool) -> None:
        column = 1
        for cell in cells:
            while (self.row, column) in self.occupied:
                column += 1
            self._write(cell, column, header=header or cell.header)
            column += cell.colspan
        self.row += 1

    def _write(self, cell: Cell, column: int, *, header: bool) -> None:
        numeric = isinstance(cell.value, int | Decimal | float) and not isinstance(cell.value, bool)
        target = write_value(
            self.ws, self.row, column, cell.value if numeric else cell.text, cell.number_format
        )
        target.border = BORDER
        target.font = Font(name=FONT_NAME, bold=header)
        horizontal = "center" if header else ("right" if numeric else "left")
        target.alignment = Alignment(
            horizontal=horizontal, vertical="center", wrap_text=True, indent=cell.indent
        )
        if header:
            target.fill = HEADER_FILL
        last_row, last_column = self.row + cell.rowspan - 1, column + cell.colspan - 1
        for r in range(self.row, last_row + 1):
            for c in range(column, last_column + 1):
                self.occupied.add((r, c))
                if (r, c) != (self.row, column):
                    self.ws.cell(row=r, column=c).border = BORDER
        if last_row > self.row or last_column > column:
            self.ws.merge_cells(
                start_row=self.row, start_column=column, end_row=last_row, end_column=last_column
            )
        if cell.colspan == 1:
            width = _display_width(cell.text) + 2 * cell.indent + 2
            self.widths[column] = max(self.widths.get(column, 0), min(width, 60))


class SpreadsheetExporter(Exporter):
    extension = "xlsx"
    mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    def sheets(self, year: ReportYear) -> Iterable[Sheet]:
        raise NotImplementedError

    def render_bytes(self, year: ReportYear) -> bytes:
        workbook = Workbook()
        workbook.remove(workbook.active)
        taken: set[str] = set()
        sheets = list(self.sheets(year))
        for index, sheet in enumerate(sheets, start=1):
            ws = workbook.create_sheet(unique_sheet_name(sheet.name, taken))
            self.write_table(ws, sheet, draft=year.is_open)
            self.progress(10 + 80 * index // max(len(sheets), 1), _("写入工作表"))
        self._stamp_properties(workbook, year)
        output = io.BytesIO()
        workbook.save(output)
        return normalize_zip(output.getvalue())

    def write_table(self, ws: Worksheet, sheet: Sheet, *, draft: bool) -> None:
        table = sheet.table
        width = table_width(table)
        write_value(ws, 1, 1, sheet.caption).font = Font(name=FONT_NAME, bold=True, size=14)
        ws.cell(row=1, column=1).alignment = Alignment(horizontal="center")
        if width > 1:
            ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
        grid = TableGrid(ws, first_row=2)
        for cells in table.header_rows:
            grid.write_row(cells, header=True)
        header_end = grid.row - 1
        for cells in table.rows:
            grid.write_row(cells, header=False)
        if table.source:
            write_value(ws, grid.row, 1, table.source).font = Font(name=FONT_NAME, size=9)
            if width > 1:
                ws.merge_cells(
                    start_row=grid.row, start_column=1, end_row=grid.row, end_column=width
                )
        for column, chars in grid.widths.items():
            ws.column_dimensions[get_column_letter(column)].width = max(chars, 6)
        ws.freeze_panes = ws.cell(row=header_end + 1, column=1)
        ws.print_title_rows = f"2:{header_end}" if header_end >= 2 else None
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = "landscape" if table.wide else "portrait"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        if draft:
            ws.oddHeader.center.text = _("草稿")

    def _stamp_properties(self, workbook: Workbook, year: ReportYear) -> None:
        # No clock in the file: the stored dates of the year stand in for "created".
        stamp = datetime.datetime.combine(year.publication_date or year.end_date, datetime.time.min)
        workbook.properties.created = stamp
        workbook.properties.modified = stamp
        workbook.properties.creator = year.school.name
        workbook.properties.title = self.filename(year).rsplit(".", 1)[0]
