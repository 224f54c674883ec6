"""The demo region's own report (issue 13 item 5): a bureau committee writes a chapter, its
表1 shows the sums of the region's published school years, and it exports."""

import io
import re
from decimal import Decimal

import openpyxl
import pytest
from django.core.management import call_command

from districtreport.services import aggregate, is_stale
from exports.exporters import get_exporter
from metrics.api import figure_values
from narrative.models import Section
from publication.blockers import lock_blockers
from reporting.models import ReportYear, School, User
from tests.districtreport.conftest import lock
from tests.exports import pdf_text

PAGE = "/district/qingyuan-report/2025/"


def table1(client) -> dict[str, str]:
    """表1 as the sources page shows it: 指标 → printed value."""
    html = client.get(PAGE).content.decode()
    table = html.split('data-testid="appendix-1"', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    cells = [re.findall(r"<td>(.*?)</td>", row, re.S) for row in rows]
    return {c[1].strip(): c[3].strip() for c in cells if len(c) == 4 and c[1].strip()}


def printed(year: ReportYear, code: str) -> str:
    return figure_values(year)[code].display


def test_table1_shows_the_sum_of_the_published_school_years(
    client, region_editor, region_year, lianzhou_published, shili_year, editor
):
    lock(shili_year, editor)
    aggregate(year=region_year, user=region_editor)
    client.force_login(region_editor)
    shown = table1(client)
    for code, label in [("graduates", "毕业生人数"), ("placed_graduates", "毕业去向落实人数")]:
        total = int(printed(lianzhou_published, code)) + int(printed(shili_year, code))
        assert shown[label] == str(total)
    assert shown["毕业生人数"] == str(557 + 380)


def test_an_open_school_year_is_left_out_and_the_page_says_why(
    client, region_editor, region_year, lianzhou_published
):
    client.force_login(region_editor)
    html = client.get(PAGE).content.decode()
    shili = html.split('data-school="shili"', 1)[1].split("</tr>", 1)[0]
    assert "不计入" in shili and "尚未锁定发布（填报中）" in shili
    assert "计入" in html.split('data-school="lianzhou"', 1)[1].split("</tr>", 1)[0]
    assert table1(client)["毕业生人数"] == printed(lianzhou_published, "graduates") == "557"


def test_a_ratio_is_the_ratio_of_the_sums_not_the_average(
    region_editor, region_year, lianzhou_published, shili_year, editor
):
    lock(shili_year, editor)
    aggregate(year=region_year, user=region_editor)
    values = {y: figure_values(y) for y in (lianzhou_published, shili_year)}
    students = sum(Decimal(v["students"].value) for v in values.values())
    teachers = sum(Decimal(v["fulltime_teachers"].value) for v in values.values())
    of_sums = f"{(students / teachers).quantize(Decimal('0.01'))}:1"
    assert printed(region_year, "student_teacher_ratio") == of_sums
    ratios = [v["students"].value / v["fulltime_teachers"].value for v in values.values()]
    average = f"{Decimal(sum(ratios) / 2).quantize(Decimal('0.01'))}:1"
    assert of_sums != average
    dual = printed(region_year, "dual_teacher_share")
    assert dual != printed(lianzhou_published, "dual_teacher_share")


def test_a_source_locked_after_the_sums_makes_them_stale_and_blocks_the_lock(
    client, region_editor, region_year, shili_year, editor
):
    assert not is_stale(region_year)
    lock(shili_year, editor)
    assert is_stale(region_year)
    assert any("地区汇总已过期" in b.message for b in lock_blockers(region_year))
    client.force_login(region_editor)
    client.post("/publication/qingyuan-report/2025/lock/", {"note": ""})
    region_year.refresh_from_db()
    assert region_year.is_open
    page = client.get("/publication/qingyuan-report/2025/").content.decode()
    assert "地区汇总已过期" in page
    assert "汇总已过期" in client.get(PAGE).content.decode()
    client.post(PAGE + "aggregate/")
    assert not is_stale(region_year)


@pytest.mark.parametrize("who", ["region_head", "editor", "bureau", None])
def test_only_the_region_committee_may_aggregate(client, request, region_year, who):
    expected = {"region_head": 403, "editor": 404, "bureau": 403, None: 302}[who]
    if who:
        client.force_login(request.getfixturevalue(who))
    before = region_year.aggregation.aggregated_at
    response = client.post(PAGE + "aggregate/")
    assert response.status_code == expected
    region_year.aggregation.refresh_from_db()
    assert region_year.aggregation.aggregated_at == before


def test_a_locked_region_report_refuses_to_aggregate(client, region_editor, region_year):
    lock(region_year, region_editor)
    client.force_login(region_editor)
    response = client.post(PAGE + "aggregate/", follow=True)
    assert "锁定，不能再修改" in response.content.decode()
    assert 'data-testid="aggregate"' not in client.get(PAGE).content.decode()


def test_bureau_staff_write_a_chapter_and_the_pdf_prints_it(client, region_head, region_year):
    chapter = Section.objects.get(year=region_year, title="教育教学")
    url = f"/report/qingyuan-report/2025/sections/{chapter.key}/"
    client.force_login(region_head)
    client.post(url, {"version": chapter.version, "action": "add-text"})
    chapter.refresh_from_db()
    block = chapter.blocks.get(kind="text")
    text = "全市中职学校推进三教改革，课堂教学质量稳步提升。"
    response = client.post(url, {"version": chapter.version, f"text_{block.pk}": f"<p>{text}</p>"})
    assert response.status_code == 302
    pdf = get_exporter("pdf").render(region_year).content
    pages = pdf_text.printed_pages(pdf)
    body = "".join(pdf_text.squeeze(page.text) for page in pages)
    assert "2.教育教学" in body and text.rstrip("。") in body
    assert "清远市" in pages[0].text


def test_the_excel_export_has_the_region_sums(region_editor, region_year, shili_year, editor):
    lock(shili_year, editor)
    aggregate(year=region_year, user=region_editor)
    workbook = openpyxl.load_workbook(io.BytesIO(get_exporter("xlsx").render(region_year).content))
    sheet = workbook.worksheets[0]
    assert sheet.title.replace(" ", "").startswith("表1")
    cells = [list(row) for row in sheet.iter_rows(values_only=True)]
    row = next(r for r in cells if "毕业生人数" in r)
    assert 557 + 380 in row


def test_the_people_of_the_region_report_find_its_sources_page(client, region_head, region_year):
    client.force_login(region_head)
    home = client.get("/").content.decode()
    assert PAGE in home
    assert PAGE in client.get("/report/qingyuan-report/2025/").content.decode()
    assert client.get(PAGE).status_code == 200


def test_create_region_report_makes_a_body_with_the_region_template(db):
    from regions.demo import load_regions

    load_regions()
    out = io.StringIO()
    call_command(
        "create_region_report", "--region", "qingcheng", "--slug", "qingcheng-report",
        "--name", "清城区", "--year", "2025", stdout=out,
    )  # fmt: skip
    body = School.objects.get(slug="qingcheng-report")
    assert body.reports_for_region.code == "qingcheng" and body.region is None
    titles = list(
        Section.objects.filter(year__school=body, parent=None).values_list("title", flat=True)
    )
    assert len([t for t in titles if t not in ("区域职业教育概况", "附件 职业教育质量数据表")]) == 8
    assert "教育教学" in titles
    assert User.objects.filter(school=body).count() == 0


def test_the_word_export_has_the_region_chapters(region_year):
    import docx

    document = docx.Document(io.BytesIO(get_exporter("docx").render(region_year).content))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading 1")]
    assert any("教育教学" in h for h in headings)
    assert len([h for h in headings if h[:1].isdigit()]) == 8


def test_the_bureau_sees_its_region_report_and_its_published_sha256(client, region_year):
    """清远市教育局 (`jiaoyuju`, read-only) finds the region's own report on the region page:
    its status, and the SHA-256 of the edition its committee published."""
    from publication.models import Edition, EditionFile

    bureau = User.objects.get(username="jiaoyuju")
    client.force_login(bureau)
    page = client.get(f"/region/{bureau.region.code}/").content.decode()
    assert "本地区年报" in page and region_year.school.name in page
    assert f"2025年度：{region_year.get_status_display()}" in page

    editor = User.objects.get(username="qingyuan_editor")
    lock(region_year, editor)
    edition = Edition.objects.create(
        year=region_year, number=1, locked_by=editor, locked_at=region_year.locked_at
    )
    digest = "ab" * 32
    EditionFile.objects.create(edition=edition, format="pdf", filename="清远市年报.pdf",
                               path="region/qingyuan.pdf", mimetype="application/pdf",
                               sha256=digest, size=1)  # fmt: skip
    page = client.get(f"/region/{bureau.region.code}/").content.decode()
    assert f"2025年度：{ReportYear.Status.LOCKED.label}" in page and digest in page
