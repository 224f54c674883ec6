from django.core.management.base import BaseCommand

from metrics.catalog import load_catalog


class Command(BaseCommand):
    help = "载入指标目录与校验规则（fixtures/indicators.json、fixtures/rules.json）。可重复运行。"

    def handle(self, *args, **options):
        count = load_catalog()
        self.stdout.write(self.style.SUCCESS(f"指标目录已载入：{count} 项指标"))
