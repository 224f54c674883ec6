"""Load the sample report (连州市职业技术学校, 2025) as demo data. Idempotent.

Safe on a real database: it refuses in production mode (DATABASE_URL set and DEBUG off)
unless --force-demo is given, and it never touches an account it did not create itself
(User.created_by_demo): a real `editor` keeps its school, password and rights."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from reporting.demo import organisation

# Each feature adds its loader here; each takes (school, year) and is idempotent.
FEATURE_LOADERS: list[str] = ["metrics.demo.load", "reporting.narrative.demo.load"]


def production_mode() -> bool:
    return not settings.LOCAL_MODE and not settings.DEBUG


class Command(BaseCommand):
    help = "载入示例学校（连州市职业技术学校 2025 年度报告）。可重复运行，结果相同。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--force-demo",
            action="store_true",
            help="在生产模式（设置了 DATABASE_URL 且 DEBUG 关闭）下也载入示例数据。",
        )

    def handle(self, *args, **options):
        if production_mode() and not options["force_demo"]:
            raise CommandError(
                "生产模式（设置了 DATABASE_URL 且 DEBUG 关闭）下不载入示例数据，"
                "以免与真实数据混在一起。"
                "如确实要在此数据库中载入示例学校，请加 --force-demo。"
            )
        with transaction.atomic():
            school, year = organisation.load()
            for dotted in FEATURE_LOADERS:
                import_string(dotted)(school, year)
        self.stdout.write(self.style.SUCCESS(f"示例数据已载入：{school.name} {year.year}年度"))
        foreign = organisation.foreign_accounts()
        for username in foreign:
            self.stdout.write(
                self.style.WARNING(
                    f"已有用户“{username}”不是示例数据创建的，未做任何修改（不能用它登录演示）。"
                )
            )
        self.stdout.write("演示账号（密码均为 demo）：")
        for username, role in organisation.demo_logins():
            if username not in foreign:
                self.stdout.write(f"  {username:<12} {role}")
