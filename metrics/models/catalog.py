"""The indicator catalog: what a school reports, as data (fixtures/indicators.json).

The national catalog (school = NULL, the province's template, the same for every school) is
edited by the platform operator only; a school may add its own indicators (school set), seen by
that school alone. Every read goes through `Indicator.objects.for_school(school)`. Which
department fills a row is a department *code*, resolved per school, so a school that names its
departments differently only has to give them these codes.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reporting.models import School


class SchoolCatalogQuerySet(models.QuerySet):
    """National rows plus the school's own: the one read of the catalog and the rules."""

    def for_school(self, school: School | int | None):
        school_id = school.pk if isinstance(school, School) else school
        return self.filter(Q(school__isnull=True) | Q(school_id=school_id))


def school_field():
    return models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("所属学校"),
        help_text=_("留空：全国通用（仅平台管理员可改）。"),
    )


class AppendixTable(models.Model):
    """附件 表1 … 表5 (and room for the sixth the 2024 notice speaks of)."""

    number = models.PositiveSmallIntegerField(_("表号"), unique=True)
    title = models.CharField(_("表名"), max_length=100)

    class Meta:
        verbose_name = _("附件数据表")
        verbose_name_plural = _("附件数据表")
        ordering = ["number"]

    def __str__(self) -> str:
        return f"表{self.number} {self.title}"


class Indicator(models.Model):
    class Kind(models.TextChoices):
        COUNT = "count", _("人数/个数（整数）")
        AMOUNT = "amount", _("金额/数值（小数）")
        PERCENT = "percent", _("百分比（0–100）")
        RATIO = "ratio", _("比值（x:1）")
        TEXT = "text", _("文字")

    class AppliesTo(models.TextChoices):
        ALL = "all", _("所有学校")
        SECONDARY = "zhongzhi", _("中职填报")
        HIGHER = "gaozhi", _("高职填报")

    code = models.SlugField(_("代码"), max_length=60, unique=True)
    school = school_field()
    table = models.ForeignKey(
        AppendixTable,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("附件数据表"),
        help_text=_("留空：正文引用的数据，不在附件表中印出。"),
    )
    seq = models.CharField(_("序号"), max_length=10, blank=True)
    label = models.CharField(_("指标（印刷措辞）"), max_length=200)
    unit = models.CharField(_("单位"), max_length=20, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("上级指标（其中）"),
    )
    level = models.PositiveSmallIntegerField(_("层级"), default=1)
    order = models.PositiveIntegerField(_("排序"), default=0)
    applies_to = models.CharField(
        _("适用学校"), max_length=10, choices=AppliesTo.choices, default=AppliesTo.ALL
    )
    kind = models.CharField(_("数值类型"), max_length=10, choices=Kind.choices)
    formula = models.JSONField(
        _("计算公式"),
        null=True,
        blank=True,
        help_text=_(
            '计算指标的公式，例如 {"op": "ratio", "num": "students", "den": "fulltime_teachers"}'
        ),
    )
    department_code = models.SlugField(_("负责部门代码"), max_length=30)
    second_unit = models.BooleanField(
        _("同一指标的第二单位行"), default=False, help_text=_("印刷时指标栏留空，如“学时”行。")
    )

    objects = SchoolCatalogQuerySet.as_manager()

    class Meta:
        verbose_name = _("指标")
        verbose_name_plural = _("指标目录")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=4), name="indicator_level_1_to_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}（{self.unit}）" if self.unit else self.label

    def clean(self):
        super().clean()
        if self.parent_id and self.parent.school_id not in (None, self.school_id):
            raise ValidationError({"parent": _("上级指标必须是全国指标或本校指标。")})

    @property
    def is_computed(self) -> bool:
        return bool(self.formula)

    def applies_to_school(self, school) -> bool:
        return self.applies_to == self.AppliesTo.ALL or self.applies_to == school.kind
