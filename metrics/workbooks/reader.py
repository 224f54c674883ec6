"""Read an uploaded workbook back: raw cell values by indicator code and data-set row, and a
problem (sheet, cell, message in Chinese) for everything that does not fit the layout.

Nothing here looks at the server's figures; `preview` compares. Values stay raw (what the cell
holds) so the preview can clean them with the entry forms' own fields and messages.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from metrics.datasets import DATASETS
from metrics.workbooks import layout
from metrics.workbooks.dataset_reader import read_dataset_sheet
from metrics.workbooks.values import Problem, RawTable, RawValue, text_of

MAX_ROWS = 2000  # a department's sheet has a few hundred rows at most
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


@dataclass
class ReadResult:
    meta: dict | None = None
    figures: dict[str, RawValue] = field(default_factory=dict)
    tables: dict[str, RawTable] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    departments: set[str] = field(default_factory=set)


def open_workbook(data: bytes):
    """The workbook, or None when the bytes are not an .xlsx file (or unpack to far more than
    any department's workbook could: a zip bomb is refused before openpyxl reads it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(entry.file_size for entry in archive.infolist()) > MAX_UNPACKED_BYTES:
                return None
        return load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError):
        return None


def read_department_workbook(data: bytes) -> ReadResult:
    result = ReadResult()
    workbook = open_workbook(data)
    if workbook is None:
        result.problems.append(
            Problem("", "", _("无法读取文件：请上传从本系统下载的 .xlsx 工作簿。"))
        )
        return result
    result.meta = layout.read_meta(workbook)
    if result.meta is None:
        result.problems.append(
            Problem(
                "",
                "",
                _("这不是从本系统下载的填报工作簿（隐藏的说明页缺失或已损坏），请重新下载后填写。"),
            )
        )
        return result
    if result.meta.get("format") != layout.FORMAT:
        result.problems.append(
            Problem(
                "",
                "",
                _(
                    "工作簿的版式已更新（数据集工作表现在与报告中的表格样式相同），"
                    "此工作簿是旧版式，未读取。请重新下载工作簿，把数据填入新工作簿后再上传。"
                ),
            )
        )
        return result
    for info in result.meta.get("sheets", []):
        name, kind = str(info.get("name", "")), info.get("kind")
        if name not in workbook.sheetnames:
            continue  # a removed sheet changes nothing
        ws = workbook[name]
        department = str(info.get("department", ""))
        result.departments.add(department)
        if ws.max_row > MAX_ROWS:
            result.problems.append(
                Problem(name, "", _("行数过多（超过 %(n)s 行）。") % {"n": MAX_ROWS})
            )
        elif kind == "figures":
            _read_figures(ws, name, department, result)
        elif kind == "dataset" and info.get("key") in DATASETS:
            _read_table(ws, info, department, result)
    known = {str(info.get("name")) for info in result.meta.get("sheets", [])}
    for name in workbook.sheetnames:
        if name not in known and name not in (layout.META_SHEET, _("填写说明")):
            result.problems.append(
                Problem(name, "", _("无法识别的工作表（名称被修改或是新加的），未读取。"))
            )
    return result


def _read_table(ws, info: dict, department: str, result: ReadResult) -> None:
    try:
        original = (result.meta.get("datasets") or {}).get(info["key"]) or {}
        if not all(str(pk).isdigit() and isinstance(v, dict) for pk, v in original.items()):
            raise ValueError(info["key"])
        table = read_dataset_sheet(ws, info, department, original, result.problems)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        # the hidden layout was edited by hand: say so instead of guessing
        result.problems.append(
            Problem(
                str(info.get("name", "")),
                "",
                _("此工作表的隐藏版式信息已损坏，整张表未读取。请重新下载工作簿后填写。"),
            )
        )
        return
    if table is not None:
        result.tables[table.key] = table


def _headers_match(ws, name: str, expected: list[str], result: ReadResult) -> bool:
    found = [text_of(ws.cell(row=3, column=c).value) for c in range(1, len(expected) + 1)]
    for column, (want, got) in enumerate(zip(expected, found, strict=True), start=1):
        if want != got:
            result.problems.append(
                Problem(
                    name,
                    f"{get_column_letter(column)}3",
                    _(
                        "表头已改变：应为“%(want)s”，现为“%(got)s”。请不要增删或移动列，整张表未读取。"
                    )
                    % {"want": want, "got": got},
                )
            )
            return False
    return True


def _read_figures(ws, name, department, result) -> None:
    if not _headers_match(ws, name, layout.figure_headers(), result):
        return
    for row in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        code = text_of(ws.cell(row=row, column=1).value)
        value = ws.cell(row=row, column=layout.VALUE_COLUMN).value
        if not code:
            if text_of(value):
                result.problems.append(
                    Problem(name, f"F{row}", _("这一行没有代码，无法识别是哪项数据。"))
                )
            continue
        if code in result.figures:
            result.problems.append(
                Problem(name, f"A{row}", _("代码“%(code)s”出现了两次。") % {"code": code})
            )
            continue
        result.figures[code] = RawValue(name, f"F{row}", department, value)
