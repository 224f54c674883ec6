"""Load the sample report (连州市职业技术学校, 2025) as demo data. Idempotent."""

from importlib.util import find_spec

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string

from reporting.demo import organisation

# Each feature adds its loader here; each takes (school, year) and is idempotent.
FEATURE_LOADERS: list[str] = [
    "metrics.demo.load",
    "reporting.narrative.demo.load",
    "reporting.review.demo.load",
]


def publish(year) -> None:
    """The last step of --published, after every item is approved and every error explained:
    lock the year and publish 第1版 through the publication service, when installed."""
    if find_spec("reporting.publication.services") is None:
        return
    from reporting.models import User
    from reporting.publication.services import lock_year

    editor = User.objects.filter(school=year.school, role=User.Role.EDITOR).order_by("pk").first()
    lock_year(year=year, user=editor, note="示例数据：已完成的年度")


class Command(BaseCommand):
    help = "载入示例学校（连州市职业技术学校 2025 年度报告）。可重复运行，结果相同。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--published",
            action="store_true",
            help="载入已完成的年度：全部审核通过、错误均已说明、锁定并发布第1版。",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            school, year = organisation.load()
            for dotted in FEATURE_LOADERS:
                import_string(dotted)(school, year)
            if options["published"]:
                from reporting.review.demo import complete

                complete(school, year)
                publish(year)
        self.stdout.write(self.style.SUCCESS(f"示例数据已载入：{school.name} {year.year}年度"))
        self.stdout.write("演示账号（密码均为 demo）：")
        for username, role in organisation.demo_logins():
            self.stdout.write(f"  {username:<12} {role}")
