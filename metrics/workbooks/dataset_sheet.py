"""Write one data set's sheet in the printed table's layout (see `printed`).

Entry cells are white, unlocked and validated; fixed cells (headers, computed cells, rows
another report year entered) are grey and locked. What the reader needs to read the sheet back
goes into the sheet's entry of the hidden `_meta`: the header and fixed texts (a changed one is
refused), which field each entry column holds, which row is which stored record.
"""

from __future__ import annotations

from django.db import models as dj
from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from metrics.datasets import DataSetSpec
from metrics.entry import editable_rows
from metrics.forms import MAX_ROW_INTEGER
from metrics.workbooks import layout
from metrics.workbooks.printed import PrintedSheet, SheetCell, printed_sheet

GREY = PatternFill("solid", fgColor="D9D9D9")
HEADER = PatternFill("solid", fgColor="D9E2F3")
EXTRA = PatternFill("solid", fgColor="FFF2CC")
THIN = Side(style="thin", color="999999")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
UNLOCKED = Protection(locked=False)
HEADER_ROW = 3  # row 1 title, row 2 note


def write_dataset_sheet(ws, spec: DataSetSpec, year, info: dict, readonly: str = "") -> dict:
    """Fill `ws`; returns the snapshot of the stored rows (pk → normalised values)."""
    sheet = printed_sheet(year, spec)
    layout.put(ws, 1, 1, sheet.title).font = Font(bold=True, size=13)
    note = readonly or _(
        "白色单元格可填写，灰色为计算值或其他年度的数据；新记录填在表下方的空行；"
        "清空一行即删除该记录。黄色表头的列不印在报告中。"
    )
    layout.put(ws, 2, 1, note).font = Font(size=9, color="C00000" if readonly else "666666")
    info.update({"header": {}, "fixed": {}, "columns": {}, "rows": {}, "years": {}})
    info.update({"new": [], "kept": [], "pivot": sheet.pivot, "id_column": sheet.columns + 1})
    info["kind_row"] = HEADER_ROW + len(sheet.header) - 1
    _header(ws, sheet, spec, info, readonly)
    first = HEADER_ROW + len(sheet.header)
    validations: dict[int, DataValidation | None] = {}
    shown = set()
    for offset, line in enumerate(sheet.rows):
        row = first + offset
        if line.record is not None:
            info["rows"][str(row)] = line.record.pk
            shown.add(line.record.pk)
            layout.put(ws, row, sheet.columns + 1, line.record.pk)  # a moved row is noticed
        elif line.new:
            info["new"].append(row)
        elif line.school_year is not None:
            info["years"][str(row)] = line.school_year
        for column, cell in enumerate(line.cells, start=1):
            if cell is not None and cell.record is not None and not cell.fixed:
                shown.add(cell.record.pk)
            if cell is not None:
                _body_cell(ws, row, column, cell, spec, info, readonly, validations)
    for validation in validations.values():
        if validation is not None and validation.sqref:
            ws.add_data_validation(validation)
    snapshot = {}
    for record in editable_rows(spec, year):
        if record.pk in shown:
            snapshot[str(record.pk)] = {
                n: layout.norm(getattr(record, layout.model_field(spec, n).attname))
                for n in spec.fields
            }
        else:
            info["kept"].append(record.pk)  # shadowed by another year's row: left as it is
    _finish(ws, sheet, first)
    return snapshot


def _header(ws, sheet: PrintedSheet, spec, info, readonly: str) -> None:
    for offset, line in enumerate(sheet.header):
        for column, cell in enumerate(line, start=1):
            if cell is None:
                continue
            target = layout.put(ws, HEADER_ROW + offset, column, cell.value)
            target.font, target.border = Font(bold=True), BOX
            target.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            if cell.fixed:
                target.fill = HEADER
                info["header"][target.coordinate] = _text(cell.value)
            elif not readonly:  # a new certificate's name (表1-1)
                target.protection = UNLOCKED
            _merge(ws, HEADER_ROW + offset, column, cell)
    depth = len(sheet.header)
    for index, name in enumerate(sheet.extra, start=sheet.width + 1):
        target = layout.put(ws, HEADER_ROW, index, layout.field_label(spec, name))
        target.font, target.fill, target.border = Font(bold=True), EXTRA, BOX
        target.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        info["header"][target.coordinate] = _text(target.value)
        if depth > 1:
            ws.merge_cells(
                start_row=HEADER_ROW, start_column=index, end_row=HEADER_ROW + depth - 1,
                end_column=index,
            )  # fmt: skip


def _body_cell(ws, row, column, cell: SheetCell, spec, info, readonly, validations) -> None:
    if cell.fixed or not cell.field:
        target = layout.put(ws, row, column, cell.value)
        target.fill, target.border = GREY, BOX
        info["fixed"][target.coordinate] = _text(cell.value)
        _merge(ws, row, column, cell)
    else:
        field = layout.model_field(spec, cell.field)
        target = layout.put(ws, row, column, layout.cell_text(field, cell.value))
        target.border = BOX
        info["columns"][str(column)] = {"field": cell.field, "text": cell.text}
        if readonly:
            target.fill = GREY
        else:
            target.protection = UNLOCKED
            if column not in validations:
                validations[column] = None if cell.text else column_validation(field)
            if validations[column] is not None:
                validations[column].add(target.coordinate)
    if cell.number_format:
        target.number_format = cell.number_format


def _merge(ws, row: int, column: int, cell: SheetCell) -> None:
    if cell.colspan > 1 or cell.rowspan > 1:
        ws.merge_cells(
            start_row=row,
            start_column=column,
            end_row=row + cell.rowspan - 1,
            end_column=column + cell.colspan - 1,
        )


def _finish(ws, sheet: PrintedSheet, first: int) -> None:
    for column in range(1, sheet.columns + 1):
        ws.column_dimensions[get_column_letter(column)].width = 16 if column > 1 else 20
    ids = get_column_letter(sheet.columns + 1)
    if not sheet.pivot:  # the row ids: hidden, locked
        layout.put(ws, HEADER_ROW, sheet.columns + 1, _("行标识（勿改）"))
        ws.column_dimensions[ids].hidden = True
    ws.freeze_panes = ws.cell(row=first, column=1)
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False


def _text(value) -> str:
    return layout.norm(value) if value is not None else ""


def column_validation(field: dj.Field) -> DataValidation | None:
    if isinstance(field, dj.BooleanField):
        return DataValidation(
            type="list", formula1='"{},{}"'.format(*layout.yes_no()), allow_blank=True
        )
    if field.choices:
        labels = ",".join(str(label) for value, label in field.flatchoices if value != "")
        return DataValidation(type="list", formula1=f'"{labels}"', allow_blank=True)
    if isinstance(field, dj.IntegerField):
        return DataValidation(
            type="whole",
            operator="between",
            formula1="0",
            formula2=str(MAX_ROW_INTEGER),
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("请输入数字"),
            error=_("请输入整数。"),
        )
    if isinstance(field, dj.DecimalField):
        return DataValidation(
            type="decimal",
            operator="greaterThanOrEqual",
            formula1="0",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=_("请输入数字"),
            error=_("请输入数字（不要填写单位）。"),
        )
    return None
