"""Data-set sheets look like the printed tables and are read back by that layout."""

import io
import json

from openpyxl import load_workbook

from metrics import api
from metrics.datasets import DATASETS
from metrics.models import CertificatePassRate, Figure, GaokaoResult
from metrics.workbooks.apply import apply_plan
from metrics.workbooks.preview import build_preview
from metrics.workbooks.reader import read_department_workbook
from metrics.workbooks.template import build_workbook
from reporting.models import Department
from tests.workbooks.conftest import edit

GAOKAO = "“3+证书”高考成绩统计"
CERTIFICATES = "近年学生参加各类证书考核通过率情况"


def preview_of(year, user, data):
    return build_preview(year, user, read_department_workbook(data))


def test_every_data_set_sheet_has_the_printed_header_and_row_labels(figures):
    departments = list(Department.objects.filter(school=figures.school))
    workbook = load_workbook(io.BytesIO(build_workbook(figures, departments)))
    seen = 0
    for ws in workbook.worksheets:
        key = next((k for k, s in DATASETS.items() if ws.title.endswith(str(s.title))), None)
        if key is None or key == "certificates":
            continue
        printed = api.body_table(figures, key)
        header = [c.text for c in printed.header_rows[0]]
        assert [ws.cell(row=3, column=c).value for c in range(1, len(header) + 1)] == header
        first = ws["A4"]
        shown = f"{first.value}年" if first.number_format == '0"年"' else str(first.value)
        assert printed.rows[0][0].text == shown
        seen += 1
    assert seen == len(DATASETS) - 1


def test_computed_cells_are_grey_and_locked_entry_cells_white_and_validated(figures, department):
    ws = load_workbook(io.BytesIO(build_workbook(figures, [department])))[GAOKAO]
    # 类别 | 总人数 | 本科线人数 | 专科线人数 | 本科上线率% | 专科上线率% ; row 6 is 汇总
    assert (ws["A4"].value, ws["B4"].value, ws["F4"].value) == ("应届生", 106, "76.4")
    assert ws["B4"].protection.locked is False and ws["F4"].protection.locked is True
    assert ws["F4"].fill.fgColor.rgb.endswith("D9D9D9")
    assert (ws["A6"].value, ws["B6"].value) == ("汇总", 181)
    assert ws["B6"].protection.locked is True and ws.protection.sheet
    numeric = [v for v in ws.data_validations.dataValidation if v.type == "whole"]
    assert numeric and "B4" in str(numeric[0].sqref)
    assert ws["A1"].value == "“3+证书”高考成绩统计（单位：人）"


def test_a_value_in_a_computed_cell_is_named_and_nothing_is_taken(figures, department, zhaosheng):
    data = edit(build_workbook(figures, [department]), {(GAOKAO, "F4"): 90, (GAOKAO, "B4"): 99})
    preview = preview_of(figures, zhaosheng, data)
    assert [(p.sheet, p.cell) for p in preview.problems] == [(GAOKAO, "F4")]
    assert "不能填写" in preview.problems[0].message
    assert preview.plan["has_problems"]


def test_text_in_a_number_cell_of_a_data_set_is_named(figures, department, zhaosheng):
    data = edit(build_workbook(figures, [department]), {(GAOKAO, "C5"): "两人"})
    preview = preview_of(figures, zhaosheng, data)
    assert [(p.sheet, p.cell) for p in preview.problems] == [(GAOKAO, "C5")]
    assert "本科线人数" in preview.problems[0].message
    assert preview.changes == [] and preview.empty_plan


def test_a_moved_header_is_a_changed_layout(figures, department, zhaosheng):
    workbook = load_workbook(io.BytesIO(build_workbook(figures, [department])))
    workbook[GAOKAO].insert_cols(2)
    output = io.BytesIO()
    workbook.save(output)
    preview = preview_of(figures, zhaosheng, output.getvalue())
    assert [(p.sheet, p.cell) for p in preview.problems] == [(GAOKAO, "B3")]
    assert "表头已改变" in preview.problems[0].message
    assert preview.empty_plan


