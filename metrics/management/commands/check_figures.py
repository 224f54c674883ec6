from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
            raise CommandError(
                _("找不到学校 %(school)s 的 %(year)s 年度。") % {"school": school, "year": year}
            )
        findings = run_checks(report_year)
        for finding in findings:
            self.stdout.write(finding.line())
        blocking = sum(1 for f in findings if f.blocking)
        summary = _("共 %(n)s 个问题，其中 %(blocking)s 个错误尚无说明。") % {
            "n": len(findings),
            "blocking": blocking,
        }
        if blocking:
            self.stderr.write(summary)
            raise SystemExit(1)
        self.stdout.write(summary)
