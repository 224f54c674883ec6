"""Write a department's workbook: its single figures, one sheet per data set, instructions.

Computed cells are grey and locked (the sheet is protected without a password: a guard against
slips, not a secret); typed cells are unlocked and carry Excel data validation, so Excel itself
refuses text in a number cell. What the server held is kept in the hidden `_meta` sheet.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.datavalidation import DataValidation

from metrics.entry import datasets_of, department_indicators
from metrics.forms import LIMITS
from metrics.workbooks import layout
from metrics.workbooks.dataset_sheet import GREY, HEADER, UNLOCKED, write_dataset_sheet
from metrics.workbooks.guard import DATASET, FIGURES, refusal
from metrics.workbooks.layout import put as write_value
from metrics.workbooks.layout import sheet_name as unique_sheet_name
from metrics.yeardata import YearData

BOLD = Font(bold=True)


def workbook_filename(year, department=None) -> str:
    who = department.name if department is not None else _("全部部门")
    return f"{year.school.slug}-{year.year}-{who}.xlsx"


def build_workbook(year, departments, user=None) -> bytes:
    """`user`: whose download it is; the items they may not change now (submitted, approved)
    come locked. None (the command line) locks nothing; the upload is guarded either way."""
    data = YearData(year)
    previous = year.previous()
    previous_data = YearData(previous) if previous is not None else None
    workbook = Workbook()
    instructions = workbook.active
    instructions.title = _("填写说明")
    taken = {instructions.title.lower(), layout.META_SHEET.lower()}
    meta = {
        "format": layout.FORMAT,
        "school": year.school.slug,
        "year": year.year,
        "sheets": [],
        "figures": {},
        "datasets": {},
    }
    many = len(departments) > 1
    for department in departments:
        prefix = f"{department.name}·" if many else ""
        indicators = department_indicators(data, department)
        if indicators:
            name = unique_sheet_name(prefix + _("单项数据"), taken)
            readonly = refusal(year, user, FIGURES, department.code)
            _figures_sheet(
                workbook.create_sheet(name), data, previous_data, indicators, meta, readonly
            )
            meta["sheets"].append({"name": name, "department": department.code, "kind": "figures"})
        for spec in datasets_of(department):
            name = unique_sheet_name(prefix + str(spec.title), taken)
            info = {"name": name, "department": department.code, "kind": "dataset", "key": spec.key}
            readonly = refusal(year, user, DATASET, spec.key)
            meta["datasets"][spec.key] = write_dataset_sheet(
                workbook.create_sheet(name), spec, year, info, readonly
            )
            meta["sheets"].append(info)
    _instructions(instructions, year, departments)
    layout.write_meta(workbook, meta)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _instructions(ws, year, departments) -> None:
    names = "、".join(d.name for d in departments)
    lines = [
        _("%(school)s %(year)s 年度数据填报工作簿（%(names)s）")
        % {"school": year.school.name, "year": year.year, "names": names},
        _("1. 只在白色单元格中填写；灰色单元格为计算值、其他年度或已提交审核的数据，已锁定。"),
        _("2. 数字单元格只接受数字（不要填写单位）；百分比填写 0–100 之间的数，如 93.25。"),
        _(
            "3. 数据集工作表与报告中的表格样式相同，每行一条记录；新记录填在表下方的空行，"
            "清空一行即删除该记录；黄色表头的列是填报用的补充信息，不印在报告中。"
        ),
        _("4. 不要改动工作表名称、表头和列的顺序，也不要删除隐藏的工作表。"),
        _("5. 填好后在系统“数据填报 → Excel 导入导出”上传，先预览全部改动，确认后才写入。"),
    ]
    for row, text in enumerate(lines, start=1):
        write_value(ws, row, 1, text).font = Font(bold=row == 1, size=14 if row == 1 else 11)
    ws.column_dimensions["A"].width = 100


def _header(ws, title: str, note: str, headers: list[str]) -> None:
    write_value(ws, 1, 1, title).font = Font(bold=True, size=13)
    write_value(ws, 2, 1, note).font = Font(size=9, color="666666")
    for column, text in enumerate(headers, start=1):
        cell = write_value(ws, 3, column, text)
        cell.font, cell.fill = BOLD, HEADER
        cell.alignment = Alignment(horizontal="center", wrap_text=True)
    ws.freeze_panes = ws.cell(row=layout.FIRST_DATA_ROW, column=1)
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False


def _validation(kind: str) -> DataValidation:
    limit = LIMITS.get(kind, LIMITS["amount"])
    whole = kind == "count"
    message = (
        _("请输入 0 到 %(limit)s 之间的整数。")
        if whole
        else _("请输入 0 到 %(limit)s 之间的数字（不要填写单位）。")
    ) % {"limit": limit}
    return DataValidation(
        type="whole" if whole else "decimal",
        operator="between",
        formula1="0",
        formula2=str(limit),
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_("请输入数字"),
        error=message,
    )


def _figures_sheet(ws, data, previous_data, indicators, meta, readonly: str) -> None:
    _header(
        ws,
        _("单项数据（附件表与正文数据）"),
        readonly or _("灰色为计算值或不适用本校的行，不能填写。"),
        layout.figure_headers(),
    )
    school = data.year.school
    validations: dict[str, DataValidation] = {}
    for row, indicator in enumerate(indicators, start=layout.FIRST_DATA_ROW):
        previous = previous_data.display(indicator) if previous_data else ""
        label = "　" * (indicator.level - 1) + indicator.label
        for column, value in enumerate(
            [indicator.code, indicator.seq, label, indicator.unit, previous], start=1
        ):
            write_value(ws, row, column, value)
        cell = ws.cell(row=row, column=layout.VALUE_COLUMN)
        if not indicator.applies_to_school(school):
            write_value(
                ws, row, layout.VALUE_COLUMN, indicator.get_applies_to_display()
            ).fill = GREY
        elif indicator.formula:
            value = data.value(indicator)
            write_value(ws, row, layout.VALUE_COLUMN, value if value is not None else "")
            cell.fill = GREY
        else:
            value = data.value(indicator)
            write_value(ws, row, layout.VALUE_COLUMN, "" if value is None else value)
            meta["figures"][indicator.code] = layout.norm(data.stored(indicator.code))
            if readonly:
                cell.fill = GREY
                continue
            cell.protection = UNLOCKED
            if indicator.kind != "text":
                validation = validations.get(indicator.kind)
                if validation is None:
                    validation = validations[indicator.kind] = _validation(indicator.kind)
                    ws.add_data_validation(validation)
                validation.add(cell)
    for letter, width in zip("ABCDEF", (26, 6, 44, 8, 14, 16), strict=True):
        ws.column_dimensions[letter].width = width
