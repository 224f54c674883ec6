"""The sample school of ../shared/seeds (2025 report of 连州市职业技术学校) and its people."""

import datetime
from collections.abc import Callable

from django.db import transaction

from reporting.models import Department, ReportYear, School, User

DEMO_PASSWORD = "demo"
DEMO_PUBLICATION_DATE = datetime.date(2025, 12, 23)
SCHOOL_SLUG = "lianzhou"
DEMO_YEAR = 2025

SCHOOL = {
    "name": "连州市职业技术学校",
    "short_name": "连州职校",
    "kind": School.Kind.SECONDARY,
    "motto": "敬人敬业 至精至诚",
    "pinyin_name": "lian zhou shi zhi ye ji shu xue xiao",
    "address": "连州市城南北紫岩 3 号（民族工业园对面）",
    "phone": "0763-6608038",
    "admissions_phone": "0763-6608038",
    "fax": "0763-6608038",
    # Not printed in the sample; 513400 is the postcode of 连州市.
    "postcode": "513400",
    "website": "https://www.lianzhou.gov.cn",
    "legal_representative": "王少林",
}

# (code, name, head's username, head's family name, given name): the departments the sample
# names as owners or sources of its data.
DEPARTMENTS = [
    ("zhaosheng", "招生就业办", "zhaosheng", "陈", "招就"),
    ("caiwu", "财务科", "caiwu", "李", "财务"),
    ("jiaowu", "教务处", "jiaowu", "黄", "教务"),
    ("xuesheng", "学生处", "xuesheng", "林", "学生"),
    ("tuanwei", "团委", "tuanwei", "吴", "团委"),
    ("gonghui", "工会", "gonghui", "何", "工会"),
    ("dangzongzhi", "党总支", "dangzongzhi", "潘", "党建"),
    ("renshi", "人事科", "renshi", "张", "人事"),
    ("zhiliang", "质量办", "zhiliang", "周", "质量"),
    ("bangongshi", "办公室", "bangongshi", "梁", "办公"),
]

# (username, department code, family name, given name): a 填报员 who fills the department's
# figures and writes its sections; the head checks and submits them.
STAFF = [("zhaosheng_staff", "zhaosheng", "王", "填报")]

EDITOR = ("editor", "潘", "三林")
SCHOOL_ADMIN = ("schooladmin", "刘", "管理")


def _user(username: str, school: School, role: str, last: str, first: str, department=None):
    """Create or refresh a demo account. An account the demo did not create is left alone
    whatever its name; the demo then uses `demo-<name>` instead (see `login_name`)."""
    username = login_name(username)
    if username is None:
        return None
    user, _ = User.objects.update_or_create(
        username=username,
        defaults={
            "created_by_demo": True,
            "school": school,
            "role": role,
            "department": department,
            "last_name": last,
            "first_name": first,
            "is_active": True,
            "is_superuser": False,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


def login_name(username: str) -> str | None:
    """The demo's account name: `username`, or `demo-<username>` when a real account holds
    that name (None if both are taken by real accounts)."""
    for candidate in (username, f"demo-{username}"):
        existing = User.objects.filter(username=candidate).first()
        if existing is None or existing.created_by_demo:
            return candidate
    return None


def foreign_accounts() -> list[str]:
    """Demo usernames taken by accounts the demo did not create (left untouched by `load`)."""
    names = [username for username, _role in demo_logins()]
    return sorted(
        User.objects.filter(username__in=names, created_by_demo=False).values_list(
            "username", flat=True
        )
    )


_school_defaults: list[Callable[[School], None]] = []


def register_school_defaults(assign: Callable[[School], None]) -> None:
    """`assign(school)` gives the demo school its defaults (setup: who fills what)."""
    if assign not in _school_defaults:
        _school_defaults.append(assign)


@transaction.atomic
def load() -> tuple[School, ReportYear]:
    school, _ = School.objects.update_or_create(slug=SCHOOL_SLUG, defaults=SCHOOL)
    for order, (code, name, username, last, first) in enumerate(DEPARTMENTS, start=1):
        department, _ = Department.objects.update_or_create(
            school=school, code=code, defaults={"name": name, "order": order}
        )
        _user(username, school, User.Role.DEPARTMENT_HEAD, last, first, department)
    for username, code, last, first in STAFF:
        department = Department.objects.get(school=school, code=code)
        _user(username, school, User.Role.STAFF, last, first, department)
    _user(EDITOR[0], school, User.Role.EDITOR, EDITOR[1], EDITOR[2])
    _user(SCHOOL_ADMIN[0], school, User.Role.SCHOOL_ADMIN, SCHOOL_ADMIN[1], SCHOOL_ADMIN[2])
    # Who fills what: the template's defaults, whose codes are the demo's own (registered by
    # the setup app, which owns assignments; reporting imports nothing above it).
    for assign in _school_defaults:
        assign(school)
    # Never touches the status: reopening a locked year is the unlock service's job alone.
    year, _ = ReportYear.objects.get_or_create(
        school=school, year=DEMO_YEAR, defaults={"publication_date": DEMO_PUBLICATION_DATE}
    )
    if year.is_open and year.publication_date != DEMO_PUBLICATION_DATE:
        year.publication_date = DEMO_PUBLICATION_DATE
        year.save(update_fields=["publication_date"])
    return school, year


def demo_logins() -> list[tuple[str, str]]:
    """(username, what they are) for the README and `make run`'s banner."""
    rows = [(EDITOR[0], "编委会成员"), (SCHOOL_ADMIN[0], "学校管理员")]
    rows += [(username, f"{name}负责人") for _, name, username, _, _ in DEPARTMENTS]
    names = {code: name for code, name, *_ in DEPARTMENTS}
    rows += [(username, f"{names[code]}填报员") for username, code, _, _ in STAFF]
    return rows


def current_logins() -> list[tuple[str, str]]:
    """`demo_logins` as loaded: a name held by a real account is shown as `demo-<name>`."""
    return [(name, role) for username, role in demo_logins() if (name := login_name(username))]
