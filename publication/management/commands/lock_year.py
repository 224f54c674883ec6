from django.core.management.base import BaseCommand, CommandError

from publication.cli import add_year_arguments, get_user, get_year
from publication.services import LockRefused, lock_year
from reporting.errors import ReportError


class Command(BaseCommand):
    help = "锁定某年度并发布正式版（PDF、Excel、Word）；不能锁定时列出原因并以退出码 1 结束。"

    def add_arguments(self, parser):
        add_year_arguments(parser)
        parser.add_argument("--user", required=True, help="编委会成员的用户名")
        parser.add_argument("--note", default="", help="锁定说明（可选）")

    def handle(self, *args, school, year, user, note, **options):
        report_year = get_year(school, year)
        editor = get_user(user, report_year)
        try:
            edition = lock_year(year=report_year, user=editor, note=note)
        except LockRefused as refused:
            self.stderr.write(str(refused))
            for blocker in refused.blockers:
                self.stderr.write(f"  - {blocker.message}  {blocker.url}")
            raise SystemExit(1) from None
        except ReportError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"已锁定 {report_year}，发布{edition.label}："))
        for file in edition.files.all():
            self.stdout.write(f"  {file.format:<5} {file.sha256} {file.size} {file.filename}")
