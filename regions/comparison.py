"""Key indicators across a region's schools for one year.

Every value is the figure the school's own report prints (regions.key_figures: the snapshot
taken at lock, or computed in bulk by metrics' own code), never retyped. Only locked
(published) years count unless the bureau user asks for drafts. The median is the
region's; an outlier lies more than 1.5 interquartile ranges outside the quartiles.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from regions.key_figures import CODES, KEY_INDICATORS, key_figures
from regions.overview import region_schools
from reporting.models import Region, ReportYear


@dataclass(slots=True)
class Value:
    value: Decimal | None
    display: str
    unit: str
    diff: Decimal | None = None
    outlier: bool = False

    @property
    def diff_text(self) -> str:
        """The difference from the median as printed under the value: "+1.50", "-0.25"."""
        if self.diff is None:
            return ""
        return f"{self.diff:+.2f}" if self.diff else "0.00"


@dataclass(slots=True)
class Row:
    year: ReportYear
    values: dict[str, Value] = field(default_factory=dict)

    @property
    def cells(self) -> list[Value]:
        return [self.values[code] for code in CODES]


@dataclass(slots=True)
class Column:
    code: str
    label: str
    unit: str = ""
    median: Decimal | None = None
    low: Decimal | None = None  # outlier fences
    high: Decimal | None = None


@dataclass(slots=True)
class Comparison:
    columns: list[Column]
    rows: list[Row]
    sort: str
    drafts: bool
    excluded: int  # schools without a locked year (or without the year at all)


def _fences(values: list[Decimal]) -> tuple[Decimal | None, Decimal | None]:
    if len(values) < 4:
        return None, None
    q1, _q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    spread = (q3 - q1) * Decimal("1.5")
    return q1 - spread, q3 + spread


def compare(region: Region, year: int, *, drafts: bool = False, sort: str = "") -> Comparison:
    schools = region_schools(region)
    # Only what the table, the chart and the bulk computation read: 1000 rows, light.
    years = (
        ReportYear.objects.filter(school__in=schools, year=year)
        .select_related("school")
        .only(
            "school_id", "year", "status", "locked_at",
            "school__name", "school__short_name", "school__slug", "school__kind",
        )
    )  # fmt: skip
    if not drafts:
        years = years.filter(status=ReportYear.Status.LOCKED)
    years = list(years)
    figures = key_figures(years)
    rows = []
    for report_year in years:
        row = Row(year=report_year)
        for code in CODES:
            printed = figures[report_year.pk][code]
            row.values[code] = Value(printed.value, printed.display, printed.unit)
        rows.append(row)
    columns = []
    for code, label in KEY_INDICATORS:
        numbers = [r.values[code].value for r in rows if r.values[code].value is not None]
        column = Column(code=code, label=str(label))
        column.unit = next((r.values[code].unit for r in rows if r.values[code].unit), "")
        if numbers:
            column.median = Decimal(statistics.median(numbers)).quantize(Decimal("0.01"))
            column.low, column.high = _fences(numbers)
        for r in rows:
            cell = r.values[code]
            if cell.value is None or column.median is None:
                continue
            cell.diff = cell.value - column.median
            if column.low is not None:
                cell.outlier = not column.low <= cell.value <= column.high
        columns.append(column)
    sort = sort if sort.lstrip("-") in CODES else "name"
    _sort(rows, sort)
    return Comparison(columns, rows, sort, drafts, excluded=schools.count() - len(rows))


def _sort(rows: list[Row], sort: str) -> None:
    if sort == "name":
        rows.sort(key=lambda r: r.year.school.name)
        return
    code, descending = sort.lstrip("-"), sort.startswith("-")
    present = [r for r in rows if r.values[code].value is not None]
    missing = [r for r in rows if r.values[code].value is None]
    present.sort(key=lambda r: r.values[code].value, reverse=descending)
    rows[:] = present + sorted(missing, key=lambda r: r.year.school.name)
