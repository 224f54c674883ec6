"""Values of derived figures as reported elsewhere (the national data system, a published report).

Derived figures are computed, never typed (metrics/computation.py). What a school *does* hold is
the value it already reported for such a figure: in 全国中等职业学校管理信息系统 / the 高职
状态数据平台, or in a report already published. REPORT-FORMAT requires the report to agree with
them, so they are stored here and the rule kind `computed_matches_reported` compares them with
the computed value at the precision they were reported with (`places`).
"""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reporting.models import ReportYear
from reporting.year_lock import RefuseWhenYearLocked


@pghistory.track(
    pghistory.InsertEvent("reported.added"),
    pghistory.UpdateEvent("reported.changed"),
    pghistory.DeleteEvent("reported.removed"),
)
class ReportedValue(models.Model):
    class Source(models.TextChoices):
        NATIONAL_SECONDARY = "national_secondary", _("全国中等职业学校管理信息系统")
        NATIONAL_HIGHER = "national_higher", _("全国高职院校人才培养工作状态数据平台")
        PUBLISHED = "published", _("已发布的报告")
        OTHER = "other", _("其他来源")

    year = models.ForeignKey(
        ReportYear, on_delete=models.CASCADE, related_name="+", verbose_name=_("报告年度")
    )
    # An indicator code of a computed indicator ("student_teacher_ratio") or a computed cell of
    # a body table ("dual_teachers.share.学前教育"); see metrics/derived.py.
    quantity = models.CharField(_("计算项"), max_length=120)
    value = models.DecimalField(_("报送值"), max_digits=18, decimal_places=4)
    # Decimal places as reported ("14" → 0, "14.28" → 2): the precision of the comparison.
    places = models.PositiveSmallIntegerField(_("小数位数"), default=0)
    source = models.CharField(_("来源"), max_length=30, choices=Source.choices)
    note = models.CharField(_("备注"), max_length=200, blank=True)
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
        verbose_name = _("已报送数值")
        triggers = [RefuseWhenYearLocked()]
        verbose_name_plural = _("已报送数值")
        ordering = ["quantity", "source"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "quantity", "source"],
                name="reported_value_one_per_source",
                violation_error_message=_("同一来源的该计算项已有报送值。"),
            ),
            models.CheckConstraint(
                condition=Q(places__lte=4), name="reported_value_places_at_most_4"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=-1_000_000_000) & Q(value__lte=1_000_000_000),
                name="reported_value_magnitude",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quantity} {self.get_source_display()}: {self.value}"
