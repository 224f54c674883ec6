"""`make backup`: one archive with the database, media and published files (reporting/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from reporting.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "备份：数据库（pg_dump）、上传的图片与导出文件、已发布的文件，写入一个归档文件。"

    def add_arguments(self, parser):
        default = Path(settings.BASE_DIR) / "var" / "backups"
        parser.add_argument("--output", default=str(default), help=f"目录（默认 {default}）")

    def handle(self, *args, output, **options):
        try:
            archive = create_backup(Path(output))
        except BackupError as error:
            raise CommandError(str(error)) from None
        size = archive.stat().st_size / 1e6
        self.stdout.write(self.style.SUCCESS(f"备份完成：{archive}（{size:.1f} MB）"))
