"""`make restore FILE=…`: restore a backup archive into an empty database (reporting/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reporting.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "从备份归档恢复到一个空数据库（已有数据表的数据库会被拒绝）。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="make backup 写出的 .tar 文件")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"找不到备份文件：{path}")
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        count = len(manifest["files"]) - 1
        self.stdout.write(
            self.style.SUCCESS(
                f"已恢复：{manifest['created_at']} 的备份（数据库 {manifest['database']}，"
                f"{count} 个文件）"
            )
        )
