"""Derived quantities a school may have reported elsewhere, and how a reported value is compared.

A derived quantity is a number the product computes and prints: a computed indicator of the
catalog (生师比, “双师型”教师比例, 专业数量 …) or a computed cell of a body table (表 专任教师职称
结构 占比, “双师型”教师 占比 per major, 上线率, 变化比率, 超出幅度). `derived_quantities(data)`
lists them for a year with their *exact* (unrounded) value; names are stable strings
(`student_teacher_ratio`, `dual_teachers.share.学前教育`) stored in ReportedValue.quantity.

Comparison (documented in the README, "Yearly figures"): a reported value is compared at the
precision it was reported with — its number of decimal places, at most the 2 places of the one
rounding rule (0 for counts). The exact computed value is rounded once, ROUND_HALF_UP, to that
precision; so "14%" agrees with 14.29% (14.2857… → 14) but not with 15.48%, and "14.28" does
not agree with 14.2857… (→ 14.29). Rounding once avoids double rounding (14.495 → 14, not 15).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from metrics import computation
from metrics.datasets import DATASETS
from metrics.yeardata import YearData


@dataclass(frozen=True)
class DerivedQuantity:
    name: str
    label: str
    kind: str  # "percent" | "ratio" | "count" | "amount"
    department_code: str
    exact: Decimal | None
    operands: frozenset[str] = field(default_factory=frozenset)
    signed: bool = False  # a change (增减、超出幅度) may be negative

    @property
    def max_places(self) -> int:
        return 0 if self.kind == "count" else computation.PERCENT_PLACES

    @property
    def value(self) -> Decimal | None:
        """As the report prints it (the one rounding rule)."""
        return computation.finish(self.exact, self.kind)

    @property
    def display(self) -> str:
        """The computed value as the report prints it."""
        return self.shown(self.value)

    def shown(self, value: Decimal | None, places: int | None = None) -> str:
        if value is None:
            return ""
        if places is not None:
            value = computation.round_half_up(Decimal(value), places)
        text = str(int(value)) if self.kind == "count" else str(value)
        return {"percent": f"{text}%", "ratio": f"{text}:1"}.get(self.kind, text)

    def precision(self, reported_places: int) -> int:
        return min(reported_places, self.max_places)

    def agrees(self, reported: Decimal, reported_places: int) -> bool | None:
        """None when the quantity cannot be computed (a count missing)."""
        if self.exact is None:
            return None
        places = self.precision(reported_places)
        computed = computation.round_half_up(self.exact, places)
        return computed == computation.round_half_up(Decimal(reported), places)


def catalog_quantities(data: YearData, codes: set[str] | None = None):
    """The computed indicators (only `codes` when given: a form needs its own rows only, and
    each one computed may read a data set)."""
    school = data.year.school
    for indicator in data.indicators:
        if not indicator.formula or not indicator.applies_to_school(school):
            continue
        if codes is not None and indicator.code not in codes:
            continue
        label = indicator.label
        if indicator.table_id:
            label = _("%(label)s（附件表%(n)s）") % {"label": label, "n": indicator.table.number}
        yield DerivedQuantity(
            name=indicator.code,
            label=label,
            kind=indicator.kind,
            department_code=data.who.indicator_code(indicator),
            exact=computation.evaluate(indicator.formula, data.quantity),
            operands=frozenset(computation.operands(indicator.formula)),
        )


def data_set_quantities(data: YearData):
    """The derived quantities of the data sets, computed by each data set's spec."""
    for spec in DATASETS.values():
        if spec.derive is None:
            continue
        for derived in spec.derive(data.rows[spec.key]):
            yield DerivedQuantity(
                name=spec.quantity_name(derived.suffix),
                label=f"{spec.title}：{derived.label}",
                kind=derived.kind,
                department_code=data.who.dataset_code(spec.key),
                exact=derived.exact,
                operands=frozenset({f"{spec.key}.rows"}),
                signed=derived.signed,
            )


def derived_quantities(data: YearData) -> dict[str, DerivedQuantity]:
    quantities = {q.name: q for q in catalog_quantities(data)}
    quantities.update((q.name, q) for q in data_set_quantities(data))
    return quantities


def derived_owners(data: YearData) -> set[str]:
    """The department codes that own a derived quantity (each has a 已报送数值核对 page):
    the same departments as derived_quantities(data), found without computing any value."""
    school = data.year.school
    found = {
        data.who.indicator_code(indicator)
        for indicator in data.indicators
        if indicator.formula and indicator.applies_to_school(school)
    }
    for spec in DATASETS.values():
        if spec.derive is not None and next(iter(spec.derive(data.rows[spec.key])), None):
            found.add(data.who.dataset_code(spec.key))
    return found


def owned_by(data: YearData, department_code: str) -> dict[str, DerivedQuantity]:
    return {
        name: q
        for name, q in derived_quantities(data).items()
        if q.department_code == department_code
    }


@dataclass(frozen=True)
class Comparison:
    """One reported value beside the computed value of its quantity (the entry page)."""

    reported: object  # ReportedValue
    quantity: DerivedQuantity

    @property
    def reported_shown(self) -> str:
        return self.quantity.shown(self.reported.value, self.reported.places)

    @property
    def computed_shown(self) -> str:
        return self.quantity.display

    @property
    def agrees(self) -> bool | None:
        return self.quantity.agrees(self.reported.value, self.reported.places)


def comparisons(data: YearData, quantities: dict[str, DerivedQuantity]) -> list[Comparison]:
    order = {name: i for i, name in enumerate(quantities)}
    found = [r for r in data.reported_values if r.quantity in quantities]
    found.sort(key=lambda r: (order[r.quantity], r.source))
    return [Comparison(reported, quantities[reported.quantity]) for reported in found]
