"""manage.py import_users --school qingyuan --file users.xlsx"""

from django.core.management.base import BaseCommand, CommandError

from reporting.models import School
from setup import links
from setup.people import WorkbookErrors, import_people


class Command(BaseCommand):
    help = (
        "从工作簿（列：用户名、姓名、部门、角色）导入一所学校的人员，输出每人设置密码的"
        "一次性链接。有任何错误时逐行说明，一个也不创建（退出码 1）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="学校标识")
        parser.add_argument("--file", required=True, help="Excel 工作簿（.xlsx）")
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="本系统的网址，用于生成链接"
        )

    def handle(self, *args, **options):
        school = School.objects.filter(slug=options["school"]).first()
        if school is None:
            raise CommandError(f"没有标识为“{options['school']}”的学校。")
        try:
            with open(options["file"], "rb") as handle:
                created = import_people(school=school, handle=handle)
        except OSError as error:
            raise CommandError(f"无法打开文件：{options['file']}") from error
        except WorkbookErrors as errors:
            for message in errors.messages:
                self.stderr.write(message)
            raise CommandError("未导入任何人员。") from errors
        for user in created:
            url = links.set_password_url(user, options["base_url"])
            self.stdout.write(f"{user.username}\t{user.get_full_name()}\t{url}")
        self.stdout.write(self.style.SUCCESS(f"已导入 {len(created)} 人。"))
