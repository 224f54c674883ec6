"""The value types of the read side (metrics/api.py): plain, immutable values that carry no
querysets, so callers cannot write through them and exports stay a pure function of the year.

Values: counts are `int`, amounts and percentages `Decimal`, free text `str`; `None` means
"not entered". `display` is the value formatted for print by the one documented rounding rule
(see metrics/computation.py), without the unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

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
