"""Download a department's workbook, upload it again: no change, one change, others' changes."""

import pghistory.models

from metrics.models import Figure, GaokaoResult
from metrics.workbooks.apply import apply_plan
from metrics.workbooks.preview import build_preview
from metrics.workbooks.reader import read_department_workbook
from metrics.workbooks.template import build_workbook
from tests.workbooks.conftest import edit, row_of


def preview_of(year, user, data):
    return build_preview(year, user, read_department_workbook(data))


def test_unchanged_workbook_has_no_changes(figures, department, zhaosheng):
    data = build_workbook(figures, [department])
    preview = preview_of(figures, zhaosheng, data)
    assert preview.problems == []
    assert preview.changes == []
    assert preview.empty_plan


def test_one_changed_value_is_previewed_and_applied_with_history(figures, department, zhaosheng):
    data = build_workbook(figures, [department])
    row = row_of(data, "单项数据", "graduates")
    preview = preview_of(figures, zhaosheng, edit(data, {("单项数据", f"F{row}"): 560}))
    assert [(c.cell, c.what, c.old, c.new) for c in preview.changes] == [
        (f"F{row}", "毕业生人数（人）", "557", "560")
    ]
    apply_plan(year=figures, user=zhaosheng, plan=preview.plan)
    figure = Figure.objects.get(year=figures, indicator__code="graduates")
    assert (figure.value, figure.updated_by) == (560, zhaosheng)
    assert (
        pghistory.models.Events.objects.filter(
            pgh_obj_model="metrics.Figure", pgh_obj_id=figure.pk
        ).count()
        >= 2
    )


def test_data_set_row_change_is_previewed_and_applied(figures, department, zhaosheng):
    data = build_workbook(figures, [department])
    sheet = "“3+证书”高考成绩统计"
    preview = preview_of(figures, zhaosheng, edit(data, {(sheet, "B4"): 99}))
    assert preview.problems == []
    assert [(c.cell, c.new) for c in preview.changes] == [("B4", "99")]
    apply_plan(year=figures, user=zhaosheng, plan=preview.plan)
    row = GaokaoResult.objects.filter(year=figures).order_by("position", "pk").first()
    assert (row.candidates, row.updated_by) == (99, zhaosheng)
