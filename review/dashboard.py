"""编委会工作台: per department how far its items are, the findings, and what blocks locking."""

from __future__ import annotations

from dataclasses import dataclass, field

from metrics.findings import run_checks
from publication.blockers import Blocker, lock_blockers
from reporting.models import Department, ReportYear
from review.items import Item, year_items
from review.models import ReviewItem

Kind = ReviewItem.Kind


@dataclass
class Progress:
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


@dataclass
class DepartmentProgress:
    department: Department
    figures: Progress
    datasets: Progress = field(default_factory=Progress)
    sections: Progress = field(default_factory=Progress)
    submitted: Progress = field(default_factory=Progress)
    approved: Progress = field(default_factory=Progress)
    errors: int = 0
    explained: int = 0
    overdue: bool = False
    waiting: int = 0  # items the committee has to review

    def bars(self):
        from django.utils.translation import gettext as _

        return [
            (_("必填数据"), self.figures),
            (_("数据集"), self.datasets),
            (_("章节撰写"), self.sections),
            (_("已提交"), self.submitted),
            (_("已通过"), self.approved),
        ]


def _count(progress: Progress, done: bool) -> None:
    progress.total += 1
    progress.done += int(done)


def department_progress(year: ReportYear, items: list[Item]) -> list[DepartmentProgress]:
    reader = items[0].reader if items else None
    rows: dict[int, DepartmentProgress] = {}
    for department in year.school.departments.all():
        filled = reader.filled(department) if reader else (0, 0)
        rows[department.pk] = DepartmentProgress(department, Progress(*filled))
    for item in items:
        row = rows[item.department.pk]
        if item.kind == Kind.DATASET:
            _count(row.datasets, bool(item.content.lines))
        elif item.kind == Kind.SECTION:
            _count(row.sections, reader.section_written(item.section))
        _count(row.submitted, item.state in ("submitted", "approved", "changed"))
        _count(row.approved, item.is_approved)
        row.waiting += int(item.awaits_review)
        row.overdue = row.overdue or (year.is_overdue and item.state in ("draft", "returned"))
    by_code = {row.department.code: row for row in rows.values()}
    for finding in run_checks(year):
        if not finding.is_error:
            continue
        for code in finding.department_codes:
            if code in by_code:
                by_code[code].errors += 1
                by_code[code].explained += int(bool(finding.explanation))
    return [row for row in rows.values() if row.figures.total or row.submitted.total]


@dataclass
class Dashboard:
    year: ReportYear
    departments: list[DepartmentProgress]
    waiting: list[Item]
    blockers: list[Blocker]

    @property
    def lockable(self) -> bool:
        return not self.blockers


def dashboard(year: ReportYear) -> Dashboard:
    items = year_items(year)
    blockers = lock_blockers(year)
    return Dashboard(
        year=year,
        departments=department_progress(year, items),
        waiting=[item for item in items if item.awaits_review],
        blockers=blockers,
    )
