"""create_school: a real school starts in one step, with its own departments and assignments."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from metrics.assignments import WhoFills
from metrics.datasets import DATASETS
from narrative.models import Section
from reporting.models import School, User


def test_create_school_prints_a_link_and_builds_everything(db):
    out = StringIO()
    call_command(
        "create_school", "--slug", "qingyuan", "--name", "清远示范职业学校", "--kind", "zhongzhi",
        "--admin-username", "qyadmin", "--year", "2025", stdout=out,
    )  # fmt: skip
    school = School.objects.get(slug="qingyuan")
    assert "人事科" in out.getvalue() and "/welcome/" in out.getvalue()
    names = list(school.departments.values_list("name", flat=True))
    assert {
        "招生就业办",
        "财务科",
        "教务处",
        "人事科",
        "学生处",
        "团委",
        "办公室",
        "质量办",
    } <= set(names)
    who = WhoFills(school)
    assert who.group("zhaosheng").name == "招生就业办"
    assert all(who.dataset(key) is not None for key in DATASETS)
    year = school.years.get()
    assert year.year == 2025
    assert Section.objects.get(year=year, key="ch2").department.name == "招生就业办"
    admin = User.objects.get(username="qyadmin")
    assert admin.is_school_admin and admin.school == school and not admin.has_usable_password()


def test_create_school_refuses_a_taken_slug_and_creates_nothing(qingyuan):
    with pytest.raises(CommandError, match="标识“qingyuan”已被其他学校使用"):
        call_command(
            "create_school", "--slug", "qingyuan", "--name", "另一所学校", "--kind", "gaozhi",
            "--admin-username", "other", stdout=StringIO(),
        )  # fmt: skip
    assert not User.objects.filter(username="other").exists()


def test_higher_vocational_school_gets_its_own_template(db):
    call_command(
        "create_school", "--slug", "gz", "--name", "某职业技术学院", "--kind", "gaozhi",
        "--admin-username", "gzadmin", stdout=StringIO(),
    )  # fmt: skip
    school = School.objects.get(slug="gz")
    assert WhoFills(school).group("renshi").name == "人事处"


def test_operator_creates_a_school_in_the_web_page(client, django_user_model):
    operator = django_user_model.objects.create_superuser("operator", password="x-Long-pass-1")
    client.force_login(operator)
    assert "第一步：新建学校" in client.get("/").content.decode()
    response = client.post(
        "/setup/schools/new/",
        {
            "name": "清远示范职业学校",
            "slug": "qingyuan",
            "kind": "zhongzhi",
            "admin_username": "qyadmin",
        },
    )
    page = response.content.decode()
    assert "已创建“清远示范职业学校”" in page and "/welcome/" in page
    assert School.objects.get(slug="qingyuan").departments.count() == 10
