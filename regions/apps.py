from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    label = "regions"
    verbose_name = _("地区")

    def ready(self):
        from regions.home_tasks import bureau_tasks
        from regions.snapshots import on_year_saved
        from reporting import tasks
        from reporting.models import ReportYear

        tasks.register(bureau_tasks)
        # The lock service (publication) sits below regions and does not know it: the snapshot
        # of a locked year's key figures is taken on the save that locks it.
        post_save.connect(on_year_saved, sender=ReportYear, dispatch_uid="regions-key-figures")
