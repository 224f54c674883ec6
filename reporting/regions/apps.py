from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "reporting.regions"
    label = "regions"
    verbose_name = _("地区")

    def ready(self):
        from reporting import tasks
        from reporting.regions.home_tasks import bureau_tasks

        tasks.register(bureau_tasks)
