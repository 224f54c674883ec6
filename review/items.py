"""A year's review items with their state: each department's 单项数据, each data set, each
written section (a heading without text of its own is not an item)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets import DATASETS
from metrics.entry import typed_indicators
from narrative.models import Section
from narrative.numbering import build_outline
from reporting.models import Department, ReportYear
from review.content import Content, YearContent
from review.diff import Change, line_changes
from review.models import ReviewItem

Kind, Status = ReviewItem.Kind, ReviewItem.Status

# What a user sees (草稿 is split: 已退回 comes back with a comment; 通过后有修改 needs approval).
STATE_LABELS = {
    "draft": gettext_lazy("草稿"),
    "returned": gettext_lazy("已退回"),
    "submitted": gettext_lazy("已提交"),
    "approved": gettext_lazy("已通过"),
    "changed": gettext_lazy("通过后有修改"),
}


@dataclass
class Item:
    year: ReportYear
    kind: str
    key: str
    title: str
    department: Department | None
    edit_url: str
    record: ReviewItem | None = None
    reader: YearContent | None = field(default=None, repr=False)
    section: Section | None = field(default=None, repr=False)

    def __str__(self) -> str:
        name = self.department.name if self.department else ""
        return f"{name} · {self.title}" if name else self.title

    @property
    def url(self) -> str:
        return reverse(
            "review:item", args=[self.year.school.slug, self.year.year, self.kind, self.key]
        )

    @property
    def status(self) -> str:
        return self.record.status if self.record else Status.DRAFT

    @cached_property
    def content(self) -> Content:
        reader = self.reader or YearContent(self.year)
        if self.kind == Kind.FIGURES:
            return reader.figures(self.department)
        if self.kind == Kind.DATASET:
            return reader.dataset(self.key)
        return reader.section(self.section)

    @cached_property
    def state(self) -> str:
        if self.status == Status.APPROVED:
            changed = self.content.fingerprint != self.record.approved_fingerprint
            return "changed" if changed else "approved"
        if self.status == Status.DRAFT and self.record and self.record.returned:
            return "returned"
        return self.status

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def is_approved(self) -> bool:
        return self.state == "approved"

    @property
    def awaits_review(self) -> bool:
        return self.state in ("submitted", "changed")

    def changes_since_approval(self) -> list[Change]:
        if self.state != "changed":
            return []
        old = (self.record.approved_content or {}).get("lines", [])
        return line_changes(old, self.content.lines)

    @cached_property
    def last_return(self):
        if self.record is None:
            return None
        return self.record.comments.filter(is_return=True).order_by("-created_at", "-pk").first()


def year_items(year: ReportYear, department: Department | None = None) -> list[Item]:
    """Every item of the year in a fixed order (单项数据, data sets, sections in outline order),
    optionally only one department's."""
    reader = YearContent(year)
    departments = {d.code: d for d in year.school.departments.all()}
    items = [
        *_figures_items(reader, departments),
        *_dataset_items(reader, departments),
        *_section_items(reader),
    ]
    _attach_records(items, reader, ReviewItem.objects.filter(year=year))
    if department is not None:
        items = [item for item in items if item.department and item.department.pk == department.pk]
    return items


def find_item(year: ReportYear, kind: str, key: str) -> Item | None:
    """One item, built alone: every form and section editor shows its own item's state, so
    this must not compute the whole year's items (the same rules as year_items decide
    whether it is an item)."""
    if kind == Kind.SECTION:
        section = Section.objects.filter(year=year, key=key).first()
        if section is None:
            return None
        reader = YearContent(year, section=section)
        items = _section_items(reader, only=section)
    elif kind == Kind.FIGURES:
        reader = YearContent(year)
        departments = {d.code: d for d in year.school.departments.filter(code=key)}
        items = _figures_items(reader, departments)
    elif kind == Kind.DATASET and key in DATASETS:
        reader = YearContent(year)
        departments = {d.code: d for d in year.school.departments.all()}
        items = _dataset_items(reader, departments, only=key)
    else:
        return None
    records = ReviewItem.objects.filter(year=year, kind=kind, key=key)
    _attach_records(items, reader, records)
    return items[0] if items else None


def _figures_items(reader: YearContent, departments: dict[str, Department]) -> list[Item]:
    year = reader.year
    items = []
    for code, dept in departments.items():
        if typed_indicators(reader.data, dept):
            url = reverse("metrics:figures", args=[year.school.slug, year.year, code])
            items.append(Item(year, Kind.FIGURES, code, _("单项数据"), dept, url))
    return items


def _dataset_items(
    reader: YearContent, departments: dict[str, Department], only: str | None = None
) -> list[Item]:
    year = reader.year
    items = []
    for key, spec in DATASETS.items():
        if only is not None and key != only:
            continue
        dept = departments.get(reader.data.who.dataset_code(key))
        if dept is not None:
            url = reverse("metrics:dataset", args=[year.school.slug, year.year, dept.code, key])
            items.append(Item(year, Kind.DATASET, key, str(spec.title), dept, url))
    return items


def _section_items(reader: YearContent, only: Section | None = None) -> list[Item]:
    year = reader.year
    items = []
    for node in build_outline(year, with_blocks=False).walk():
        section = node.section
        if only is not None and section.pk != only.pk:
            continue
        heading_only = node.children and not reader.section_written(section)
        if section.department is None or section.kind == Section.Kind.APPENDIX or heading_only:
            continue
        url = reverse("narrative:section_edit", args=[year.school.slug, year.year, section.key])
        title = f"{node.number} {section.title}".strip()
        items.append(
            Item(year, Kind.SECTION, section.key, title, section.department, url, section=section)
        )
    return items


def _attach_records(items: list[Item], reader: YearContent, records) -> None:
    by_key = {(r.kind, r.key): r for r in records}
    for item in items:
        item.record = by_key.get((item.kind, item.key))
        item.reader = reader
