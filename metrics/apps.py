from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MetricsConfig(AppConfig):
    name = "metrics"
    verbose_name = _("年度数据")

    def ready(self):
        from metrics.department_work import department_data
        from metrics.local_catalog.home_tasks import catalog_tasks
        from reporting import tasks
        from reporting.deletion import register_department_work

        register_department_work(department_data)
        tasks.register(catalog_tasks)
