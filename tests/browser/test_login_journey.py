import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_editor_logs_in_through_chromium_and_sees_the_school(page, login, editor):
    page.goto("/")
    assert "/login/" in page.url
    login("editor")
    assert page.get_by_test_id("school-name").inner_text() == "连州市职业技术学校"
    assert page.get_by_role("heading", name="我的任务").is_visible()


def test_wrong_password_shows_a_chinese_message(page, login, editor):
    login("editor", "not-the-password")
    assert "/login/" in page.url
    assert "请输入一个正确的" in page.content()
