"""Load the sample report (连州市职业技术学校, 2025) as demo data. Idempotent.

It lives in the top layer because it loads every app's demo (organisation, figures, text,
review, regions) in order. Safe on a real database: it refuses in production mode (DATABASE_URL
set and DEBUG off) unless --force-demo is given, and it never touches an account it did not
create itself (User.created_by_demo): a real `editor` keeps its school, password and rights."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from publication.services import lock_year, unlock_year
from reporting.demo import organisation
from reporting.models import ReportYear, User
from review.demo import complete

# Each feature adds its loader here; each takes (school, year) and is idempotent.
FEATURE_LOADERS: list[str] = [
    "metrics.demo.load_previous_year",
    "metrics.demo.load",
    "narrative.demo.load",
    "review.demo.load",
    "regions.demo.load",
]


def publish(year) -> None:
    """The last step of --published, after every item is approved and every error explained:
    lock the year and publish 第1版 through the publication service."""
    editor = User.objects.filter(school=year.school, role=User.Role.EDITOR).order_by("pk").first()
    lock_year(year=year, user=editor, note="示例数据：已完成的年度")


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
        parser.add_argument(
            "--reopen-locked",
            action="store_true",
            help="示例年度已锁定时，先以编委会 editor 的名义解锁（记录原因）再重新载入；"
            "仅限开发环境（DEBUG 开启），生产模式下一律拒绝。",
        )
        parser.add_argument(
            "--published",
            action="store_true",
            help="载入已完成的年度：全部审核通过、错误均已说明、锁定并发布第1版。",
        )

    def handle(self, *args, reopen_locked=False, **options):
        if production_mode() and not options["force_demo"]:
            raise CommandError(
                "生产模式（设置了 DATABASE_URL 且 DEBUG 关闭）下不载入示例数据，"
                "以免与真实数据混在一起。"
                "如确实要在此数据库中载入示例学校，请加 --force-demo。"
            )
        self._keep_locked_year(reopen_locked)
        with transaction.atomic():
            school, year = organisation.load()
            for dotted in FEATURE_LOADERS:
                import_string(dotted)(school, year)
            if options["published"]:
                complete(school, year)
                publish(year)
            # After the lock: the region's own report sums the schools' published years.
            import_string("districtreport.demo.load")(school, year)
        self.stdout.write(self.style.SUCCESS(f"示例数据已载入：{school.name} {year.year}年度"))
        foreign = organisation.foreign_accounts()
        for username in foreign:
            self.stdout.write(
                self.style.WARNING(
                    f"已有用户“{username}”不是示例数据创建的，未做任何修改；"
                    f"演示改用账号“{organisation.login_name(username) or '（无）'}”。"
                )
            )
        self.stdout.write("演示账号（密码均为 demo）：")
        for username, role in organisation.current_logins():
            self.stdout.write(f"  {username:<12} {role}")

    def _keep_locked_year(self, reopen_locked: bool) -> None:
        """A locked demo year is never reopened or overwritten, unless a developer asks for
        it explicitly, and then through the unlock service (recorded, with a reason)."""
        year = ReportYear.objects.filter(
            school__slug=organisation.SCHOOL_SLUG, year=organisation.DEMO_YEAR
        ).first()
        if year is None or year.is_open:
            return
        if not reopen_locked:
            raise CommandError(
                year.locked_message() + " load_demo 不会重新打开或覆盖已锁定的年度；"
                "开发环境中确需重置时，请加 --reopen-locked。"
            )
        if not settings.DEBUG:
            raise CommandError("生产模式（DEBUG 关闭）下，load_demo 不能重新打开已锁定的年度。")
        editor = User.objects.get(username=organisation.EDITOR[0], school_id=year.school_id)
        reason = "load_demo --reopen-locked：开发环境重置示例数据"
        unlock_year(year=year, user=editor, reason=reason)
        self.stdout.write(self.style.WARNING(f"已解锁 {year}（load_demo --reopen-locked）"))
