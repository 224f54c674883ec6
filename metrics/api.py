"""The read side of the year's figures, for the narrative, the exports and anything else.

Other apps import only this module from `metrics`. Every function takes a ReportYear and
returns plain, immutable values: no querysets leak out, so callers cannot write through them
and the exports stay a pure function of the year's stored data.

Values: counts are `int`, amounts and percentages `Decimal`, free text `str`; `None` means
"not entered". `display` is the value formatted for print by the one documented rounding rule
(see metrics/computation.py), without the unit.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reporting.models import ReportYear

Value = int | Decimal | str | None


@dataclass(frozen=True)
class FigureValue:
    code: str  # stable indicator code, e.g. "graduates"; what bound figures store
    label: str  # wording as printed, e.g. "毕业生人数"
    unit: str  # "人", "%", "元", ":" …
    value: Value
    display: str  # "557", "93.25", "" when value is None
    computed: bool = False
    group: str = ""  # where it is entered or computed, for the picker ("表1 人才培养质量计分卡")


@dataclass(frozen=True)
class Cell:
    text: str
    value: Value = None  # the number behind the text, for Excel
    number_format: str = ""  # Excel format such as "0", "0.00", "0.00%"
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    indent: int = 0  # 其中 rows: 1 per level below the top


@dataclass(frozen=True)
class Table:
    key: str  # "appendix-1" … or a body table key such as "certificates"
    title: str  # default caption without the generated number: "近三年毕业生升学情况一览表"
    source: str  # data-source line: "图表数据来源：连州市职业技术学校招生就业办数据统计"
    header_rows: list[list[Cell]] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    unit_note: str = ""  # "（单位：人）" when the caption carries the unit
    wide: bool = False  # needs a landscape page in print


@dataclass(frozen=True)
class ChartData:
    """A series of figures for a chart: one value per category (year) per named series."""

    key: str
    title: str  # "全日制在校生人数"
    unit: str  # "人", "%", "万元"
    categories: list[str]  # ["2023年", "2024年", "2025年"]
    series: list[tuple[str, list[Decimal | None]]]  # [(name, values per category)]
    source: str  # "图表数据来源：…"


# Body tables every school can place in its text (表1-1 … 表6-8 of the sample).
BODY_TABLE_KEYS = [
    "certificates",  # 表1-1 certificate pass rates by year and certificate type
    "gaokao_3plus",  # 表1-2 “3+证书” results by candidate group
    "progression",  # 表1-3 progression to further study by year and route
    "funding",  # 表6-1 funding against provincial averages
    "project_spending",  # 表6-2 project spending
    "major_changes",  # 表6-3 majors added and stopped
    "enrolment_plan",  # 表6-4 enrolment plan changes
    "majors",  # 表6-5 majors with code, name, category, enrolment, partner
    "teacher_titles",  # 表6-6 teachers by professional title
    "dual_teachers",  # 表6-7 “双师型” teachers by major
    "major_industry",  # 表6-8 majors against industries
]


# One document, one load of each year's figures: inside `one_read_per_year()` every call below
# reuses the year's YearData instead of reading the catalog, figures and data sets again.
_snapshots: ContextVar[dict | None] = ContextVar("metrics_snapshots", default=None)


@contextmanager
def one_read_per_year(preloaded: dict | None = None) -> Iterator[None]:
    """`preloaded`: {year pk: YearData} already read (the region pages read many years in
    bulk), reused instead of a read of their own."""
    token = _snapshots.set(dict(preloaded or {}))
    try:
        yield
    finally:
        _snapshots.reset(token)


def _year_data(year: ReportYear):
    from metrics.yeardata import YearData

    cache = _snapshots.get()
    if cache is None:
        return YearData(year)
    if year.pk not in cache:
        cache[year.pk] = YearData(year)
    return cache[year.pk]


def figure_values(year: ReportYear) -> dict[str, FigureValue]:
    """Every single figure of the year (entered and computed), by code. Few queries."""
    from metrics import read

    return read.figure_values(year, _year_data(year))


def get_figure(year: ReportYear, code: str) -> FigureValue | None:
    """One figure; None when the code is not (or no longer) in the catalog."""
    return figure_values(year).get(code)


def appendix_tables(year: ReportYear) -> list[Table]:
    """附件 表1–表5 (and a 6th when the catalog has one), rows in catalog order."""
    from metrics import read

    return read.appendix_tables(year, _year_data(year))


def body_table(year: ReportYear, key: str) -> Table:
    """A body table generated from the year's figures; KeyError for an unknown key."""
    from metrics import read

    return read.body_table(year, key, _year_data(year))


def body_table_choices() -> list[tuple[str, str]]:
    """(key, default title) for the narrative's table picker."""
    from metrics import read

    return read.body_table_choices()


def prose_quantities(year: ReportYear) -> list:
    """Every figure a sentence of the text may quote, with its exact value and the phrases the
    text uses for it (metrics.prose.ProseQuantity); for the numbers-in-prose check."""
    from metrics import prose

    return prose.prose_quantities(_year_data(year))


def chart_series_choices() -> list[tuple[str, str]]:
    """(key, label) of the series a chart can show (在校生, 招生, 升学, pass rates …)."""
    from metrics import series

    return series.choices()


def chart_years(year: ReportYear) -> list[int]:
    """The years a chart of this report year can offer."""
    from metrics import series

    return series.available_years(year)


def chart_series(year: ReportYear, key: str, years: list[int] | None = None) -> ChartData:
    """The values of one series over the chosen years (all available when None); KeyError for
    an unknown key."""
    from metrics import series

    return series.chart_data(year, key, years)
