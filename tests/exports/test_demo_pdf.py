"""`export_report --format pdf` of the demo: what a reader of the printed report checks."""

import pytest

from tests.exports import pdf_text

CHAPTERS = [
    "学校概况",
    "1.人才培养",
    "2.服务贡献",
    "3.文化传承",
    "4.国际合作",
    "5.产教融合",
    "6.发展保障",
    "7.面临挑战",
    "附件",
]
LISTINGS = ["目录", "图目录", "表目录", "案例目录"]


def body_pages(pages):
    return [page for page in pages if page.label.isdigit()]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_chapter_heading_is_printed_in_the_body(demo_exports, chapter):
    lines = {
        pdf_text.squeeze(line)
        for page in body_pages(demo_exports.pages)
        for line in page.text.splitlines()
    }
    assert any(line.startswith(chapter) for line in lines)


@pytest.mark.parametrize("listing", LISTINGS)
def test_every_listing_entry_points_to_the_page_where_the_item_is_printed(demo_exports, listing):
    entries = pdf_text.listing_entries(pdf_text.listing_pages(demo_exports.pages, listing))
    assert entries, f"{listing} is empty"
    body = body_pages(demo_exports.pages)
    for title, number in entries:
        printed_on = next((p.label for p in body if title in pdf_text.squeeze(p.text)), None)
        assert printed_on == number, f"{listing}: {title} listed on {number}, on {printed_on}"


def test_table_of_contents_lists_every_chapter(demo_exports):
    titles = [
        t for t, _ in pdf_text.listing_entries(pdf_text.listing_pages(demo_exports.pages, "目录"))
    ]
    for chapter in CHAPTERS:
        assert any(title.startswith(chapter) for title in titles), chapter


def test_front_matter_roman_then_overview_on_page_one(demo_exports):
    labels = [page.label for page in demo_exports.pages]
    assert labels[0] == "" and labels[1] == "I"
    overview = next(p for p in body_pages(demo_exports.pages) if "学校概况" in p.text)
    assert overview.label == "1"


def test_embedded_fonts_are_noto_cjk_sc(demo_exports):
    fonts = pdf_text.font_names(demo_exports.pdf_path)
    names = {name for name, _embedded in fonts}
    assert {"Noto-Serif-CJK-SC", "Noto-Sans-CJK-SC-Bold"} <= names
    assert all(embedded == "yes" for _name, embedded in fonts)


def test_open_year_pdf_says_draft_on_every_page(demo_exports):
    assert all("草稿" in page.text for page in demo_exports.pages)


def test_locked_year_pdf_has_no_draft_mark(demo_exports):
    assert not any("草稿" in page.text for page in demo_exports.locked_pages)


def test_cover_names_year_kind_school(demo_exports):
    cover = pdf_text.squeeze(demo_exports.pages[0].text)
    assert "2025年度中等职业教育质量年度报告" in cover
    assert "连州市职业技术学校" in cover
