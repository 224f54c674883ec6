from django.core.management.base import BaseCommand

from publication.cli import add_year_arguments, editions_of, get_year, local
from publication.services import verify_file


class Command(BaseCommand):
    help = (
        "列出某年度已发布的版本及其文件（格式、SHA-256、字节数）；"
        "--verify 重新计算已存文件的 SHA-256，有不一致时以退出码 1 结束。"
    )

    def add_arguments(self, parser):
        add_year_arguments(parser)
        parser.add_argument("--verify", action="store_true", help="重新校验已存文件")

    def handle(self, *args, school, year, verify, **options):
        report_year = get_year(school, year)
        editions = list(editions_of(report_year))
        if not editions:
            self.stdout.write(f"{report_year} 还没有发布的版本。")
        mismatches = 0
        for edition in editions:
            line = f"{edition.label} 锁定：{edition.locked_by} {local(edition.locked_at)}"
            if edition.note:
                line += f"（{edition.note}）"
            if edition.unlocked_at:
                line += (
                    f"；解锁：{edition.unlocked_by} {local(edition.unlocked_at)}"
                    f"（原因：{edition.unlock_reason}）"
                )
            self.stdout.write(line)
            for file in edition.files.all():
                check = ""
                if verify:
                    ok = verify_file(file)
                    mismatches += not ok
                    check = "  OK" if ok else "  MISMATCH"
                self.stdout.write(
                    f"  {file.format:<5} {file.sha256} {file.size:>10} {file.filename}{check}"
                )
        if mismatches:
            self.stderr.write(f"{mismatches} 个文件与记录的 SHA-256 或大小不一致。")
            raise SystemExit(1)
