"""Export queue housekeeping: fail stale jobs, delete old draft files (see housekeeping.py)."""

from django.core.management.base import BaseCommand

from exports.housekeeping import prune_draft_exports, reap_stale_jobs


class Command(BaseCommand):
    help = "清理导出队列：超时的任务标记为失败，删除超过保留天数的草稿导出文件。"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="草稿文件保留天数")

    def handle(self, *args, days=None, **options):
        reaped = reap_stale_jobs()
        pruned = prune_draft_exports(days=days)
        self.stdout.write(f"超时任务：{reaped} 个；已删除的草稿导出：{pruned} 个")
