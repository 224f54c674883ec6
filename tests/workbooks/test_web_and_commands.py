"""The pages and the two commands, as a user and an administrator use them."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from exports.exporters.excel import XlsxExporter
from metrics.models import Figure
from tests.workbooks.conftest import edit, row_of

PAGE = "/figures/lianzhou/2025/workbook/"
REFERENCE = "/work/shared/reference/appendix-indicators-2025.json"
SEED = "/work/shared/seeds/000_84e865a4e98e289b.txt"


def test_round_trip_through_the_pages(client, figures, zhaosheng):
    client.force_login(zhaosheng)
    data = client.get("/figures/lianzhou/2025/d/zhaosheng/workbook.xlsx").content
    page = client.post(PAGE, {"file": SimpleUploadedFile("t.xlsx", data)}).content.decode()
    assert "没有改动" in page
    row = row_of(data, "单项数据", "graduates")
    response = client.post(
        PAGE, {"file": SimpleUploadedFile("t.xlsx", edit(data, {("单项数据", f"F{row}"): 560}))}
    )
    assert [(c.what, c.old, c.new) for c in response.context["preview"].changes] == [
        ("毕业生人数（人）", "557", "560")
    ]
    page = client.post(
        PAGE + "apply/", {"plan": response.context["plan"]}, follow=True
    ).content.decode()
    assert "已导入，1 项数据有变动" in page
    figure = Figure.objects.get(year=figures, indicator__code="graduates")
    assert (figure.value, figure.updated_by.get_full_name()) == (560, "陈招就")
    form = client.get("/figures/lianzhou/2025/d/zhaosheng/").content.decode()
    assert "陈招就" in form


def test_others_change_between_download_and_upload_is_shown(client, figures, zhaosheng, editor):
    client.force_login(zhaosheng)
    data = client.get("/figures/lianzhou/2025/d/zhaosheng/workbook.xlsx").content
    from metrics import services

    services.set_figures(year=figures, user=editor, values={"monthly_income": 3700})
    row = row_of(data, "单项数据", "graduates")
    preview = client.post(
        PAGE, {"file": SimpleUploadedFile("t.xlsx", edit(data, {("单项数据", f"F{row}"): 560}))}
    ).context["preview"]
    assert len(preview.changes) == 1
    assert any("月收入" in text and "3700" in text for text in preview.others)


def test_committee_downloads_every_department_in_one_workbook(client, figures, editor, zhaosheng):
    client.force_login(editor)
    response = client.get(PAGE + "all.xlsx")
    assert response.status_code == 200
    from openpyxl import load_workbook

    names = load_workbook(io.BytesIO(response.content)).sheetnames
    assert "招生就业办·单项数据" in names and "财务科·单项数据" in names
    client.force_login(zhaosheng)
    assert client.get(PAGE + "all.xlsx").status_code == 403


def test_commands_round_trip_and_exit_1_on_a_problem(figures, tmp_path):
    path = tmp_path / "t.xlsx"
    call_command(
        "figures_template", school="lianzhou", year=2025, department="zhaosheng", output=str(path)
    )
    row = row_of(path.read_bytes(), "单项数据", "graduates")
    path.write_bytes(edit(path.read_bytes(), {("单项数据", f"F{row}"): 561}))
    out = io.StringIO()
    call_command(
        "import_figures",
        school="lianzhou",
        year=2025,
        user="zhaosheng",
        file=str(path),
        dry_run=True,
        stdout=out,
    )
    assert "毕业生人数（人）：557 → 561" in out.getvalue()
    assert Figure.objects.get(year=figures, indicator__code="graduates").value == 557
    income = row_of(path.read_bytes(), "单项数据", "monthly_income")
    path.write_bytes(edit(path.read_bytes(), {("单项数据", f"F{income}"): "abc"}))
    err = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "import_figures",
            school="lianzhou",
            year=2025,
            user="zhaosheng",
            file=str(path),
            stderr=err,
        )
    assert exit_info.value.code == 1
    assert f"单项数据!F{income}" in err.getvalue()
    assert Figure.objects.get(year=figures, indicator__code="graduates").value == 557


def test_appendix_in_our_export_layout_imports_a_changed_value(client, figures, editor):
    data = XlsxExporter().render_bytes(figures)
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data))
    ws = workbook.worksheets[0]
    row = next(
        r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=2).value == "毕业生人数"
    )
    ws.cell(row=row, column=4).value = 558
    output = io.BytesIO()
    workbook.save(output)
    client.force_login(editor)
    response = client.post(
        "/figures/lianzhou/2025/appendix-import/",
        {"file": SimpleUploadedFile("a.xlsx", output.getvalue())},
    )
    preview = response.context["preview"]
    assert preview.problems == []
    assert [(c.what, c.new) for c in preview.changes] == [("毕业生人数（人）", "558")]


def test_appendix_in_the_ministry_layout(figures, editor, tmp_path):
    """All five tables on one sheet, values as the sample prints them (18.55:1, 中职填报)."""
    import json

    from openpyxl import Workbook

    reference = json.load(open(REFERENCE))
    seed = open(SEED, encoding="utf-8").read().splitlines()
    workbook = Workbook()
    ws = workbook.active
    ws.append(["附件 5 职业教育质量数据表"])
    for table in reference["tables"]:
        ws.append([f"表 {table['table_no']} {table['title']}"])
        ws.append(["序号", "指标", "单位", "2025 年"])
        for row in table["rows"]:
            value = seed[row["line"] - 1].split("\t")[3]
            ws.append([row["seq"], row["indicator"], row["unit"], value])
        ws.append([])
    path = tmp_path / "m.xlsx"
    workbook.save(path)
    out, err = io.StringIO(), io.StringIO()
    run_command(
        "import_figures",
        school="lianzhou",
        year=2025,
        user="editor",
        file=str(path),
        appendix=True,
        dry_run=True,
        stdout=out,
        stderr=err,
    )
    assert (err.getvalue(), "共 0 处改动") == ("", "共 0 处改动")
    assert "生师比 是计算值，不导入：表中为 18.55:1，系统计算为 19.65:1" in out.getvalue()
    assert "共 0 处改动" in out.getvalue()


def run_command(*args, **kwargs):
    """call_command, with an exit status of 1 kept for the asserts after it."""
    try:
        call_command(*args, **kwargs)
    except SystemExit as exit_info:
        return exit_info.code
    return 0
