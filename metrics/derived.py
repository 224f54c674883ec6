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
from metrics.models import TeacherTitleRow
from metrics.yeardata import YearData

HUNDRED = Decimal(100)


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


def _share(num, den) -> Decimal | None:
    if num is None or not den:
        return None
    return Decimal(num) * HUNDRED / Decimal(den)


def _change(current, previous) -> Decimal | None:
    if current is None or not previous:
        return None
    return (Decimal(current) - Decimal(previous)) * HUNDRED / Decimal(previous)


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


def _body(data: YearData):
    def make(key, suffix, label, kind, exact, **kw):
        spec = DATASETS[key]
        return DerivedQuantity(
            name=f"{key}.{suffix}" if suffix else key,
            label=f"{spec.title}：{label}",
            kind=kind,
            department_code=data.who.dataset_code(key),
            exact=exact,
            operands=frozenset({f"{key}.rows"}),
            **kw,
        )

    titles = data.rows["teacher_titles"]
    total = sum(r.count for r in titles)
    for row in titles:
        name = TeacherTitleRow.Level(row.level).label
        yield make("teacher_titles", f"share.{row.level}", _("%(n)s占比") % {"n": name},
                   "percent", _share(row.count, total))  # fmt: skip
    if titles:
        yield make("teacher_titles", "total", _("合计人数"), "count", Decimal(total))

    dual = data.rows["dual_teachers"]
    for row in dual:
        yield make("dual_teachers", f"share.{row.major_category}",
                   _("%(n)s“双师型”教师占比") % {"n": row.major_category},
                   "percent", _share(row.dual_teachers, row.specialty_teachers))  # fmt: skip
    if dual:
        yield make("dual_teachers", "share", _("合计“双师型”教师占比"), "percent",
                   _share(sum(r.dual_teachers for r in dual),
                          sum(r.specialty_teachers for r in dual)))  # fmt: skip

    gaokao = data.rows["gaokao_3plus"]
    groups = [(r.group, r.candidates, r.bachelor_line, r.college_line) for r in gaokao]
    if gaokao:
        sums = [sum(g[i] for g in groups) for i in (1, 2, 3)]
        groups.append(("", *sums))
    for group, candidates, bachelor, college in groups:
        who = group or _("汇总")
        suffix = f".{group}" if group else ""
        yield make("gaokao_3plus", f"bachelor_rate{suffix}", _("%(g)s本科上线率") % {"g": who},
                   "percent", _share(bachelor, candidates))  # fmt: skip
        yield make("gaokao_3plus", f"college_rate{suffix}", _("%(g)s专科上线率") % {"g": who},
                   "percent", _share(college, candidates))  # fmt: skip

    for row in data.rows["enrolment_plan"]:
        yield make("enrolment_plan", f"change_rate.{row.major}",
                   _("%(m)s招生计划变化比率") % {"m": row.major}, "percent",
                   _change(row.current_plan, row.previous_plan), signed=True)  # fmt: skip

    for row in data.rows["funding"]:
        if row.actual_value is None or row.average_value is None:
            continue
        if row.unit == "%":  # percentage points, as the table prints them
            exact = row.actual_value - row.average_value
        else:
            exact = _change(row.actual_value, row.average_value)
        yield make("funding", f"excess.{row.indicator}", _("%(i)s超出幅度") % {"i": row.indicator},
                   "percent", exact, signed=True)  # fmt: skip


def derived_quantities(data: YearData) -> dict[str, DerivedQuantity]:
    quantities = {q.name: q for q in catalog_quantities(data)}
    quantities.update((q.name, q) for q in _body(data))
    return quantities


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
