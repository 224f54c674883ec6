"""The figures a sentence of the report can speak of, with the words it uses for them.

`prose_quantities(data)` lists every single figure of the catalog (by code) and the data-set
numbers the text quotes (a row of the teacher-title table, its 占比, the range of the 对口就业率
of 专业与产业对接) with their *exact* value and the phrases of metrics.ProsePhrase. The prose
checker of the narrative compares typed numbers with them (through metrics/api.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from metrics import computation
from metrics.datasets import DATASETS
from metrics.models import ProsePhrase
from metrics.yeardata import YearData

# Printed labels carry the appendix's structure ("其中：A 类：留在当地就业人数", "（师资队伍）"),
# which a sentence never repeats.
_LABEL_NOISE = re.compile(r"^(其中[:：])?\s*([A-D]\s*类[:：])?|（[^）]*）|\([^)]*\)")


@dataclass(frozen=True)
class ProseQuantity:
    name: str  # an indicator code (bindable) or a data-set quantity such as "teacher_titles.middle"
    label: str  # how a finding names it: "中级职称专任教师数（专任教师职称结构分布）"
    unit: str  # "人", "%", ":" …
    kind: str  # "count" | "percent" | "ratio" | "amount"
    value: Decimal | None  # exact (unrounded); None when not entered
    phrases: tuple[str, ...]
    department_code: str  # the school's department that fills it ("" when nobody is assigned)
    bindable: bool = False  # a catalog indicator: the text can show it as a bound figure
    display: str = ""  # as the report prints it, with unit
    low: Decimal | None = None  # a range: the text's number must lie between the rows' values
    high: Decimal | None = None


def label_phrase(label: str) -> str:
    return _LABEL_NOISE.sub("", label).strip()


def _printed(value: Decimal | None, kind: str, unit: str, computed: bool) -> str:
    text = computation.display(value, kind, computed=computed)
    if not text or unit in ("", ":", "：") or text.endswith(unit):
        return text
    return f"{text}{unit}" if unit == "%" else f"{text} {unit}"


def prose_quantities(data: YearData) -> list[ProseQuantity]:
    phrases: dict[str, list[str]] = {}
    for quantity, phrase in ProsePhrase.objects.values_list("quantity", "phrase"):
        phrases.setdefault(quantity, []).append(phrase)
    school = data.year.school
    out = []
    for indicator in data.indicators:
        if indicator.kind == "text" or not indicator.applies_to_school(school):
            continue
        if indicator.formula:
            exact = computation.evaluate(indicator.formula, data.quantity)
        else:
            exact = data.quantity(indicator.code)
        out.append(
            ProseQuantity(
                name=indicator.code,
                label=indicator.label,
                unit=indicator.unit,
                kind=indicator.kind,
                value=exact,
                phrases=(label_phrase(indicator.label), *phrases.get(indicator.code, ())),
                department_code=data.who.indicator_code(indicator),
                bindable=True,
                display=_printed(
                    data.value(indicator), indicator.kind, indicator.unit, bool(indicator.formula)
                ),
            )
        )
    out.extend(_data_set_quantities(data, phrases))
    return out


def _data_set_quantities(data: YearData, phrases: dict[str, list[str]]):
    for spec in DATASETS.values():
        if spec.quoted is None:
            continue
        for quoted in spec.quoted(data.rows[spec.key]):
            name = spec.quantity_name(quoted.suffix)
            yield ProseQuantity(
                name=name,
                label=quoted.label,
                unit=quoted.unit,
                kind=quoted.kind,
                value=quoted.value,
                phrases=tuple(phrases.get(name, ())),
                department_code=data.who.dataset_code(spec.key),
                display=quoted.display,
                low=quoted.low,
                high=quoted.high,
            )
