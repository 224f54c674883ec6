"""Reported values of derived figures: the comparison rule, the entry page, the demo's findings."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from metrics import services
from metrics.derived import DerivedQuantity
from metrics.findings import run_checks
from metrics.forms import parse_reported
from metrics.models import ReportedValue
from reporting.models import ReportYear

PAGE = "/figures/lianzhou/2025/d/renshi/reported/"
PUBLISHED = ReportedValue.Source.PUBLISHED
NATIONAL = ReportedValue.Source.NATIONAL_SECONDARY


def with_stamp(client, url, data):
    """A form as the page hands it out: with the version of the values it shows."""
    return data | {"stamp": client.get(url).context["form"]["stamp"].value()}


def quantity(exact, kind="percent"):
    return DerivedQuantity("q", "q", kind, "renshi", Decimal(exact))


@pytest.mark.parametrize(
    ("exact", "kind", "printed", "agrees"),
    [
        ("14.2857", "percent", "14", True),  # equal within the printed precision
        ("14.2857", "percent", "14.29", True),
        ("14.2857", "percent", "14.28", False),  # truncated, not rounded
        ("15.4762", "percent", "14", False),
        ("19.6548", "ratio", "18.55:1", False),
        ("14.495", "percent", "14", True),  # rounded once: no double rounding to 15
        ("28.5714", "percent", "28.5714", True),  # finer than 2 places: compared at 2
        ("9", "count", "8", False),
    ],
)
def test_reported_value_is_compared_at_its_printed_precision(exact, kind, printed, agrees):
    value, places = parse_reported(printed)
    assert quantity(exact, kind).agrees(value, places) is agrees


def test_printed_forms_are_read_with_their_precision():
    assert parse_reported("18.55:1") == (Decimal("18.55"), 2)
    assert parse_reported("+12 .5%") == (Decimal("12.5"), 1)
    assert parse_reported("- 50％") == (Decimal("-50"), 0)
    with pytest.raises(ValidationError):
        parse_reported("约十八")


def finding(year, subject):
    return next((f for f in run_checks(year) if f.subject == subject), None)


def test_demo_shows_the_samples_printed_ratios_as_errors(figures):
    ratio = finding(figures, "student_teacher_ratio@published")
    assert ratio.is_error and "19.65:1" in ratio.message and "18.55:1" in ratio.message
    assert "已发布的报告" in ratio.message
    dual = finding(figures, "dual_teacher_share@published")
    assert "14.29%" in dual.message and "14.28%" in dual.message
    assert finding(figures, "senior_title_share@published") is not None  # 14 vs 15.48
    assert finding(figures, "majors_count@published") is not None  # 8 vs nine majors
    assert finding(figures, "dual_teachers.share.计算机网络技术@published") is not None
    assert finding(figures, "funding.excess.年度财政拨款总额@published") is not None


def test_demo_printed_numbers_that_match_their_counts_give_no_finding(figures):
    subjects = {f.subject for f in run_checks(figures)}
    assert "gaokao_3plus.college_rate.应届生@published" not in subjects  # 76.4 = 81/106
    assert "enrolment_plan.change_rate.中餐烹饪@published" not in subjects  # +12.5%
    assert "dual_teachers.share.中餐烹饪@published" not in subjects  # 60 = 3/5


def test_finding_links_to_the_counts_and_to_the_reported_values(figures):
    forms = finding(figures, "dual_teacher_share@published").forms
    assert ("renshi", "dual_teachers") in forms and ("renshi", "reported") in forms


def test_check_figures_prints_the_disagreement(figures):
    out = StringIO()
    with pytest.raises(SystemExit):
        call_command("check_figures", school="lianzhou", year=2025, stdout=out, stderr=StringIO())
    line = next(x for x in out.getvalue().splitlines() if "student_teacher_ratio" in x)
    assert line.startswith("[错误]") and "18.55:1" in line and "19.65:1" in line


def test_findings_page_shows_the_disagreement_and_the_way_to_it(client, figures, editor):
    client.force_login(editor)
    page = client.get("/figures/lianzhou/2025/findings/").content.decode()
    assert "按本年数据计算为 19.65:1，已发布的报告中为 18.55:1" in page
    assert 'href="/figures/lianzhou/2025/d/renshi/reported/"' in page


def test_head_enters_a_value_from_the_national_system(client, figures, renshi):
    client.force_login(renshi)
    data = {"quantity": "student_teacher_ratio", "source": NATIONAL, "value": "19.65:1"}
    response = client.post(PAGE, with_stamp(client, PAGE, data), follow=True)
    assert "报送值已保存" in response.content.decode()
    stored = ReportedValue.objects.get(
        year=figures, quantity="student_teacher_ratio", source=NATIONAL
    )
    assert (stored.value, stored.places, stored.updated_by) == (Decimal("19.65"), 2, renshi)
    assert finding(figures, "student_teacher_ratio@national_secondary") is None


def test_a_mismatch_entered_by_hand_becomes_a_finding(client, figures, renshi):
    client.force_login(renshi)
    data = {"quantity": "senior_title_share", "source": NATIONAL, "value": "16"}
    client.post(PAGE, with_stamp(client, PAGE, data))
    assert "15%" in finding(figures, "senior_title_share@national_secondary").message


def test_page_and_form_show_computed_and_reported_side_by_side(client, figures, renshi):
    client.force_login(renshi)
    page = client.get(PAGE).content.decode()
    assert "19.65:1" in page and "18.55:1" in page and "不一致" in page
    form = client.get("/figures/lianzhou/2025/d/renshi/").content.decode()
    assert "已发布的报告：18.55:1" in form


@pytest.mark.parametrize(
    ("quantity", "value", "message"),
    [
        ("student_teacher_ratio", "十八比一", "请输入数字"),
        ("dual_teacher_share", "120", "百分比不能超过 100。"),
        ("dual_teacher_share", "-3", "不能为负数。"),
        ("teacher_titles.total", "84.5", "人数、个数必须是整数。"),
        ("student_teacher_ratio", "18.123456", "最多保留 4 位小数。"),
        ("student_teacher_ratio", "1e12", "数值过大"),
        ("student_teacher_ratio", "", "请填写报送值。"),
        ("majors_count", "8", "请从列表中选择计算项。"),  # 招生就业办's quantity
    ],
)
def test_bad_reported_value_is_refused_in_chinese_and_nothing_saved(
    client, figures, renshi, quantity, value, message
):
    client.force_login(renshi)
    before = ReportedValue.objects.count()
    response = client.post(PAGE, {"quantity": quantity, "source": NATIONAL, "value": value})
    assert response.status_code == 200 and message in response.content.decode()
    assert ReportedValue.objects.count() == before


def test_other_department_cannot_open_or_write_the_page(client, figures, caiwu):
    client.force_login(caiwu)
    before = ReportedValue.objects.count()
    assert client.get(PAGE).status_code == 403
    data = {"quantity": "student_teacher_ratio", "source": NATIONAL, "value": "19.65"}
    assert client.post(PAGE, data).status_code == 403
    reported = ReportedValue.objects.get(quantity="student_teacher_ratio")
    assert client.post(f"{PAGE}{reported.pk}/delete/").status_code == 403
    assert ReportedValue.objects.count() == before


def test_value_of_another_department_cannot_be_deleted_through_own_page(client, figures, renshi):
    client.force_login(renshi)
    reported = ReportedValue.objects.get(quantity="majors_count")
    assert client.post(f"{PAGE}{reported.pk}/delete/").status_code == 404
    assert ReportedValue.objects.filter(pk=reported.pk).exists()


def test_committee_enters_and_removes_for_any_department(client, figures, editor):
    client.force_login(editor)
    url = "/figures/lianzhou/2025/d/zhaosheng/reported/"
    client.post(
        url, with_stamp(client, url, {"quantity": "majors_count", "source": NATIONAL, "value": "9"})
    )
    reported = ReportedValue.objects.get(quantity="majors_count", source=NATIONAL)
    client.post(f"{url}{reported.pk}/delete/")
    assert not ReportedValue.objects.filter(pk=reported.pk).exists()


def test_locked_year_refuses_reported_values(client, figures, renshi):
    ReportYear.objects.filter(pk=figures.pk).update(status=ReportYear.Status.LOCKED)
    client.force_login(renshi)
    before = ReportedValue.objects.count()
    data = {"quantity": "student_teacher_ratio", "source": NATIONAL, "value": "19.65"}
    response = client.post(PAGE, data, follow=True)
    assert "已锁定" in response.content.decode()
    reported = ReportedValue.objects.get(quantity="student_teacher_ratio")
    client.post(f"{PAGE}{reported.pk}/delete/")
    assert ReportedValue.objects.count() == before
    with pytest.raises(services.YearLocked):
        services.set_reported_value(
            year=figures, user=renshi, quantity="student_teacher_ratio", source=NATIONAL,
            value=Decimal(19), places=0, stamp="", page_quantities=[],
        )  # fmt: skip


def test_demo_load_is_idempotent_for_reported_values(figures, school):
    from metrics import demo

    before = list(ReportedValue.objects.values_list("quantity", "value", "places"))
    demo.load(school, figures)
    assert list(ReportedValue.objects.values_list("quantity", "value", "places")) == before
