"""中职 and 高职: a school's forms, appendix and checks follow the catalog's scope.

The catalog marks 辅导员人数 and 在国外开办学校数 "高职填报", 班主任数 and 美育课专任教师数
"中职填报" (fixtures/indicators.json, from the sample's template). lianzhou is a 中职 school;
the 高职 school below is created the way a real school starts (create_school)."""

import io

import openpyxl
import pytest

from exports.exporters import get_exporter
from metrics import demo as metrics_demo
from metrics import services
from metrics.findings import run_checks
from metrics.local_catalog import services as catalog
from metrics.local_catalog.owners import Owner
from metrics.models import Figure, Rule
from metrics.workbooks.apply import apply_plan
from setup import services as setup_services

FORM = "/figures/{school}/2025/d/renshi/"


@pytest.fixture
def gaozhi(db):
    school, _admin = setup_services.create_school(
        slug="qygz", name="清远示例职业技术学院（示例）", kind="gaozhi",
        admin_username="qygzadmin", year=2025,
    )  # fmt: skip
    return school


@pytest.fixture
def gaozhi_year(gaozhi):
    year = gaozhi.years.get()
    services.write_figures_unchecked(
        year=year, values={"students": 8000, "counsellors": 40, "schools_abroad": 1}
    )
    return year


@pytest.fixture
def lianzhou_year(school, year):
    metrics_demo.load(school, year)
    return year


def form_inputs(client, slug) -> str:
    return client.get(FORM.format(school=slug)).content.decode()


def test_gaozhi_form_has_the_gaozhi_rows_and_marks_the_zhongzhi_ones(
    client, operator, gaozhi_year, lianzhou_year
):
    client.force_login(operator)
    gaozhi = form_inputs(client, "qygz")
    assert 'name="counsellors"' in gaozhi and 'name="class_teachers"' not in gaozhi
    assert 'name="arts_teachers"' not in gaozhi and "中职填报" in gaozhi
    lianzhou = form_inputs(client, "lianzhou")
    assert 'name="class_teachers"' in lianzhou and 'name="counsellors"' not in lianzhou
    assert "高职填报" in lianzhou


def appendix_rows(year) -> dict[str, str]:
    """附件表 rows of the real Excel export: label → value cell (as the file holds it)."""
    content = get_exporter("xlsx").render(year).content
    book = openpyxl.load_workbook(io.BytesIO(content))
    rows = {}
    for ws in book.worksheets:
        if not ws.title.startswith("表"):
            continue
        for row in ws.iter_rows(values_only=True):
            if len(row) >= 4 and isinstance(row[1], str):
                rows.setdefault(row[1].strip(), row[3])
    return rows


def test_appendix_in_excel_prints_each_kinds_marker_where_the_template_does(
    gaozhi_year, lianzhou_year
):
    gaozhi, lianzhou = appendix_rows(gaozhi_year), appendix_rows(lianzhou_year)
    assert gaozhi["辅导员人数"] == 40 and gaozhi["在国外开办学校数"] == 1
    assert gaozhi["班主任数"] == "中职填报" and gaozhi["美育课专任教师数"] == "中职填报"
    assert lianzhou["辅导员人数"] == "高职填报" and lianzhou["在国外开办学校数"] == "高职填报"
    assert lianzhou["班主任数"] not in ("中职填报", "高职填报")


def test_appendix_in_html_prints_the_same(gaozhi_year, lianzhou_year):
    gaozhi = get_exporter("html").render(gaozhi_year).content.decode()
    lianzhou = get_exporter("html").render(lianzhou_year).content.decode()
    assert "辅导员人数" in gaozhi and "中职填报" in gaozhi and "高职填报" not in gaozhi
    assert "高职填报" in lianzhou


def test_checks_require_the_rows_of_the_schools_own_kind(gaozhi_year, lianzhou_year):
    gaozhi = {(f.rule_code, f.subject) for f in run_checks(gaozhi_year)}
    assert ("required-rows", "class_teachers") not in gaozhi
    assert ("required-rows", "counsellors") not in gaozhi  # filled
    assert ("required-rows", "schools_abroad_majors") in gaozhi
    lianzhou = {(f.rule_code, f.subject) for f in run_checks(lianzhou_year)}
    assert not any(s in ("counsellors", "schools_abroad_majors") for _r, s in lianzhou)


def test_a_rule_for_one_kind_is_skipped_for_the_other(gaozhi_year, lianzhou_year):
    for owner in (Owner(school=gaozhi_year.school), Owner(school=lianzhou_year.school)):
        catalog.save_item(owner=owner, model=Rule, pk=None, version=None, data={
            "code": f"gz-students-{owner.key}", "kind": "count_within_population",
            "severity": "warning", "message": "在校生 {a} 超过 {b}",
            "params": {"count": "students", "population": 1},
            "applies_to": "gaozhi", "department_code": "", "order": 0, "active": True})  # fmt: skip
    assert any(f.rule_code == "gz-students-qygz" for f in run_checks(gaozhi_year))
    assert not any(f.rule_code == "gz-students-lianzhou" for f in run_checks(lianzhou_year))


def test_service_refuses_a_figure_of_the_other_kind_and_writes_nothing(lianzhou_year, editor):
    before = Figure.objects.filter(year=lianzhou_year).count()
    with pytest.raises(services.FiguresError, match=r"中职不填报以下指标.*辅导员人数"):
        services.set_figures(year=lianzhou_year, user=editor,
                             values={"class_teachers": 30, "counsellors": 5})  # fmt: skip
    assert Figure.objects.filter(year=lianzhou_year).count() == before
    assert not Figure.objects.filter(year=lianzhou_year, indicator__code="counsellors").exists()


def test_workbook_upload_cannot_write_the_other_kinds_row(gaozhi_year, operator):
    with pytest.raises(services.FiguresError, match=r"高职不填报以下指标.*班主任数"):
        apply_plan(year=gaozhi_year, user=operator, plan={"figures": {"class_teachers": "12"}})
    assert not Figure.objects.filter(year=gaozhi_year, indicator__code="class_teachers").exists()
