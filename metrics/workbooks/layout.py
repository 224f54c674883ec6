"""The shape of a department workbook, in one place for the writer and the reader.

A workbook holds sheets of two kinds, each bound to one department: the single figures
(代码, 序号, 指标, 单位, 上年, 本年) and one sheet per data set in the printed table's layout
(`printed`, `dataset_sheet`). A very hidden sheet `_meta` says which sheet is which, how a
data-set sheet is laid out, and what the server held at download time, so an upload can tell
the user's changes from others' changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal

from django.db import models as dj
from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from metrics.datasets import DataSetSpec

META_SHEET = "_meta"
META_CHUNK = 30_000  # a cell holds at most 32 767 characters
FORMAT = 2  # 1: data-set sheets in the entry form's columns (before the printed layout)
FIRST_DATA_ROW = 4  # row 1 title, row 2 note, row 3 column headers

FIGURE_COLUMNS = ["code", "seq", "label", "unit", "previous", "value"]
VALUE_COLUMN = FIGURE_COLUMNS.index("value") + 1  # 1-based


def figure_headers() -> list[str]:
    return [_("代码"), _("序号"), _("指标"), _("单位"), _("上年"), _("本年")]


def model_field(spec: DataSetSpec, name: str) -> dj.Field:
    return spec.model._meta.get_field(name)


def field_label(spec: DataSetSpec, name: str) -> str:
    return str(model_field(spec, name).verbose_name)


def yes_no() -> tuple[str, str]:
    return _("是"), _("否")


def cell_text(field: dj.Field, value) -> str | int | float | None:
    """A stored field value as the workbook shows it (choices and booleans as words)."""
    if value is None:
        return None
    if isinstance(field, dj.BooleanField):
        return yes_no()[0] if value else yes_no()[1]
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return value


def norm(value) -> str:
    """One comparable text per value: Decimal('93.2500') and 93.25 both give "93.25"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int | Decimal):
        number = Decimal(value).normalize()
        return format(number, "f")
    return str(value).strip()


@dataclass(frozen=True)
class SheetInfo:
    name: str
    department: str  # department code
    kind: str  # "figures" or "dataset"
    key: str = ""  # data-set key


def write_meta(workbook, meta: dict) -> None:
    ws = workbook.create_sheet(META_SHEET)
    text = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    for index in range(0, max(len(text), 1), META_CHUNK):
        ws.cell(row=index // META_CHUNK + 1, column=1, value=text[index : index + META_CHUNK])
        ws.cell(row=index // META_CHUNK + 1, column=1).data_type = "s"
    ws.sheet_state = "veryHidden"


def read_meta(workbook) -> dict | None:
    if META_SHEET not in workbook.sheetnames:
        return None
    ws = workbook[META_SHEET]
    text = "".join(
        str(row[0] or "") for row in ws.iter_rows(min_col=1, max_col=1, values_only=True)
    )
    try:
        meta = json.loads(text)
    except ValueError:
        return None
    return meta if isinstance(meta, dict) else None


def put(ws, row: int, column: int, value):
    """Write one cell: numbers as numbers; text always as text, never as a formula."""
    cell = ws.cell(row=row, column=column)
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        cell.value = value
        return cell
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", "" if value is None else str(value))
    cell.data_type = "s"
    return cell


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name (Excel: at most 31 characters, no []:*?/\\)."""
    base = "".join(c for c in title if c not in "[]:*?/\\").strip("' ")[:31] or "Sheet"
    name, counter = base, 2
    while name.lower() in taken:
        name = f"{base[:27]}({counter})"
        counter += 1
    taken.add(name.lower())
    return name
