"""One matrix: every URL × method × role → the status the user gets (issue 10, finding 11).

One parametrized test per (URL, method, role), so one wrong cell never hides another:
302 = to the login page (anonymous), 404 = another school's object, 403 = the wrong role or
department, 405 = the wrong method, 200/302 = allowed. A refused POST must leave every table
as it was (a fingerprint of every row, pghistory's events included).

The URL conf is walked: a URL pattern without a row here fails `test_every_url_has_a_row`.
Adding a page is one line in ROWS: its URL (filled from the world below) and who gets what for
GET and for POST, written with the access kinds (`page`, `admin_page`, …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.urls import get_resolver, resolve

from tests.test_no_server_errors import _walk

# The people. "head" heads 招生就业办, the department that owns the pages and objects below,
# "staff" (王填报) is its 填报员 (fills and writes, does not submit); "other_head" heads 财务科.
# The x_ roles are the same people of another school; "operator" is the platform's superuser.
ROLES = ("anonymous", "staff", "head", "other_head", "committee", "admin",
         "x_staff", "x_head", "x_committee", "x_admin", "operator", "bureau",
         "bureau_admin")  # fmt: skip
MEMBERS = {"staff", "head", "other_head", "committee", "admin", "operator"}
OWNERS = {"staff", "head", "committee", "operator"}  # may write for 招生就业办
COMMITTEE = {"committee", "operator"}
# "bureau" (清远市教育局) belongs to no school: a school's pages are 404 to it (it reads the
# schools through the region pages), and every POST of it is 403 (one middleware), except:
OTHER_SCHOOL = {"x_staff", "x_head", "x_committee", "x_admin", "bureau", "bureau_admin"}
BUREAU_MAY_POST = {"/logout/", "/i18n/setlang/", "/account/password/"}
# "bureau_admin" (清远市教育局管理员) is a bureau user everywhere, and may also create the
# region's schools (setup/bureau): the only other POSTs let through (`bureau_admin_page`).
BUREAU_ADMIN = "/setup/bureau/{region}/schools/"
OUTSIDE_REGION = "/setup/bureau/guangdong/schools/"
BUREAU_ADMIN_MAY_POST = {BUREAU_ADMIN, BUREAU_ADMIN + "upload/", BUREAU_ADMIN + "confirm/",
                         OUTSIDE_REGION} | BUREAU_MAY_POST  # fmt: skip


@dataclass(frozen=True)
class Access:
    """The status of each role, and who of them is let through (a refused POST changes nothing)."""

    statuses: dict[str, int]
    allowed: frozenset[str]

    def __getitem__(self, role: str) -> int:
        return self.statuses[role]


def page(allowed: set[str], ok: int = 200, refused: int = 403) -> Access:
    """A page of the school: `allowed` get `ok`, the school's other roles `refused`, another
    school's people 404, the anonymous visitor the login page."""
    out = {"anonymous": 302}
    for role in ROLES[1:]:
        if role in allowed:
            out[role] = ok
        elif role in OTHER_SCHOOL:
            out[role] = 404
        else:
            out[role] = refused
    return Access(out, frozenset(allowed))


def everyone(status: int, anonymous: int = 302, *, allowed: bool = True) -> Access:
    out = {role: (anonymous if role == "anonymous" else status) for role in ROLES}
    return Access(out, frozenset(ROLES[1:] if allowed else ()))


def admin_page(ok: int = 200, x_admin: int | None = None, admin: int | None = None) -> Access:
    """学校管理: school administrators and the operator; every other role 403. Another
    school's administrator does not find this school's objects (the admin's 302 to its index)."""
    out = {role: 403 for role in ROLES}
    out.update(anonymous=302, operator=ok, admin=ok if admin is None else admin)
    out["x_admin"] = ok if x_admin is None else x_admin
    return Access(out, frozenset(role for role in ("admin", "x_admin", "operator")
                                 if out[role] == ok and ok < 400))  # fmt: skip


def platform_page(ok: int = 200, school_admins: int = 302) -> Access:
    """The national catalog: the operator only; school administrators do not find it."""
    return admin_page(ok, x_admin=school_admins, admin=school_admins)


