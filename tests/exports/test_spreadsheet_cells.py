"""The openpyxl base: safe text cells, numbers as numbers, spans merged, 其中 rows indented."""

import io

import openpyxl
import pytest

from exports.exporters.spreadsheet import Sheet, SpreadsheetExporter, unique_sheet_name
from tests.exports.tables import EVIL, SCORECARD, WIDE


class HandWrittenTables(SpreadsheetExporter):
    format = "test-xlsx"

    def sheets(self, year):
        yield Sheet(SCORECARD.title, SCORECARD, SCORECARD.title)
        yield Sheet(WIDE.title, WIDE, WIDE.title)


@pytest.fixture
def workbook(year):
    return openpyxl.load_workbook(io.BytesIO(HandWrittenTables().render(year).content))


def test_formula_typed_as_text_stays_text(workbook):
    cell = workbook["表1 人才培养质量计分卡"]["D8"]
    assert cell.value == EVIL
    assert cell.data_type == "s"


def test_text_starting_with_minus_or_plus_is_text_and_control_chars_are_dropped(workbook):
    sheet = workbook["表1 人才培养质量计分卡"]
    assert (sheet["B9"].value, sheet["B9"].data_type) == ("-负数开头的说明", "s")
    assert (sheet["D9"].value, sheet["D9"].data_type) == ("+86", "s")
    assert sheet["C9"].value == "人"


def test_numbers_are_numeric_cells_with_their_format(workbook):
    sheet = workbook["表1 人才培养质量计分卡"]
    assert (sheet["D3"].value, sheet["D3"].data_type, sheet["D3"].number_format) == (557, "n", "0")
    assert sheet["D7"].value == 3500.5
    assert sheet["D7"].number_format == "0.00"


def test_sub_rows_are_indented_and_spans_merged(workbook):
    sheet = workbook["表1 人才培养质量计分卡"]
    assert sheet["B5"].alignment.indent == 1
    assert "A5:A6" in {str(r) for r in sheet.merged_cells.ranges}
    wide = workbook["专业设置调整情况"]
    assert {"A2:A3", "B2:C2"} <= {str(r) for r in wide.merged_cells.ranges}
    assert wide["B3"].value == "专业代码"
    assert wide["A5"].value.startswith("图表数据来源")
    assert wide.page_setup.orientation == "landscape"


def test_open_year_sheets_say_draft_in_the_page_header(workbook):
    assert workbook["专业设置调整情况"].oddHeader.center.text == "草稿"


def test_same_year_gives_the_same_bytes(year):
    assert HandWrittenTables().render(year).content == HandWrittenTables().render(year).content


def test_sheet_names_are_short_unique_and_legal():
    taken: set[str] = set()
    long = "近三年毕业生升学情况一览表：按年份/升学途径统计[含中高职贯通]及其他说明文字"
    first, second = unique_sheet_name(long, taken), unique_sheet_name(long, taken)
    assert len(first) <= 31 and len(second) <= 31
    assert first != second
    assert not set("[]:*?/\\") & set(first)
