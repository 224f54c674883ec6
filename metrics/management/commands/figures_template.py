from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from metrics.workbooks.template import build_workbook
from reporting.models import Department, ReportYear


class Command(BaseCommand):
    help = "写出某部门某年度的数据填报工作簿（.xlsx）；不给 --department 时写出全部部门。"

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="学校标识，例如 lianzhou")
        parser.add_argument("--year", required=True, type=int, help="报告年度，例如 2025")
        parser.add_argument("--department", help="部门代码，例如 zhaosheng")
        parser.add_argument("--output", required=True, help="输出文件，例如 t.xlsx")

    def handle(self, *args, school, year, department, output, **options):
        report_year = ReportYear.objects.filter(school__slug=school, year=year).first()
        if report_year is None:
            raise CommandError(f"找不到学校 {school} 的 {year} 年度。")
        departments = Department.objects.filter(school_id=report_year.school_id).order_by("pk")
        if department:
            departments = departments.filter(code=department)
            if not departments:
                raise CommandError(f"学校 {school} 没有代码为 {department} 的部门。")
        data = build_workbook(report_year, list(departments))
        Path(output).write_bytes(data)
        self.stdout.write(f"已写出 {output}（{len(data)} 字节）。")
