"""Everything the year's figures are computed from, loaded in a fixed number of queries.

`YearData(year)` reads the catalog, the stored figures and the data sets once; `quantity(name)`
answers an indicator code (entered or computed), a data-set aggregate ("progression.total",
"teacher_titles.senior", "funding.fiscal_appropriation" …) or "prev:<code>" (the previous
report year's figure). The read API, the entry forms and the checks all go through it, so a
number is computed in one place only.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property

from metrics import computation
from metrics.assignments import WhoFills
from metrics.datasets import DATASETS, rows_for_window
from metrics.models import Figure, Indicator, ReportedValue


class YearData:
    def __init__(self, year):
        self.year = year
        self._computing: set[str] = set()
        self._computed: dict[str, Decimal | None] = {}
        self._aggregates: dict[str, dict[str, Decimal | None]] = {}

    @cached_property
    def indicators(self) -> list[Indicator]:
        """The catalog this school sees (national, its regions', its own), as of this year."""
        catalog = (
            Indicator.objects.for_school(self.year.school_id)
            .select_related("table")
            .order_by("order", "pk")
        )
        return [indicator for indicator in catalog if shown_in_year(indicator, self.year)]

    @cached_property
    def who(self) -> WhoFills:
        """The school's assignments: which department fills each group and data set."""
        return WhoFills(self.year.school)

    @cached_property
    def by_code(self) -> dict[str, Indicator]:
        return {indicator.code: indicator for indicator in self.indicators}

    @cached_property
    def by_id(self) -> dict[int, Indicator]:
        return {indicator.pk: indicator for indicator in self.indicators}

    @cached_property
    def figures(self) -> dict[str, Figure]:
        figures = Figure.objects.filter(year=self.year).select_related("indicator", "updated_by")
        return {figure.indicator.code: figure for figure in figures}

    @cached_property
    def previous_figures(self) -> dict[str, Figure]:
        previous = self.year.previous()
        if previous is None:
            return {}
        return {
            figure.indicator.code: figure
            for figure in Figure.objects.filter(year=previous).select_related("indicator")
        }

    @cached_property
    def previous_data(self) -> YearData | None:
        """Last report year's data (for last year beside this year); None for the first year.
        Same school, so the catalog and the assignments already read are shared."""
        previous = self.year.previous()
        if previous is None:
            return None
        data = YearData(previous)
        data.__dict__.update(indicators=self.indicators, who=self.who)  # the cached properties
        return data

    @cached_property
    def reported_values(self) -> list[ReportedValue]:
        """Values of derived quantities as reported elsewhere (metrics/derived.py)."""
        return list(
            ReportedValue.objects.filter(year=self.year)
            .select_related("updated_by")
            .order_by("quantity", "source")
        )

    @cached_property
    def rows(self) -> _LazyRows:
        return _LazyRows(self.year)

    def aggregate(self, name: str) -> Decimal | None:
        """A data-set aggregate ("progression.total", "teacher_titles.senior" …). Only the data
        set it names is read: an entry form's few computed rows need one or two of eleven."""
        key = name.split(".", 1)[0]
        spec = DATASETS.get(_AGGREGATE_KEYS.get(key, key))
        if spec is None or spec.aggregates is None:
            return None
        if spec.key not in self._aggregates:
            self._aggregates[spec.key] = spec.aggregates(self.rows[spec.key], self.year.year)
        return self._aggregates[spec.key].get(name)

    def stored(self, code: str):
        figure = self.figures.get(code)
        if figure is None:
            return None
        return figure.text or None if figure.kind == "text" else figure.value

    def quantity(self, name: str) -> Decimal | None:
        if name.startswith("prev:"):
            figure = self.previous_figures.get(name[5:])
            return figure.value if figure is not None else None
        indicator = self.by_code.get(name)
        if indicator is None:
            return self.aggregate(name)
        if indicator.formula:
            return self.computed(indicator)
        value = self.stored(name)
        return value if isinstance(value, Decimal) else None

    def computed(self, indicator: Indicator) -> Decimal | None:
        code = indicator.code
        if code in self._computed:
            return self._computed[code]
        if code in self._computing:  # a cycle in the admin's formulas: not computable
            return None
        self._computing.add(code)
        try:
            raw = computation.evaluate(indicator.formula, self.quantity)
        finally:
            self._computing.discard(code)
        value = computation.finish(raw, indicator.kind)
        self._computed[code] = value
        return value

    def value(self, indicator: Indicator):
        """The API value of an indicator (int, Decimal, str or None)."""
        if indicator.formula:
            return computation.python_value(self.computed(indicator), indicator.kind)
        value = self.stored(indicator.code)
        if indicator.kind == "text" or value is None:
            return value
        return computation.python_value(value, indicator.kind)

    def display(self, indicator: Indicator) -> str:
        return computation.display(
            self.value(indicator), indicator.kind, computed=bool(indicator.formula)
        )


def shown_in_year(item, year) -> bool:
    """Whether a catalog row (indicator or rule) the school sees counts for this year: active,
    and for a locked year, already there when it was locked — a row added to the catalog
    afterwards never changes what a locked year shows, checks or requires."""
    if not item.active:
        return False
    return year.locked_at is None or item.created_at <= year.locked_at


# An aggregate's name starts with its data set's key, but 表1-2's are named "gaokao.…".
_AGGREGATE_KEYS = {"gaokao": "gaokao_3plus"}


class _LazyRows(dict):
    """Data-set rows by key, each read on first use (a body table needs only its own)."""

    def __init__(self, year):
        super().__init__()
        self.year = year

    def __missing__(self, key):
        self[key] = rows_for_window(DATASETS[key], self.year)
        return self[key]
