"""The people every test talks about.

- 陈招就 (`zhaosheng`): head of 招生就业办
- 王填报 (`zhaosheng_staff`): staff (填报员) of 招生就业办: fills and writes, cannot submit
- 李财务 (`caiwu`): head of 财务科
- 潘三林 (`editor`): editorial committee
- 刘管理 (`schooladmin`): school administrator
- 赵外校 (`outsider`): editorial committee member of another school (清远市职业技术学校)
- 清远市教育局 (`jiaoyuju`): bureau user of 清远市, whose region holds lianzhou and 示例职校
- 孙平台 (`operator`): the platform operator (superuser, no school): national catalog and rules
"""

import pytest

from reporting.demo import organisation
from reporting.models import Department, ReportYear, School, User


@pytest.fixture
def demo(db):
    school, year = organisation.load()
    return school, year


@pytest.fixture
def school(demo) -> School:
    return demo[0]


@pytest.fixture
def year(demo) -> ReportYear:
    return demo[1]


@pytest.fixture
def zhaosheng(demo) -> User:
    return User.objects.get(username="zhaosheng")


@pytest.fixture
def zhaosheng_staff(demo) -> User:
    return User.objects.get(username="zhaosheng_staff")


@pytest.fixture
def caiwu(demo) -> User:
    return User.objects.get(username="caiwu")


@pytest.fixture
def editor(demo) -> User:
    return User.objects.get(username="editor")


@pytest.fixture
def schooladmin(demo) -> User:
    return User.objects.get(username="schooladmin")


@pytest.fixture
def other_school(db) -> School:
    school = School.objects.create(name="清远市职业技术学校", slug="qingyuan", motto="厚德强技")
    Department.objects.create(school=school, name="招生就业办", code="zhaosheng")
    ReportYear.objects.create(school=school, year=2025)
    return school


@pytest.fixture
def outsider(other_school) -> User:
    return User.objects.create_user(
        username="outsider",
        password="demo",
        school=other_school,
        role=User.Role.EDITOR,
        last_name="赵",
        first_name="外校",
    )


@pytest.fixture
def bureau(demo) -> User:
    from regions import demo as region_demo

    region_demo.load(*demo)
    return User.objects.get(username="jiaoyuju")


@pytest.fixture
def people(
    zhaosheng, zhaosheng_staff, caiwu, editor, schooladmin, outsider, bureau
) -> dict[str, User | None]:
    """Every role of the permission matrix, plus the anonymous visitor."""
    return {
        "anonymous": None,
        "zhaosheng": zhaosheng,
        "zhaosheng_staff": zhaosheng_staff,
        "caiwu": caiwu,
        "editor": editor,
        "schooladmin": schooladmin,
        "outsider": outsider,
        "bureau": bureau,
    }


@pytest.fixture
def operator(db) -> User:
    return User.objects.create_superuser(
        username="operator", password="demo", last_name="孙", first_name="平台"
    )
