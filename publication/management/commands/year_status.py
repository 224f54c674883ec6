from django.core.management.base import BaseCommand

from metrics.findings import run_checks
from publication.blockers import lock_blockers
from publication.cli import add_year_arguments, get_year, lock_history_lines
from publication.status import item_statuses


class Command(BaseCommand):
    help = (
        "列出某年度各部门的填报与撰写状态、未说明的问题、锁定记录，以及能否锁定"
        "（lockable: yes 退出码 0；lockable: no 退出码 1）。"
    )

    def add_arguments(self, parser):
        add_year_arguments(parser)

    def handle(self, *args, school, year, **options):
        report_year = get_year(school, year)
        state = "填报中" if report_year.is_open else report_year.locked_message()
        self.stdout.write(f"{report_year}：{state}")
        by_department: dict[str, list] = {}
        for item in item_statuses(report_year):
            by_department.setdefault(item.department, []).append(item)
        for department, items in by_department.items():
            self.stdout.write(f"\n[{department or '编委会'}]")
            for item in items:
                self.stdout.write(f"  {item.title}：{item.status}")
        findings = [f for f in run_checks(report_year) if f.is_error]
        unexplained = [f for f in findings if f.blocking]
        self.stdout.write(f"\n错误 {len(findings)} 个，其中未说明 {len(unexplained)} 个：")
        for finding in unexplained:
            self.stdout.write(f"  {finding.line()}")
        self.stdout.write("\n锁定记录：")
        self.stdout.write("\n".join(lock_history_lines(report_year)) or "  （无）")
        if not report_year.is_open:
            self.stdout.write("\nlockable: no（已锁定）")
            raise SystemExit(1)
        blockers = lock_blockers(report_year)
        if blockers:
            self.stdout.write("\nlockable: no")
            for blocker in blockers:
                self.stdout.write(f"  - {blocker.message}  {blocker.url}")
            raise SystemExit(1)
        self.stdout.write("\nlockable: yes")
