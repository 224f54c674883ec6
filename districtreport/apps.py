from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DistrictReportConfig(AppConfig):
    name = "districtreport"
    label = "districtreport"
    verbose_name = _("地区年报")

    def ready(self):
        from districtreport.services import aggregation_blockers, report_tasks
        from publication import blockers
        from reporting import tasks

        # A region report whose sums no longer match its sources cannot be locked.
        blockers.register(aggregation_blockers)
        tasks.register(report_tasks)
