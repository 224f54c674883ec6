"""Hand-made requests to the figures pages and the catalog admin get a Chinese message, never
a 500, and change nothing."""

from metrics.models import Indicator, ProgressionRow, Rule


def test_data_set_with_a_huge_row_count_is_refused_at_once(client, zhaosheng, figures):
    client.force_login(zhaosheng)
    before = list(ProgressionRow.objects.values_list("pk", "updated_at"))
    response = client.post(
        "/figures/lianzhou/2025/d/zhaosheng/data/progression/",
        {"rows-TOTAL_FORMS": "99999999999999999999", "rows-INITIAL_FORMS": "0"},
    )
    assert response.status_code == 200
    assert "本表未保存" in response.content.decode()
    assert list(ProgressionRow.objects.values_list("pk", "updated_at")) == before


def test_rule_parameters_postgresql_cannot_store_are_refused(client, operator, figures):
    rule = Rule.objects.order_by("pk").first()
    client.force_login(operator)
    page = f"/admin/metrics/rule/{rule.pk}/change/"
    for params in ('{"limit": NaN}', '{"limit": 1e309}', '{"note": "\\u0000"}'):
        data = {"code": rule.code, "kind": rule.kind, "severity": rule.severity,
                "message": rule.message, "params": params, "order": rule.order}  # fmt: skip
        response = client.post(page, data)
        assert response.status_code == 200
        assert "JSON 中不能有 NaN、Infinity、超出范围的数字或空字符" in response.content.decode()
    assert Rule.objects.get(pk=rule.pk).params == rule.params


def test_indicator_parent_that_is_not_an_id_is_a_form_error(client, operator, figures):
    indicator = Indicator.objects.filter(formula__isnull=True).order_by("pk").first()
    client.force_login(operator)
    response = client.post(
        f"/admin/metrics/indicator/{indicator.pk}/change/",
        {"code": indicator.code, "label": "改名", "parent": "abc", "kind": indicator.kind},
    )
    assert response.status_code == 200
    assert Indicator.objects.get(pk=indicator.pk).label == indicator.label


def test_explanation_with_nul_characters_is_refused_with_a_message(client, editor, figures):
    from metrics.findings import run_checks
    from metrics.models import FindingExplanation

    finding = run_checks(figures)[0]
    client.force_login(editor)
    response = client.post(
        "/figures/lianzhou/2025/findings/explain/",
        {"rule_code": finding.rule_code, "subject": finding.subject, "text": "口径\x00不同"},
        follow=True,
    )
    assert "说明中有无法保存的空字符" in response.content.decode()
    assert not FindingExplanation.objects.exists()


def test_explanation_of_an_unknown_finding_is_refused(client, editor, figures):
    client.force_login(editor)
    response = client.post(
        "/figures/lianzhou/2025/findings/explain/",
        {"rule_code": "x\x00", "text": "说明"},
        follow=True,
    )
    assert "找不到要说明的问题，请刷新页面后重试" in response.content.decode()
