from django.core.management.base import BaseCommand, CommandError

from metrics.findings import run_checks
from reporting.models import ReportYear


class Command(BaseCommand):
    help = "校验某学校某年度的数据，逐行列出问题；有未说明的错误时以非零状态退出。"

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="学校标识，例如 lianzhou")
        parser.add_argument("--year", required=True, type=int, help="报告年度，例如 2025")

    def handle(self, *args, school, year, **options):
        report_year = (
            ReportYear.objects.select_related("school")
            .filter(school__slug=school, year=year)
            .first()
        )
        if report_year is None:
            raise CommandError(f"找不到学校 {school} 的 {year} 年度。")
        findings = run_checks(report_year)
        for finding in findings:
            self.stdout.write(finding.line())
        blocking = sum(1 for f in findings if f.blocking)
        summary = f"共 {len(findings)} 个问题，其中 {blocking} 个错误尚无说明。"
        if blocking:
            self.stderr.write(summary)
            raise SystemExit(1)
        self.stdout.write(summary)
