"""The indicator catalog: what a school reports, as data (fixtures/indicators.json).

Every indicator and rule has at most one owner. None: the national catalog (the shipped
fixtures, the same for every school), edited by the platform operator only. A region
(`region`): the bureau's own additions, seen by every school of that region and below. A school
(`school`): the school's own, seen by that school alone. Every read that serves a school goes
through `Indicator.objects.for_school(school)` / `Rule.objects.for_school(school)`: national +
the school's region and every region above it + the school's own. A code is unique within what
one school sees (metrics/local_catalog/services.py checks it under a lock; PostgreSQL keeps it
unique per owner). Which department fills a row is a department *code*, resolved per school.
"""

import pghistory
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reporting.models import Region, School

# The regions a school sees: its own and every one above it (a recursive CTE, one subquery).
_SCHOOL_REGIONS = """
    WITH RECURSIVE chain(id, parent_id) AS (
        SELECT r.id, r.parent_id FROM reporting_region r
        JOIN reporting_school s ON s.region_id = r.id WHERE s.id = %s
        UNION ALL
        SELECT r.id, r.parent_id FROM reporting_region r JOIN chain ON r.id = chain.parent_id
    ) SELECT id FROM chain"""
_REGION_CHAIN = """
    WITH RECURSIVE chain(id, parent_id) AS (
        SELECT r.id, r.parent_id FROM reporting_region r WHERE r.id = %s
        UNION ALL
        SELECT r.id, r.parent_id FROM reporting_region r JOIN chain ON r.id = chain.parent_id
    ) SELECT id FROM chain"""

NATIONAL = Q(school__isnull=True, region__isnull=True)


class CatalogQuerySet(models.QuerySet):
    """The one read of the catalog and the rules for a school (or a region)."""

    def national(self):
        return self.filter(NATIONAL)

    def local(self):
        return self.exclude(NATIONAL)

    def for_school(self, school: School | int | None):
        """National + the school's region and every region above it + the school's own."""
        school_id = school.pk if isinstance(school, School) else school
        if school_id is None:
            return self.national()
        return self.filter(
            NATIONAL
            | Q(school_id=school_id)
            | Q(region_id__in=RawSQL(_SCHOOL_REGIONS, [school_id]))
        )

    def for_region(self, region: Region | int):
        """What every school of the region sees: national + the region and those above it."""
        region_id = region.pk if isinstance(region, Region) else region
        return self.filter(NATIONAL | Q(region_id__in=RawSQL(_REGION_CHAIN, [region_id])))

    def visible_at(self, when):
        """Rows that existed at `when` (a locked year's `locked_at`): a catalog row added after
        a year was locked never changes what that year shows or checks."""
        return self.filter(created_at__lte=when) if when else self


def school_region_chains(school_ids) -> dict[int, set[int]]:
    """{school id: its region and every region above it} for many schools, in two queries (the
    bulk reads of the region pages; one school's reads use the CTE of `for_school`)."""
    parents = dict(Region.objects.values_list("pk", "parent_id"))
    chains = {}
    for school_id, region_id in School.objects.filter(pk__in=school_ids).values_list(
        "pk", "region_id"
    ):
        chain = set()
        while region_id is not None and region_id not in chain:
            chain.add(region_id)
            region_id = parents.get(region_id)
        chains[school_id] = chain
    return chains


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


def region_field():
    return models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("所属地区"),
        help_text=_("地区教育局补充的指标或规则，本地区及下级地区的学校可见。"),
    )


def created_field():
    return models.DateTimeField(_("创建时间"), default=timezone.now, editable=False)


def owner_constraints(prefix: str) -> list:
    """At most one owner; a code unique per owner (across owners: checked when saving)."""
    return [
        models.CheckConstraint(
            condition=Q(school__isnull=True) | Q(region__isnull=True),
            name=f"{prefix}_at_most_one_owner",
        ),
        models.UniqueConstraint(
            fields=["code"], condition=NATIONAL, name=f"{prefix}_national_code_unique"
        ),
        models.UniqueConstraint(
            fields=["region", "code"],
            condition=Q(region__isnull=False),
            name=f"{prefix}_region_code_unique",
        ),
        models.UniqueConstraint(
            fields=["school", "code"],
            condition=Q(school__isnull=False),
            name=f"{prefix}_school_code_unique",
        ),
    ]


def clean_owned(row, references: str) -> None:
    """The checks of every write path (the catalog pages, 学校管理): one owner at most, a code
    no school that sees this row sees twice, and a local row's formula or parameters reading
    only what its owner sees (metrics/local_catalog/validation.py)."""
    from metrics.local_catalog.owners import Owner
    from metrics.local_catalog.validation import check_owned_references

    if row.school_id and row.region_id:
        raise ValidationError(_("一条指标或规则只能属于一个地区或一所学校。"))
    model = type(row)
    if row.is_national:
        taken = model.objects.filter(code=row.code).exclude(pk=row.pk).exists()
    else:
        owner = Owner(school=row.school if row.school_id else None,
                      region=row.region if row.region_id else None)  # fmt: skip
        taken = owner.code_taken(model, row.code, exclude_pk=row.pk)
        check_owned_references(owner, row, references)
    if taken:
        raise ValidationError(
            {"code": _("代码“%(code)s”已被全国目录或本校（本地区）可见的条目使用，请换一个。")
                     % {"code": row.code}}
        )  # fmt: skip


class OwnedMixin:
    @property
    def is_national(self) -> bool:
        return self.school_id is None and self.region_id is None

    @property
    def owner_label(self) -> str:
        if self.school_id:
            return str(self.school)
        if self.region_id:
            return str(self.region)
        return str(_("全国"))


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


@pghistory.track(
    pghistory.InsertEvent("indicator.added"),
    pghistory.UpdateEvent("indicator.changed"),
    pghistory.DeleteEvent("indicator.removed"),
)
class Indicator(OwnedMixin, models.Model):
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

    code = models.SlugField(_("代码"), max_length=60)
    school = school_field()
    region = region_field()
    created_at = created_field()
    active = models.BooleanField(
        _("启用"), default=True, help_text=_("停用的本地指标不再出现在表单、校验和附表中。")
    )
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

    objects = CatalogQuerySet.as_manager()

    class Meta:
        verbose_name = _("指标")
        verbose_name_plural = _("指标目录")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=4), name="indicator_level_1_to_4"
            ),
            *owner_constraints("indicator"),
            # The official 表1–表5 print the national catalog only; local rows print in a
            # supplementary table after them (metrics.api.appendix_tables).
            models.CheckConstraint(
                condition=Q(table__isnull=True) | NATIONAL, name="indicator_local_not_in_tables"
            ),
            models.CheckConstraint(
                condition=Q(active=True) | ~NATIONAL, name="indicator_national_always_active"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label}（{self.unit}）" if self.unit else self.label

    def clean(self):
        super().clean()
        clean_owned(self, "formula")
        if self.parent_id and not self.parent.is_national:
            if (self.parent.school_id, self.parent.region_id) != (self.school_id, self.region_id):
                raise ValidationError({"parent": _("上级指标必须是全国指标或同一所属的指标。")})

    @property
    def is_computed(self) -> bool:
        return bool(self.formula)

    def applies_to_school(self, school) -> bool:
        return self.applies_to == self.AppliesTo.ALL or self.applies_to == school.kind
