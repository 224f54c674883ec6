"""The demo region's own report: 清远市's 2025 中职地市级年报, its committee `qingyuan_editor` and
the head of 职成科 `qingyuan_zhicheng` (password `demo`). Idempotent; summed from the schools'
locked years when the demo has any (`load_demo --published`)."""

from django.db import transaction

from districtreport.services import aggregate, create_region_report
from narrative.models import Section
from reporting.demo.organisation import DEMO_PASSWORD
from reporting.models import Department, Region, ReportYear, School, User

REGION = "qingyuan-city"
SLUG = "qingyuan-report"
NAME = "清远市"
# (username, family name, given name, role, department code)
PEOPLE = [
    ("qingyuan_editor", "清远市", "年报编委会", User.Role.EDITOR, None),
    ("qingyuan_zhicheng", "清远市", "职成科", User.Role.DEPARTMENT_HEAD, "zhicheng"),
]


@transaction.atomic
def load(school: School, year: ReportYear) -> None:
    region = Region.objects.get(code=REGION)
    body = School.objects.filter(reports_for_region=region).first()
    if body is None:
        body = create_region_report(region=region, slug=SLUG, name=NAME)
    report_year, _created = ReportYear.objects.get_or_create(school=body, year=year.year)
    for username, last, first, role, department in PEOPLE:
        user = User.objects.filter(username=username).first()
        if user is not None and not user.created_by_demo:
            continue  # never touch an account the demo did not create
        user = user or User(username=username, created_by_demo=True)
        user.school, user.role, user.region = body, role, None
        if department:
            user.department = Department.objects.get(school=body, code=department)
        else:
            user.department = None
        user.last_name, user.first_name, user.is_active = last, first, True
        user.set_password(DEMO_PASSWORD)
        user.save()
    if not report_year.is_open:
        return
    zhicheng = Department.objects.get(school=body, code="zhicheng")
    Section.objects.filter(year=report_year, kind=Section.Kind.CHAPTER, department=None).update(
        department=zhicheng
    )
    aggregate(year=report_year, user=None)
