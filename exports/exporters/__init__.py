"""Exporters by format. Each is a small class with `render(year) -> ExportResult`."""

from __future__ import annotations

from django.utils.translation import gettext as _

from exports.exporters.base import (
    Exporter,
    ExportError,
    ExportResult,
    ProgressCallback,
)
from exports.exporters.excel import XlsxExporter
from exports.exporters.html import HtmlExporter
from exports.exporters.pdf import PdfExporter
from exports.exporters.word import DocxExporter

EXPORTERS: dict[str, type[Exporter]] = {
    exporter.format: exporter
    for exporter in (PdfExporter, XlsxExporter, DocxExporter, HtmlExporter)
}


def get_exporter(format: str, progress: ProgressCallback | None = None) -> Exporter:
    try:
        exporter_class = EXPORTERS[format]
    except KeyError:
        raise ExportError(
            _("未知的导出格式“%(format)s”，可用格式：%(formats)s")
            % {"format": format, "formats": "、".join(EXPORTERS)}
        ) from None
    return exporter_class(progress)


__all__ = [
    "EXPORTERS",
    "ExportError",
    "ExportResult",
    "Exporter",
    "get_exporter",
]
