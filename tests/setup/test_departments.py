"""Departments change hands without losing a value or its history."""

from decimal import Decimal

import pytest
from pghistory.models import Events

from metrics.models import Figure, Indicator
from metrics.services import set_figures
from narrative.models import Section
from reporting.models import Department
from setup import services


@pytest.fixture
def graduates(year, zhaosheng):
    set_figures(year=year, user=zhaosheng, values={"graduates": Decimal(560)})
    set_figures(year=year, user=zhaosheng, values={"graduates": Decimal(561)})
    return Figure.objects.get(year=year, indicator__code="graduates")


def history(figure) -> list:
    return list(Events.objects.tracks(figure).values_list("pgh_label", "pgh_data__value"))


def test_merging_moves_people_work_and_sections_and_keeps_values(client, school, year, graduates):
    before = history(graduates)
    source = Department.objects.get(school=school, code="zhaosheng")
    target = Department.objects.get(school=school, code="bangongshi")
    Section.objects.filter(year=year, key="ch2").update(department=source)
    services.merge_departments(source=source, target=target)
    assert not Department.objects.filter(pk=source.pk).exists()
    assert Section.objects.get(year=year, key="ch2").department == target
    assert target.members.filter(username="zhaosheng").exists()
    graduates.refresh_from_db()
    assert graduates.value == 561 and history(graduates) == before
    client.force_login(target.members.get(username="zhaosheng"))
    page = client.get("/figures/lianzhou/2025/d/bangongshi/").content.decode()
    assert "毕业生人数" in page and 'value="561"' in page


def test_reassigning_a_group_moves_the_form_not_the_values(client, school, year, graduates):
    before = history(graduates)
    jiaowu = Department.objects.get(school=school, code="jiaowu")
    services.assign(school=school, kind="indicators", key="zhaosheng", department=jiaowu)
    graduates.refresh_from_db()
    assert graduates.value == 561 and history(graduates) == before
    client.force_login(jiaowu.members.get())
    assert 'value="561"' in client.get("/figures/lianzhou/2025/d/jiaowu/").content.decode()
    client.force_login(school.users.get(username="zhaosheng"))
    assert "毕业生人数" not in client.get("/figures/lianzhou/2025/d/zhaosheng/").content.decode()


def test_a_small_school_gives_two_groups_to_one_department(school, year):
    jiaowu = Department.objects.get(school=school, code="jiaowu")
    services.assign(school=school, kind="indicators", key="renshi", department=jiaowu)
    from metrics.entry import department_indicators
    from metrics.yeardata import YearData

    codes = {i.department_code for i in department_indicators(YearData(year), jiaowu)}
    assert codes == {"jiaowu", "renshi"}
    assert Indicator.objects.filter(department_code="renshi").exists()  # the catalog is untouched


def test_a_department_with_work_cannot_be_removed(school):
    department = Department.objects.get(school=school, code="caiwu")
    with pytest.raises(services.SetupError, match="请先把它们分给其他部门"):
        services.remove_department(department=department)
    assert Department.objects.filter(pk=department.pk).exists()


def test_renaming_with_a_new_code_keeps_the_form(client, school, year, graduates, zhaosheng):
    department = Department.objects.get(school=school, code="zhaosheng")
    services.save_department(school=school, department=department, name="招生就业处", code="zsjy")
    client.force_login(zhaosheng)
    assert 'value="561"' in client.get("/figures/lianzhou/2025/d/zsjy/").content.decode()


def test_admin_merges_in_the_web_page(client, schooladmin, school):
    client.force_login(schooladmin)
    gonghui = Department.objects.get(school=school, code="gonghui")
    tuanwei = Department.objects.get(school=school, code="tuanwei")
    response = client.post(
        f"/setup/lianzhou/departments/{gonghui.pk}/merge/", {"target": tuanwei.pk}, follow=True
    )
    assert "“工会”已并入“团委”。" in response.content.decode()
    assert tuanwei.members.filter(username="gonghui").exists()


def test_admin_is_refused_removing_a_department_with_people(client, schooladmin, school):
    client.force_login(schooladmin)
    gonghui = Department.objects.get(school=school, code="gonghui")
    response = client.post(f"/setup/lianzhou/departments/{gonghui.pk}/remove/", follow=True)
    assert "还有 1 名人员" in response.content.decode()
    assert Department.objects.filter(pk=gonghui.pk).exists()


def test_reassigning_is_recorded(school):
    jiaowu = Department.objects.get(school=school, code="jiaowu")
    services.assign(school=school, kind="dataset", key="progression", department=jiaowu)
    events = Events.objects.filter(pgh_label="assignment.changed", pgh_data__key="progression")
    assert events.get().pgh_data["department_id"] == jiaowu.pk


def test_merging_is_refused_while_a_locked_year_holds_its_sections(school, year, editor):
    from django.utils import timezone

    from reporting.errors import YearLocked
    from reporting.models import ReportYear

    source = Department.objects.get(school=school, code="zhaosheng")
    target = Department.objects.get(school=school, code="bangongshi")
    Section.objects.filter(year=year, key="ch2").update(department=source)
    ReportYear.objects.filter(pk=year.pk).update(
        status=ReportYear.Status.LOCKED, locked_by=editor, locked_at=timezone.now()
    )
    with pytest.raises(YearLocked):
        services.merge_departments(source=source, target=target)
    assert Department.objects.filter(pk=source.pk).exists()
    assert target.members.filter(username="zhaosheng").exists() is False
