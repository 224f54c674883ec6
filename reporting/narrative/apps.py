from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NarrativeConfig(AppConfig):
    name = "reporting.narrative"
    label = "narrative"
    verbose_name = _("报告正文")
