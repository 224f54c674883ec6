"""A submitted item is read-only in a workbook: locked in the download, refused per cell on
upload in the forms' own words, nothing written."""

import io

from openpyxl import load_workbook

from metrics.models import Figure, GaokaoResult
from tests.workbooks.conftest import edit, row_of

ITEMS = "/review/lianzhou/2025/items/"
DOWNLOAD = "/figures/lianzhou/2025/d/zhaosheng/workbook.xlsx"
UPLOAD = "/figures/lianzhou/2025/workbook/"
GAOKAO = "“3+证书”高考成绩统计"


def upload(client, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(UPLOAD, {"file": SimpleUploadedFile("t.xlsx", data)})


def test_submitted_figures_are_locked_in_the_download_and_refused_on_upload(
    client, figures, zhaosheng
):
    client.force_login(zhaosheng)
    fresh = client.get(DOWNLOAD).content
    client.post(ITEMS + "figures/zhaosheng/submit/")
    data = client.get(DOWNLOAD).content
    ws = load_workbook(io.BytesIO(data))["单项数据"]
    row = row_of(data, "单项数据", "graduates")
    assert ws[f"F{row}"].protection.locked is True
    assert "已提交编委会审核" in ws["A2"].value
    page = upload(client, edit(fresh, {("单项数据", f"F{row}"): 560})).content.decode()
    assert f"F{row}" in page and "毕业生人数" in page and "已提交编委会审核，部门暂不能修改" in page
    assert 'name="plan"' not in page
    assert Figure.objects.get(year=figures, indicator__code="graduates").value == 557


def test_a_submitted_data_set_is_refused_per_cell(client, figures, zhaosheng):
    client.force_login(zhaosheng)
    fresh = client.get(DOWNLOAD).content
    client.post(ITEMS + "data/gaokao_3plus/submit/")
    ws = load_workbook(io.BytesIO(client.get(DOWNLOAD).content))[GAOKAO]
    assert ws["B4"].protection.locked is True
    page = upload(client, edit(fresh, {(GAOKAO, "B4"): 99, (GAOKAO, "C5"): 3}))
    problems = [(p.sheet, p.cell) for p in page.context["preview"].problems]
    assert problems == [(GAOKAO, "B4"), (GAOKAO, "C5")]
    assert "已提交编委会审核" in page.content.decode()
    assert GaokaoResult.objects.get(year=figures, group="应届生").candidates == 106


def test_the_committee_may_still_correct_a_submitted_item(client, figures, zhaosheng, editor):
    client.force_login(zhaosheng)
    client.post(ITEMS + "figures/zhaosheng/submit/")
    client.force_login(editor)
    data = client.get(DOWNLOAD).content
    row = row_of(data, "单项数据", "graduates")
    assert load_workbook(io.BytesIO(data))["单项数据"][f"F{row}"].protection.locked is False
    page = upload(client, edit(data, {("单项数据", f"F{row}"): 560}))
    assert page.context["preview"].problems == []
    assert len(page.context["preview"].changes) == 1
