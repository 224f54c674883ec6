"""The print-ready PDF: the narrative's print document + our print.css, laid out by WeasyPrint."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from exports.exporters.base import Exporter
from exports.exporters.fetcher import BASE_URL, ProjectFilesFetcher
from exports.exporters.html import print_html
from reporting.models import ReportYear

PRINT_CSS_URL = "/static/exports/print.css"

# An open year's PDF says 草稿 in the corner of every page, cover included; a locked year's
# carries no mark. Built from the year's status, not from the document, so no narrative
# change can drop it.
DRAFT_CSS = """
@page {
  @top-right {
    content: "%s";
    font-family: "Noto Sans CJK SC", sans-serif; font-size: 14pt; font-weight: bold;
    color: #c00000; vertical-align: bottom; padding-bottom: 1.5mm; white-space: nowrap;
  }
}
"""


def final_print_html(html: str, *, draft: bool) -> str:
    """The narrative's print document with our print stylesheet (and draft mark) linked.

    They go into the document as author styles, after report.css: stylesheets handed to
    WeasyPrint's render() count as *user* styles, which lose to any author rule.
    """
    styles = f'<link rel="stylesheet" href="{PRINT_CSS_URL}">'
    if draft:
        styles += f"<style>{DRAFT_CSS % escape(_('草稿'))}</style>"
    head_end = html.find("</head>")
    if head_end == -1:
        return styles + html
    return html[:head_end] + styles + html[head_end:]


def write_pdf(html: str, *, draft: bool, progress=None) -> bytes:
    """Lay out the final print HTML; `progress(percent, stage)` hears about the two stages."""
    final = final_print_html(html, draft=draft)
    document = HTML(string=final, base_url=BASE_URL, url_fetcher=ProjectFilesFetcher())
    if progress:
        progress(20, _("排版"))
    rendered = document.render(font_config=FontConfiguration())
    if progress:
        progress(80, _("写入 PDF"))
    return rendered.write_pdf()


class PdfExporter(Exporter):
    format = "pdf"
    extension = "pdf"
    mimetype = "application/pdf"
    label = gettext_lazy("PDF 印刷版")

    def render_bytes(self, year: ReportYear) -> bytes:
        self.progress(5, _("生成报告正文"))
        html = print_html(year)
        content = write_pdf(html, draft=year.is_open, progress=self.progress)
        self.progress(100, _("完成"))
        return content