def test_a_workbook_in_the_previous_layout_is_refused_with_a_message(
    client, figures, department, zhaosheng
):
    workbook = load_workbook(io.BytesIO(build_workbook(figures, [department])))
    meta = workbook["_meta"]
    text = json.loads("".join(str(row[0] or "") for row in meta.iter_rows(values_only=True)))
    meta.delete_rows(1, meta.max_row)
    meta["A1"] = json.dumps({**text, "format": 1}, ensure_ascii=False)
    output = io.BytesIO()
    workbook.save(output)
    before = Figure.pgh_event_models["figure.changed"].objects.count()
    preview = preview_of(figures, zhaosheng, output.getvalue())
    assert len(preview.problems) == 1 and "版式已更新" in preview.problems[0].message
    assert preview.empty_plan
    assert Figure.pgh_event_models["figure.changed"].objects.count() == before


def test_one_changed_data_set_value_is_applied_with_the_users_name(figures, department, zhaosheng):
    data = edit(build_workbook(figures, [department]), {(GAOKAO, "D5"): 65})
    preview = preview_of(figures, zhaosheng, data)
    assert [(c.cell, c.old, c.new) for c in preview.changes] == [("D5", "64", "65")]
    apply_plan(year=figures, user=zhaosheng, plan=preview.plan)
    row = GaokaoResult.objects.get(year=figures, group="往届生")
    assert (row.college_line, row.updated_by) == (65, zhaosheng)
    unchanged = preview_of(figures, zhaosheng, build_workbook(figures, [department]))
    assert unchanged.changes == [] and unchanged.problems == []


def test_a_certificate_pass_rate_typed_into_the_printed_grid_is_added(figures, zhaosheng, editor):
    jiaowu = Department.objects.get(school=figures.school, code="jiaowu")
    data = build_workbook(figures, [jiaowu])
    ws = load_workbook(io.BytesIO(data))[CERTIFICATES]
    assert [ws.cell(row=r, column=1).value for r in range(4, 8)] == [2022, 2023, 2024, 2025]
    assert ws["B7"].protection.locked is False  # 2025: this report year's row
    preview = preview_of(figures, editor, edit(data, {(CERTIFICATES, "B7"): 75}))
    assert preview.problems == []
    assert [(c.cell, c.new) for c in preview.changes] == [("A7", "新增：2025，1+X 证书，75")]
    apply_plan(year=figures, user=editor, plan=preview.plan)
    added = CertificatePassRate.objects.get(year=figures, school_year=2025, certificate="1+X 证书")
    assert (added.pass_rate, added.updated_by) == (75, editor)


def test_every_departments_unchanged_workbook_has_no_changes(figures, editor):
    departments = list(Department.objects.filter(school=figures.school))
    preview = preview_of(figures, editor, build_workbook(figures, departments, editor))
    assert preview.problems == [] and preview.others == []
    assert preview.changes == [] and preview.empty_plan


def test_a_row_deleted_in_an_unprotected_sheet_is_a_changed_layout(figures, department, zhaosheng):
    workbook = load_workbook(io.BytesIO(build_workbook(figures, [department])))
    sheet = "学校专业设置一览表"  # only 合计 is computed: the row ids notice the record rows
    workbook[sheet].protection.sheet = False
    workbook[sheet].delete_rows(5)
    output = io.BytesIO()
    workbook.save(output)
    preview = preview_of(figures, zhaosheng, output.getvalue())
    messages = {(p.sheet, p.cell): p.message for p in preview.problems}
    assert "行被插入、删除或移动" in messages[(sheet, "G5")]
    assert preview.changes == [] and preview.empty_plan


def test_a_hand_edited_hidden_layout_is_a_message_not_an_error(figures, department, zhaosheng):
    workbook = load_workbook(io.BytesIO(build_workbook(figures, [department])))
    meta = workbook["_meta"]
    text = json.loads("".join(str(row[0] or "") for row in meta.iter_rows(values_only=True)))
    for info in text["sheets"]:
        if info["name"] == GAOKAO:
            info["rows"] = {"x": "y"}
    meta.delete_rows(1, meta.max_row)
    meta["A1"] = json.dumps(text, ensure_ascii=False)
    output = io.BytesIO()
    workbook.save(output)
    preview = preview_of(figures, zhaosheng, output.getvalue())
    assert [(p.sheet, p.cell) for p in preview.problems] == [(GAOKAO, "")]
    assert "隐藏版式信息已损坏" in preview.problems[0].message
