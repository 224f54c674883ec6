from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportsConfig(AppConfig):
    name = "exports"
    label = "exports"
    verbose_name = _("导出")

    def ready(self):
        import logging

        # WeasyPrint reports every layout step at INFO; the worker's log needs its warnings only.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

        from exports.home_tasks import export_tasks
        from reporting import tasks

        tasks.register(export_tasks)
