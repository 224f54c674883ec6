from pathlib import Path

import pghistory
from django.core.management.base import BaseCommand, CommandError

from metrics.workbooks import appendix
from metrics.workbooks.apply import apply_plan
from metrics.workbooks.preview import build_preview
from metrics.workbooks.reader import read_department_workbook
from reporting.errors import ReportError
from reporting.models import ReportYear, User


class Command(BaseCommand):
    help = (
        "导入填报工作簿（或 --appendix 附件表1–表5）：逐条列出改动和问题；"
        "有任何问题时以状态 1 退出，且不写入任何数据。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--school", required=True, help="学校标识，例如 lianzhou")
        parser.add_argument("--year", required=True, type=int, help="报告年度，例如 2025")
        parser.add_argument("--user", required=True, help="以哪个用户的身份导入（用户名）")
        parser.add_argument("--file", required=True, help="工作簿文件（.xlsx）")
        parser.add_argument("--appendix", action="store_true", help="文件是附件表1–表5")
        parser.add_argument("--dry-run", action="store_true", help="只列出改动，不写入")

    def handle(self, *args, school, year, user, file, dry_run, **options):
        report_year = ReportYear.objects.filter(school__slug=school, year=year).first()
        if report_year is None:
            raise CommandError(f"找不到学校 {school} 的 {year} 年度。")
        person = User.objects.filter(username=user, school_id=report_year.school_id).first()
        if person is None:
            raise CommandError(f"学校 {school} 没有用户 {user}。")
        try:
            data = Path(file).read_bytes()
        except OSError as error:
            raise CommandError(f"无法读取文件 {file}：{error.strerror}") from None
        preview = self._preview(report_year, person, data, as_appendix=options["appendix"])
        for change in preview.changes:
            self.stdout.write(
                f"改动 {change.sheet}!{change.cell} {change.what}：{change.old} → {change.new}"
            )
        for text in preview.others:
            self.stdout.write(f"他人修改 {text}")
        for text in preview.notes:
            self.stdout.write(f"说明 {text}")
        for problem in preview.problems:
            where = f"{problem.sheet}!{problem.cell}" if problem.cell else problem.sheet or "文件"
            self.stderr.write(f"问题 {where}：{problem.message}")
        if preview.problems:
            self.stderr.write(f"共 {len(preview.problems)} 个问题，未写入任何数据。")
            raise SystemExit(1)
        if dry_run or preview.empty_plan:
            self.stdout.write(
                f"共 {len(preview.changes)} 处改动，"
                + ("未写入（--dry-run）。" if dry_run else "无需写入。")
            )
            return
        try:
            with pghistory.context(user=person.pk, command="import_figures"):
                apply_plan(year=report_year, user=person, plan=preview.plan)
        except ReportError as error:
            self.stderr.write(f"未写入：{error}")
            raise SystemExit(1) from None
        self.stdout.write(f"已写入 {len(preview.changes)} 处改动。")

    @staticmethod
    def _preview(year, user, data, *, as_appendix: bool):
        if as_appendix:
            result = appendix.read_appendix_workbook(data, year)
            return build_preview(year, user, result, originals=False)
        return build_preview(year, user, read_department_workbook(data))
