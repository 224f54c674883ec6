from reporting.models import Department, ReportYear


def test_department_head_cannot_open_the_admin(client, zhaosheng):
    client.force_login(zhaosheng)
    response = client.get("/admin/")
    assert response.status_code == 403
    assert "无权访问" in response.content.decode()


def test_school_admin_sees_only_own_school_departments(client, schooladmin, other_school):
    client.force_login(schooladmin)
    content = client.get("/admin/reporting/department/").content.decode()
    assert "财务科" in content
    assert content.count("清远市职业技术学校") == 0


def test_school_admin_adds_a_department_to_own_school(client, schooladmin, school):
    client.force_login(schooladmin)
    response = client.post(
        "/admin/reporting/department/add/", {"name": "图书馆", "code": "tushuguan", "order": 20}
    )
    assert response.status_code == 302
    assert Department.objects.get(code="tushuguan").school == school


def test_school_admin_cannot_open_another_school_department(client, schooladmin, other_school):
    client.force_login(schooladmin)
    foreign = other_school.departments.get()
    response = client.get(f"/admin/reporting/department/{foreign.pk}/change/", follow=True)
    assert "不存在" in response.content.decode()


# Every choice field of 学校管理 offers the administrator's own school only (issue 10, finding 3).


def _reported_value(year):
    from metrics.models import ReportedValue

    return ReportedValue.objects.create(
        year=year, quantity="student_teacher_ratio", source="published", value=18, places=0
    )


def test_school_admin_is_not_offered_another_school_year(client, schooladmin, year, other_school):
    value = _reported_value(year)
    client.force_login(schooladmin)
    page = client.get(f"/admin/metrics/reportedvalue/{value.pk}/change/").content.decode()
    foreign = ReportYear.objects.get(school=other_school)
    assert f'value="{year.pk}"' in page
    assert f'value="{foreign.pk}"' not in page


def test_school_admin_cannot_post_another_school_year(client, schooladmin, year, other_school):
    value = _reported_value(year)
    foreign = ReportYear.objects.get(school=other_school)
    client.force_login(schooladmin)
    response = client.post(
        f"/admin/metrics/reportedvalue/{value.pk}/change/",
        {"year": foreign.pk, "quantity": value.quantity, "source": value.source, "value": "18",
         "places": "0"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "选择一个有效的选项" in response.content.decode()
    value.refresh_from_db()
    assert value.year == year


def test_school_admin_cannot_give_a_user_another_school_department(
    client, schooladmin, zhaosheng, other_school
):
    foreign = other_school.departments.get()
    client.force_login(schooladmin)
    page = client.get(f"/admin/reporting/user/{zhaosheng.pk}/change/").content.decode()
    assert f'value="{foreign.pk}"' not in page
    client.post(
        f"/admin/reporting/user/{zhaosheng.pk}/change/",
        {"username": "zhaosheng", "role": "head", "department": foreign.pk, "is_active": "on"},
    )
    zhaosheng.refresh_from_db()
    assert zhaosheng.department.school == zhaosheng.school
