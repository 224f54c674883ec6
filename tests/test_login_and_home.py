def test_login_page_speaks_chinese(client):
    response = client.get("/login/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "登录" in content
    assert "用户名" in content
    assert "密码" in content


def test_editor_logs_in_and_sees_the_school_on_home(client, editor):
    response = client.post("/login/", {"username": "editor", "password": "demo"}, follow=True)
    content = response.content.decode()
    assert response.redirect_chain[-1][0] == "/"
    assert "连州市职业技术学校" in content
    assert "我的任务" in content
    assert "2025年度" in content


def test_wrong_password_is_refused_in_chinese(client, editor):
    response = client.post("/login/", {"username": "editor", "password": "wrong"})
    assert response.status_code == 200
    assert "请输入一个正确的" in response.content.decode()


def test_logout_returns_to_login(client, editor):
    client.force_login(editor)
    response = client.post("/logout/")
    assert response.status_code == 302
    assert response.url == "/login/"
    assert client.get("/").status_code == 302


def test_home_lists_no_tasks_for_a_user_without_any(client, outsider):
    client.force_login(outsider)
    content = client.get("/").content.decode()
    assert "清远市职业技术学校" in content


def test_an_english_browser_still_gets_chinese_until_the_user_switches(client):
    content = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "用户名" in content
    assert "Username" not in content
