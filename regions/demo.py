"""The demo's region: 广东省 → 清远市 → 连州市 (lianzhou) and 清城区 (a second, invented school),
and the bureau logins of 清远市: `jiaoyuju` (reads) and `jiaoyuju_admin` (also creates the
region's schools and its own indicators). Idempotent, like every demo loader."""

from decimal import Decimal

from django.db import transaction

from metrics.models import DualTeacherRow, TeacherTitleRow
from metrics.services import write_figures_unchecked
from reporting.demo.organisation import DEMO_PASSWORD, login_name
from reporting.models import Region, ReportYear, School, User

# (code, name, level, parent code)
REGIONS = [
    ("guangdong", "广东省", Region.Level.PROVINCE, None),
    ("qingyuan-city", "清远市", Region.Level.CITY, "guangdong"),
    ("lianzhou-city", "连州市", Region.Level.DISTRICT, "qingyuan-city"),
    ("qingcheng", "清城区", Region.Level.DISTRICT, "qingyuan-city"),
]
SCHOOL_REGION = "lianzhou-city"
# (username, region code, family name, given name, bureau administrator)
BUREAU = [
    ("jiaoyuju", "qingyuan-city", "清远市", "教育局", False),
    ("jiaoyuju_admin", "qingyuan-city", "清远市", "教育局管理员", True),
]

# A small, clearly invented data set: every number here is made up for the demo.
SECOND_SCHOOL = {
    "slug": "shili",
    "name": "清城区示例职业技术学校（示例）",
    "short_name": "示例职校",
}
SECOND_FIGURES = {
    "students": 1200,
    "fulltime_teachers": 80,
    "graduates": 380,
    "placed_graduates": 362,
    "in_province_placement_rate": 91.5,
    "related_employment_rate": 78,
    "funding_per_student": 16800,
    "fitness_pass_rate": 93.2,
    "certificate_candidates": 300,
    "certificate_passed": 255,
}
SECOND_DUAL = [("信息技术类", 30, 14), ("加工制造类", 28, 12)]
SECOND_TITLES = [("senior", 12), ("middle", 40), ("junior", 28)]


def load_regions() -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for code, name, level, parent in REGIONS:
        regions[code], _ = Region.objects.update_or_create(
            code=code, defaults={"name": name, "level": level, "parent": regions.get(parent)}
        )
    return regions


@transaction.atomic
def load(school: School, year: ReportYear) -> None:
    regions = load_regions()
    School.objects.filter(pk=school.pk).update(region=regions[SCHOOL_REGION])
    for username, region_code, last, first, admin in BUREAU:
        # Like every demo account: a real account holding the name is left alone.
        username = login_name(username)
        if username is None:
            continue
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={
                "created_by_demo": True,
                "region": regions[region_code],
                "role": User.Role.BUREAU,
                "is_bureau_admin": admin,
                "school": None,
                "department": None,
                "last_name": last,
                "first_name": first,
                "is_active": True,
                "is_superuser": False,
            },
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
    _second_school(regions["qingcheng"], year.year)


def _second_school(region: Region, year_number: int) -> None:
    school, _ = School.objects.update_or_create(
        slug=SECOND_SCHOOL["slug"],
        defaults={**SECOND_SCHOOL, "kind": School.Kind.SECONDARY, "region": region},
    )
    year, _ = ReportYear.objects.get_or_create(school=school, year=year_number)
    if not year.is_open:
        return
    write_figures_unchecked(
        year=year, values={k: Decimal(str(v)) for k, v in SECOND_FIGURES.items()}
    )
    DualTeacherRow.objects.filter(year=year).delete()
    DualTeacherRow.objects.bulk_create(
        DualTeacherRow(
            year=year, position=i, major_category=c, specialty_teachers=s, dual_teachers=d
        )
        for i, (c, s, d) in enumerate(SECOND_DUAL, start=1)
    )
    TeacherTitleRow.objects.filter(year=year).delete()
    TeacherTitleRow.objects.bulk_create(
        TeacherTitleRow(year=year, position=i, level=level, count=n)
        for i, (level, n) in enumerate(SECOND_TITLES, start=1)
    )
