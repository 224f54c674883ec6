"""Key indicators across a region's schools for one year.

Every value is the figure the school's own report prints (metrics.api through
regions.frozen), never retyped. Only locked (published) years count unless the
bureau user asks for drafts. The median is the region's; an outlier lies more than 1.5
interquartile ranges outside the quartiles.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from regions.frozen import school_figures
from regions.overview import region_schools
from reporting.models import Region, ReportYear

# (indicator code of the catalog, column heading). The catalog has no 升学率 of its own: the
# comparison shows what the schools' reports print, so it is not invented here.
KEY_INDICATORS = [
    ("students", _("在校生")),
    ("student_teacher_ratio", _("生师比")),
    ("dual_teacher_share", _("“双师型”教师比例")),
    ("senior_title_share", _("高级职称比例")),
    ("in_province_placement_rate", _("本省去向落实率")),
    ("related_employment_rate", _("对口就业率")),
    ("funding_per_student", _("生均拨款")),
    ("certificate_pass_rate", _("技能等级认定通过率")),
    ("fitness_pass_rate", _("体质测评合格率")),
]
CODES = [code for code, _label in KEY_INDICATORS]


@dataclass
class Value:
    value: Decimal | None
    display: str
    unit: str
    diff: Decimal | None = None
    outlier: bool = False


@dataclass
class Row:
    year: ReportYear
    values: dict[str, Value] = field(default_factory=dict)

    @property
    def cells(self) -> list[Value]:
        return [self.values[code] for code in CODES]


@dataclass
class Column:
    code: str
    label: str
    unit: str = ""
    median: Decimal | None = None
    low: Decimal | None = None  # outlier fences
    high: Decimal | None = None


@dataclass
class Comparison:
    columns: list[Column]
    rows: list[Row]
    sort: str
    drafts: bool
    excluded: int  # schools without a locked year (or without the year at all)


def _number(value) -> Decimal | None:
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Decimal(value)
    return None


def _fences(values: list[Decimal]) -> tuple[Decimal | None, Decimal | None]:
    if len(values) < 4:
        return None, None
    q1, _q2, q3 = statistics.quantiles(values, n=4, method="inclusive")
    spread = (q3 - q1) * Decimal("1.5")
    return q1 - spread, q3 + spread


def compare(region: Region, year: int, *, drafts: bool = False, sort: str = "") -> Comparison:
    schools = region_schools(region)
    years = ReportYear.objects.filter(school__in=schools, year=year).select_related("school")
    if not drafts:
        years = years.filter(status=ReportYear.Status.LOCKED)
    rows = []
    for report_year in years:
        figures = school_figures(report_year)
        row = Row(year=report_year)
        for code in CODES:
            figure = figures.get(code)
            row.values[code] = Value(
                value=_number(figure.value) if figure else None,
                display=figure.display if figure else "",
                unit=figure.unit if figure else "",
            )
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
