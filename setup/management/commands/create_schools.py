"""manage.py create_schools --region qingyuan-city --file schools.xlsx [--dry-run]"""

from django.core.management.base import BaseCommand, CommandError

from reporting.models import Region
from setup import links
from setup.bureau import services, workbook
from setup.people import WorkbookErrors


class Command(BaseCommand):
    help = (
        "从工作簿为一个地区创建多所学校（与网页“创建学校”相同的模板和检查）：每所学校的部门、"
        "默认填报分工、当前报告年度及大纲和学校管理员账号；有任何一行出错时一所也不创建，"
        "退出码为 1。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="地区代码，如 qingyuan-city")
        parser.add_argument("--file", required=True, help="学校名单工作簿（.xlsx，网页上的模板）")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不创建")
        parser.add_argument("--year", type=int, help="报告年度（默认：当前报告年度）")
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="本系统的网址，用于生成链接"
        )

    def handle(self, *args, **options):
        region = Region.objects.filter(code=options["region"]).first()
        if region is None:
            raise CommandError(f"地区代码“{options['region']}”不存在。")
        try:
            with open(options["file"], "rb") as handle:
                rows = workbook.read(handle)
        except OSError as error:
            raise CommandError(f"无法打开文件：{error}") from error
        except WorkbookErrors as problems:
            raise CommandError("\n".join(problems.messages)) from problems
        if not rows:
            raise CommandError("工作簿中没有学校（从第2行起每行一所）。")
        if options["dry_run"]:
            checked = services.check_rows(region=region, rows=rows)
            self._refuse_if_any(checked)
            for row in checked:
                shown = row.shown()
                self.stdout.write(f"第{row.line}行：将创建 {shown['name']}（{shown['region']}）")
            self.stdout.write(
                self.style.SUCCESS(f"检查通过：{len(checked)} 所学校，未写入（--dry-run）。")
            )
            return
        try:
            created = services.create_schools(
                region=region, rows=rows, user=None, year=options["year"]
            )
        except services.SchoolRowsRefused as refused:
            self._refuse_if_any(refused.rows)
            raise
        for school, admin in created:
            link = links.set_password_url(admin, options["base_url"])
            self.stdout.write(
                f"{school.name}（{school.slug}，{school.region.name}）  {admin.username}  {link}"
            )
        self.stdout.write(self.style.SUCCESS(f"已创建 {len(created)} 所学校。"))

    def _refuse_if_any(self, rows) -> None:
        refused = [row for row in rows if row.errors]
        if refused:
            for row in refused:
                self.stderr.write(row.message)
            raise CommandError(f"{len(refused)} 行有错误，未创建任何学校。")
