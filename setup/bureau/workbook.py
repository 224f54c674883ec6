"""The bureau's school list as a workbook: the template to fill (with lists for 学校类型 and
所属地区), reading a filled one, and the accounts created. Every cell written goes through
the exports' sanitizing writer; a formula typed in a cell is read as its text."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from exports.exporters.spreadsheet import write_value
from reporting.models import Region, School
from setup.bureau.services import COLUMNS, KIND, REGION, REQUIRED, region_label, regions_of
from setup.people import MAX_ROWS, read_rows

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WIDTHS = (32, 14, 16, 10, 24, 16, 12, 24)


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _header(ws, titles, widths) -> None:
    for column, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        write_value(ws, 1, column, title).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = "A2"


def template(region: Region) -> bytes:
    """Sheet 学校 to fill; sheet 地区 lists the regions a row may name (the list of 所属地区)."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = _("学校")
    _header(ws, COLUMNS, WIDTHS)
    regions = list(regions_of(region))
    sheet = workbook.create_sheet(_("地区"))
    _header(sheet, (_("地区（填入“所属地区”）"), _("代码"), _("级别")), (28, 20, 8))
    for row, item in enumerate(regions, start=2):
        for column, value in enumerate(
            (region_label(item), item.code, item.get_level_display()), start=1
        ):
            write_value(sheet, row, column, value)
    last = MAX_ROWS + 1
    kinds = ",".join(str(label) for label in School.Kind.labels)
    for column, formula in (
        (COLUMNS.index(KIND) + 1, f'"{kinds}"'),
        (COLUMNS.index(REGION) + 1, f"'{sheet.title}'!$A$2:$A${len(regions) + 1}"),
    ):
        check = DataValidation(type="list", formula1=formula, allow_blank=True)
        check.error = _("请从列表中选择。")
        letter = get_column_letter(column)
        check.add(f"{letter}2:{letter}{last}")
        ws.add_data_validation(check)
    notes = workbook.create_sheet(_("说明"))
    lines = (
        _("从第2行起每行一所学校，最多 %(n)s 行。") % {"n": MAX_ROWS},
        _("必填：%(cols)s。") % {"cols": "、".join(REQUIRED)},
        _("标识用于网址：小写字母、数字、- 和 _，如 qingyuan-jixiao。"),
        _("学校类型填 中职 或 高职；所属地区从列表中选择，或填地区名称或代码。"),
        _("有任何一行出错时一所也不创建；上传后先预览，确认后才创建。"),
    )
    for row, text in enumerate(lines, start=1):
        write_value(notes, row, 1, text)
    notes.column_dimensions["A"].width = 80
    return _save(workbook)


def read(handle) -> list[tuple[int, dict[str, str]]]:
    """The filled rows (raises setup.people.WorkbookErrors for a file that cannot be read)."""
    return read_rows(handle, COLUMNS, formulas_as_text=True)


def accounts(rows: list[dict[str, str]]) -> bytes:
    """The administrators created, with the link where each sets a password."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = _("学校管理员账号")
    titles = (_("学校"), _("标识"), _("所属地区"), _("用户名"), _("姓名"), _("设置密码链接"))
    _header(ws, titles, (32, 16, 14, 16, 12, 90))
    keys = ("school", "slug", "region", "username", "name", "link")
    for row, values in enumerate(rows, start=2):
        for column, key in enumerate(keys, start=1):
            write_value(ws, row, column, values[key])
    return _save(workbook)
