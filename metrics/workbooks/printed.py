"""A data set's sheet laid out like its printed table (表1-1 … 表6-8), cell by cell.

The header rows, the row labels, the computed cells (totals, 占比, 上线率, 增减 …) and their
text come from the one function that prints the table, `metrics.api.body_table`; this module
only adds what the print does not say: which printed column shows which field of a row
(`BINDINGS`), and the fields the print leaves out (appended as columns right of the table).

A sheet is a grid of `SheetCell`s: an entry cell (white, editable) names its field and row; a
fixed cell (grey, locked) holds the printed text, and the reader refuses a change to it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from metrics import api
from metrics.datasets import DataSetSpec, rows_for_window
from metrics.entry import editable_rows
from metrics.models import TeacherTitleRow

YEAR = '0"年"'
NEW_ROWS = 15  # empty, editable rows under a table for new records


@dataclass(frozen=True)
class Column:
    """One printed column: the field it shows (None: computed by the print), and for a column
    that prints a number or else a text (经费: 3,500 元 or “≥98%”) the text field."""

    field: str | None = None
    text: str = ""
    computed_when: Callable | None = None  # a row whose cell the print computes (超出幅度)
    number_format: str | Callable = ""  # the printed unit, kept on a number ("2025年", "元")


@dataclass(frozen=True)
class Binding:
    columns: tuple[Column, ...]
    order: Callable | None = None  # the print's order of the rows when it sorts them
    pivot: bool = False  # 表1-1: a row per school year, a column per certificate


def _fields(*names) -> tuple[Column, ...]:
    return tuple(Column(name) for name in names)


def _unit(row) -> str:
    return f'General"{row.unit}"' if row.unit == "%" else f'General" {row.unit}"'


def _both_values(row) -> bool:
    return row.actual_value is not None and row.average_value is not None


def _level_order(rows):
    order = {level: i for i, level in enumerate(TeacherTitleRow.Level.values)}
    return sorted(rows, key=lambda r: order.get(r.level, len(order)))


BINDINGS: dict[str, Binding] = {
    "certificates": Binding((), pivot=True),
    "gaokao_3plus": Binding(
        _fields("group", "candidates", "bachelor_line", "college_line", None, None)
    ),
    "progression": Binding(
        (
            Column("school_year", number_format=YEAR),
            Column(None),
            *_fields(
                "bachelor_exam",
                "college_exam",
                "independent",
                "skills_exempt",
                "secondary_bachelor",
                "secondary_higher",
            ),
        )
    ),
    "funding": Binding(
        (
            Column("dimension"),
            Column("indicator"),
            Column("actual_value", text="actual_text", number_format=_unit),
            Column("average_value", text="average_text", number_format=_unit),
            Column("excess_text", computed_when=_both_values),
            Column("note"),
        )
    ),
    "project_spending": Binding(
        (*_fields("seq", "month", "project"), Column("amount_wan", number_format='General" 万"'))
    ),
    "major_changes": Binding(
        _fields("category", "added_major", None, "stopped_major", None, "note")
    ),
    "enrolment_plan": Binding(
        _fields("category", "major", "previous_plan", "current_plan", None, None)
    ),
    "majors": Binding(_fields("group", "code", "name", "enrolment", "partner")),
    "teacher_titles": Binding(_fields("level", "count", None), order=_level_order),
    "dual_teachers": Binding(
        _fields("major_category", "specialty_teachers", "dual_teachers", None)
    ),
    "major_industry": Binding(
        _fields("category", "industry", "enrolment", "demand_gap", "related_employment_rate")
    ),
}


@dataclass
class SheetCell:
    value: object = None  # what the cell holds (a stored value, or the printed text)
    field: str = ""  # an entry cell's field ("" for a fixed cell)
    text: str = ""  # the text field of a number-or-text column
    number_format: str = ""
    fixed: bool = False
    record: object = None  # the stored row an entry cell edits (表1-1: one per cell)
    colspan: int = 1
    rowspan: int = 1


@dataclass
class SheetRow:
    cells: list[SheetCell | None]  # None: covered by a merged cell above or to the left
    record: object = None  # the stored row an entry row edits
    school_year: int | None = None  # an editable pivot row's school year
    new: bool = False  # an empty row for a new record


@dataclass
class PrintedSheet:
    title: str
    header: list[list[SheetCell | None]]
    rows: list[SheetRow] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)  # fields the print leaves out
    width: int = 0  # printed columns
    pivot: bool = False

    @property
    def columns(self) -> int:
        return self.width + len(self.extra)


def grid(rows: list[list[api.Cell]], width: int) -> list[list[api.Cell | None]]:
    """Printed rows (merged cells omitted where a span covers them) as a full grid."""
    out: list[list[api.Cell | None]] = []
    covered: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        line: list[api.Cell | None] = [None] * width
        cells = iter(row)
        for c in range(width):
            if (r, c) in covered:
                continue
            cell = next(cells, None)
            if cell is None:
                break
            line[c] = cell
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        covered.add((r + dr, c + dc))
        out.append(line)
    return out


def _fixed(cell: api.Cell | None) -> SheetCell | None:
    """A printed cell as printed: a plain number stays a number (a total of 85), a number
    printed with a sign or a % sign stays the printed text."""
    if cell is None:
        return None
    plain = isinstance(cell.value, int | Decimal) and "%" not in cell.number_format
    return SheetCell(
        value=cell.value if plain else cell.text,
        number_format=cell.number_format if plain else "",
        fixed=True,
        colspan=cell.colspan,
        rowspan=cell.rowspan,
    )


def printed_sheet(year, spec: DataSetSpec) -> PrintedSheet:
    table = api.body_table(year, spec.key)
    binding = BINDINGS[spec.key]
    width = sum(cell.colspan for cell in table.header_rows[0]) if table.header_rows else 0
    header = [[_fixed(c) for c in line] for line in grid(table.header_rows, width)]
    records = rows_for_window(spec, year)
    # the rows as stored: the table's rows may carry a value read from elsewhere for print
    # (last year's plan from last year's row), which is not this row's to change here
    stored = {row.pk: row for row in editable_rows(spec, year)}
    if binding.order:
        records = binding.order(records)
    sheet = PrintedSheet(
        title=f"{table.title}{table.unit_note}", header=header, width=width, pivot=binding.pivot
    )
    if binding.pivot:
        _pivot(sheet, spec, year, records)
        return sheet
    shown = {c.field for c in binding.columns} | {c.text for c in binding.columns}
    sheet.extra = [name for name in spec.fields if name not in shown]
    printed = grid(table.rows, width)
    for index, line in enumerate(printed):
        record = records[index] if index < len(records) else None
        if record is None or record.year_id != year.pk:
            sheet.rows.append(SheetRow([_fixed(c) for c in line] + _blank(sheet.extra, True)))
            continue
        mine = stored.get(record.pk, record)
        cells = [_entry(c, record, mine, line[i]) for i, c in enumerate(binding.columns)]
        cells += [_value_cell(name, mine) for name in sheet.extra]
        sheet.rows.append(SheetRow(cells, record=mine))
    for _n in range(NEW_ROWS):
        cells = [_new_cell(column) for column in binding.columns]
        sheet.rows.append(SheetRow(cells + _blank(sheet.extra, False), new=True))
    return sheet


def _new_cell(column: Column) -> SheetCell:
    shape = column.number_format if isinstance(column.number_format, str) else ""
    return SheetCell(
        field=column.field or "", text=column.text, fixed=column.field is None, number_format=shape
    )


def _blank(extra: list[str], fixed: bool) -> list[SheetCell | None]:
    return [SheetCell(fixed=fixed, field="" if fixed else name) for name in extra]


def _value_cell(name: str, record) -> SheetCell:
    return SheetCell(value=getattr(record, name), field=name)


def _entry(column: Column, shown, record, printed: api.Cell | None) -> SheetCell:
    """`shown`: the row as the table shows it; `record`: as stored (what the cell edits)."""
    computed = column.field is None or (column.computed_when and column.computed_when(record))
    if computed or getattr(shown, column.field) != getattr(record, column.field):
        return SheetCell(value=printed.text if printed else "", fixed=True)
    value = getattr(record, column.field)
    if column.text and value is None:
        value = getattr(record, column.text) or None
    shape = column.number_format
    shape = shape(record) if callable(shape) else shape
    return SheetCell(value=value, field=column.field, text=column.text, number_format=shape)


def _pivot(sheet: PrintedSheet, spec: DataSetSpec, year, records) -> None:
    """表1-1: 年度 down, certificates across; a cell is one row (school year, certificate)."""
    kinds = [c.value for c in sheet.header[-1][1:] if c is not None]
    kinds += [k for k in dict.fromkeys(r.certificate for r in records) if k not in kinds]
    blank_kinds = 2  # room for a certificate the school did not report before
    sheet.width = 1 + len(kinds) + blank_kinds
    sheet.header = [
        [sheet.header[0][0]]
        + [SheetCell(value=kind, fixed=True) for kind in kinds]
        + [SheetCell(field="certificate") for _n in range(blank_kinds)]
    ]
    by_key = {(r.school_year, r.certificate): r for r in records}
    for school_year in range(year.year - spec.window + 1, year.year + 1):
        mine = all(r.year_id == year.pk for (sy, _k), r in by_key.items() if sy == school_year)
        label = SheetCell(value=school_year, fixed=True, number_format=YEAR)
        cells: list[SheetCell | None] = [label]
        for kind in kinds + [None] * blank_kinds:
            record = by_key.get((school_year, kind))
            value = record.pass_rate if record else None
            cells.append(
                SheetCell(
                    value=value,
                    field="pass_rate",
                    fixed=not mine,
                    record=record,
                    number_format='0.##"%"',
                )
            )
        sheet.rows.append(SheetRow(cells, school_year=school_year if mine else None))
