from io import StringIO

import pytest
from django.core.management import call_command

from metrics import services
from metrics.findings import Finding, _sources, register_source, run_checks
from metrics.models import Figure, ProgressionRow, Rule


def codes(year):
    return {(f.rule_code, f.subject) for f in run_checks(year)}


def test_parts_sum_teacher_titles_against_fulltime_teachers(figures):
    finding = next(f for f in run_checks(figures) if f.rule_code == "teacher-titles-sum")
    assert "85" in finding.message and "84" in finding.message and finding.is_error


def test_sub_item_larger_than_parent(figures):
    assert ("sub-items-within-parent", "internship_insurance") in codes(figures)


def test_same_quantity_in_two_tables(figures):
    finding = next(f for f in run_checks(figures) if f.rule_code == "further-study-agrees")
    assert "58" in finding.message and "130" in finding.message
    assert ("zhaosheng", "progression") in finding.forms


def test_same_quantity_agrees_once_corrected(figures, zhaosheng):
    services.set_figures(year=figures, user=zhaosheng, values={"further_study": 130})
    assert ("further-study-agrees", "") not in codes(figures)


def test_count_within_population_is_a_warning(figures):
    finding = next(
        f for f in run_checks(figures) if f.rule_code == "tuition-exempt-within-students"
    )
    assert not finding.is_error and "1698" in finding.message


def test_required_rows_for_this_kind_of_school(figures):
    found = codes(figures)
    assert ("required-rows", "arts_teachers") in found  # 中职填报, left empty in the sample
    assert ("required-rows", "counsellors") not in found  # 高职 only


def test_percent_out_of_range_for_a_computed_percentage(figures):
    Figure.objects.filter(year=figures, indicator__code="fulltime_teachers").update(value=10)
    finding = next(f for f in run_checks(figures) if f.rule_code == "percent-range")
    assert finding.subject == "dual_teacher_share" and "120.00" in finding.message


def test_change_from_previous_year_beyond_threshold(figures, last_year):
    ProgressionRow.objects.filter(year=figures, school_year=2025).update(college_exam=200)
    finding = next(f for f in run_checks(figures) if f.rule_code == "progression-change")
    assert not finding.is_error and "150" in finding.message


def test_inactive_rule_is_not_applied(figures):
    Rule.objects.filter(code="teacher-titles-sum").update(active=False)
    assert ("teacher-titles-sum", "") not in codes(figures)


def test_check_figures_prints_one_line_per_finding_and_fails_on_errors(figures):
    out = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("check_figures", school="lianzhou", year=2025, stdout=out, stderr=StringIO())
    assert exit_info.value.code == 1
    lines = out.getvalue().splitlines()
    assert len(lines) == len(run_checks(figures))
    assert any("teacher-titles-sum" in line for line in lines)


def test_check_figures_passes_when_every_error_is_explained(figures, editor):
    for finding in run_checks(figures):
        if finding.is_error:
            services.explain_finding(
                year=figures, user=editor, rule_code=finding.rule_code,
                subject=finding.subject, text="口径不同，已核实",
            )  # fmt: skip
    out = StringIO()
    call_command("check_figures", school="lianzhou", year=2025, stdout=out)
    assert "口径不同" in out.getvalue()


def test_registered_source_adds_findings(figures):
    def source(year):
        yield Finding(rule_code="narrative-ref", subject="s1", severity="error", message="引用失效")

    register_source(source)
    try:
        assert ("narrative-ref", "s1") in codes(figures)
    finally:
        _sources.remove(source)


def test_findings_page_filters_by_department(client, figures, editor):
    client.force_login(editor)
    page = client.get("/figures/lianzhou/2025/findings/?department=renshi").content.decode()
    assert "专任教师职称结构合计" in page and "升学情况表" not in page


def test_findings_page_names_departments_and_data_sets_in_words(client, figures, editor):
    client.force_login(editor)
    page = client.get("/figures/lianzhou/2025/findings/").content.decode()
    assert "去修改（财务科 · 各项经费达标与执行情况表）" in page
    assert "年度财政拨款总额（经费达标情况表）" in page
    assert "funding.fiscal_appropriation" not in page
    assert "（caiwu）" not in page and "· funding）" not in page


def test_explanation_is_kept_and_shown(client, figures, zhaosheng):
    client.force_login(zhaosheng)
    client.post(
        "/figures/lianzhou/2025/findings/explain/",
        {"rule_code": "further-study-agrees", "subject": "", "text": "表1只统计高考升学"},
    )
    page = client.get("/figures/lianzhou/2025/findings/").content.decode()
    assert "表1只统计高考升学" in page


def test_head_cannot_explain_another_departments_finding(client, figures, caiwu):
    client.force_login(caiwu)
    response = client.post(
        "/figures/lianzhou/2025/findings/explain/",
        {"rule_code": "further-study-agrees", "subject": "", "text": "x"},
    )
    assert response.status_code == 403
