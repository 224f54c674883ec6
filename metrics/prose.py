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

from django.utils.translation import gettext as _

from metrics import computation
from metrics.datasets import DATASETS
from metrics.derived import derived_quantities
from metrics.models import ProsePhrase, TeacherTitleRow
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
    titles = DATASETS["teacher_titles"]
    counts = {row.level: row.count for row in data.rows["teacher_titles"]}
    derived = derived_quantities(data)
    for level, name in TeacherTitleRow.Level.choices:
        count = counts.get(level)
        key = f"teacher_titles.{level}"
        yield ProseQuantity(
            name=key,
            label=_("%(name)s专任教师数（%(table)s）") % {"name": name, "table": titles.title},
            unit="人",
            kind="count",
            value=None if count is None else Decimal(count),
            phrases=tuple(phrases.get(key, ())),
            department_code=data.who.dataset_code(titles.key),
            display="" if count is None else f"{count} 人",
        )
        share = derived.get(f"teacher_titles.share.{level}")
        key = f"teacher_titles.share.{level}"
        yield ProseQuantity(
            name=key,
            label=_("%(name)s占比（%(table)s）") % {"name": name, "table": titles.title},
            unit="%",
            kind="percent",
            value=share.exact if share else None,
            phrases=tuple(phrases.get(key, ())),
            department_code=data.who.dataset_code(titles.key),
            display=share.display if share else "",
        )
    industry = DATASETS["major_industry"]
    rates = [row.related_employment_rate for row in data.rows["major_industry"]]
    key = "major_industry.related_employment_rate"
    if rates:
        low, high = min(rates), max(rates)
        yield ProseQuantity(
            name=key,
            label=_("各专业类别毕业生对口就业率（%(table)s）") % {"table": industry.title},
            unit="%",
            kind="percent",
            value=None,
            phrases=tuple(phrases.get(key, ())),
            department_code=data.who.dataset_code(industry.key),
            display=f"{computation.plain(low)}%–{computation.plain(high)}%",
            low=low,
            high=high,
        )
