"""Where a year stands, per department, for `manage.py year_status`.

Each feature registers an item source: a function (year) -> iterable of ItemStatus. Built in:
each department's single-figure form (filled of typed) and data sets (rows), and its sections
(已撰写/待撰写); the review feature adds review statuses by registering its own source.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from metrics.entry import datasets_of, typed_indicators
from metrics.yeardata import YearData
from narrative.models import Section
from narrative.numbering import build_outline
from reporting.models import ReportYear


@dataclass(frozen=True)
class ItemStatus:
    department: str  # department name, "" for the committee's own items
    title: str
    status: str


ItemSource = Callable[[ReportYear], Iterable[ItemStatus]]
_sources: list[ItemSource] = []


def register(source: ItemSource) -> ItemSource:
    if source not in _sources:
        _sources.append(source)
    return source


def item_statuses(year: ReportYear) -> list[ItemStatus]:
    items: list[ItemStatus] = []
    for source in _sources:
        items.extend(source(year))
    return items


def figure_forms(year: ReportYear) -> Iterable[ItemStatus]:

    data = YearData(year)
    for department in year.school.departments.all():
        typed = typed_indicators(data, department)
        if typed:
            filled = sum(1 for i in typed if data.value(i) not in (None, ""))
            yield ItemStatus(department.name, "单项数据", f"已填 {filled}/{len(typed)}")
        for spec in datasets_of(department):
            count = spec.model.objects.filter(year=year).count()
            yield ItemStatus(department.name, str(spec.title), f"{count} 行")


def sections(year: ReportYear) -> Iterable[ItemStatus]:

    written = set(
        Section.objects.filter(year=year, blocks__isnull=False).values_list("pk", flat=True)
    )
    for node in build_outline(year, with_blocks=False).walk():
        section = node.section
        if section.department_id is None:
            continue
        yield ItemStatus(
            section.department.name,
            f"{node.number} {section.title}".strip(),
            "已撰写" if section.pk in written else "待撰写",
        )
