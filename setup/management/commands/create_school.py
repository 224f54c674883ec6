"""manage.py create_school --slug qingyuan --name 清远示范职业学校 --kind zhongzhi
--admin-username qyadmin"""

from django.core.management.base import BaseCommand, CommandError

from reporting.models import School
from setup import links, services


class Command(BaseCommand):
    help = (
        "创建一所学校：按学校类型的模板建立部门和默认填报分工、当前报告年度及其大纲、"
        "学校管理员账号，并输出管理员设置密码的一次性链接。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--slug", required=True, help="网址中的学校标识，如 qingyuan")
        parser.add_argument("--name", required=True, help="学校全称")
        parser.add_argument("--kind", required=True, choices=School.Kind.values)
        parser.add_argument("--admin-username", required=True, help="学校管理员的用户名")
        parser.add_argument("--year", type=int, help="报告年度（默认：当前报告年度）")
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="本系统的网址，用于生成链接"
        )

    def handle(self, *args, **options):
        try:
            school, admin = services.create_school(
                slug=options["slug"], name=options["name"], kind=options["kind"],
                admin_username=options["admin_username"], year=options["year"],
            )  # fmt: skip
        except services.SetupError as error:
            raise CommandError(str(error)) from error
        year = school.years.get()
        self.stdout.write(self.style.SUCCESS(f"已创建学校：{school.name}（{school.slug}）"))
        self.stdout.write(f"部门：{'、'.join(d.name for d in school.departments.all())}")
        self.stdout.write(f"报告年度：{year.year}年度（{year.start_date} 至 {year.end_date}）")
        self.stdout.write(f"学校管理员：{admin.username}")
        self.stdout.write("设置密码的一次性链接（7 天内有效）：")
        self.stdout.write(links.set_password_url(admin, options["base_url"]))
