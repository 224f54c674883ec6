"""The national catalog and rules belong to the platform operator; a school administrator adds
and edits only their own school's extra indicators and rules (issue 10, finding 2)."""

import pytest
from django.db import IntegrityError, transaction

from metrics.findings import run_checks
from metrics.models import Indicator, Rule
from metrics.rule_messages import render_rule_message
from metrics.yeardata import YearData
from reporting.models import ReportYear

NEW_INDICATOR = {
    "code": "own_labs", "label": "校内实训室", "unit": "个", "kind": "count", "level": "1",
    "order": "9999", "applies_to": "all", "department_code": "jiaowu",
}  # fmt: skip


def rule_form(rule: Rule, **changes) -> dict:
    data = {"code": rule.code, "kind": rule.kind, "severity": rule.severity,
            "message": rule.message, "params": '{"a": "students", "b": "students"}',
            "order": rule.order, "active": "on", "applies_to": rule.applies_to,
            "department_code": rule.department_code}  # fmt: skip
    return {**data, **changes}


def test_school_admin_does_not_see_the_national_catalog_or_rules(client, schooladmin, figures):
    client.force_login(schooladmin)
    indicators = client.get("/admin/metrics/indicator/").content.decode()
    rules = client.get("/admin/metrics/rule/").content.decode()
    assert "专任教师" not in indicators
    assert Rule.objects.first().code not in rules
    assert client.get("/admin/metrics/appendixtable/").status_code == 403


def test_school_admin_cannot_change_or_untick_a_national_rule(client, schooladmin, figures):
    rule = Rule.objects.filter(active=True).order_by("pk").first()
    client.force_login(schooladmin)
    page = f"/admin/metrics/rule/{rule.pk}/change/"
    assert client.get(page).status_code == 302  # "does not exist" for them
    client.post(page, rule_form(rule, message="改掉", active=""))
    rule.refresh_from_db()
    assert rule.active and rule.message != "改掉"


def test_school_admin_cannot_relabel_a_national_indicator(client, schooladmin, figures):
    indicator = Indicator.objects.get(code="students")
    client.force_login(schooladmin)
    client.post(f"/admin/metrics/indicator/{indicator.pk}/change/", {**NEW_INDICATOR,
                "code": "students", "label": "改名"})  # fmt: skip
    assert Indicator.objects.get(code="students").label == indicator.label


def test_school_admin_adds_an_indicator_seen_by_their_school_only(
    client, schooladmin, figures, other_school
):
    client.force_login(schooladmin)
    response = client.post("/admin/metrics/indicator/add/", NEW_INDICATOR)
    assert response.status_code == 302
    own = Indicator.objects.get(code="own_labs")
    assert own.school == schooladmin.school
    assert "own_labs" in YearData(figures).by_code
    assert "own_labs" not in YearData(ReportYear.objects.get(school=other_school)).by_code
    assert "校内实训室" in client.get("/admin/metrics/indicator/").content.decode()


def test_other_school_indicator_cannot_be_a_parent(client, schooladmin, figures, other_school):
    foreign = Indicator.objects.create(**{**NEW_INDICATOR, "code": "qy_labs"}, school=other_school)
    client.force_login(schooladmin)
    response = client.post("/admin/metrics/indicator/add/", {**NEW_INDICATOR,
                           "parent": foreign.pk})  # fmt: skip
    assert response.status_code == 200
    assert not Indicator.objects.filter(code="own_labs").exists()


def test_operator_edits_the_national_rules(client, operator, figures):
    rule = Rule.objects.order_by("pk").first()
    client.force_login(operator)
    response = client.post(
        f"/admin/metrics/rule/{rule.pk}/change/", rule_form(rule, message="{a} 与 {b} 不符")
    )
    assert response.status_code == 302
    assert Rule.objects.get(pk=rule.pk).message == "{a} 与 {b} 不符"


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("{a:>999999999}", "不能带格式说明"),
        ("{a.__class__}", "不能带格式说明"),
        ("{a[0]}", "不能带格式说明"),
        ("{a!r}", "不能带格式说明"),
        ("{password}", "未知的占位符 {password}"),
        ("{0}", "未知的占位符"),
        ("缺一半 {a", "花括号不成对"),
    ],
)
def test_rule_message_with_a_format_trick_is_refused(client, schooladmin, figures, message, said):
    client.force_login(schooladmin)
    response = client.post(
        "/admin/metrics/rule/add/",
        rule_form(
            Rule(code="own-rule", kind="same_quantity_agrees", severity="error", order=1),
            message=message,
        ),
    )
    assert response.status_code == 200
    assert said in response.content.decode()
    assert not Rule.objects.filter(code="own-rule").exists()


def test_postgresql_refuses_a_format_spec_in_a_rule_message(figures):
    with pytest.raises(IntegrityError), transaction.atomic():
        Rule.objects.filter(pk=Rule.objects.first().pk).update(message="{a:>999999999}")


def test_findings_render_safely_even_for_a_bad_stored_message(figures):
    Rule.objects.filter(active=True).update(message="坏 {nope} {a} {")
    assert run_checks(figures)  # no exception, every rule still reports
    assert render_rule_message("{a:>999999999}|{b.x}", {"a": 1, "b": 2}) == "1|"
    assert render_rule_message("{a} {label}", {"a": 3}) == "3 "


def test_a_rule_with_unusable_parameters_is_reported_not_a_500(client, editor, figures):
    Rule.objects.create(code="own-rule", kind="same_quantity_agrees", severity="error",
                        message="{a}", params={"b": 1}, school=editor.school)  # fmt: skip
    client.force_login(editor)
    response = client.get("/figures/lianzhou/2025/findings/")
    assert response.status_code == 200
    assert "校验规则“own-rule”的参数不完整或有误" in response.content.decode()
