"""The print version of the report document as one HTML file (what the PDF is made from)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from exports.exporters.base import Exporter, ExportError
from narrative.document import render_report_html
from reporting.models import ReportYear


def print_html(year: ReportYear) -> str:
    """The narrative's document in its print variant (see narrative/document.py)."""

    try:
        return render_report_html(year, target="print")
    except NotImplementedError as missing:
        raise ExportError(_("报告正文模块尚未就绪，暂时无法导出。")) from missing


class HtmlExporter(Exporter):
    format = "html"
    extension = "html"
    mimetype = "text/html; charset=utf-8"
    label = gettext_lazy("HTML（打印版网页）")

    def render_bytes(self, year: ReportYear) -> bytes:
        self.progress(10, _("生成报告正文"))
        html = print_html(year)
        self.progress(100, _("完成"))
        return html.encode("utf-8")
