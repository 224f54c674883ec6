"""The whole report as one HTML document, shared by the preview and every exporter.

CONTRACT between the narrative (which builds the document) and the exports (which print it).
The exports rely only on these ids and classes; anything else is free to change.

    render_report_html(year, *, target="web" | "print") -> str   # a complete <!doctype html> page

target="web": for the browser preview, images by their /media/ URL, links to the editor.
target="print": for WeasyPrint and Word: images use the print-size copy by their /media/ URL,
no editor links, no scripts; the document links exactly one stylesheet slot
`<link rel="stylesheet" href="/static/narrative/report.css">` (the exports add print.css).

<body class="report {draft|final} kind-{zhongzhi|gaozhi}" data-school="{slug}" data-year="2025">
  <section class="cover" id="cover">                h1.cover-title ("2025年度中等职业教育" <br>
                                                    "质量年度报告"), p.cover-motto, p.cover-school,
                                                    p.cover-pinyin, p.cover-date
  <section class="front-matter publication" id="publication">   公开形式 + web address
  <section class="front-matter declaration" id="declaration">   内容真实性责任声明
  <section class="front-matter preface" id="preface">           前言 + p.signature + p.date
  <nav class="toc" id="toc"> <h1>目 录</h1>
       <ol><li class="toc-entry level-N"><a href="#{id}"><span class="toc-number">1.1</span>
           <span class="toc-title">立德树人</span></a></li> … </ol>
  <nav class="list-of-photos" id="list-of-photos"> same shape, entries link "#photo-1-1"
  <nav class="list-of-tables" id="list-of-tables"> entries link "#table-1-1"
  <nav class="list-of-cases" id="list-of-cases">   entries link "#case-1-1"
  <main class="report-body">
    <section class="chapter overview" id="{section-id}"> <h1>学校概况</h1> … (first body page)
    <section class="chapter" id="{section-id}"> <h1><span class="number">1.</span> 人才培养</h1>
       <section class="section level-2" id="…"> <h2><span class="number">1.1.</span> …</h2>
          <section class="section level-3"> <h3> …   (h4… for deeper levels)
       text: <p>, <h5>/<h6> sub-headings inside text, <ul>/<ol>, <strong>, <table class="free">
       bound figure: <span class="bound-figure" data-code="graduates">557</span>
       photo: <figure class="photo" id="photo-1-1"><img src="/media/…" alt="…">
              <figcaption>图 1-1 …</figcaption></figure>
       table: <figure class="report-table [wide]" id="table-1-1">
              <figcaption>表 1-1 …</figcaption>
              <table><thead>…</thead><tbody>…</tbody></table>
              <p class="table-source">图表数据来源：…</p></figure>
       case:  <aside class="case" id="case-1-1"><h4 class="case-title">案例 1-1 …</h4>
              <p class="case-subtitle">——…</p> … text and photos … </aside>
    <section class="appendix" id="appendix"> <h1>附件</h1>
       one figure.report-table per appendix table (ids "appendix-1" …)
  </main>
  <section class="back-cover" id="back-cover"> address, admissions phone, fax, postcode
</body>
"""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from metrics import api as metrics_api
from narrative.document_blocks import BlockRenderer, table_html
from narrative.models import FrontMatter, Section
from narrative.numbering import BlockNode, Outline, SectionNode, build_outline
from narrative.typography import tighten
from reporting.models import ReportYear

REPORT_LANGUAGE = "zh-hans"

STYLESHEET = '<link rel="stylesheet" href="/static/narrative/report.css">'


def render_report_html(year: ReportYear, *, target: str = "web") -> str:
    """The whole report as one complete HTML page (see the contract above)."""
    if target not in ("web", "print"):
        raise ValueError(f"unknown target {target!r}")
    outline = build_outline(year)
    front = FrontMatter.objects.filter(year=year).first() or FrontMatter(year=year)
    # The report is a Chinese document whatever language the reader's interface is in: the
    # preview must read exactly as the printed file does. One load of the figures per document.
    with translation.override(REPORT_LANGUAGE), metrics_api.one_read_per_year():
        document = ReportDocument(year, outline=outline, front=front, target=target)
        return document.html()


def render_section_html(section: Section) -> str:
    """One section (with its sub-sections) as it appears in the report, for the section preview."""
    outline = build_outline(section.year)
    node = outline.by_pk()[section.pk]
    document = ReportDocument(section.year, outline=outline, front=None, target="web")
    with translation.override(REPORT_LANGUAGE):
        return document.section(node)


