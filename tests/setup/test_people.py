"""People: one by one or from a workbook, all or nothing; one-time links to set a password."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from reporting.models import User
from tests.setup.conftest import workbook

GOOD = ("zsjy_head", "王招生", "招生就业办", "部门负责人")


def test_workbook_with_bad_rows_creates_nothing_and_says_why_per_row(client, qyadmin):
    client.force_login(qyadmin)
    upload = workbook(
        GOOD,
        ("someone", "李某", "不存在处", "部门负责人"),
        ("qyadmin", "重名", "财务科", "部门负责人"),
        ("x_editor", "赵编委", "", "校长"),
        ("zsjy_head", "又一个", "教务处", "部门负责人"),
    )
    page = client.post("/setup/qingyuan/people/import/", {"file": upload}).content.decode()
    assert "工作簿有错误，未导入任何人员" in page
    assert "第3行：部门“不存在处”不存在。" in page
    assert "第4行：用户名“qyadmin”已被使用。" in page
    assert "第5行：角色“校长”未知" in page
    assert "第6行：用户名“zsjy_head”与第2行重复。" in page
    assert not User.objects.filter(username__in=["zsjy_head", "someone", "x_editor"]).exists()


def test_workbook_creates_people_with_one_time_links(client, qyadmin, qingyuan):
    client.force_login(qyadmin)
    upload = workbook(GOOD, ("qy_editor", "赵编委", "", "编委会成员"))
    page = client.post("/setup/qingyuan/people/import/", {"file": upload}).content.decode()
    head = User.objects.get(username="zsjy_head")
    assert head.department.name == "招生就业办" and head.get_full_name() == "王招生"
    assert page.count("/welcome/") == 2


def test_a_file_that_is_not_a_workbook_is_refused(client, qyadmin):
    client.force_login(qyadmin)
    upload = StringIO("not a workbook")
    upload.name = "users.xlsx"
    page = client.post("/setup/qingyuan/people/import/", {"file": upload}).content.decode()
    assert "无法读取该文件" in page


def test_import_users_command_exits_1_with_a_message_per_row(qingyuan, tmp_path):
    path = tmp_path / "users.xlsx"
    path.write_bytes(workbook(GOOD, ("b", "乙", "无此部门", "部门负责人")).read())
    err = StringIO()
    with pytest.raises(CommandError, match="未导入任何人员"):
        call_command("import_users", "--school", "qingyuan", "--file", str(path), stderr=err)
    assert "第3行：部门“无此部门”不存在。" in err.getvalue()
    assert not User.objects.filter(username="zsjy_head").exists()


def test_import_users_command_prints_each_link(qingyuan, tmp_path):
    path = tmp_path / "users.xlsx"
    path.write_bytes(workbook(GOOD).read())
    out = StringIO()
    call_command("import_users", "--school", "qingyuan", "--file", str(path), stdout=out)
    assert "zsjy_head\t王招生\thttp://127.0.0.1:8000/welcome/" in out.getvalue()


def test_one_time_link_sets_a_password_once(client, qyadmin):
    from setup.links import set_password_path

    link = set_password_path(qyadmin)
    form = client.get(link, follow=True)
    assert "设置密码" in form.content.decode()
    new = {"new_password1": "Qingyuan-2025!", "new_password2": "Qingyuan-2025!"}
    done = client.post(form.redirect_chain[-1][0], new, follow=True)
    assert "密码已设置，请用新密码登录。" in done.content.decode()
    login = {"username": "qyadmin", "password": "Qingyuan-2025!"}
    assert client.post("/login/", login, follow=True).context["user"] == qyadmin
    client.logout()
    assert "此链接已失效" in client.get(link, follow=True).content.decode()


def test_user_changes_own_password(client, zhaosheng):
    client.force_login(zhaosheng)
    data = {
        "old_password": "demo",
        "new_password1": "Zs-new-pass-9",
        "new_password2": "Zs-new-pass-9",
    }
    response = client.post("/account/password/", data, follow=True)
    assert "密码已修改。" in response.content.decode()
    zhaosheng.refresh_from_db()
    assert zhaosheng.check_password("Zs-new-pass-9")


def test_admin_issues_a_new_link(client, schooladmin, zhaosheng):
    client.force_login(schooladmin)
    page = client.post(f"/setup/lianzhou/people/{zhaosheng.pk}/link/").content.decode()
    assert "/welcome/" in page and "陈招就" in page


def test_workbook_staff_without_department_is_refused(client, qyadmin):
    client.force_login(qyadmin)
    upload = workbook(("qy_staff", "钱填报", "", "填报员"))
    page = client.post("/setup/qingyuan/people/import/", {"file": upload}).content.decode()
    assert "第2行：填报员必须填写部门。" in page
    assert not User.objects.filter(username="qy_staff").exists()
