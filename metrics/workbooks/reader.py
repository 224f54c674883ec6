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

MAX_ROWS = 2000  # a department's sheet has a few hundred rows at most
MAX_UNPACKED_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    sheet: str
    cell: str  # "F12", or "" for the whole sheet / file
    message: str


@dataclass
class RawValue:
    sheet: str
    cell: str
    department: str
    raw: object


@dataclass
class RawRow:
    number: int  # sheet row
    row_id: int | None
    values: dict[str, object]  # field name -> raw cell value


@dataclass
class RawTable:
    sheet: str
    department: str
    key: str
    rows: list[RawRow] = field(default_factory=list)

    def cell(self, row: RawRow, field_name: str) -> str:
        column = DATASETS[self.key].fields.index(field_name) + 2  # column A is the row id
        return f"{get_column_letter(column)}{row.number}"


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
            _read_table(ws, name, department, DATASETS[info["key"]], result)
    known = {str(info.get("name")) for info in result.meta.get("sheets", [])}
    for name in workbook.sheetnames:
        if name not in known and name not in (layout.META_SHEET, _("填写说明")):
            result.problems.append(
                Problem(name, "", _("无法识别的工作表（名称被修改或是新加的），未读取。"))
            )
    return result


def _headers_match(ws, name: str, expected: list[str], result: ReadResult) -> bool:
    found = [_text(ws.cell(row=3, column=c).value) for c in range(1, len(expected) + 1)]
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
        code = _text(ws.cell(row=row, column=1).value)
        value = ws.cell(row=row, column=layout.VALUE_COLUMN).value
        if not code:
            if _text(value):
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


def _read_table(ws, name, department, spec, result) -> None:
    if not _headers_match(ws, name, layout.dataset_headers(spec), result):
        return
    table = RawTable(sheet=name, department=department, key=spec.key)
    width = len(spec.fields) + 1
    for row in range(layout.FIRST_DATA_ROW, ws.max_row + 1):
        cells = [ws.cell(row=row, column=c).value for c in range(1, width + 1)]
        if all(_text(v) == "" for v in cells[1:]):
            continue  # an empty row (or a record emptied on purpose: deleted)
        row_id = None
        if _text(cells[0]):
            try:
                row_id = int(str(cells[0]).strip())
            except ValueError:
                result.problems.append(
                    Problem(name, f"A{row}", _("行标识被修改，无法识别这一行。"))
                )
                continue
        values = dict(zip(spec.fields, cells[1:], strict=True))
        table.rows.append(RawRow(number=row, row_id=row_id, values=values))
    result.tables[spec.key] = table


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def number_text(raw) -> str:
    """A cell as text; Excel's floats without binary noise (14.280000000000001 → 14.28)."""
    if isinstance(raw, float):
        return f"{raw:.10f}".rstrip("0").rstrip(".")
    return "" if raw is None else str(raw)
