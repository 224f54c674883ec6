"""The key figures of a locked school-year, kept so the region pages read one row per school.

A locked year cannot change (PostgreSQL triggers refuse every write to it), so what its report
prints for the comparison's indicators, and how many errors were left unexplained, are written
once when it is locked (`regions.snapshots`). The row names the `locked_at` it was taken for:
after an unlock and a new lock it no longer matches, and the pages compute the year afresh
until the new lock writes a new row.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from reporting.models import ReportYear


class KeyFigures(models.Model):
    year = models.OneToOneField(
        ReportYear, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    locked_at = models.DateTimeField(_("锁定时间"))
    # {indicator code: [value as text or null, display as printed, unit]}
    values = models.JSONField(_("关键指标"), default=dict)
    open_errors = models.PositiveIntegerField(_("未说明的错误"))
    taken_at = models.DateTimeField(_("记录时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("关键指标快照")
        verbose_name_plural = _("关键指标快照")

    def __str__(self):
        return f"{self.year_id} @ {self.locked_at:%Y-%m-%d %H:%M}"
