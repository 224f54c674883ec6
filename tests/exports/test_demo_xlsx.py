"""`export_report --format xlsx` of the demo: the appendix sheets hold exactly the stored
figures, numbers are numbers, typed formulas stay text."""

import io
from decimal import Decimal

import openpyxl
import pytest

from tests.exports.tables import EVIL


@pytest.fixture(scope="module")
def workbook(demo_exports):
    return openpyxl.load_workbook(io.BytesIO(demo_exports.xlsx))


def numeric_values(table):
    return [
        cell.value
        for row in table.rows
        for cell in row
        if isinstance(cell.value, int | Decimal) and not isinstance(cell.value, bool)
    ]


def test_appendix_sheets_come_first_in_order(workbook, demo_exports):
    names = workbook.sheetnames[: len(demo_exports.appendix)]
    assert [name[:3].replace(" ", "") for name in names] == ["表1", "表2", "表3", "表4", "表5"]


def test_appendix_sheets_hold_exactly_the_stored_figures(workbook, demo_exports):
    for sheet_name, table in zip(workbook.sheetnames, demo_exports.appendix, strict=False):
        sheet = workbook[sheet_name]
        cells = [c for row in sheet.iter_rows() for c in row if c.data_type == "n"]
        printed = [Decimal(str(c.value)) for c in cells if c.value is not None]
        assert printed == [Decimal(v) for v in numeric_values(table)], sheet_name
        labels = {c.value for row in sheet.iter_rows() for c in row if c.data_type == "s"}
        for row in table.rows:
            for cell in row:
                if cell.text and not numeric_values_of(cell):
                    assert cell.text in labels, (sheet_name, cell.text)


def numeric_values_of(cell):
    return isinstance(cell.value, int | Decimal) and not isinstance(cell.value, bool)


def test_sub_rows_are_indented(workbook):
    sheet = workbook[workbook.sheetnames[0]]
    sub = next(c for row in sheet.iter_rows() for c in row if c.value == "其中：升学人数")
    assert sub.alignment.indent >= 1


def test_every_body_table_has_its_own_sheet_with_source(workbook, demo_exports):
    body_sheets = workbook.sheetnames[len(demo_exports.appendix) :]
    assert len(body_sheets) == 11
    for name in body_sheets:
        texts = [c.value for row in workbook[name].iter_rows() for c in row if c.value]
        assert any(str(t).startswith("图表数据来源") for t in texts), name


def test_formula_typed_into_a_text_field_stays_text(demo_exports):
    workbook = openpyxl.load_workbook(io.BytesIO(demo_exports.xlsx_with_formula_text))
    cells = [c for ws in workbook for row in ws.iter_rows() for c in row]
    typed = [c for c in cells if c.value == EVIL]
    assert typed and all(c.data_type == "s" for c in typed)
    assert not any(c.data_type == "f" for c in cells)
