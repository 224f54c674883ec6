"""Synthetic schools for scale tests (`manage.py generate_region`): plausible, consistent
figures (every rule of fixtures/rules.json holds), except a known share of school-years with
one planted contradiction: the teacher-title table does not add up to the full-time teachers
(rule `teacher-titles-sum`). Every name carries 示例. Written with bulk_create only."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal

import pgtrigger
from django.db import connection, transaction
from django.utils import timezone

from metrics.models import DualTeacherRow, Figure, Indicator, TeacherTitleRow
from regions.models import KeyFigures
from regions.snapshots import take_many
from reporting.models import Region, ReportYear, School

PLANTED_RULE = "teacher-titles-sum"
# Figures whose values follow from the school's size (the others are random but plausible).
_SET = {
    "students", "fulltime_teachers", "graduates", "placed_graduates", "further_study",
    "further_study_bachelor", "first_employment", "employed_by_sector", "employed_primary",
    "employed_secondary", "employed_tertiary", "employed_local", "new_students",
    "tuition_exempt_students", "fitness_tested", "funding_per_student", "fiscal_appropriation",
    "certificate_candidates", "certificate_passed", "skill_certificates",
    "staff_industry_mentors", "industry_mentors", "starting_salary", "monthly_income",
}  # fmt: skip
CITIES, DISTRICTS_PER_CITY = 10, 5


@dataclass
class Generated:
    region: Region
    schools: int
    years: int
    figures: int
    planted: int


def _regions(prefix: str) -> tuple[Region, list[Region]]:
    province = Region.objects.create(
        name=f"示例省{prefix}", code=f"{prefix}-province", level=Region.Level.PROVINCE
    )
    cities = Region.objects.bulk_create(
        Region(name=f"示例{c + 1}市", code=f"{prefix}-c{c + 1}", level="city", parent=province)
        for c in range(CITIES)
    )
    districts = Region.objects.bulk_create(
        Region(name=f"示例{d + 1}区", code=f"{city.code}-d{d + 1}", level="district", parent=city)
        for city in cities
        for d in range(DISTRICTS_PER_CITY)
    )
    return province, districts


def _values(rng: random.Random, school: School, indicators, students: int) -> dict[str, Decimal]:
    """One school-year's figures; the rules' relations are built in, not hoped for."""
    v: dict[str, Decimal] = {}
    for ind in indicators:
        if ind.formula or ind.kind == Indicator.Kind.TEXT or not ind.applies_to_school(school):
            continue
        if ind.kind == Indicator.Kind.PERCENT:
            v[ind.code] = Decimal(rng.randint(6000, 9900)) / 100
        elif ind.kind == Indicator.Kind.COUNT:
            v[ind.code] = Decimal(rng.randint(0, 40))
        else:
            v[ind.code] = Decimal(rng.randint(100, 99999)) / 100
    teachers = max(20, students // rng.randint(12, 24))
    graduates = students // 3
    further = graduates * rng.randint(20, 60) // 100
    first = graduates - further
    primary = first * rng.randint(2, 10) // 100
    secondary = first * rng.randint(30, 50) // 100
    per_student = rng.randint(8000, 22000)
    passed = graduates * rng.randint(60, 95) // 100
    mentors = v.get("industry_mentors", Decimal(10))
    v.update(
        students=students, fulltime_teachers=teachers, graduates=graduates,
        placed_graduates=graduates * rng.randint(85, 99) // 100, further_study=further,
        further_study_bachelor=further * rng.randint(5, 30) // 100, first_employment=first,
        employed_by_sector=first, employed_primary=primary, employed_secondary=secondary,
        employed_tertiary=first - primary - secondary,
        employed_local=first * rng.randint(40, 80) // 100, new_students=students // 3,
        tuition_exempt_students=students * rng.randint(50, 95) // 100,
        fitness_tested=students * rng.randint(90, 100) // 100,
        funding_per_student=per_student,
        fiscal_appropriation=(Decimal(per_student * students) / 10000).quantize(Decimal("0.01")),
        certificate_candidates=graduates, certificate_passed=passed, skill_certificates=passed,
        staff_industry_mentors=mentors, industry_mentors=mentors,
    )  # fmt: skip
    v["starting_salary"] = v["monthly_income"] = Decimal(rng.randint(3000, 6000))
    v = {code: Decimal(value) for code, value in v.items()}
    # "其中" rows never exceed the row they belong to (same unit, both entered): deepest rows
    # first; a random parent is raised to its child, a set parent caps its child.
    by_code = {ind.code: ind for ind in indicators}
    for ind in reversed(indicators):
        parent = by_code.get(ind.parent.code) if ind.parent_id else None
        if parent is None or ind.code not in v or parent.code not in v or ind.unit != parent.unit:
            continue
        if v[ind.code] > v[parent.code]:
            if parent.code in _SET:
                v[ind.code] = v[parent.code]
            else:
                v[parent.code] = v[ind.code]
    return v


def _dual_share_cap(values, dual: int) -> None:
    """其中：高级“双师型”教师比例 stays below the computed “双师型”教师比例."""
    share = (Decimal(100 * dual) / values["fulltime_teachers"]).quantize(
        Decimal("0.01"), ROUND_DOWN
    )
    if values.get("senior_dual_teacher_share", 0) > share:
        values["senior_dual_teacher_share"] = share


@transaction.atomic
def generate(
    *, schools: int, years: int, last_year: int, share: float, seed: int, prefix: str
) -> Generated:
    rng = random.Random(seed)
    province, districts = _regions(prefix)
    created = School.objects.bulk_create(
        School(
            name=f"示例{n + 1:04d}职业技术学校（{prefix}示例）",
            short_name=f"示例{n + 1:04d}",
            slug=f"{prefix}-{n + 1:04d}",
            kind=School.Kind.HIGHER if n % 5 == 4 else School.Kind.SECONDARY,
            region=districts[n % len(districts)],
        )
        for n in range(schools)
    )
    span = range(last_year - years + 1, last_year + 1)
    report_years = ReportYear.objects.bulk_create(
        ReportYear(school=s, year=y, due_date=datetime.date(y, 12, 10))
        for s in created
        for y in span
    )
    indicators = list(Indicator.objects.national().select_related("parent").order_by("order", "pk"))
    by_code = {i.code: i for i in indicators}
    figures, titles, duals, planted = [], [], [], 0
    size = {s.pk: rng.randint(600, 6000) for s in created}
    for ry in report_years:
        # Within ±10 % of the year before, so no "students-change" warning either.
        students = size[ry.school_id] = size[ry.school_id] * rng.randint(95, 105) // 100
        # The school's proportions are its own and stay from year to year (only its size
        # drifts), so no "catalog-change" warning either.
        own = random.Random(f"{seed}-{ry.school_id}")
        values = _values(own, ry.school, indicators, students)
        teachers = int(values["fulltime_teachers"])
        dual = teachers * own.randint(20, 60) // 100
        _dual_share_cap(values, dual)
        duals.append(
            DualTeacherRow(
                year=ry, position=1, major_category="示例类",
                specialty_teachers=teachers, dual_teachers=dual,
            )
        )  # fmt: skip
        senior, middle = teachers * 15 // 100, teachers * 45 // 100
        junior = teachers - senior - middle
        if rng.random() < share:
            junior += 3  # the planted contradiction
            planted += 1
        titles += [
            TeacherTitleRow(year=ry, position=i, level=level, count=count)
            for i, (level, count) in enumerate(
                (("senior", senior), ("middle", middle), ("junior", junior)), start=1
            )
        ]
        figures += [
            Figure(year=ry, indicator=by_code[code], kind=by_code[code].kind, value=value)
            for code, value in values.items()
            if code in by_code
        ]
    # Invented data has no history worth keeping: skip pghistory's per-row insert events (the
    # lock trigger stays on; the years are still open here).
    with pgtrigger.ignore(
        "metrics.Figure:figure_added_insert",
        "metrics.TeacherTitleRow:row_added_insert",
        "metrics.DualTeacherRow:row_added_insert",
    ):
        Figure.objects.bulk_create(figures, batch_size=5000)
        TeacherTitleRow.objects.bulk_create(titles, batch_size=5000)
        DualTeacherRow.objects.bulk_create(duals, batch_size=5000)
    # Every year but the last is published; locking after the inserts (triggers refuse writes
    # to a locked year).
    ReportYear.objects.filter(school__in=created, year__lt=last_year).update(
        status=ReportYear.Status.LOCKED, locked_at=timezone.now()
    )
    # A bulk update passes by the lock's snapshot (regions/snapshots.py): take them here.
    take_many(
        list(
            ReportYear.objects.filter(school__in=created, status=ReportYear.Status.LOCKED)
            .select_related("school")
            .order_by("school_id", "year")
        )
    )
    # Fresh statistics for the bulk-loaded tables, as after any import: without them PostgreSQL
    # plans the first pages on an empty-table estimate.
    with connection.cursor() as cursor:
        for model in (School, ReportYear, Figure, TeacherTitleRow, DualTeacherRow, KeyFigures):
            cursor.execute(f"ANALYZE {model._meta.db_table}")
    return Generated(province, len(created), len(report_years), len(figures), planted)
