"""What one body data set is, in one place: its model and form fields, its row keys, the
printed table's layout, its aggregates for the catalog's formulas, its derived quantities and
(for a multi-year set) its chart series. metrics/datasets/<key>.py declares one `SPEC`.

Derived quantities (占比, 上线率, 变化比率, 超出幅度) are computed once, by the data set's
`derive`, with their exact (unrounded) value; the printed table rounds that same value by the
rule of metrics/computation.py and the reported-value checks (metrics/derived.py) compare it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from metrics.values import Cell

Rows = list  # the data set's rows (model instances) a table of the year shows
Layout = tuple[list[list[Cell]], list[list[Cell]]]  # (header rows, body rows)


@dataclass(frozen=True)
class Derived:
    """One computed number of a data set, before rounding."""

    suffix: str  # the quantity's name after "<key>.": "share.middle"; "" for the key itself
    label: str  # without the table's title: "中级职称占比"
    kind: str  # "percent" | "ratio" | "count" | "amount"
    exact: Decimal | None
    signed: bool = False  # a change (增减、超出幅度) may be negative


@dataclass(frozen=True)
class Quoted:
    """A number of the data set that a sentence of the text may quote (the prose check)."""

    suffix: str  # the quantity's name after "<key>.": "middle", "share.middle"
    label: str  # how a finding names it: "中级职称专任教师数（专任教师职称结构分布）"
    unit: str
    kind: str
    value: Decimal | None  # exact; None for a range
    display: str  # as the report prints it, with unit
    low: Decimal | None = None  # a range: the text's number must lie between the rows' values
    high: Decimal | None = None


@dataclass(frozen=True)
class LastYear:
    """A column that prints last year's figure (表6-4 上年招生计划, 表6-8 上年招生规模): read
    from last report year's row with the same `match` (its `source`, that year's own figure);
    as typed here only when last year has no such row (a school's first year in the system)."""

    field: str  # "previous_plan"
    source: str  # "current_plan"
    match: str  # "major"


@dataclass(frozen=True)
class DataSetSpec:
    key: str
    model: type
    title: str  # the sample's caption, without "表 n-m"
    department_code: str  # the catalog's default department (a school may assign another)
    fields: tuple[str, ...]  # the entry form's columns, in order
    layout: Callable[[object, Rows], Layout]  # (report year, rows) → the printed table
    school_year_field: str = ""  # a multi-year table: its rows carry their school year
    window: int = 1  # how many school years the table shows, ending with the report year
    unit_note: str = ""
    unique_fields: tuple[str, ...] = ()  # the row key within a report year
    wide: bool = False  # needs a landscape page in print
    # rows → its derived quantities (exact); None when the table prints none
    derive: Callable[[Rows], Iterable[Derived]] | None = None
    # (rows, report year's number) → {"<key>.<name>": value} for the catalog's formulas
    aggregates: Callable[[Rows, int], dict[str, Decimal | None]] | None = None
    aggregate_labels: dict[str, str] = field(default_factory=dict)  # how findings name them
    last_year: LastYear | None = None
    # rows → the numbers of the table the text may quote
    quoted: Callable[[Rows], Iterable[Quoted]] | None = None
    # (rows, school years) → (unit, [(series name, value per school year)]) for a chart
    chart: Callable[[Rows, list[int]], tuple[str, list]] | None = None

    def printed(self, year, rows: Rows) -> Layout:
        """The table as the report prints it: (header rows, body rows) of Cells."""
        return self.layout(year, rows)

    def derived(self, rows: Rows) -> dict[str, Derived]:
        return {d.suffix: d for d in self.derive(rows)} if self.derive else {}

    def quantity_name(self, suffix: str) -> str:
        return f"{self.key}.{suffix}" if suffix else self.key

    def field_label(self, name: str) -> str:
        return str(self.model._meta.get_field(name).verbose_name)


def dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)


def total(values) -> Decimal:
    return Decimal(sum(values))


def share(num, den) -> Decimal | None:
    """num in percent of den, exact."""
    if num is None or not den:
        return None
    return Decimal(num) * 100 / Decimal(den)


def change(current, previous) -> Decimal | None:
    """The change from previous to current in percent of previous, exact."""
    if current is None or not previous:
        return None
    return (Decimal(current) - Decimal(previous)) * 100 / Decimal(previous)
