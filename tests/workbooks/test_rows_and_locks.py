"""Data-set rows added and removed through a workbook; a locked year; a broken appendix."""

from django.core.management import call_command
from openpyxl import Workbook

from metrics.models import Figure, MajorChange
from metrics.workbooks.apply import apply_plan
from metrics.workbooks.preview import build_preview
from metrics.workbooks.reader import read_department_workbook
from metrics.workbooks.template import build_workbook
from reporting.models import ReportYear
from tests.workbooks.conftest import edit

SHEET = "本学年学校专业动态调整变化情况"


def preview_of(year, user, data):
    return build_preview(year, user, read_department_workbook(data))


def test_a_new_row_and_a_removed_row_are_previewed_and_applied(figures, department, zhaosheng):
    data = build_workbook(figures, [department])
    rows = list(MajorChange.objects.filter(year=figures).order_by("position", "pk"))
    new_row = 4 + len(rows)  # the printed rows, then empty rows for new records
    changes = {(SHEET, f"A{new_row}"): "交通运输大类", (SHEET, f"B{new_row}"): "汽车运用与维修"}
    changes |= {(SHEET, f"{c}4"): None for c in "ABDF"}  # C and E are computed (个数)
    preview = preview_of(figures, zhaosheng, edit(data, changes))
    assert preview.problems == []
    assert sorted(c.new.split("：")[0] for c in preview.changes) == ["删除此行", "新增"]
    apply_plan(year=figures, user=zhaosheng, plan=preview.plan)
    assert not MajorChange.objects.filter(pk=rows[0].pk).exists()
    added = MajorChange.objects.get(year=figures, added_major="汽车运用与维修")
    assert added.updated_by == zhaosheng


def test_a_locked_year_previews_a_problem_and_writes_nothing(figures, department, zhaosheng):
    data = build_workbook(figures, [department])
    ReportYear.objects.filter(pk=figures.pk).update(status=ReportYear.Status.LOCKED)
    figures.refresh_from_db()
    preview = preview_of(figures, zhaosheng, edit(data, {("单项数据", "F4"): 1}))
    assert "已锁定" in preview.problems[0].message
    assert preview.empty_plan


def test_an_appendix_with_a_removed_row_names_the_cell(figures, editor, tmp_path, capsys):
    workbook = Workbook()
    ws = workbook.active
    ws.append(["表 1 人才培养质量计分卡"])
    ws.append(["序号", "指标", "单位", "2025 年"])
    ws.append(["1", "毕业生人数", "人", 560])
    ws.append(["2", "毕业去向落实人数", "人", 557])
    ws.append([None, "升入本科人数", "人", 0])  # 其中：升学人数 removed
    path = tmp_path / "a.xlsx"
    workbook.save(path)
    try:
        call_command("import_figures", school="lianzhou", year=2025, user="editor",
                     file=str(path), appendix=True)  # fmt: skip
    except SystemExit as exit_info:
        assert exit_info.code == 1
    err = capsys.readouterr().err
    assert "Sheet!B5" in err and "其中：升学人数" in err
    assert Figure.objects.get(year=figures, indicator__code="graduates").value == 557
