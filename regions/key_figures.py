"""The key indicators of the region pages, per school-year, as the schools' reports print them.

A locked year is read from its snapshot (regions.models.KeyFigures, written at lock time); a
draft, or a locked year without a matching snapshot, is computed for all the years at once
(regions.bulk). Either way the number of queries does not grow with the number of schools.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from regions.bulk import year_data
from regions.models import KeyFigures
from reporting.models import ReportYear

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


@dataclass(frozen=True, slots=True)
class Printed:
    """One figure as the report prints it: the number (for sorting, the median) and its text."""

    value: Decimal | None
    display: str
    unit: str

    def stored(self) -> list:
        return [None if self.value is None else str(self.value), self.display, self.unit]

    @classmethod
    def from_stored(cls, stored: list) -> Printed:
        value, display, unit = stored
        return cls(None if value is None else Decimal(value), display, unit)

    @classmethod
    def of(cls, value, display: str, unit: str) -> Printed:
        number = value if isinstance(value, int | Decimal) and not isinstance(value, bool) else None
        return cls(None if number is None else Decimal(number), display, unit)


MISSING = Printed(None, "", "")


def from_data(data) -> dict[str, Printed]:
    """The key figures of one metrics YearData, computed as metrics.api.figure_values does."""
    figures = {}
    for code in CODES:
        indicator = data.by_code.get(code)
        figures[code] = (
            Printed.of(data.value(indicator), data.display(indicator), indicator.unit)
            if indicator is not None
            else MISSING
        )
    return figures


def compute(years: list[ReportYear]) -> dict[int, dict[str, Printed]]:
    """The key figures of every year, computed from its data (a fixed number of queries)."""
    return {pk: from_data(data) for pk, data in year_data(years, CODES).items()}


@dataclass(frozen=True, slots=True)
class Taken:
    values: dict
    open_errors: int


def snapshots(years: list[ReportYear]) -> dict[int, Taken]:
    """The snapshots still valid for these years: locked, taken at the year's current lock, with
    every key indicator (a snapshot from before an indicator was added does not count)."""
    locked = {y.pk: y.locked_at for y in years if not y.is_open and y.locked_at is not None}
    if not locked:
        return {}
    found = KeyFigures.objects.filter(year_id__in=list(locked)).values_list(
        "year_id", "locked_at", "values", "open_errors"
    )
    return {
        pk: Taken(values, errors)
        for pk, locked_at, values, errors in found
        if locked_at == locked[pk] and all(code in values for code in CODES)
    }


def key_figures(years: list[ReportYear]) -> dict[int, dict[str, Printed]]:
    """Per year: {code: Printed}, from the snapshots where valid, computed for the rest."""
    taken = snapshots(years)
    out = {
        pk: {code: Printed.from_stored(s.values[code]) for code in CODES} for pk, s in taken.items()
    }
    rest = [y for y in years if y.pk not in taken]
    if rest:
        out.update(compute(rest))
    return out
