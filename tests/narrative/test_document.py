import json
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from narrative.document import render_report_html

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "narrative" / "sample-2025.json"


def expected_headings() -> list[str]:
    """The sample's 目录 as kept in the committed fixture: '1.1. 立德树人' …"""
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    out = []

    def walk(nodes):
        for node in nodes:
            out.append(f"{node['number']} {node['title']}")
            walk(node["children"])

    walk(data["sections"])
    return out


def body_headings(html: str) -> list[str]:
    main = html.split('<main class="report-body">', 1)[1]
    found = re.findall(r'<h[1-4]><span class="number">([\d.]+)</span> (.*?)(?: <a |</h)', main)
    return [f"{number} {title}" for number, title in found]


def test_demo_document_has_every_heading_of_the_sample_in_order(sample):
    html = render_report_html(sample, target="print")
    assert body_headings(html) == expected_headings()
    assert len(expected_headings()) == 66  # 目录 L44–110 without 学校概况
    for heading in (
        "1.4.3. 打通就业升学双路径",
        "2.2. 服务就业 稳岗增收",
        "4. 国际合作",
        "6.4.2. 实施“三维”评价体系，全面提升课堂教学质量",
        "7.4. 教职员工队伍青黄不接，教育发展面临挑战",
    ):
        assert heading in body_headings(html)
    assert "<h1>学校概况</h1>" in html and "学校暂未开展此项工作。" in html


def test_lists_of_photos_tables_and_cases_are_generated(sample):
    html = render_report_html(sample, target="print")
    photos = re.findall(r'href="#(photo-\d+-\d+)"', html)
    tables = re.findall(r'href="#(table-\d+-\d+)"', html)
    cases = re.findall(r'href="#(case-\d+-\d+)"', html)
    # 39 photos and the demo's two charts (numbered 图 n-m with the photos)
    assert len(photos) == 41 and photos[0] == "photo-1-1" and photos[-1] == "photo-6-19"
    chapter_6 = [f"table-6-{n}" for n in range(1, 10)]
    assert tables == ["table-1-1", "table-1-2", "table-1-3", *chapter_6]
    assert len(cases) == 10 and cases[-1] == "case-6-4"
    wide = '<figure class="report-table wide" id="table-6-9"><figcaption>表 6-9 教师教学质量评价表'
    assert wide in html
    assert '<h4 class="case-title">案例 1-1 以鉴促学、以法赋能</h4>' in html
    assert '<p class="case-subtitle">——鉴法普法走进校园，彰显职业教育特色</p>' in html
    assert "<figcaption>图 2-3 学生岗位实习培训" in html


def test_print_document_follows_the_contract(sample):
    html = render_report_html(sample, target="print")
    assert html.startswith("<!doctype html>")
    assert '<link rel="stylesheet" href="/static/narrative/report.css">' in html
    body = '<body class="report draft kind-zhongzhi" data-school="lianzhou" data-year="2025">'
    assert body in html
    for anchor in ("cover", "publication", "declaration", "preface", "toc", "list-of-photos",
                   "list-of-tables", "list-of-cases", "appendix", "back-cover"):  # fmt: skip
        assert f'id="{anchor}"' in html
    assert "<script" not in html and "edit-link" not in html
    assert "王少林" in html and "招生专线：0763-6608038" in html


def test_typography_removes_spaces_between_chinese_and_digits(sample):
    html = render_report_html(sample, target="print")
    assert "于2025年6月19日邀请" in html
    assert "于 2025 年" not in html


def test_export_report_html_writes_the_document(sample, tmp_path):
    out = tmp_path / "report.html"
    call_command("export_report", school="lianzhou", year=2025, format="html", output=str(out))
    text = out.read_text(encoding="utf-8")
    assert body_headings(text) == expected_headings()
