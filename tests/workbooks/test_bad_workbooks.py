"""Bad workbooks get a message per cell and nothing is written."""

import io

from openpyxl import load_workbook

from metrics.models import Figure
from metrics.workbooks.preview import build_preview
from metrics.workbooks.reader import read_department_workbook
from metrics.workbooks.template import build_workbook
from reporting.models import Department
from tests.workbooks.conftest import edit, row_of

UPLOAD = "/figures/lianzhou/2025/workbook/"


def upload(client, data: bytes):
    return client.post(UPLOAD, {"file": io.BytesIO(data)} | {"file": _named(data)})


def _named(data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("t.xlsx", data)


def history_count():
    return Figure.pgh_event_models["figure.changed"].objects.count()


def test_text_in_a_number_cell_is_named_with_its_cell(client, figures, department, zhaosheng):
    data = build_workbook(figures, [department])
    row = row_of(data, "单项数据", "graduates")
    client.force_login(zhaosheng)
    page = upload(client, edit(data, {("单项数据", f"F{row}"): "五百"})).content.decode()
    assert f"F{row}" in page and "毕业生人数" in page and "请输入数字" in page
    assert "没有改动" in page


def test_changed_layout_is_refused_for_the_whole_sheet(figures, department, zhaosheng):
    data = build_workbook(figures, [department])
    workbook = load_workbook(io.BytesIO(data))
    workbook["单项数据"].insert_cols(5)
    output = io.BytesIO()
    workbook.save(output)
    preview = build_preview(figures, zhaosheng, read_department_workbook(output.getvalue()))
    assert [(p.sheet, p.cell) for p in preview.problems] == [("单项数据", "E3")]
    assert "表头已改变" in preview.problems[0].message
    assert preview.changes == []


def test_another_departments_sheet_is_refused(client, figures, zhaosheng):
    caiwu = Department.objects.get(school=figures.school, code="caiwu")
    data = build_workbook(figures, [caiwu])
    row = row_of(data, "单项数据", "special_funds")
    client.force_login(zhaosheng)
    before = history_count()
    page = upload(client, edit(data, {("单项数据", f"F{row}"): 1})).content.decode()
    assert "“财务科”的数据，您没有权限导入" in page
    assert 'name="plan"' not in page
    assert history_count() == before


def test_value_in_a_computed_cell_is_a_problem(figures, zhaosheng, renshi):
    renshi_department = Department.objects.get(school=figures.school, code="renshi")
    data = build_workbook(figures, [renshi_department])
    row = row_of(data, "单项数据", "student_teacher_ratio")
    preview = build_preview(
        figures, renshi, read_department_workbook(edit(data, {("单项数据", f"F{row}"): 12}))
    )
    assert [p.cell for p in preview.problems] == [f"F{row}"]
    assert "计算值" in preview.problems[0].message


def test_a_file_that_is_not_a_workbook(client, figures, zhaosheng):
    client.force_login(zhaosheng)
    page = upload(client, b"PK\x03\x04 not really").content.decode()
    assert "无法读取文件" in page


def test_problems_block_apply_unless_only_valid_rows_are_chosen(
    client, figures, department, zhaosheng
):
    data = build_workbook(figures, [department])
    graduates, income = (
        row_of(data, "单项数据", "graduates"),
        row_of(data, "单项数据", "monthly_income"),
    )
    changed = edit(data, {("单项数据", f"F{graduates}"): 560, ("单项数据", f"F{income}"): "很多"})
    client.force_login(zhaosheng)
    plan = upload(client, changed).context["plan"]
    page = client.post(UPLOAD + "apply/", {"plan": plan}, follow=True).content.decode()
    assert "工作簿中还有问题" in page
    assert Figure.objects.get(year=figures, indicator__code="graduates").value == 557
    client.post(UPLOAD + "apply/", {"plan": plan, "only_valid": "1"})
    assert Figure.objects.get(year=figures, indicator__code="graduates").value == 560


def test_out_of_range_and_unknown_rows_are_named(figures, department, zhaosheng):
    data = build_workbook(figures, [department])
    rate = row_of(data, "单项数据", "in_province_placement_rate")
    bad = edit(data, {("单项数据", f"F{rate}"): 120, ("单项数据", f"A{rate + 1}"): "no_such_code"})
    preview = build_preview(figures, zhaosheng, read_department_workbook(bad))
    messages = {p.cell: p.message for p in preview.problems}
    assert "百分比不能超过 100" in messages[f"F{rate}"]
    assert "未知的行" in messages[f"F{rate + 1}"]
    assert preview.changes == []


def test_a_zip_bomb_is_refused_before_reading(client, figures, zhaosheng):
    import zipfile

    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    client.force_login(zhaosheng)
    page = upload(client, output.getvalue()).content.decode()
    assert "无法读取文件" in page
