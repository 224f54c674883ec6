"""The print-ready PDF: the narrative's print document + our print.css, laid out by WeasyPrint."""

from __future__ import annotations

from django.contrib.staticfiles import finders
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from reporting.exports.exporters.base import Exporter
from reporting.exports.exporters.fetcher import BASE_URL, ProjectFilesFetcher
from reporting.exports.exporters.html import print_html
from reporting.models import ReportYear

PRINT_CSS = "exports/print.css"

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


def print_stylesheets(*, draft: bool, font_config: FontConfiguration) -> list[CSS]:
    sheets = [CSS(filename=finders.find(PRINT_CSS), font_config=font_config)]
    if draft:
        sheets.append(CSS(string=DRAFT_CSS % _("草稿"), font_config=font_config))
    return sheets


def write_pdf(html: str, *, draft: bool, progress=None) -> bytes:
    """Lay out the final print HTML; `progress(percent, stage)` hears about the two stages."""
    font_config = FontConfiguration()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=ProjectFilesFetcher())
    if progress:
        progress(20, _("排版"))
    rendered = document.render(
        stylesheets=print_stylesheets(draft=draft, font_config=font_config),
        font_config=font_config,
    )
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