class ReportDocument:
    def __init__(self, year, *, outline: Outline, front: FrontMatter | None, target: str):
        self.year = year
        self.school = year.school
        self.outline = outline
        self.front = front
        self.target = target
        self.blocks = BlockRenderer(year, target=target, figures=metrics_api.figure_values(year))

    def html(self) -> str:
        school = self.school
        state = "draft" if self.year.is_open else "final"
        title = _("%(school)s%(year)s年度质量年度报告") % {
            "school": school.name,
            "year": self.year.year,
        }
        parts = [
            "<!doctype html>",
            '<html lang="zh-Hans"><head><meta charset="utf-8">',
            f"<title>{escape(title)}</title>",
            STYLESHEET,
            "</head>",
            f'<body class="report {state} kind-{escape(school.kind)}" '
            f'data-school="{escape(school.slug)}" data-year="{self.year.year}">',
            self.cover(),
            self.front_matter(),
            self.toc(),
            self.lists(),
            '<main class="report-body">',
            *(self.section(node) for node in self.outline.roots),
            "</main>",
            self.back_cover(),
            "</body></html>",
        ]
        return "\n".join(parts)

    # --- front and back -------------------------------------------------------------------

    def kind_label(self) -> str:
        return _("高等职业教育") if self.school.is_higher else _("中等职业教育")

    def cover(self) -> str:
        date = self.front.cover_date or self.year.publication_date
        return format_html(
            '<section class="cover" id="cover"><h1 class="cover-title">{}<br>{}</h1>'
            '<p class="cover-motto">{}</p><p class="cover-school">{}</p>'
            '<p class="cover-pinyin">{}</p><p class="cover-date">{}</p></section>',
            _("%(year)s年度%(kind)s") % {"year": self.year.year, "kind": self.kind_label()},
            _("质量年度报告"),
            self.school.motto,
            self.school.name,
            self.school.pinyin_name,
            _date(date),
        )

    def front_matter(self) -> str:
        front = self.front
        web = front.web_address or self.school.website
        publication = format_html(
            '<section class="front-matter publication" id="publication">'
            '<p class="publication-school">{}</p><h2>{}</h2>'
            '<p class="web-address">{}{}</p></section>',
            self.school.name,
            tighten(front.publication_form),
            _("网址："),
            web,
        )
        declaration = format_html(
            '<section class="front-matter declaration" id="declaration"><h1>{}</h1><p>{}</p>'
            '<p>{}</p><p class="seal">{}</p><p class="legal-representative">{}{}</p>'
            '<p class="date">{}</p></section>',
            _("内容真实性责任声明"),
            tighten(front.declaration_text),
            _("特此声明。"),
            _("单位名称（盖章）："),
            _("（学校）法定代表人（签名）："),
            front.legal_representative or self.school.legal_representative,
            _date(front.declaration_date),
        )
        preface = format_html(
            '<section class="front-matter preface" id="preface"><h1>{}</h1>{}'
            '<p class="signature">{}</p><p class="date">{}</p></section>',
            _("前言"),
            mark_safe(self.blocks.text(front.preface)),  # sanitized on save
            front.preface_signature,
            _date(front.preface_date),
        )
        return publication + declaration + preface

    def back_cover(self) -> str:
        front = self.front
        rows = [
            (_("地址："), front.back_address or self.school.address),
            (_("招生专线："), front.back_admissions_phone or self.school.admissions_phone),
            (_("传真："), front.back_fax or self.school.fax),
            (_("邮编："), front.back_postcode or self.school.postcode),
        ]
        items = "".join(format_html("<p>{}{}</p>", label, value) for label, value in rows if value)
        return f'<section class="back-cover" id="back-cover">{items}</section>'

    # --- tables of contents ----------------------------------------------------------------

    def toc(self) -> str:
        entries = []
        for node in self.outline.walk():
            entries.append(_entry(node.level, node.section.anchor, node.number, node.section.title))
        heading = escape(_("目 录"))
        return f'<nav class="toc" id="toc"><h1>{heading}</h1><ol>{"".join(entries)}</ol></nav>'

    def lists(self) -> str:
        out = []
        for css, heading, nodes in (
            ("list-of-photos", _("图 目 录"), self.outline.photos),
            ("list-of-tables", _("表 目 录"), self.outline.tables),
            ("list-of-cases", _("案例目录"), self.outline.cases),
        ):
            entries = "".join(_entry(1, n.anchor, n.label, _block_title(n)) for n in nodes)
            out.append(
                f'<nav class="{css}" id="{css}"><h1>{escape(heading)}</h1><ol>{entries}</ol></nav>'
            )
        return "".join(out)

    # --- body -----------------------------------------------------------------------------

    def section(self, node: SectionNode) -> str:
        section = node.section
        if section.kind == Section.Kind.APPENDIX:
            return self.appendix(node)
        level = min(node.level, 4)
        number = format_html('<span class="number">{}</span> ', node.number) if node.number else ""
        if section.kind == Section.Kind.OVERVIEW:
            css = "chapter overview"
        elif node.level == 1:
            css = "chapter"
        else:
            css = f"section level-{node.level}"
        heading = format_html(
            "<h{}>{}{}{}</h{}>",
            level,
            number,
            tighten(section.title),
            self.edit_link(section),
            level,
        )
        body = self.blocks.blocks(node.blocks)
        children = "".join(self.section(child) for child in node.children)
        return f'<section class="{css}" id="{section.anchor}">{heading}{body}{children}</section>'

    def edit_link(self, section: Section) -> str:
        if self.target != "web":
            return ""
        url = reverse(
            "narrative:section_edit", args=[self.school.slug, self.year.year, section.key]
        )
        return format_html(' <a class="edit-link" href="{}">{}</a>', url, _("编辑"))

    def appendix(self, node: SectionNode) -> str:
        tables = []
        for index, table in enumerate(metrics_api.appendix_tables(self.year), start=1):
            source = (
                format_html('<p class="table-source">{}</p>', table.source) if table.source else ""
            )
            tables.append(
                format_html(
                    '<figure class="report-table{}" id="appendix-{}"><figcaption>{}</figcaption>'
                    "{}{}</figure>",
                    " wide" if table.wide else "",
                    index,
                    table.title,
                    mark_safe(table_html(table.header_rows, table.rows)),
                    source,
                )
            )
        return (
            f'<section class="appendix" id="appendix"><h1>{escape(node.section.title)}</h1>'
            f"{''.join(tables)}</section>"
        )


def _entry(level: int, anchor: str, number: str, title: str) -> str:
    return format_html(
        '<li class="toc-entry level-{}"><a href="#{}"><span class="toc-number">{}</span> '
        '<span class="toc-title">{}</span></a></li>',
        level,
        anchor,
        number,
        tighten(title),
    )


def _block_title(node: BlockNode) -> str:
    return node.block.title if node.block.kind == "case" else node.block.caption


def _date(value) -> str:
    return f"{value.year}年{value.month}月{value.day}日" if value else ""
