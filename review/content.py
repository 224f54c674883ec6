"""What an item contains, as readable lines plus a fingerprint: the values of a department's
单项数据, the rows of a data set, the text of a section. An approval stores both, so a later
change shows as 通过后有修改 with the difference (diff.line_changes)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.utils.translation import gettext as _

from metrics import api as metrics_api
from metrics.datasets import DATASETS
from metrics.entry import editable_rows, typed_indicators
from metrics.yeardata import YearData
from narrative.models import Block, Section
from reporting.models import Department, ReportYear
from review.diff import plain_lines
from review.models import ReviewItem

EMPTY = "—"


@dataclass(frozen=True)
class Content:
    lines: list[str]  # readable, in order
    fingerprint: str  # of the values only, so renaming an indicator keeps an approval

    def snapshot(self) -> dict:
        return {"lines": self.lines}


def _hash(parts: list[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


class YearContent:
    """Reads the content of any item of one year; shares the year's figures and blocks."""

    def __init__(self, year: ReportYear, section: Section | None = None):
        """With `section`, only that section's blocks are read (one item's page)."""
        self.year = year
        self.only_section = section

    @cached_property
    def data(self) -> YearData:
        # The page's snapshot when it shares one (the figures form), else a read of its own.
        return metrics_api.snapshot(self.year)

    @cached_property
    def _blocks(self) -> dict[int, list[Block]]:
        by_section: dict[int, list[Block]] = defaultdict(list)
        blocks = Block.objects.filter(section__year=self.year)
        if self.only_section is not None:
            blocks = blocks.filter(section=self.only_section)
        for block in blocks.order_by("position", "pk"):
            by_section[block.section_id].append(block)
        return by_section

    def of(self, kind: str, key: str) -> Content:
        if kind == ReviewItem.Kind.FIGURES:
            department = Department.objects.get(school_id=self.year.school_id, code=key)
            return self.figures(department)
        if kind == ReviewItem.Kind.DATASET:
            return self.dataset(key)
        return self.section(Section.objects.get(year=self.year, key=key))

    def figures(self, department: Department) -> Content:
        lines, values = [], []
        for indicator in typed_indicators(self.data, department):
            shown = self.data.display(indicator) if indicator.kind != "text" else None
            value = shown if shown is not None else self.data.value(indicator)
            value = str(value) if value not in (None, "") else ""
            unit = f" {indicator.unit}" if indicator.unit and value else ""
            lines.append(f"{indicator.label}：{value or EMPTY}{unit}")
            values.append(f"{indicator.code}={value}")
        return Content(lines, _hash(values))

    def filled(self, department: Department) -> tuple[int, int]:
        """(filled, total) typed figures of a department."""
        typed = typed_indicators(self.data, department)
        done = sum(1 for i in typed if self.data.value(i) not in (None, ""))
        return done, len(typed)

    def dataset(self, key: str) -> Content:
        spec = DATASETS[key]
        lines = []
        for row in editable_rows(spec, self.year):
            cells = [getattr(row, name) for name in spec.fields]
            lines.append(" · ".join(EMPTY if c in (None, "") else str(c) for c in cells))
        return Content(lines, _hash(lines))

    def section_written(self, section: Section) -> bool:
        return bool(self._blocks.get(section.pk))

    def section(self, section: Section) -> Content:
        lines = [_("标题：%(title)s") % {"title": section.title}]
        parts: dict[int, list[Block]] = defaultdict(list)
        blocks = self._blocks.get(section.pk, [])
        for block in blocks:
            if block.case_id:
                parts[block.case_id].append(block)
        for block in blocks:
            if not block.case_id:
                lines += _block_lines(block, parts)
        return Content(lines, _hash(lines))


def _block_lines(block: Block, parts: dict[int, list[Block]]) -> list[str]:
    if block.kind == Block.Kind.TEXT:
        return plain_lines(block.body)
    if block.kind == Block.Kind.PHOTO:
        return [_("图：%(caption)s") % {"caption": block.caption or EMPTY}]
    if block.kind == Block.Kind.TABLE:
        lines = [_("表：%(caption)s") % {"caption": block.caption or EMPTY}]
        if block.table_key:
            lines.append(_("（由数据生成：%(key)s）") % {"key": block.table_key})
        for row in (block.grid or {}).get("rows", []):
            lines.append(" | ".join(str(cell.get("text", "")) for cell in row))
        return lines
    lines = [_("案例：%(title)s %(subtitle)s") % {"title": block.title, "subtitle": block.subtitle}]
    for part in parts.get(block.pk, []):
        lines += _block_lines(part, parts)
    return lines
