"""Load the sample report (连州市职业技术学校, 2025) as demo data. Idempotent."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from reporting.demo import organisation

# Each feature adds its loader here; each takes (school, year) and is idempotent.
FEATURE_LOADERS: list[str] = [
    "metrics.demo.load_previous_year",
    "metrics.demo.load",
    "reporting.narrative.demo.load",
]


class Command(BaseCommand):
    help = "载入示例学校（连州市职业技术学校 2025 年度报告）。可重复运行，结果相同。"

    def handle(self, *args, **options):
        with transaction.atomic():
            school, year = organisation.load()
            for dotted in FEATURE_LOADERS:
                import_string(dotted)(school, year)
        self.stdout.write(self.style.SUCCESS(f"示例数据已载入：{school.name} {year.year}年度"))
        self.stdout.write("演示账号（密码均为 demo）：")
        for username, role in organisation.demo_logins():
            self.stdout.write(f"  {username:<12} {role}")