NOT_ALLOWED = everyone(405, allowed=False)  # a POST-only view asked with GET (or the reverse)


def region_page(bureau: int = 200) -> Access:
    """The bureau's pages (regions): its region and below, and the operator; every
    school's people 404."""
    out = {role: 404 for role in ROLES}
    out.update(anonymous=302, operator=200, bureau=bureau, bureau_admin=bureau)
    return Access(
        out, frozenset(r for r in ("bureau", "bureau_admin", "operator") if out[r] == 200)
    )


def bureau_admin_page(ok: int = 200) -> Access:
    """Creating the region's schools: its bureau administrator and the operator; the plain
    bureau user 403; every school's people 404."""
    out = {role: 404 for role in ROLES}
    out.update(anonymous=302, operator=ok, bureau_admin=ok, bureau=403)
    return Access(out, frozenset(("bureau_admin", "operator")))


@dataclass(frozen=True)
class Row:
    url: str  # a format string, filled from World.values
    get: Access
    post: Access


Y = "/{school}/{year}/"
FIG = "/figures" + Y
REP = "/report" + Y
SEC = REP + "sections/{section}/"
EXP = "/exports" + Y
JOB = EXP + "jobs/{job}/"
PUB = "/publication" + Y
REV = "/review" + Y
ITEM = REV + "items/figures/zhaosheng/"
SET = "/setup/{school}/"
ADMINS = {"admin", "operator"}
ROWS = [
    Row("/", everyone(200), everyone(200)),
    Row("/login/", everyone(302, anonymous=200), everyone(302, anonymous=200)),
    Row("/logout/", everyone(405, allowed=False), everyone(302, anonymous=302)),
    Row("/i18n/setlang/", everyone(302, anonymous=302), everyone(302, anonymous=302)),
    # Yearly figures (metrics)
    Row(FIG, page(MEMBERS), page(MEMBERS)),
    Row(FIG + "findings/", page(MEMBERS), page(MEMBERS)),
    Row(FIG + "findings/explain/", NOT_ALLOWED, page(MEMBERS, 302)),
    Row(FIG + "d/zhaosheng/", page(OWNERS), page(OWNERS)),
    Row(FIG + "d/zhaosheng/data/progression/", page(OWNERS), page(OWNERS)),
    Row(FIG + "d/zhaosheng/reported/", page(OWNERS), page(OWNERS)),
    Row(FIG + "d/zhaosheng/reported/{reported}/delete/", NOT_ALLOWED, page(OWNERS, 302)),
    # Department workbooks (Excel download, upload → preview → apply) and the appendix import:
    # an upload only previews (200); apply without a valid signed plan goes back (302).
    Row(FIG + "workbook/", page(MEMBERS), page(MEMBERS)),
    Row(FIG + "workbook/all.xlsx", page(COMMITTEE), NOT_ALLOWED),
    Row(FIG + "workbook/apply/", NOT_ALLOWED, page(MEMBERS, 302)),
    Row(FIG + "appendix-import/", page(COMMITTEE), page(COMMITTEE)),
    Row(FIG + "d/zhaosheng/workbook.xlsx", page(OWNERS), NOT_ALLOWED),
    # Report text (narrative)
    Row(REP, page(MEMBERS), page(MEMBERS)),
    Row(REP + "preview/", page(MEMBERS), page(MEMBERS)),
    Row(REP + "front-matter/", page(COMMITTEE), page(COMMITTEE)),
    Row(REP + "restart-outline/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(SEC, page(OWNERS), page(OWNERS)),
    Row(SEC + "preview/", page(MEMBERS), page(MEMBERS)),
    Row(SEC + "versions/", page(OWNERS), page(OWNERS)),
    Row(SEC + "add/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(SEC + "settings/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(SEC + "move/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(SEC + "reparent/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(SEC + "remove/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(SEC + "blocks/new/photo/", page(OWNERS), page(OWNERS)),
    Row(SEC + "blocks/new/chart/", page(OWNERS), page(OWNERS)),
    Row(SEC + "blocks/{block}/", page(OWNERS), page(OWNERS)),
    Row(SEC + "blocks/{block}/move/", NOT_ALLOWED, page(OWNERS, 302)),
    Row(SEC + "blocks/{block}/delete/", NOT_ALLOWED, page(OWNERS, 302)),
    Row(REP + "create-outline/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(REP + "next-year/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row("/media/photos/{school}/{year}/{photo}", page(MEMBERS), NOT_ALLOWED),
    # Review (review): the committee's 工作台; items, their history and the activity
    # log are readable by every member; the head submits, the committee approves or returns.
    Row(REV, page(COMMITTEE), page(COMMITTEE)),
    Row(REV + "items/", page(MEMBERS), page(MEMBERS)),
    Row(REV + "approve/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(REV + "activity/", page(MEMBERS), page(MEMBERS)),
    Row(REV + "history/explanations/", page(MEMBERS), page(MEMBERS)),
    Row(REV + "history/reported/zhaosheng/", page(OWNERS), page(OWNERS)),
    Row(ITEM, page(MEMBERS), page(MEMBERS)),
    Row(ITEM + "history/", page(MEMBERS), page(MEMBERS)),
    Row(ITEM + "submit/", NOT_ALLOWED, page({"head"}, 302)),
    Row(ITEM + "approve/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(ITEM + "return/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(ITEM + "comment/", NOT_ALLOWED, page(OWNERS, 302)),
    # 学校设置 (setup): the school administrator's pages; a new school: the operator.
    Row(
        "/setup/schools/new/",
        admin_page(admin=403, x_admin=403),
        admin_page(admin=403, x_admin=403),
    ),
    Row(SET, page(ADMINS), page(ADMINS)),
    Row(SET + "school/", page(ADMINS), page(ADMINS)),
    Row(SET + "year/", page(ADMINS), page(ADMINS)),
    Row(SET + "assignments/", page(ADMINS), page(ADMINS)),
    Row(SET + "departments/", page(ADMINS), page(ADMINS)),
    Row(SET + "departments/{admin_department}/", page(ADMINS), page(ADMINS)),
    Row(SET + "departments/{admin_department}/merge/", NOT_ALLOWED, page(ADMINS, 302)),
    Row(SET + "departments/{admin_department}/remove/", NOT_ALLOWED, page(ADMINS, 302)),
    Row(SET + "people/", page(ADMINS), page(ADMINS)),
    Row(SET + "people/import/", NOT_ALLOWED, page(ADMINS)),
    Row(SET + "people/{admin_user}/link/", NOT_ALLOWED, page(ADMINS)),
    Row("/account/password/", everyone(200), everyone(200)),
    Row("/welcome/MQ/set-password/", everyone(200, anonymous=200), everyone(200, anonymous=200)),
    # 锁定与发布: every member reads and downloads the editions; the committee locks/unlocks
    # (the demo's unexplained errors refuse the lock with a message); the operator does not.
    Row(PUB, page(MEMBERS), page(MEMBERS)),
    Row(PUB + "lock/", NOT_ALLOWED, page({"committee"}, 302)),
    Row(PUB + "unlock/", NOT_ALLOWED, page({"committee"}, 302)),
    Row(PUB + "editions/{edition}/pdf/", page(MEMBERS), page(MEMBERS)),
    # Exports
    Row(EXP, page(COMMITTEE), page(COMMITTEE)),
    Row(EXP + "start/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row(JOB, page(COMMITTEE), page(COMMITTEE)),
    Row(JOB + "status/", page(COMMITTEE), page(COMMITTEE)),
    Row(JOB + "download/", page(COMMITTEE), page(COMMITTEE)),
    # 学校管理: the site's own pages; each model's pages come from ADMIN_MODELS below.
    Row("/admin/", admin_page(), admin_page()),
    Row("/admin/reporting/", admin_page(), admin_page()),
    Row("/admin/login/", admin_page(302), admin_page(200)),
    Row("/admin/logout/", admin_page(405), admin_page(302)),
    Row("/admin/password_change/", admin_page(), admin_page()),
    Row("/admin/password_change/done/", admin_page(), admin_page(405)),
    Row("/admin/jsi18n/", admin_page(), admin_page(405)),
    Row("/admin/autocomplete/", admin_page(403), admin_page(405)),
    Row("/admin/r/{content_type}/{admin_user}/", admin_page(404), admin_page(404)),
    Row("/admin/nope/", admin_page(404), admin_page(404)),
    # Regions (regions): read-only pages, GET only.
    Row("/region/{region}/", region_page(), NOT_ALLOWED),
    Row("/region/{region}/{year}/", region_page(), NOT_ALLOWED),
    Row("/region/{region}/{year}/compare/", region_page(), NOT_ALLOWED),
    Row("/region/{region}/{year}/compare.xlsx", region_page(), NOT_ALLOWED),
    Row("/region/guangdong/{year}/", region_page(bureau=404), NOT_ALLOWED),
    # 创建学校 (setup/bureau): an empty POST shows the form's errors (200); upload without a
    # file shows the page again; confirm or the accounts without a pending list go back (302).
    Row(BUREAU_ADMIN, bureau_admin_page(), bureau_admin_page()),
    Row(BUREAU_ADMIN + "template.xlsx", bureau_admin_page(), NOT_ALLOWED),
    Row(BUREAU_ADMIN + "upload/", NOT_ALLOWED, bureau_admin_page()),
    Row(BUREAU_ADMIN + "confirm/", NOT_ALLOWED, bureau_admin_page(302)),
    Row(BUREAU_ADMIN + "created/", bureau_admin_page(), NOT_ALLOWED),
    Row(BUREAU_ADMIN + "accounts.xlsx", bureau_admin_page(302), NOT_ALLOWED),
    Row(OUTSIDE_REGION, region_page(bureau=404), region_page(bureau=404)),
]


# --- The bureau's own report (districtreport) and the committee's new chapters (narrative) ---
# The region report's pages belong to its own people (qingyuan_editor …), none of the roles
# here: 404 for every one of them, the operator allowed (tests/districtreport has the rest).
def district_page(ok: int) -> Access:
    out = {role: 404 for role in ROLES}
    out.update(anonymous=302, operator=ok)
    return Access(out, frozenset({"operator"}))


ROWS += [
    Row(REP + "chapters/add/", NOT_ALLOWED, page(COMMITTEE, 302)),
    Row("/district/{district}/{year}/", district_page(200), NOT_ALLOWED),
    Row("/district/{district}/{year}/aggregate/", NOT_ALLOWED, district_page(302)),
]
# --- end of districtreport ---

# Per registered model: the object its change/delete/history pages open (a key of
# World.values), and who may change it (`admin_page()`: this school's administrator).
ADMIN_MODELS = {
    "reporting.school": ("admin_school", admin_page(x_admin=302)),
    "reporting.department": ("admin_department", admin_page(x_admin=302)),
    "reporting.reportyear": ("admin_reportyear", admin_page(x_admin=302)),
    "reporting.user": ("admin_user", admin_page(x_admin=302)),
    "metrics.indicator": ("admin_indicator", admin_page(x_admin=302)),
    "metrics.rule": ("admin_rule", admin_page(x_admin=302)),
    "metrics.findingexplanation": ("admin_findingexplanation", admin_page(x_admin=302)),
    "metrics.reportedvalue": ("admin_reportedvalue", admin_page(x_admin=302)),
    "metrics.appendixtable": ("admin_appendixtable", platform_page(school_admins=403)),
    "metrics.prosephrase": ("admin_prosephrase", platform_page(school_admins=403)),
    "reporting.region": ("admin_region", platform_page(school_admins=403)),
}
# A national row of the catalog: the operator's, not found by a school administrator.
NATIONAL = {"metrics.indicator": "national_indicator", "metrics.rule": "national_rule"}
# Pages of a model that differ from its object's access: (model, page) → GET, POST.
OPERATOR_ONLY = admin_page(admin=403, x_admin=403)
ADMIN_EXCEPTIONS = {
    ("reporting.school", "add"): (OPERATOR_ONLY, OPERATOR_ONLY),
    ("reporting.school", "delete"): (OPERATOR_ONLY, OPERATOR_ONLY),
    ("metrics.indicator", "delete"): (OPERATOR_ONLY, OPERATOR_ONLY),
    # Entered on the figures pages, never added in 学校管理.
    ("metrics.findingexplanation", "add"): (admin_page(403), admin_page(403)),
    ("metrics.reportedvalue", "add"): (admin_page(403), admin_page(403)),
}


def _admin_rows() -> list[Row]:
    rows = []
    for label, (key, access) in ADMIN_MODELS.items():
        base = "/admin/" + label.replace(".", "/") + "/"
        app = label.split(".")[0]
        listing = Access(
            {**access.statuses, "x_admin": access["admin"]},
            access.allowed | ({"x_admin"} if "admin" in access.allowed else set()),
        )
        pages = {"changelist": (base, listing), "add": (base + "add/", listing)}
        for name in ("change", "delete", "history"):
            pages[name] = (base + "{" + key + "}/" + name + "/", access)
        if label in NATIONAL:
            national = platform_page()
            pages["national"] = (base + "{" + NATIONAL[label] + "}/change/", national)
        for name, (url, expected) in pages.items():
            get, post = ADMIN_EXCEPTIONS.get((label, name), (expected, expected))
            rows.append(Row(url, get, post))
        rows.append(Row(f"/admin/{app}/", admin_page(), admin_page()))
    return rows


ROWS += _admin_rows()


# --- Local catalog (metrics.local_catalog, issue 13 item 4) ---------------------------------
# A school's page: its administrator and the operator. A region's: its bureau users read, its
# bureau administrator (`jiaoyuju_admin`, test below) and the operator write.
CAT, RCAT = "/catalog/school/{school}/", "/catalog/region/{region}/"


def region_write(ok: int = 200) -> Access:
    """A region's own catalog rows: its bureau administrator and the operator write; the plain
    bureau user 403; every school's people 404."""
    out = {role: 404 for role in ROLES}
    out.update(anonymous=302, operator=ok, bureau_admin=ok, bureau=403)
    return Access(out, frozenset(r for r in ("bureau_admin", "operator") if out[r] < 400))


def above_region() -> Access:
    """A region above the bureau's own (广东省): found by the operator only."""
    out = {role: 404 for role in ROLES}
    out.update(anonymous=302, operator=200)
    return Access(out, frozenset({"operator"}))


ABOVE = "/catalog/region/guangdong/indicator/new/"
ROWS += [
    Row(CAT, page(ADMINS), NOT_ALLOWED),
    Row(CAT + "indicator/new/", page(ADMINS), page(ADMINS)),
    Row(CAT + "indicator/{admin_indicator}/", page(ADMINS), page(ADMINS)),
    Row(CAT + "rule/{admin_rule}/state/", NOT_ALLOWED, page(ADMINS, ok=302)),
    Row(RCAT, region_page(), NOT_ALLOWED),
    Row(RCAT + "indicator/new/", region_write(), region_write()),
    Row(RCAT + "rule/new/", region_write(), region_write()),
    Row(RCAT + "indicator/{region_indicator}/", region_write(), region_write()),
    Row(RCAT + "indicator/{region_indicator}/state/", NOT_ALLOWED, region_write(302)),
    Row(ABOVE, above_region(), above_region()),
]
# The region catalog's writes are the bureau administrator's too (`bureau_admin_writes`); a
# school's catalog and a region above its own answer it 404 on POST as on GET.
BUREAU_ADMIN_MAY_POST |= {RCAT + "indicator/new/", RCAT + "rule/new/",
                          RCAT + "indicator/{region_indicator}/",
                          RCAT + "indicator/{region_indicator}/state/",
                          CAT + "indicator/new/", CAT + "indicator/{admin_indicator}/",
                          CAT + "rule/{admin_rule}/state/", ABOVE}  # fmt: skip


CASES = [
    pytest.param(row, method, role, id=f"{method} {row.url} {role}")
    for row in dict((r.url, r) for r in ROWS).values()
    for method in ("GET", "POST")
    for role in ROLES
]


# --- the world: the demo school and another school, built once for the module ---------------


@dataclass
class World:
    people: dict[str, object]
    values: dict[str, object]


def _people(school, other_school) -> dict[str, object]:
    from reporting.models import User

    def person(username, school, role, department=None, **extra):
        return User.objects.create_user(username=username, password="demo", school=school,
                                        role=role, department=department, **extra)  # fmt: skip

    x_department = other_school.departments.get(code="zhaosheng")
    return {
        "anonymous": None,
        "staff": User.objects.get(username="zhaosheng_staff"),
        "head": User.objects.get(username="zhaosheng"),
        "other_head": User.objects.get(username="caiwu"),
        "committee": User.objects.get(username="editor"),
        "admin": User.objects.get(username="schooladmin"),
        "x_staff": person("x_staff", other_school, User.Role.STAFF, x_department),
        "x_head": person("x_head", other_school, User.Role.DEPARTMENT_HEAD, x_department),
        "x_committee": person("x_committee", other_school, User.Role.EDITOR),
        "x_admin": person("x_admin", other_school, User.Role.SCHOOL_ADMIN),
        "operator": User.objects.create_superuser(username="x_operator", password="demo"),
        "bureau": User.objects.get(username="jiaoyuju"),
        "bureau_admin": User.objects.get(username="jiaoyuju_admin"),
    }


def _build_world() -> World:
    from django.contrib.contenttypes.models import ContentType

    from exports.models import ExportJob
    from metrics import demo as metrics_demo
    from metrics.derived import owned_by
    from metrics.models import (
        AppendixTable,
        FindingExplanation,
        Indicator,
        ProsePhrase,
        ReportedValue,
        Rule,  # fmt: skip
    )
    from metrics.yeardata import YearData
    from narrative import demo as narrative_demo
    from narrative.models import Block
    from regions import demo as region_demo
    from reporting.demo import organisation
    from reporting.models import Department, Region, ReportYear, School, User

    school, year = organisation.load()
    metrics_demo.load(school, year)
    narrative_demo.load(school, year)
    region_demo.load(school, year)
    other = School.objects.create(name="清远市职业技术学校", slug="qingyuan")
    Department.objects.create(school=other, name="招生就业办", code="zhaosheng")
    ReportYear.objects.create(school=other, year=2025)
    people = _people(school, other)

    block = Block.objects.filter(section__year=year, section__key="s1-4-3", kind="photo").first()
    job = ExportJob.objects.create(year=year, format="pdf")
    job.status, job.progress, job.filename = ExportJob.Status.DONE, 100, "报告.pdf"
    job.file.save("report.pdf", ContentFile(b"%PDF-1.7"), save=True)
    edition = _past_edition(year, people["committee"])
    quantities = owned_by(YearData(year), "zhaosheng")
    reported = ReportedValue.objects.filter(year=year, quantity__in=list(quantities)).first()
    explanation = FindingExplanation.objects.create(year=year, rule_code="x", text="说明")
    national = Indicator.objects.filter(school__isnull=True).order_by("pk").first()
    own_indicator = Indicator.objects.create(code="own_labs", label="校内实训室", kind="count",
                                             department_code="jiaowu", school=school)  # fmt: skip
    national_rule = Rule.objects.filter(school__isnull=True).order_by("pk").first()
    own_rule = Rule.objects.create(code="own-rule", kind="same_quantity_agrees",
                                   severity="warning", message="{a}", school=school)  # fmt: skip
    region_indicator = Indicator.objects.create(  # the local catalog's rows (issue 13)
        code="city_labs", label="全市实训基地", kind="count", department_code="jiaowu",
        region=Region.objects.get(code="qingyuan-city"))  # fmt: skip
    values = {
        "region_indicator": region_indicator.pk,
        "school": "lianzhou", "year": 2025, "section": "s1-4-3", "block": block.pk,
        "photo": block.photo.print_copy.name.rsplit("/", 1)[-1], "job": job.pk,
        "reported": reported.pk, "content_type": ContentType.objects.get_for_model(User).pk,
        "admin_user": people["head"].pk, "admin_school": school.pk,
        "admin_department": Department.objects.get(school=school, code="caiwu").pk,
        "admin_reportyear": year.pk, "admin_indicator": own_indicator.pk,
        "admin_rule": own_rule.pk, "admin_findingexplanation": explanation.pk,
        "admin_reportedvalue": reported.pk,
        "admin_appendixtable": AppendixTable.objects.order_by("pk").first().pk,
        "admin_prosephrase": ProsePhrase.objects.order_by("pk").first().pk,
        "national_indicator": national.pk, "national_rule": national_rule.pk,
        "edition": edition.number, "region": "qingyuan-city",
        "admin_region": Region.objects.get(code="qingyuan-city").pk,
    }  # fmt: skip
    from districtreport import demo as district_demo  # the bureau's own report

    district_demo.load(school, year)
    values["district"] = "qingyuan-report"
    return World(people, values)


def _past_edition(year, user):
    """An edition locked and unlocked again (the year stays open), with one small PDF."""
    import uuid

    from django.utils import timezone

    from publication import storage
    from publication.models import Edition, EditionFile

    now = timezone.now()
    edition = Edition.objects.create(
        year=year, number=1, locked_by=user, locked_at=now, unlocked_by=user, unlocked_at=now,
        unlock_reason="改错",
    )  # fmt: skip
    path, content = f"matrix/{uuid.uuid4().hex}.pdf", b"%PDF-1.7"
    storage.write_once(path, content)
    EditionFile.objects.create(edition=edition, format="pdf", filename="报告.pdf", path=path,
                               mimetype="application/pdf", sha256=storage.sha256_of(content),
                               size=len(content))  # fmt: skip
    return edition


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once in a transaction that is rolled back after the module; each test runs in
    its own savepoint inside it (pytest-django's `db`), so every test starts from this world."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


# Tables that change on any request (sessions, login throttling) are not "rows" of the product.
VOLATILE = ("django_session", "axes_")


def fingerprint() -> dict[str, str]:
    """A digest of every row of every table (history events included)."""
    tables = [t for t in connection.introspection.table_names() if not t.startswith(VOLATILE)]
    parts = ", ".join(
        f"(SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) "
        f'FROM "{table}" t)'
        for table in tables
    )
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {parts}")
        return dict(zip(tables, cursor.fetchone(), strict=True))


@pytest.mark.parametrize(("row", "method", "role"), CASES)
def test_permission_matrix(client, world, db, row, method, role):
    expected = (row.get if method == "GET" else row.post)[role]
    if role == "bureau" and method == "POST" and row.url not in BUREAU_MAY_POST:
        expected = 403  # regions/middleware.py: a bureau user never writes
    if role == "bureau_admin" and method == "POST" and row.url not in BUREAU_ADMIN_MAY_POST:
        expected = 403  # … nor does its administrator, except creating the region's schools
    url = row.url.format(**world.values)
    if world.people[role] is not None:
        client.force_login(world.people[role])
    refused = method == "POST" and role not in row.post.allowed
    before = fingerprint() if refused else None
    response = client.get(url) if method == "GET" else client.post(url)
    assert response.status_code == expected, f"{role} {method} {url}: {response.status_code}"
    if role == "anonymous" and expected == 302 and url not in ("/i18n/setlang/", "/logout/"):
        assert "login/" in response.url
    if refused:
        assert fingerprint() == before, f"{role} POST {url} was refused but changed rows"


def test_every_url_has_a_row(world, db):
    covered = set()
    for row in ROWS:
        covered.add(resolve(row.url.format(**world.values)).route.replace("^", ""))
    routes = {pattern.route.replace("^", "") for pattern in _walk(get_resolver())}
    missing = sorted(r for r in routes if r not in covered and not _is_admin_model_route(r))
    assert missing == [], f"URL patterns without a row in the permission matrix: {missing}"


def _is_admin_model_route(route: str) -> bool:
    """A registered model's admin pages are covered by its ADMIN_MODELS entry (all of them,
    the old-style `<object_id>/` redirect included)."""
    model = re.match(r"admin/(\w+)/(\w+)/", route)
    return bool(model) and ".".join(model.groups()) in ADMIN_MODELS


def test_fingerprint_sees_any_change(world, db):
    from reporting.models import Department

    before = fingerprint()
    Department.objects.filter(code="caiwu").update(order=99)
    assert fingerprint() != before


def test_every_admin_model_has_a_row():
    from reporting.admin_site import admin_site

    registered = {f"{m._meta.app_label}.{m._meta.model_name}" for m in admin_site._registry}
    assert registered == set(ADMIN_MODELS)
