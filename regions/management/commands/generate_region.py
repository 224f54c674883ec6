import time

from django.core.management.base import BaseCommand, CommandError

from regions.synthetic import PLANTED_RULE, generate
from reporting.models import Region


class Command(BaseCommand):
    help = "生成示例地区：大量虚构学校（名称均含“示例”），用于规模测试。"

    def add_arguments(self, parser):
        parser.add_argument("--schools", type=int, default=1000)
        parser.add_argument("--years", type=int, default=5)
        parser.add_argument("--last-year", type=int, default=2025)
        parser.add_argument("--contradictions", type=float, default=0.05,
                            help="带有一处故意矛盾的学校年度所占比例（0–1）")  # fmt: skip
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--prefix", default="gen", help="地区与学校标识的前缀")

    def handle(self, *args, schools, years, last_year, contradictions, seed, prefix, **options):
        if not 1 <= schools <= 100_000 or not 1 <= years <= 20:
            raise CommandError("--schools 应在 1–100000 之间，--years 应在 1–20 之间。")
        if not 0 <= contradictions <= 1:
            raise CommandError("--contradictions 应在 0 到 1 之间。")
        if Region.objects.filter(code=f"{prefix}-province").exists():
            raise CommandError(f"地区“{prefix}-province”已存在：换一个 --prefix，或先清空数据库。")
        started = time.monotonic()
        result = generate(
            schools=schools, years=years, last_year=last_year, share=contradictions,
            seed=seed, prefix=prefix,
        )  # fmt: skip
        seconds = time.monotonic() - started
        self.stdout.write(
            f"地区 {result.region.code}（{result.region.name}）：{result.schools} 所学校，"
            f"{result.years} 个学校年度，{result.figures} 个指标值；"
            f"{result.planted} 个学校年度有一处故意矛盾（规则 {PLANTED_RULE}）；"
            f"用时 {seconds:.1f} 秒。"
        )
