from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class NarrativeConfig(AppConfig):
    name = "narrative"
    label = "narrative"
    verbose_name = _("报告正文")

    def ready(self):
        from narrative import findings
        from narrative.prose_numbers import findings as prose_findings
        from reporting.models import ReportYear

        post_save.connect(
            _outline_for_new_year, sender=ReportYear, dispatch_uid="narrative-outline"
        )
        findings.register_with_metrics()
        prose_findings.register_with_metrics()


def _outline_for_new_year(sender, instance, created, raw=False, **kwargs):
    # A new report year starts from the previous year's outline (or the mandated one).
    if created and not raw:
        from narrative.outline import create_outline

        create_outline(year=instance)
