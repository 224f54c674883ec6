"""`manage.py export_report --school lianzhou --year 2025 --format pdf --output FILE`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from exports.exporters import EXPORTERS, ExportError, get_exporter
from reporting.models import ReportYear, School


class Command(BaseCommand):
    help = "导出某校某年度的质量年度报告（pdf、xlsx、docx 或 html）。"

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="学校标识，例如 lianzhou")
        parser.add_argument("--year", required=True, type=int, help="报告年度，例如 2025")
        parser.add_argument("--format", required=True, help="pdf、xlsx、docx 或 html")
        parser.add_argument("--output", required=True, help="输出文件路径")

    def handle(self, *args, school, year, format, output, **options):
        if format not in EXPORTERS:
            raise CommandError(
                _("未知的导出格式“%(format)s”，可用格式：%(formats)s")
                % {"format": format, "formats": "、".join(sorted(EXPORTERS))}
            )
        school_obj = School.objects.filter(slug=school).first()
        if school_obj is None:
            raise CommandError(_("找不到学校“%(school)s”。") % {"school": school})
        report_year = ReportYear.objects.filter(school=school_obj, year=year).first()
        if report_year is None:
            raise CommandError(
                _("%(school)s没有%(year)s年度的报告。") % {"school": school_obj.name, "year": year}
            )
        try:
            result = get_exporter(format).render(report_year)
        except ExportError as error:
            raise CommandError(str(error)) from error
        Path(output).write_bytes(result.content)
        self.stderr.write(
            _("已导出 %(name)s（%(size)s 字节）→ %(path)s")
            % {"name": result.filename, "size": len(result.content), "path": output}
        )
