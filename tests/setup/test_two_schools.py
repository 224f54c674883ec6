"""A school created with create_school has its own departments, forms and values: nothing of
the demo school appears to it, and the other way round."""

from decimal import Decimal

from metrics.services import set_figures
from setup import services


def test_second_school_head_sees_own_forms_and_never_the_demo_values(client, year, zhaosheng):
    set_figures(year=year, user=zhaosheng, values={"graduates": Decimal(560)})
    school, _admin = services.create_school(
        slug="qy2", name="清远示范职业学校", kind="zhongzhi", admin_username="qy2admin", year=2025
    )
    department = school.departments.get(code="zhaosheng")
    services.save_department(school=school, department=department, name="招生就业处", code="zsjy")
    head = services.add_user(
        school=school, username="qyhead", name="王招生", role="head", department=department
    )
    client.force_login(head)
    overview = client.get("/figures/qy2/2025/").content.decode()
    assert "招生就业处" in overview and "单项数据" in overview
    assert "您没有需要填报的数据表" not in overview
    form = client.get("/figures/qy2/2025/d/zsjy/").content.decode()
    assert "毕业生人数" in form and 'value="560"' not in form
    assert client.get("/figures/lianzhou/2025/d/zhaosheng/").status_code == 404
    assert "连州" not in client.get("/report/qy2/2025/preview/").content.decode()
