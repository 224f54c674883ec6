"""One stored value per report year and indicator. Computed indicators are never stored."""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Floor
from django.utils.translation import gettext_lazy as _

from metrics.models.catalog import Indicator
from reporting.models import ReportYear
from reporting.year_lock import RefuseWhenYearLocked


@pghistory.track(pghistory.UpdateEvent("figure.changed"), pghistory.InsertEvent("figure.added"))
class Figure(models.Model):
    year = models.ForeignKey(
        ReportYear, on_delete=models.CASCADE, related_name="figures", verbose_name=_("报告年度")
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="figures", verbose_name=_("指标")
    )
    # The kind is copied from the indicator so PostgreSQL can check the value by kind.
    kind = models.CharField(_("数值类型"), max_length=10, choices=Indicator.Kind.choices)
    value = models.DecimalField(_("数值"), max_digits=18, decimal_places=4, null=True, blank=True)
    text = models.CharField(_("文字"), max_length=500, blank=True)
    version = models.PositiveIntegerField(_("版本"), default=1)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("修改人"),
    )

    class Meta:
        verbose_name = _("指标值")
        triggers = [RefuseWhenYearLocked()]
        verbose_name_plural = _("指标值")
        constraints = [
            models.UniqueConstraint(fields=["year", "indicator"], name="figure_one_per_year"),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0), name="figure_not_negative"
            ),
            models.CheckConstraint(
                condition=~Q(kind="percent") | Q(value__isnull=True) | Q(value__lte=100),
                name="figure_percent_at_most_100",
            ),
            models.CheckConstraint(
                condition=~Q(kind="count") | Q(value__isnull=True) | Q(value=Floor(F("value"))),
                name="figure_count_is_whole",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.label}: {self.value if self.value is not None else self.text}"
