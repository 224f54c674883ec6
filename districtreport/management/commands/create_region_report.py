"""The reporting body of a region's own report:
python manage.py create_region_report --region qingyuan-city --slug qingyuan-report --name 清远市"""

from django.core.management.base import BaseCommand, CommandError

from districtreport.services import DistrictReportError, create_region_report
from reporting.models import Region


class Command(BaseCommand):
    help = "为地区建立本地区的质量年度报告（地区年报）：报告主体、职成科和办公室，以及一个年度。"

    def add_arguments(self, parser):
        parser.add_argument("--region", required=True, help="地区代码，如 qingyuan-city")
        parser.add_argument("--slug", required=True, help="报告的标识（网址中使用）")
        parser.add_argument("--name", required=True, help="报告主体的名称，印在封面上，如 清远市")
        parser.add_argument("--year", type=int, help="同时建立的年度，如 2025")

    def handle(self, *args, region, slug, name, year=None, **options):
        found = Region.objects.filter(code=region).first()
        if found is None:
            raise CommandError(f"没有代码为“{region}”的地区。")
        try:
            body = create_region_report(region=found, slug=slug, name=name, year=year)
        except DistrictReportError as error:
            raise CommandError(str(error)) from error
        done = f"已建立 {found.name} 的地区年报：{body.name}（{body.slug}）"
        self.stdout.write(self.style.SUCCESS(done))
        self.stdout.write("下一步：在 学校管理 中为它添加编委会成员和各科室负责人。")
