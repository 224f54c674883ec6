"""A region's own report (中职地市级年报): its reporting body, its sources and the sums.

The region report is a `reporting.School` with `reports_for_region` set, so the editor,
review, lock, publication and exports work for it unchanged. Its figures are the sums of the
counts (and 万元 amounts) of the region's schools' locked years of the same calendar year, the
region and every region below it; shares and ratios are never summed or averaged: the
catalog's formulas compute them from the sums, as for any school (metrics.yeardata).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from districtreport.models import Aggregation
from metrics.models import DualTeacherRow, Figure, Indicator, TeacherTitleRow
from metrics.services import set_figures
from publication.blockers import Blocker
from reporting.errors import ReportError
from reporting.models import Department, Region, ReportYear, School, User
from reporting.tasks import Task

# The body's departments when created: the bureau's office for vocational education writes.
DEPARTMENTS = [("zhicheng", "职成科"), ("bangongshi", "办公室")]

# Data sets the catalog's formulas read (表6-6 → 高级职称比例, 表6-7 → “双师型”比例): summed
# row by row over the schools, by the row's key. (model, key fields, summed fields)
SUMMED_DATASETS = [
    (TeacherTitleRow, ("level",), ("count",)),
    (DualTeacherRow, ("major_category",), ("specialty_teachers", "dual_teachers")),
]


class DistrictReportError(ReportError):
    """A refusal the committee can act on; the message is for them."""


def summable(indicator: Indicator) -> bool:
    """A figure that adds up across schools: a count (人, 个, 门, 学时 …) or an amount in 万元.
    Not summed: percentages and ratios (computed from the sums when the catalog has a formula,
    else left empty) and per-head amounts (元/生, 元, Mbps)."""
    if indicator.formula:
        return False
    return indicator.kind == Indicator.Kind.COUNT or (
        indicator.kind == Indicator.Kind.AMOUNT and indicator.unit == "万元"
    )


@transaction.atomic
def create_region_report(
    *, region: Region, slug: str, name: str, year: int | None = None
) -> School:
    """The reporting body of `region`'s own report, its departments and (optionally) a year,
    whose outline comes from the region template (fixtures/outlines.json)."""
    if School.objects.filter(reports_for_region=region).exists():
        raise DistrictReportError(_("%(region)s已有地区年报。") % {"region": region.name})
    try:
        with transaction.atomic():
            body = School.objects.create(
                slug=slug, name=name, short_name=name[:50], reports_for_region=region
            )
    except IntegrityError:
        raise DistrictReportError(_("标识或名称已被其他学校使用。")) from None
    for order, (code, label) in enumerate(DEPARTMENTS, start=1):
        Department.objects.create(school=body, code=code, name=label, order=order)
    if year is not None:
        ReportYear.objects.create(school=body, year=year)
    return body


@dataclass(frozen=True)
class Source:
    """One school of the region for the report's year: included, or why not."""

    school: School
    year: ReportYear | None
    included: bool
    reason: str


def sources(year: ReportYear) -> list[Source]:
    """Every school of the region and below, with its school year of the same calendar year."""
    region = year.school.reports_for_region
    schools = list(
        School.objects.filter(region_id__in=region.with_descendants()).select_related("region")
    )
    years = {y.school_id: y for y in ReportYear.objects.filter(school__in=schools, year=year.year)}
    found = []
    for school in schools:
        school_year = years.get(school.pk)
        if school_year is None:
            found.append(Source(school, None, False, _("没有%(y)s年度") % {"y": year.year}))
        elif school_year.is_open:
            found.append(Source(school, school_year, False, _("尚未锁定发布（填报中）")))
        else:
            found.append(Source(school, school_year, True, ""))
    return found


def _key(school_year: ReportYear) -> tuple[int, str]:
    return (school_year.pk, school_year.locked_at.isoformat() if school_year.locked_at else "")


def is_stale(year: ReportYear) -> bool:
    """True when the sums were never made or no longer match the locked years they came from."""
    record = Aggregation.objects.filter(year=year).first()
    if record is None:
        return True
    current = {_key(s.year) for s in sources(year) if s.included}
    return current != record.source_keys()


