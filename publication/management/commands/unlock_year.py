from django.core.management.base import BaseCommand, CommandError

from publication.cli import add_year_arguments, get_user, get_year
from publication.services import unlock_year
from reporting.errors import ReportError


class Command(BaseCommand):
    help = "解锁某年度（必须写明原因）；没有原因时以退出码 1 结束，什么也不改。"

    def add_arguments(self, parser):
        add_year_arguments(parser)
        parser.add_argument("--user", required=True, help="编委会成员的用户名")
        parser.add_argument("--reason", default="", help="解锁原因（必填）")

    def handle(self, *args, school, year, user, reason, **options):
        report_year = get_year(school, year)
        editor = get_user(user, report_year)
        try:
            unlock_year(year=report_year, user=editor, reason=reason)
        except ReportError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"已解锁 {report_year}（原因：{reason.strip()}）"))
