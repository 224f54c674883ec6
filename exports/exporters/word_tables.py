"""HTML tables (with colspan/rowspan) as Word tables with merged cells."""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml.html import HtmlElement

from narrative.limits import MAX_TABLE_COLUMNS, MAX_TABLE_ROWS

# A stored table is checked on save, but the exporter must not trust that: a colspan of a
# million would make python-docx build a million-column table. Cells beyond these are dropped.
WORD_MAX_COLUMNS = MAX_TABLE_COLUMNS
WORD_MAX_ROWS = MAX_TABLE_ROWS


def _span(element: HtmlElement, name: str) -> int:
    try:
        return max(1, int(element.get(name, "1")))
    except ValueError:
        return 1


def table_grid(table: HtmlElement) -> tuple[list[tuple[int, int, int, int, HtmlElement]], int, int]:
    """Each cell's (row, column, rowspan, colspan, element), and the grid's size."""
    placed, occupied = [], set()
    rows = [tr for tr in table.iter("tr")][:WORD_MAX_ROWS]
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in occupied:
                c += 1
            if c >= WORD_MAX_COLUMNS:
                break
            rowspan = min(_span(cell, "rowspan"), len(rows) - r)
            colspan = min(_span(cell, "colspan"), WORD_MAX_COLUMNS - c)
            for dr in range(rowspan):
                for dc in range(colspan):
                    occupied.add((r + dr, c + dc))
            placed.append((r, c, rowspan, colspan, cell))
            c += colspan
            width = max(width, c)
    return placed, len(rows), width


def add_html_table(container, table: HtmlElement, write_cell) -> None:
    """`write_cell(docx_cell, element, header: bool)` fills one cell's paragraphs."""
    placed, height, width = table_grid(table)
    if not height or not width:
        return
    word_table = container.add_table(rows=height, cols=width)
    word_table.style = "Table Grid"
    word_table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header_rows = {r for r, *_rest, cell in placed if cell.getparent().getparent().tag == "thead"}
    for r in header_rows:
        # Word repeats header rows on every page, like thead in print.
        row_properties = word_table.rows[r]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        row_properties.append(repeat)
    for r, c, rowspan, colspan, cell in placed:
        target = word_table.cell(r, c)
        if rowspan > 1 or colspan > 1:
            target = target.merge(word_table.cell(r + rowspan - 1, c + colspan - 1))
        write_cell(target, cell, cell.tag == "th" or r in header_rows)
    for row in word_table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(9)