@transaction.atomic
def aggregate(*, year: ReportYear, user: User | None) -> Aggregation:
    """重新汇总: the region report's figures and the summed data sets from the included years."""
    year = ReportYear.objects.select_for_update().select_related("school").get(pk=year.pk)
    if not year.school.is_region_report:
        raise DistrictReportError(_("只有地区年报可以汇总各校数据。"))
    year.ensure_open()
    included = [s.year for s in sources(year) if s.included]
    _sum_figures(year, user, included)
    _sum_datasets(year, user, included)
    record, _created = Aggregation.objects.update_or_create(
        year=year,
        defaults={
            "aggregated_at": timezone.now(),
            "aggregated_by": user,
            "sources": [
                {"year": key[0], "school": y.school.name, "locked_at": key[1]}
                for y in included
                for key in [_key(y)]
            ],
        },
    )
    return record


def _sum_figures(year: ReportYear, user: User | None, included: list[ReportYear]) -> None:
    body = year.school
    indicators = [
        i
        for i in Indicator.objects.national()  # sums of the national rows only
        if summable(i) and i.applies_to_school(body)
    ]
    sums = dict(
        Figure.objects.filter(year__in=included, indicator__in=indicators, value__isnull=False)
        .values("indicator__code")
        .annotate(total=Sum("value"))
        .values_list("indicator__code", "total")
    )
    # A figure no source has is emptied, so a source that drops out leaves no old sum behind.
    values: dict[str, Decimal | None] = {i.code: sums.get(i.code) for i in indicators}
    set_figures(year=year, user=user, values=values)


def _sum_datasets(year: ReportYear, user: User | None, included: list[ReportYear]) -> None:
    for model, keys, fields in SUMMED_DATASETS:
        totals: dict[tuple, dict[str, int]] = {}
        for row in model.objects.filter(year__in=included).order_by("year_id", "position"):
            key = tuple(getattr(row, k) for k in keys)
            bucket = totals.setdefault(key, dict.fromkeys(fields, 0))
            for name in fields:
                bucket[name] += getattr(row, name) or 0
        model.objects.filter(year=year).delete()
        model.objects.bulk_create(
            model(
                year=year,
                position=position,
                updated_by=user,
                **dict(zip(keys, key, strict=True)),
                **summed,
            )
            for position, (key, summed) in enumerate(totals.items(), start=1)
        )


def can_aggregate(user: User, year: ReportYear) -> bool:
    """The editorial committee of the region report (and the platform operator)."""
    return user.is_superuser or (user.is_editor and user.school_id == year.school_id)


def aggregation_blockers(year: ReportYear) -> Iterable[Blocker]:
    if not year.school.is_region_report or not is_stale(year):
        return []
    url = reverse("districtreport:report", args=[year.school.slug, year.year])
    if not Aggregation.objects.filter(year=year).exists():
        message = _("尚未汇总各校已发布的数据：请先在“地区汇总”页点击“重新汇总”。")
    else:
        message = _(
            "地区汇总已过期：汇总后有学校锁定、解锁或重新发布了年度报告。"
            "请先在“地区汇总”页点击“重新汇总”，再锁定。"
        )
    return [Blocker(message, url)]


def report_tasks(user: User) -> list[Task]:
    """我的任务: the region report's sources page for its people."""
    if not user.is_authenticated or user.school_id is None or not user.school.is_region_report:
        return []
    year = ReportYear.objects.filter(school_id=user.school_id).order_by("-year").first()
    if year is None:
        return []
    stale = year.is_open and is_stale(year)
    return [
        Task(
            title=_("%(region)s 地区汇总（各校已发布数据）")
            % {"region": user.school.reports_for_region.name},
            url=reverse("districtreport:report", args=[user.school.slug, year.year]),
            category=_("地区年报"),
            status=_("需重新汇总") if stale else _("已是最新"),
            priority=15,
            urgent=stale,
        )
    ]
