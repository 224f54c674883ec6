"""Read a data-set sheet back by the layout its download recorded (`dataset_sheet`): every
header and grey cell must be as written, each entry row becomes a RawRow of raw values."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from metrics.workbooks import layout
from metrics.workbooks.values import Problem, RawRow, RawTable, number_text, text_of


def read_dataset_sheet(
    ws, info: dict, department: str, original: dict, problems
) -> RawTable | None:
    """The sheet's rows, or None when its header changed (then nothing of it is read).
    `original`: the rows as downloaded (pk → normalised values), for the cells a row does not
    show as entry cells."""
    name = str(info.get("name", ""))
    for coord, want in (info.get("header") or {}).items():
        got = shown(ws[coord].value)
        if not same(want, got):
            problems.append(
                Problem(
                    name,
                    coord,
                    _(
                        "表头已改变：应为“%(want)s”，现为“%(got)s”。"
                        "请不要增删或移动行、列，整张表未读取。"
                    )
                    % {"want": want, "got": got},
                )
            )
            return None
    fixed = info.get("fixed") or {}
    for coord, want in fixed.items():
        got = shown(ws[coord].value)
        if not same(want, got):
            problems.append(
                Problem(
                    name,
                    coord,
                    _(
                        "灰色单元格是计算值或其他年度的数据，不能填写"
                        "（应为“%(want)s”，现为“%(got)s”）。"
                    )
                    % {"want": want, "got": got or _("空")},
                )
            )
    table = RawTable(sheet=name, department=department, key=str(info.get("key")))
    table.kept = [int(pk) for pk in info.get("kept") or []]
    columns = {int(c): entry for c, entry in (info.get("columns") or {}).items()}
    if info.get("pivot"):
        _pivot_rows(ws, info, columns, original, table, problems)
        return table
    rows = [(int(r), int(pk)) for r, pk in (info.get("rows") or {}).items()]
    rows += [(int(r), None) for r in info.get("new") or []]
    if not _rows_in_place(ws, name, info, rows, problems):
        return None
    for number, pk in sorted(rows):
        values, cells = _row(ws, number, columns, fixed)
        if not values:
            continue  # an empty row (or a record emptied on purpose: deleted)
        if pk is not None:
            values = {**original.get(str(pk), {}), **values}
        table.rows.append(RawRow(number=number, row_id=pk, values=values, cells=cells))
    return table


def _rows_in_place(ws, name: str, info: dict, rows, problems) -> bool:
    """Each record still in the row it was downloaded in (the hidden row id says so): a row
    inserted, deleted or moved in an unprotected sheet would put values into another record."""
    column = int(info.get("id_column") or 0)
    if not column:
        return True
    for number, pk in sorted(rows):
        got = text_of(ws.cell(row=number, column=column).value)
        if got != ("" if pk is None else str(pk)):
            coord = f"{get_column_letter(column)}{number}"
            problems.append(
                Problem(
                    name,
                    coord,
                    _("表格的行被插入、删除或移动过（隐藏的行标识已改变），整张表未读取。"),
                )
            )
            return False
    return True


def _row(ws, number: int, columns: dict, fixed: dict) -> tuple[dict, dict]:
    values, cells, filled = {}, {}, False
    for column, entry in columns.items():
        coord = f"{get_column_letter(column)}{number}"
        if coord in fixed:
            continue  # this row's cell is computed (超出幅度 of a row with both values)
        raw = ws.cell(row=number, column=column).value
        filled = filled or text_of(raw) != ""
        name, text_field = entry.get("field", ""), entry.get("text", "")
        cells[name] = coord
        if not text_field:
            values[name] = raw
            continue
        cells[text_field] = coord
        number_value = as_number(raw)
        values[name] = number_value
        values[text_field] = "" if number_value is not None else text_of(raw)
    return (values, cells) if filled else ({}, {})


def _pivot_rows(ws, info, columns, original, table, problems) -> None:
    """表1-1: a cell per (school year, certificate); the certificate is the column's header."""
    kind_row = int(info.get("kind_row") or 3)
    stored = {(v.get("school_year"), v.get("certificate")): int(pk) for pk, v in original.items()}
    for row_text, school_year in sorted((info.get("years") or {}).items()):
        number = int(row_text)
        for column in sorted(columns):
            raw = ws.cell(row=number, column=column).value
            if text_of(raw) == "":
                continue
            letter = get_column_letter(column)
            kind = text_of(ws.cell(row=kind_row, column=column).value)
            if not kind:
                problems.append(
                    Problem(
                        table.sheet,
                        f"{letter}{number}",
                        _("这一列没有证书名称：请先在第 %(row)s 行的表头填写证书名称。")
                        % {"row": kind_row},
                    )
                )
                continue
            values = {"school_year": school_year, "certificate": kind, "pass_rate": raw}
            cells = {
                "school_year": f"A{number}",
                "certificate": f"{letter}{kind_row}",
                "pass_rate": f"{letter}{number}",
            }
            pk = stored.get((str(school_year), kind))
            table.rows.append(RawRow(number=number, row_id=pk, values=values, cells=cells))


def as_number(raw) -> Decimal | None:
    if isinstance(raw, bool) or raw is None:
        return None
    try:
        number = Decimal(number_text(raw).strip().replace(",", ""))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def shown(raw) -> str:
    number = as_number(raw) if not isinstance(raw, str) else None
    return layout.norm(number) if number is not None else text_of(raw)


def same(want: str, got: str) -> bool:
    if want == got:
        return True
    a, b = as_number(want), as_number(got)
    return a is not None and a == b
