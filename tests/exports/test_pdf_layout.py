"""The print stylesheet on a hand-written document in the contract's shape (no database)."""

import re
import subprocess

import pytest

from exports.exporters.pdf import write_pdf
from tests.exports import pdf_text
from tests.exports.fixture_document import fixture_html, write_photo

LISTINGS = {"目录": 16, "图目录": 1, "表目录": 2, "案例目录": 1}


@pytest.fixture(scope="session")
def fixture_pdf(tmp_path_factory, settings_media_root):
    write_photo()
    path = tmp_path_factory.mktemp("pdf") / "fixture.pdf"
    path.write_bytes(write_pdf(fixture_html(), draft=True))
    return path


@pytest.fixture(scope="session")
def settings_media_root():
    from django.conf import settings

    return settings.MEDIA_ROOT


@pytest.fixture(scope="session")
def fixture_pages(fixture_pdf):
    return pdf_text.printed_pages(fixture_pdf.read_bytes())


@pytest.mark.parametrize("listing", LISTINGS)
def test_every_listing_entry_points_to_the_page_where_the_item_is_printed(fixture_pages, listing):
    entries = pdf_text.listing_entries(pdf_text.listing_pages(fixture_pages, listing))
    assert len(entries) == LISTINGS[listing]
    body = [p for p in fixture_pages if p.label.isdigit()]
    for title, number in entries:
        first = next(p for p in body if title in pdf_text.squeeze(p.text))
        assert first.label == number, f"{title}: listed on {number}, printed on {first.label}"


def test_front_matter_is_roman_and_overview_starts_arabic_one(fixture_pages):
    labels = [page.label for page in fixture_pages]
    assert labels[0] == ""  # the cover carries no number
    assert labels[1:4] == ["I", "II", "III"]
    overview = next(p for p in fixture_pages if "学校概况" in p.text and p.label.isdigit())
    assert overview.label == "1"


def test_running_header_names_school_and_report(fixture_pages):
    for page in fixture_pages[1:-1]:
        assert "连州市职业技术学校" in page.text
        assert "2025年度中等职业教育质量年度报告" in pdf_text.squeeze(page.text)


def test_wide_table_gets_a_landscape_page(fixture_pdf):
    sizes = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "99", str(fixture_pdf)], capture_output=True, text=True
    ).stdout
    assert "841.89 x 595.276" in sizes  # A4 landscape
    assert "595.276 x 841.89" in sizes


def test_table_header_repeats_on_every_page_of_a_long_table(fixture_pages):
    table_pages = [p for p in fixture_pages if re.search(r"^\s*列1\s+列2", p.text, re.M)]
    assert len(table_pages) >= 3  # 表1-1 spans two pages, plus the appendix table


def test_open_year_says_draft_on_every_page(fixture_pages):
    assert all("草稿" in page.text for page in fixture_pages)


def test_locked_year_carries_no_draft_mark():
    pages = pdf_text.printed_pages(write_pdf(fixture_html(draft=False), draft=False))
    assert not any("草稿" in page.text for page in pages)


def test_noto_cjk_fonts_are_embedded(fixture_pdf):
    fonts = dict(pdf_text.font_names(fixture_pdf))
    assert fonts.get("Noto-Serif-CJK-SC") == "yes"
    assert fonts.get("Noto-Sans-CJK-SC-Bold") == "yes"


def test_same_document_gives_the_same_pdf_bytes(fixture_pdf):
    # No clock in the file: a locked year's PDF can be archived and compared later.
    assert write_pdf(fixture_html(), draft=True) == fixture_pdf.read_bytes()
