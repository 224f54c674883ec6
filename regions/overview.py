"""The region dashboard: each school's progress for a year, read-only.

Progress comes from the review statuses (review), published editions with their
SHA-256 from publication, the unexplained errors from the schools' own checks: for a locked
year as counted at lock time (regions.models.KeyFigures), for a draft only when the bureau
user asks (`?drafts=1`: the checks of each school on the page, as the school itself sees them).
A page is a fixed number of queries whatever the number of schools; asking for drafts adds
each page school's checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef

from metrics.api import one_read_per_year
from metrics.findings import run_checks
from metrics.models import Figure
from publication.models import EditionFile
from regions.bulk import year_data
from regions.key_figures import snapshots
from regions.snapshots import blocking
from reporting.models import Region, ReportYear, School
from review.models import ReviewItem

PAGE_SIZE = 50


@dataclass
class SchoolRow:
    school: School
    year: ReportYear | None
    statuses: dict[str, int] = field(default_factory=dict)
    figures: int = 0
    files: list[EditionFile] = field(default_factory=list)
    errors: int | None = None

    @property
    def not_started(self) -> bool:
        return self.year is None or (self.figures == 0 and not self.statuses)

    @property
    def items(self) -> int:
        return sum(self.statuses.values())

    @property
    def approved(self) -> int:
        return self.statuses.get(ReviewItem.Status.APPROVED, 0)

    @property
    def submitted(self) -> int:
        return self.statuses.get(ReviewItem.Status.SUBMITTED, 0)

    @property
    def percent(self) -> int:
        return round(100 * self.approved / self.items) if self.items else 0


@dataclass
class RegionReport:
    """The region's own report (districtreport): its body, each year with its status and the
    files of its current published edition."""

    body: School
    years: list[tuple[ReportYear, list[EditionFile]]]


def region_report(region: Region) -> RegionReport | None:
    body = School.objects.filter(reports_for_region=region).first()
    if body is None:
        return None
    years = list(ReportYear.objects.filter(school=body).order_by("-year"))
    files: dict[int, list[EditionFile]] = {y.pk: [] for y in years}
    current = EditionFile.objects.filter(
        edition__year__in=years, edition__unlocked_at__isnull=True
    ).select_related("edition")
    for file in current.order_by("format"):
        files[file.edition.year_id].append(file)
    return RegionReport(body=body, years=[(y, files[y.pk]) for y in years])


def region_schools(region: Region):
    return School.objects.filter(region_id__in=region.with_descendants()).select_related("region")


@dataclass
class Summary:
    schools: int
    not_started: int
    locked: int


def summary(region: Region, year: int) -> Summary:
    schools = region_schools(region)
    years = ReportYear.objects.filter(school__in=schools, year=year)
    has_figures = Exists(Figure.objects.filter(year=OuterRef("pk")))
    has_items = Exists(ReviewItem.objects.filter(year=OuterRef("pk")))
    total = schools.count()
    return Summary(
        schools=total,
        not_started=total - years.filter(has_figures | has_items).count(),
        locked=years.filter(status=ReportYear.Status.LOCKED).count(),
    )


def dashboard_page(region: Region, year: int, page: str | int | None, *, drafts: bool = False):
    """One page of schools: a constant number of queries (plus each draft's checks if asked)."""
    paginator = Paginator(region_schools(region).order_by("name", "pk"), PAGE_SIZE)
    page_obj = paginator.get_page(page)
    schools = list(page_obj.object_list)
    years = {
        y.school_id: y
        for y in ReportYear.objects.filter(school__in=schools, year=year).select_related(
            "school", "locked_by"
        )
    }
    rows = {s.pk: SchoolRow(school=s, year=years.get(s.pk)) for s in schools}
    by_year = {y.pk: rows[y.school_id] for y in years.values()}
    counts = (
        ReviewItem.objects.filter(year_id__in=by_year)
        .values("year_id", "status")
        .annotate(n=Count("pk"))
    )
    for entry in counts:
        by_year[entry["year_id"]].statuses[entry["status"]] = entry["n"]
    figures = Figure.objects.filter(year_id__in=by_year).values("year_id").annotate(n=Count("pk"))
    for entry in figures:
        by_year[entry["year_id"]].figures = entry["n"]
    files = EditionFile.objects.filter(
        edition__year_id__in=by_year, edition__unlocked_at__isnull=True
    ).select_related("edition")
    for file in files.order_by("format"):
        by_year[file.edition.year_id].files.append(file)
    taken = snapshots([row.year for row in by_year.values()])
    # Drafts (and a locked year from before the snapshots) are checked only when asked, their
    # data read in bulk for the page; the checks then read rules, explanations, text per year.
    unchecked = [r.year for pk, r in by_year.items() if pk not in taken and not r.not_started]
    data = year_data(unchecked, with_previous=True) if drafts and unchecked else {}
    with one_read_per_year(data):
        for pk, row in by_year.items():
            if pk in taken:
                row.errors = taken[pk].open_errors
            elif pk in data:
                row.errors = blocking(run_checks(row.year, data[pk]))
    return page_obj, list(rows.values())
