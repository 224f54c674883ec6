"""Formats whose exporter is being built: they answer with a clear error, never a traceback."""

from django.utils.translation import gettext as _

from reporting.exports.exporters.base import Exporter, ExportError


class PendingExporter(Exporter):
    def render_bytes(self, year):
        raise ExportError(_("%(format)s 导出尚未实现。") % {"format": self.format.upper()})


class DocxExporter(PendingExporter):
    format, extension = "docx", "docx"
    mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
