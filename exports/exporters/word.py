"""The report as an editable Word document, built from the same print HTML as the PDF.

Chapters, sections and subsections become Word's own Heading 1/2/3 styles, so Word builds its
table of contents (a TOC field stands where the printed 目录 is; Word fills it on opening or
with F9). Cases are bordered single-cell tables, photos are the print-size copies.
"""

from __future__ import annotations

import datetime
import io
import json

import lxml.html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from lxml.html import HtmlElement

from exports.exporters.archive import normalize_zip
from exports.exporters.base import Exporter
from exports.exporters.fetcher import BASE_URL, project_file
from exports.exporters.html import print_html
from exports.exporters.word_tables import add_html_table
from narrative import charts
from reporting.models import ReportYear

BODY_FONT, HEADING_FONT = "宋体", "黑体"
HEADING_LEVELS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
INLINE_BOLD, INLINE_ITALIC = {"strong", "b"}, {"em", "i"}
PHOTO_WIDTH = Cm(14)


def _classes(element: HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _set_fonts(style, east_asian: str, size: Pt | None = None) -> None:
    style.font.name = east_asian
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), east_asian)
    if size:
        style.font.size = size


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    paragraph._p.append(field)


class WordBuilder:
    """Walks the contract HTML once and writes the matching Word blocks."""

    def __init__(self, *, draft: bool, header_text: str, year: ReportYear | None = None):
        self.document = Document()
        self.year = year  # chart blocks are drawn again as PNG for Word
        self.draft = draft
        self._styles()
        self._header_footer(self.document.sections[0], header_text)

    def _styles(self) -> None:
        styles = self.document.styles
        _set_fonts(styles["Normal"], BODY_FONT, Pt(11))
        for level in range(1, 5):
            style = styles[f"Heading {level}"]
            _set_fonts(style, HEADING_FONT)
            style.font.color.rgb = RGBColor(0, 0, 0)
        _set_fonts(styles["Caption"], HEADING_FONT, Pt(9.5))
        section = self.document.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)

    def _header_footer(self, section, header_text: str) -> None:
        header = section.header.paragraphs[0]
        header.text = header_text
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if self.draft:
            mark = header.add_run("　" + _("草稿"))
            mark.bold = True
            mark.font.color.rgb = RGBColor(0xC0, 0, 0)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field(footer, "PAGE")

    # ---- blocks -------------------------------------------------------------------------
    def build(self, html: str) -> Document:
        root = lxml.html.document_fromstring(html)
        body = root.find("body")
        for element in body:
            self.block(element, self.document)
        return self.document

    def block(self, element: HtmlElement, container) -> None:
        tag, classes = element.tag, _classes(element)
        if not isinstance(tag, str):
            return
        if tag == "section" and "cover" in classes:
            self.cover(element)
        elif tag == "nav":
            self.listing(element, toc="toc" in classes)
        elif tag in ("section", "main", "div", "article"):
            if classes & {"front-matter", "chapter", "appendix", "back-cover"}:
                self.page_break()
            for child in element:
                self.block(child, container)
        elif tag in HEADING_LEVELS and container is self.document:
            self.heading(element)
        elif tag in ("h5", "h6") or tag in HEADING_LEVELS:
            paragraph = container.add_paragraph()
            self.inline(element, paragraph, bold=True)
        elif tag == "p":
            self.paragraph(element, container)
        elif tag in ("ul", "ol"):
            style = "List Bullet" if tag == "ul" else "List Number"
            for item in element.iter("li"):
                self.inline(item, container.add_paragraph(style=style))
        elif tag == "figure" and "photo" in classes:
            self.photo(element, container)
        elif tag == "figure" and "chart" in classes:
            self.chart(element, container)
        elif tag == "figure" and "report-table" in classes:
            self.report_table(element, container, wide="wide" in classes)
        elif tag == "table":
            add_html_table(container, element, self.table_cell)
        elif tag == "aside" and "case" in classes:
            self.case(element, container)
        elif tag == "img":
            self.picture(element, container)
        else:
            for child in element:
                self.block(child, container)

    def heading(self, element: HtmlElement) -> None:
        # Front matter titles are centred captions, not outline levels: Word's TOC lists only
        # the body (学校概况, chapters, sections, 附件) like the printed 目录.
        in_body = any(a.tag == "main" for a in element.iterancestors())
        if in_body:
            self.document.add_heading(_text(element), level=HEADING_LEVELS[element.tag])
        else:
            paragraph = self.document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(_text(element))
            run.bold, run.font.size = True, Pt(16)

    def paragraph(self, element: HtmlElement, container) -> None:
        paragraph = container.add_paragraph()
        classes = _classes(element)
        if classes & {"signature", "date", "case-subtitle"}:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif "table-source" in classes:
            paragraph.paragraph_format.space_after = Pt(8)
        else:
            paragraph.paragraph_format.first_line_indent = Pt(22)
        self.inline(element, paragraph)

    def inline(self, element: HtmlElement, paragraph, *, bold=False, italic=False) -> None:
        if element.text:
            self._run(paragraph, element.text, bold, italic)
        for child in element:
            if child.tag == "br":
                paragraph.add_run().add_break()
            elif isinstance(child.tag, str):
                self.inline(
                    child,
                    paragraph,
                    bold=bold or child.tag in INLINE_BOLD,
                    italic=italic or child.tag in INLINE_ITALIC,
                )
            if child.tail:
                self._run(paragraph, child.tail, bold, italic)

    @staticmethod
    def _run(paragraph, text: str, bold: bool, italic: bool) -> None:
        text = " ".join(text.split()) if text.strip() else ""
        if text:
            run = paragraph.add_run(text)
            run.bold, run.italic = bold or None, italic or None

    def cover(self, element: HtmlElement) -> None:
        sizes = {"cover-title": 28, "cover-motto": 16, "cover-school": 20, "cover-date": 14}
        for _index in range(4):
            self.document.add_paragraph()
        for child in element:
            if not isinstance(child.tag, str):
                continue
            paragraph = self.document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.space_after = Pt(24)
            size = next((v for k, v in sizes.items() if k in _classes(child)), 11)
            self.inline(child, paragraph, bold=size >= 20)
            for run in paragraph.runs:
                run.font.size = Pt(size)

    def listing(self, element: HtmlElement, *, toc: bool) -> None:
        self.page_break()
        for child in element:
            if child.tag in HEADING_LEVELS:
                self.heading(child)
        if toc:
            _field(self.document.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u')
            hint = self.document.add_paragraph(
                _("（在 Word 中右键此处选择“更新域”即可生成页码。）")
            )
            hint.runs[0].font.size = Pt(9)
            return
        for item in element.iter("li"):
            self.document.add_paragraph(_text(item))

    def photo(self, element: HtmlElement, container) -> None:
        for image in element.iter("img"):
            self.picture(image, container)
        caption = element.find("figcaption")
        if caption is not None:
            paragraph = container.add_paragraph(_text(caption), style="Caption")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def chart(self, element: HtmlElement, container) -> None:
        """A chart block: the same drawing as the PDF's SVG, as a PNG image."""
        png = None
        if self.year is not None:
            try:
                settings = json.loads(element.get("data-chart") or "{}")
            except ValueError:
                settings = {}
            png = charts.block_png(self.year, settings if isinstance(settings, dict) else {})
        if png is not None:
            paragraph = container.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run().add_picture(io.BytesIO(png), width=PHOTO_WIDTH)
        caption = element.find("figcaption")
        if caption is not None:
            paragraph = container.add_paragraph(_text(caption), style="Caption")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def picture(self, image: HtmlElement, container) -> None:
        found = project_file(BASE_URL.rstrip("/") + (image.get("src") or ""))
        if found is None:
            return
        paragraph = container.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        width = PHOTO_WIDTH if container is self.document else Cm(12)
        paragraph.add_run().add_picture(io.BytesIO(found[1]), width=width)

    def report_table(self, element: HtmlElement, container, *, wide: bool) -> None:
        if wide:
            self.orientation(landscape=True)
        caption = element.find("figcaption")
        if caption is not None:
            paragraph = container.add_paragraph(_text(caption), style="Caption")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.paragraph_format.keep_with_next = True
        for table in element.iter("table"):
            add_html_table(container, table, self.table_cell)
        for source in element.find_class("table-source"):
            self.paragraph(source, container)
        if wide:
            self.orientation(landscape=False)

    def table_cell(self, cell, element: HtmlElement, header: bool) -> None:
        paragraph = cell.paragraphs[0]
        self.inline(element, paragraph, bold=header)
        if header:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def case(self, element: HtmlElement, container) -> None:
        box = container.add_table(rows=1, cols=1)
        box.style = "Table Grid"
        cell = box.cell(0, 0)
        first = True
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if "case-title" in _classes(child):
                paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                self.inline(child, paragraph, bold=True)
            else:
                self.block(child, cell)
            first = False
        container.add_paragraph()

    def page_break(self) -> None:
        if len(self.document.paragraphs) > 0:
            self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def orientation(self, *, landscape: bool) -> None:
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        width, height = Cm(29.7), Cm(21)
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = (width, height) if landscape else (height, width)


class DocxExporter(Exporter):
    format = "docx"
    extension = "docx"
    mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    label = gettext_lazy("Word 可编辑版")

    def render_bytes(self, year: ReportYear) -> bytes:
        self.progress(5, _("生成报告正文"))
        html = print_html(year)
        self.progress(30, _("排版 Word 文档"))
        header = _("%(school)s %(year)s年度质量年度报告") % {
            "school": year.school.name,
            "year": year.year,
        }
        document = WordBuilder(draft=year.is_open, header_text=header, year=year).build(html)
        stamp = datetime.datetime.combine(year.publication_date or year.end_date, datetime.time())
        properties = document.core_properties
        properties.created = properties.modified = stamp
        properties.last_printed = stamp
        properties.author = properties.last_modified_by = year.school.name
        properties.title = header
        properties.revision = 1
        output = io.BytesIO()
        document.save(output)
        self.progress(100, _("完成"))
        return normalize_zip(output.getvalue())
