from django.core.management import call_command

from reporting.models import Department, ReportYear, School, User


def _state():
    school = School.objects.get(slug="lianzhou")
    return {
        "school": {f.name: getattr(school, f.name) for f in School._meta.fields},
        "departments": list(Department.objects.order_by("code").values_list("code", "name")),
        "users": list(
            User.objects.order_by("username").values_list("username", "role", "department__code")
        ),
        "years": list(ReportYear.objects.values_list("year", "status")),
    }


def test_load_demo_twice_leaves_the_same_state(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = _state()
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert _state() == first


def test_demo_school_has_the_sample_details(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    school = School.objects.get(slug="lianzhou")
    assert school.name == "连州市职业技术学校"
    assert school.motto == "敬人敬业 至精至诚"
    assert school.address.startswith("连州市城南北紫岩 3 号")
    assert school.phone == "0763-6608038"
    assert school.legal_representative == "王少林"
    assert sorted(school.years.values_list("year", flat=True)) == [2024, 2025]  # 2024: last year
    assert {"招生就业办", "财务科", "教务处", "学生处", "团委", "工会", "党总支", "质量办"} <= set(
        school.departments.values_list("name", flat=True)
    )


def test_every_demo_account_logs_in_with_demo(client, db):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    for user in User.objects.filter(school__slug="lianzhou"):
        response = client.post("/login/", {"username": user.username, "password": "demo"})
        assert response.status_code == 302, user.username
        client.post("/logout/")
