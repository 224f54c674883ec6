from reporting.models import ReportYear

EDIT = "/report/lianzhou/2025/sections/s1-4-3/"


def test_head_edits_a_section_of_own_department(client, zhaosheng, sample):
    client.force_login(zhaosheng)
    assert client.get(EDIT).status_code == 200


def test_head_cannot_edit_another_departments_section(client, caiwu, sample):
    client.force_login(caiwu)
    assert client.get(EDIT).status_code == 403
    assert client.post(EDIT, {"version": 0}).status_code == 403


def test_other_school_gets_404(client, outsider, sample):
    client.force_login(outsider)
    assert client.get(EDIT).status_code == 404
    assert client.get("/report/lianzhou/2025/preview/").status_code == 404


def test_head_cannot_change_the_outline(client, zhaosheng, sample):
    client.force_login(zhaosheng)
    response = client.post("/report/lianzhou/2025/sections/s1-4-3/remove/")
    assert response.status_code == 403


def test_home_lists_the_heads_sections_with_status(client, zhaosheng, sample):
    client.force_login(zhaosheng)
    page = client.get("/").content.decode()
    assert "1.4.3. 打通就业升学双路径" in page and "已撰写" in page
    assert "1.1.1." not in page


def test_locked_year_shows_a_chinese_message_on_save(client, zhaosheng, sample):
    ReportYear.objects.filter(pk=sample.pk).update(status=ReportYear.Status.LOCKED)
    client.force_login(zhaosheng)
    response = client.post(EDIT, {"version": 0, "action": "save"}, follow=True)
    assert "已锁定，不能再修改" in response.content.decode()
