"""Size limits of the report text, checked when a form is saved (with a message saying the
limit) so that no stored table or text can exhaust a printer's memory. They are generous for
a printed report: a landscape A4 page holds about 20 readable columns."""

from __future__ import annotations

import lxml.html
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_TABLE_ROWS = 300
MAX_TABLE_COLUMNS = 30
MAX_CELL_TEXT = 1000
# One text block of a section, as stored HTML (the sample's longest section is ~15 000).
MAX_TEXT_LENGTH = 100_000


def check_grid(grid: dict) -> None:
    """A free table (narrative/grid.py) within the limits, or ValidationError."""
    rows = grid.get("rows", [])
    _check_shape(
        len(rows),
        max((sum(int(c.get("colspan", 1)) for c in row) for row in rows), default=0),
    )
    for row in rows:
        for cell in row:
            _check_cell(cell.get("text", ""), int(cell.get("rowspan", 1)), len(rows))


def check_text(html: str) -> None:
    """A text block's HTML: its length and the size of the tables typed into it."""
    if len(html) > MAX_TEXT_LENGTH:
        raise ValidationError(
            _("文字太长（超过 %(limit)s 个字符），请拆分为几个文字块或几个小节。")
            % {"limit": MAX_TEXT_LENGTH}
        )
    if "<table" not in html:
        return
    for table in lxml.html.fragment_fromstring(html, create_parent="div").iter("table"):
        rows = list(table.iter("tr"))
        widths = [
            sum(_span(cell, "colspan") for cell in tr if cell.tag in ("td", "th")) for tr in rows
        ]
        _check_shape(len(rows), max(widths, default=0))
        for tr in rows:
            for cell in tr:
                if cell.tag in ("td", "th"):
                    _check_cell(cell.text_content(), _span(cell, "rowspan"), len(rows))


def _span(element, name: str) -> int:
    value = element.get(name, "1")
    return int(value) if value.isdigit() else 1


def _check_shape(rows: int, columns: int) -> None:
    if rows > MAX_TABLE_ROWS or columns > MAX_TABLE_COLUMNS:
        raise ValidationError(
            _(
                "表格太大（%(rows)s 行 × %(columns)s 列）：最多 %(max_rows)s 行、"
                "%(max_columns)s 列。请拆分为几个表格，或把明细放入附件。"
            )
            % {
                "rows": rows,
                "columns": columns,
                "max_rows": MAX_TABLE_ROWS,
                "max_columns": MAX_TABLE_COLUMNS,
            }
        )


def _check_cell(text: str, rowspan: int, rows: int) -> None:
    if len(text) > MAX_CELL_TEXT:
        raise ValidationError(
            _("表格中有单元格超过 %(limit)s 个字，请精简或改为正文。") % {"limit": MAX_CELL_TEXT}
        )
    if rowspan > rows:
        raise ValidationError(_("表格中有单元格向下合并超出了表格的行数。"))
