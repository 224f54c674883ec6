from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    label = "regions"
    verbose_name = _("地区")

    def ready(self):
        from regions.home_tasks import bureau_tasks
        from reporting import tasks

        tasks.register(bureau_tasks)
