"""Last year beside this year: the 2024 demo year, its rows in 2025's tables, forms with 2024."""

from metrics.api import body_table
from metrics.models import (
    CertificatePassRate,
    EnrolmentPlanRow,
    Figure,
    MajorIndustryRow,
    ProgressionRow,
)


def test_the_2024_year_holds_only_what_the_sample_prints_for_2024(last_year):
    assert last_year.year == 2024
    rows = ProgressionRow.objects.filter(year=last_year)
    assert list(rows.values_list("school_year", "college_exam")) == [(2024, 65)]
    assert CertificatePassRate.objects.filter(year=last_year, school_year=2024).count() == 4
    plans = EnrolmentPlanRow.objects.filter(year=last_year)
    assert list(plans.values_list("major", "current_plan", "previous_plan")) == [
        ("幼儿保育", 90, None), ("中餐烹饪", 80, None), ("应急救援技术", 150, None)]  # fmt: skip
    scales = MajorIndustryRow.objects.filter(year=last_year)
    assert list(scales.values_list("current_enrolment", "enrolment", "demand_gap")) == [
        (102, None, None), (149, None, None), (227, None, None)]  # fmt: skip
    assert not Figure.objects.filter(year=last_year).exists()


def test_table_6_4_reads_the_2024_plans_from_the_2024_year(figures, last_year):
    table = body_table(figures, "enrolment_plan")
    assert [c.text for c in table.header_rows[0][2:4]] == ["2024年招生计划", "2025年招生计划"]
    assert [[c.text for c in r[1:]] for r in table.rows] == [
        ["幼儿保育", "90", "45", "-45", "-50.0%"],
        ["中餐烹饪", "80", "90", "+10", "+12.5%"],
        ["应急救援技术", "150", "200", "+50", "+33.3%"],
    ]
    assert not EnrolmentPlanRow.objects.filter(year=figures, previous_plan__isnull=False).exists()
    EnrolmentPlanRow.objects.filter(year=last_year, major="中餐烹饪").update(current_plan=72)
    row = body_table(figures, "enrolment_plan").rows[1]
    assert [c.text for c in row[2:]] == ["72", "90", "+18", "+25.0%"]


def test_a_first_year_in_the_system_prints_last_years_plan_as_typed(figures, last_year):
    EnrolmentPlanRow.objects.filter(year=last_year, major="中餐烹饪").delete()
    EnrolmentPlanRow.objects.filter(year=figures, major="中餐烹饪").update(previous_plan=60)
    rows = body_table(figures, "enrolment_plan").rows
    assert [c.text for c in rows[1][2:4]] == ["60", "90"]
    assert [c.text for c in rows[0][2:4]] == ["90", "45"]  # still from the 2024 year


def test_table_6_8_reads_the_2024_scale_from_the_2024_year(figures, last_year):
    table = body_table(figures, "major_industry")
    assert table.header_rows[0][2].text == "2024 年招生规模（人）"
    assert [[c.text for c in r[2:]] for r in table.rows] == [
        ["102", "850", "96.3"], ["149", "1200", "94.7"], ["227", "420", "98.2"]]  # fmt: skip
    MajorIndustryRow.objects.filter(year=last_year, category="先进制造类").update(
        current_enrolment=110
    )
    assert body_table(figures, "major_industry").rows[0][2].text == "110"


def test_the_2024_row_of_table_1_3_comes_from_the_2024_year(figures, last_year):
    rows = body_table(figures, "progression").rows
    assert [(r[0].text, r[1].text) for r in rows] == [("2023年", "27"), ("2024年", "150"),
                                                      ("2025年", "130")]  # fmt: skip
    ProgressionRow.objects.filter(year=last_year).update(college_exam=66)
    rows = body_table(figures, "progression").rows
    assert rows[1][1].text == "151"


def test_certificates_table_reads_2024_from_the_2024_year(figures, last_year):
    rows = body_table(figures, "certificates").rows
    assert [r[0].text for r in rows] == ["2022", "2023", "2024"]
    assert [c.text for c in rows[2][1:]] == ["72%", "82%", "52%", "65%"]


def test_figure_form_shows_2024_beside_2025_and_the_change(client, figures, last_year, zhaosheng):
    Figure.objects.create(year=last_year, indicator_id=_indicator("graduates"), kind="count",
                          value=500)  # fmt: skip
    client.force_login(zhaosheng)
    page = client.get("/figures/lianzhou/2025/d/zhaosheng/").content.decode()
    assert 'data-testid="previous-year">2024 年度' in page
    assert "未填报" in page  # 2024's other figures were never entered
    row = page.split('data-code="graduates"')[1].split("</tr>")[0]
    assert ">500<" in row and "+11.4%" in row  # 557 against 500


def test_progression_form_lists_the_2024_row_read_only(client, figures, last_year, zhaosheng):
    client.force_login(zhaosheng)
    page = client.get("/figures/lianzhou/2025/d/zhaosheng/data/progression/").content.decode()
    earlier = page.split('data-testid="earlier"')[1].split("</table>")[0]
    assert "<td>2024</td>" in earlier and "<td>65</td>" in earlier


def _indicator(code):
    from metrics.models import Indicator

    return Indicator.objects.get(code=code).pk


def test_catalog_change_rule_limits_counts_in_percent_and_rates_in_points(figures, last_year):
    from metrics.findings import run_checks

    Figure.objects.create(year=last_year, indicator_id=_indicator("graduates"), kind="count",
                          value=400)  # fmt: skip
    Figure.objects.create(year=last_year, indicator_id=_indicator("fitness_pass_rate"),
                          kind="percent", value=80)  # fmt: skip
    found = {f.subject: f for f in run_checks(figures) if f.rule_code == "catalog-change"}
    assert "+39.3%" in found["graduates"].message and "30%" in found["graduates"].message
    assert "+16.44 个百分点" in found["fitness_pass_rate"].message
    assert "monthly_income" not in found  # no 2024 value: nothing to compare


def test_a_recurring_finding_offers_last_years_explanation(client, figures, last_year, editor):
    from metrics.models import FindingExplanation

    FindingExplanation.objects.create(year=last_year, rule_code="teacher-titles-sum", subject="",
                                      text="职称统计含外聘教师")  # fmt: skip
    client.force_login(editor)
    page = client.get("/figures/lianzhou/2025/findings/").content.decode()
    assert 'data-testid="suggestion"' in page and 'value="职称统计含外聘教师"' in page
