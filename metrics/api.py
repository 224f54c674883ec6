"""The read side of the year's figures: the one module of `metrics` other apps import to read.

Every function takes a ReportYear and returns plain, immutable values (metrics/values.py): no
querysets leak out, so callers cannot write through them and the exports stay a pure function
of the year's stored data. Inside `one_read_per_year()` (one document: a PDF, an HTML page, a
workbook) every call reuses one snapshot of each year (metrics.yeardata.YearData), so the
catalog, the figures and each data set are read once per document.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.utils.translation import gettext as _

from metrics import computation, prose, series
from metrics.datasets import DATASETS
from metrics.labels import department_source_line, group_label
from metrics.values import Cell, ChartData, FigureValue, Table, Value
from metrics.yeardata import YearData
from reporting.models import ReportYear

__all__ = ["BODY_TABLE_KEYS", "Cell", "ChartData", "FigureValue", "Table", "Value"]

# Body tables every school can place in its text (表1-1 … 表6-8 of the sample), in print order.
BODY_TABLE_KEYS = list(DATASETS)

_snapshots: ContextVar[dict | None] = ContextVar("metrics_snapshots", default=None)


@contextmanager
def one_read_per_year(preloaded: dict | None = None) -> Iterator[None]:
    """One document, one snapshot of each year's figures; a nested use shares the outer one.
    `preloaded`: {year pk: YearData} already read (pages that read many years in bulk), reused
    instead of a read of their own."""
    outer = _snapshots.get()
    if outer is not None:
        outer.update(preloaded or {})
        yield
        return
    token = _snapshots.set(dict(preloaded or {}))
    try:
        yield
    finally:
        _snapshots.reset(token)


def snapshot(year: ReportYear) -> YearData:
    """The year's snapshot: shared inside `one_read_per_year()`, else a fresh one."""
    cache = _snapshots.get()
    if cache is None:
        return YearData(year)
    if year.pk not in cache:
        cache[year.pk] = YearData(year)
    return cache[year.pk]


def figure_values(year: ReportYear) -> dict[str, FigureValue]:
    """Every single figure of the year (entered and computed), by code. Few queries."""
    data = snapshot(year)
    return {
        indicator.code: FigureValue(
            code=indicator.code,
            label=indicator.label,
            unit=indicator.unit,
            value=data.value(indicator),
            display=data.display(indicator),
            computed=bool(indicator.formula),
            group=group_label(indicator),
        )
        for indicator in data.indicators
    }


def get_figure(year: ReportYear, code: str) -> FigureValue | None:
    """One figure; None when the code is not (or no longer) in the catalog."""
    return figure_values(year).get(code)


def appendix_tables(year: ReportYear) -> list[Table]:
    """附件 表1–表5 (and a 6th when the catalog has one), rows in catalog order; then the
    supplementary table of local indicators when the school sees any."""
    data = snapshot(year)
    school = year.school
    tables: dict[int, Table] = {}
    for indicator in data.indicators:
        if indicator.table_id is None:
            continue
        table = indicator.table
        if table.number not in tables:
            tables[table.number] = Table(
                key=f"appendix-{table.number}",
                title=f"表 {table.number} {table.title}",
                source="",
                header_rows=[
                    [
                        Cell(_("序号"), header=True),
                        Cell(_("指标"), header=True),
                        Cell(_("单位"), header=True),
                        Cell(_("%(year)s 年") % {"year": year.year}, header=True),
                    ]
                ],
            )
        tables[table.number].rows.append(
            [
                Cell(indicator.seq),
                Cell("" if indicator.second_unit else indicator.label, indent=indicator.level - 1),
                Cell(indicator.unit),
                _appendix_value(data, indicator, school),
            ]
        )
    official = [tables[number] for number in sorted(tables)]
    local = _local_table(data, year, school)
    return [*official, local] if local is not None else official


def _local_table(data: YearData, year: ReportYear, school) -> Table | None:
    """附表 本地补充指标: the region's and the school's own indicators, after the official
    tables and never inside them (they have no table: a PostgreSQL check)."""
    rows = [
        [
            Cell(str(index)),
            Cell(indicator.label, indent=indicator.level - 1),
            Cell(indicator.unit),
            _appendix_value(data, indicator, school),
            Cell(indicator.owner_label),
        ]
        for index, indicator in enumerate(
            (i for i in data.indicators if not i.is_national), start=1
        )
    ]
    if not rows:
        return None
    return Table(
        key="appendix-local",
        title=_("附表 本地补充指标"),
        source=_("本表为地区或学校自行补充的指标，不属于全国统一的附件表 1–表 5。"),
        header_rows=[
            [
                Cell(_("序号"), header=True),
                Cell(_("指标"), header=True),
                Cell(_("单位"), header=True),
                Cell(_("%(year)s 年") % {"year": year.year}, header=True),
                Cell(_("补充方"), header=True),
            ]
        ],
        rows=rows,
    )


def _appendix_value(data: YearData, indicator, school) -> Cell:
    if not indicator.applies_to_school(school):
        # A row this kind of school does not fill prints the template's marker ("高职填报").
        marker = str(indicator.get_applies_to_display())
        return Cell("" if indicator.label == marker else marker)
    return Cell(
        data.display(indicator),
        value=data.value(indicator),
        number_format=computation.number_format(indicator.kind, computed=bool(indicator.formula)),
    )


def body_table(year: ReportYear, key: str) -> Table:
    """A body table generated from the year's figures; KeyError for an unknown key."""
    spec = DATASETS[key]
    data = snapshot(year)
    header_rows, rows = spec.printed(year, data.rows[key])
    return Table(
        key=key,
        title=str(spec.title),
        source=department_source_line(year, data.who.dataset(key)),
        header_rows=header_rows,
        rows=rows,
        unit_note=str(spec.unit_note),
        wide=spec.wide,
    )


def body_table_choices() -> list[tuple[str, str]]:
    """(key, default title) for the narrative's table picker."""
    return [(key, str(spec.title)) for key, spec in DATASETS.items()]


def prose_quantities(year: ReportYear) -> list[prose.ProseQuantity]:
    """Every figure a sentence of the text may quote, with its exact value and the phrases the
    text uses for it; for the numbers-in-prose check."""
    return prose.prose_quantities(snapshot(year))


def chart_series_choices() -> list[tuple[str, str]]:
    """(key, label) of the series a chart can show (在校生, 招生, 升学, pass rates …)."""
    return series.choices()


def chart_years(year: ReportYear) -> list[int]:
    """The years a chart of this report year can offer."""
    return series.available_years(year)


def chart_series(year: ReportYear, key: str, years: list[int] | None = None) -> ChartData:
    """The values of one series over the chosen years (all available when None); KeyError for
    an unknown key."""
    return series.chart_data(year, key, years, snapshot=snapshot)
