import time

from django.core.management.base import BaseCommand

from regions.key_figures import snapshots
from regions.snapshots import take_many
from reporting.models import ReportYear


class Command(BaseCommand):
    help = "为没有有效关键指标快照的已锁定年度补记快照（例如以其他方式导入的年度）。"

    def handle(self, *args, **options):
        started = time.monotonic()
        locked = list(
            ReportYear.objects.filter(status=ReportYear.Status.LOCKED)
            .select_related("school")
            .order_by("school_id", "year")
        )
        taken = snapshots(locked)
        written = take_many([year for year in locked if year.pk not in taken])
        seconds = time.monotonic() - started
        self.stdout.write(
            f"已锁定年度 {len(locked)} 个，补记快照 {written} 个，用时 {seconds:.1f} 秒。"
        )
