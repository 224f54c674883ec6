"""The record of what a region report's figures were summed from (districtreport).

The region report itself is a `reporting.School` with `reports_for_region` set: its people,
outline, text, review, lock and exports are a school's. Only the aggregation is its own."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from reporting.models import ReportYear
from reporting.year_lock import RefuseWhenYearLocked


class Aggregation(models.Model):
    """The last 重新汇总 of a region report's year: when, by whom, and each source school year
    with the `locked_at` it had then. A source locked again since (or unlocked, or a new
    school year locked) makes the record stale, and a stale record blocks the lock."""

    year = models.OneToOneField(
        ReportYear, on_delete=models.PROTECT, related_name="aggregation", verbose_name=_("年度")
    )
    aggregated_at = models.DateTimeField(_("汇总时间"))
    aggregated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("汇总人"),
    )
    # [{"year": <ReportYear pk>, "school": "<name>", "locked_at": "<ISO time>"}, …]
    sources = models.JSONField(_("汇总来源"), default=list, blank=True)

    class Meta:
        verbose_name = _("地区汇总记录")
        verbose_name_plural = _("地区汇总记录")
        triggers = [RefuseWhenYearLocked()]

    def __str__(self) -> str:
        return str(self.year)

    def source_keys(self) -> set[tuple[int, str]]:
        return {(source["year"], source["locked_at"]) for source in self.sources}
