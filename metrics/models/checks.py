"""Consistency rules as data, and the explanations the departments give for findings."""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from metrics.models.catalog import (
    CatalogQuerySet,
    Indicator,
    OwnedMixin,
    clean_owned,
    created_field,
    owner_constraints,
    region_field,
    school_field,
)
from metrics.rule_messages import FORBIDDEN_FIELD_REGEX, validate_rule_message
from reporting.models import ReportYear
from reporting.year_lock import RefuseWhenYearLocked


@pghistory.track(
    pghistory.InsertEvent("rule.added"),
    pghistory.UpdateEvent("rule.changed"),
    pghistory.DeleteEvent("rule.removed"),
)
class Rule(OwnedMixin, models.Model):
    class Kind(models.TextChoices):
        PARTS_SUM = "parts_sum_to_total", _("分项之和等于合计")
        SUB_ITEM = "sub_item_not_above_parent", _("“其中”项不大于上级")
        SAME_QUANTITY = "same_quantity_agrees", _("同一数量前后一致")
        PERCENT_RANGE = "percent_in_range", _("百分比在 0–100 之间")
        WITHIN_POPULATION = "count_within_population", _("人数不超过总体")
        REQUIRED = "required_for_kind_missing", _("本类学校必填项未填")
        CHANGE = "change_from_previous_year", _("与上年相比变化过大")
        REPORTED = "computed_matches_reported", _("计算值与已报送值一致")

    class Severity(models.TextChoices):
        ERROR = "error", _("错误")
        WARNING = "warning", _("提示")

    code = models.SlugField(_("代码"), max_length=60)
    school = school_field()
    region = region_field()
    created_at = created_field()
    applies_to = models.CharField(
        _("适用学校"),
        max_length=10,
        choices=Indicator.AppliesTo.choices,
        default=Indicator.AppliesTo.ALL,
        help_text=_("只对中职或只对高职学校检查的规则。"),
    )
    kind = models.CharField(_("规则类型"), max_length=40, choices=Kind.choices)
    severity = models.CharField(_("严重程度"), max_length=10, choices=Severity.choices)
    message = models.CharField(
        _("提示语"),
        max_length=300,
        help_text=_("可用 {a}、{b}、{total}、{parts}、{label} 等占位符，见各规则类型说明。"),
        validators=[validate_rule_message],
    )
    params = models.JSONField(_("参数"), default=dict, blank=True)
    department_code = models.SlugField(_("负责部门代码"), max_length=30, blank=True)
    active = models.BooleanField(_("启用"), default=True)
    order = models.PositiveIntegerField(_("排序"), default=0)

    objects = CatalogQuerySet.as_manager()

    class Meta:
        verbose_name = _("校验规则")
        verbose_name_plural = _("校验规则")
        ordering = ["order", "code"]
        constraints = [
            # No format spec, conversion, attribute or index in a placeholder, whatever the
            # write path (metrics/rule_messages.py checks the names too).
            models.CheckConstraint(
                condition=~Q(message__regex=FORBIDDEN_FIELD_REGEX),
                name="rule_message_plain_placeholders",
            ),
            *owner_constraints("rule"),
        ]

    def __str__(self) -> str:
        return self.code

    def applies_to_school(self, school) -> bool:
        return self.applies_to == Indicator.AppliesTo.ALL or self.applies_to == school.kind

    def clean(self):
        super().clean()
        clean_owned(self, "params")


@pghistory.track(
    pghistory.InsertEvent("explanation.added"),
    pghistory.UpdateEvent("explanation.changed"),
    pghistory.DeleteEvent("explanation.removed"),
)
class FindingExplanation(models.Model):
    """Why a finding stands (e.g. "编制数与在岗人数口径不同"); shown to the committee."""

    year = models.ForeignKey(
        ReportYear, on_delete=models.PROTECT, related_name="+", verbose_name=_("报告年度")
    )
    rule_code = models.SlugField(_("规则代码"), max_length=60)
    subject = models.CharField(_("对象"), max_length=100, blank=True)
    text = models.TextField(_("说明"), max_length=2000)
    updated_at = models.DateTimeField(_("修改时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("说明人"),
    )

    class Meta:
        verbose_name = _("问题说明")
        triggers = [RefuseWhenYearLocked()]
        verbose_name_plural = _("问题说明")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "rule_code", "subject"], name="explanation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.rule_code} {self.subject}"
