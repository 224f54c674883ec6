"""`export_report --format docx` of the demo: an editable Word file with real headings."""

import io

import docx
import pytest

from tests.exports.test_demo_pdf import CHAPTERS


@pytest.fixture(scope="module")
def document(demo_exports):
    return docx.Document(io.BytesIO(demo_exports.docx))


def headings(document, level):
    return [
        "".join(p.text.split()) for p in document.paragraphs if p.style.name == f"Heading {level}"
    ]


def test_every_chapter_is_a_heading_1(document):
    chapters = headings(document, 1)
    for chapter in CHAPTERS:
        assert any(h.startswith(chapter) for h in chapters), chapter


def test_sections_are_heading_2(document):
    assert any(h.startswith("1.1") for h in headings(document, 2))


def test_word_builds_its_own_table_of_contents(document):
    fields = document.element.body.xpath(".//w:fldSimple/@w:instr")
    assert any(field.startswith("TOC ") for field in fields)


def test_photos_tables_and_cases_are_in_the_document(document):
    assert len(document.inline_shapes) >= 10
    assert len(document.tables) >= 20
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert any(c.startswith("图") for c in captions) and any(c.startswith("表") for c in captions)


def test_draft_mark_only_for_an_open_year(document, demo_exports):
    locked = docx.Document(io.BytesIO(demo_exports.locked_docx))
    assert "草稿" in document.sections[0].header.paragraphs[0].text
    assert "草稿" not in locked.sections[0].header.paragraphs[0].text
