from reporting.models import Department


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
