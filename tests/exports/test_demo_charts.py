"""The demo report's two charts: vector graphics with the report's CJK fonts in the PDF (text
stays text), pictures in Word."""

import io
import subprocess

import docx

from tests.exports import pdf_text
from tests.exports.pdf_text import squeeze

CHART_CAPTIONS = ["近年学生参加各类证书考核通过率变化", "近三年毕业生升学人数（按升学途径）"]


def test_pdf_charts_are_vector_with_embedded_cjk_fonts(demo_exports):
    fonts = subprocess.run(
        ["pdffonts", str(demo_exports.pdf_path)], capture_output=True, check=True, text=True
    ).stdout
    sans = [line for line in fonts.splitlines() if "Noto-Sans-CJK-SC" in line]
    assert sans and all(" yes yes yes " in line for line in sans)  # embedded, subset, unicode
    text = "".join(squeeze(page.text) for page in demo_exports.pages)
    # axis labels and the legend are text in the PDF, not pixels
    assert "各类证书考核通过率（%）" in text
    assert "毕业生升学人数（按升学途径）（人）" in text
    assert "2022年" in text and "通过高考专科升学人数" in text


def test_pdf_numbers_charts_with_the_photos(demo_exports):
    text = "".join(squeeze(page.text) for page in demo_exports.pages)
    entries = pdf_text.listing_entries(pdf_text.listing_pages(demo_exports.pages, "图目录"))
    titles = [squeeze(title) for title, _page in entries]
    for caption in CHART_CAPTIONS:
        assert caption in text
        assert any(t.startswith("图1-") and t.endswith(caption) for t in titles), caption


def test_word_has_the_charts_as_pictures(demo_exports):
    document = docx.Document(io.BytesIO(demo_exports.docx))
    paragraphs = document.paragraphs
    for caption in CHART_CAPTIONS:
        index = next(
            i for i, p in enumerate(paragraphs) if caption in p.text and p.style.name == "Caption"
        )
        assert paragraphs[index].text.startswith("图 1-")
        picture = paragraphs[index - 1]._p.xpath(".//pic:pic")
        assert picture, f"no picture above {caption}"
    pngs = [p for p in document.part.package.parts if p.content_type == "image/png"]
    assert len(pngs) >= 2
