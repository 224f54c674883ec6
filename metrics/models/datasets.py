"""Body data sets: the multi-row figures behind the sample's body tables (表1-1 … 表6-8).

Every row belongs to the report year in which it was entered. A three-year table keeps
earlier years' rows under the current report year with a `school_year` column; the next report
year reads them from there (see metrics/datasets/window.py, `rows_for_window`), so each year's
row is entered once, in the first report year that shows it. What each data set is (form,
printed table, derived numbers) is declared in metrics/datasets/<key>.py.
"""

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from reporting.models import ReportYear
from reporting.year_lock import RefuseWhenYearLocked

PERCENT_RANGE = Q(pass_rate__gte=0) & Q(pass_rate__lte=100)


class DataRow(models.Model):
    year = models.ForeignKey(
        ReportYear, on_delete=models.PROTECT, related_name="+", verbose_name=_("报告年度")
    )
    position = models.PositiveSmallIntegerField(_("顺序"), default=0)
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
        abstract = True
        ordering = ["position", "pk"]
        triggers = [RefuseWhenYearLocked()]


def _track(model):
    return pghistory.track(
        pghistory.InsertEvent("row.added"),
        pghistory.UpdateEvent("row.changed"),
        pghistory.DeleteEvent("row.removed"),
    )(model)


@_track
class CertificatePassRate(DataRow):
    school_year = models.PositiveSmallIntegerField(_("年度"))
    certificate = models.CharField(_("证书类别"), max_length=50)
    pass_rate = models.DecimalField(_("通过率（%）"), max_digits=5, decimal_places=2)

    class Meta(DataRow.Meta):
        verbose_name = _("证书考核通过率")
        verbose_name_plural = _("证书考核通过率")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "school_year", "certificate"], name="certificate_rate_unique"
            ),
            models.CheckConstraint(
                condition=PERCENT_RANGE,
                name="certificate_rate_0_100",
                violation_error_message=_("通过率必须在 0 到 100 之间。"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.school_year} {self.certificate}"


@_track
class GaokaoResult(DataRow):
    group = models.CharField(_("类别"), max_length=30)
    candidates = models.PositiveIntegerField(_("总人数"))
    bachelor_line = models.PositiveIntegerField(_("本科线人数"))
    college_line = models.PositiveIntegerField(_("专科线人数"))

    class Meta(DataRow.Meta):
        verbose_name = _("“3+证书”高考成绩")
        verbose_name_plural = _("“3+证书”高考成绩")
        constraints = [
            models.UniqueConstraint(fields=["year", "group"], name="gaokao_group_unique"),
            models.CheckConstraint(
                condition=Q(bachelor_line__lte=F("candidates"))
                & Q(college_line__lte=F("candidates")),
                name="gaokao_lines_within_candidates",
                violation_error_message=_("上线人数不能多于总人数。"),
            ),
        ]

    def __str__(self) -> str:
        return self.group


@_track
class ProgressionRow(DataRow):
    school_year = models.PositiveSmallIntegerField(_("年份"))
    bachelor_exam = models.PositiveIntegerField(_("通过高考本科升学人数"), default=0)
    college_exam = models.PositiveIntegerField(_("通过高考专科升学人数"), default=0)
    independent = models.PositiveIntegerField(_("对口单独招生（自主招生）升学"), default=0)
    skills_exempt = models.PositiveIntegerField(_("技能拔尖人才免试升学人数"), default=0)
    secondary_bachelor = models.PositiveIntegerField(_("通过中本贯通升学人数"), default=0)
    secondary_higher = models.PositiveIntegerField(_("通过中高贯通升学人数"), default=0)

    ROUTES = [
        "bachelor_exam",
        "college_exam",
        "independent",
        "skills_exempt",
        "secondary_bachelor",
        "secondary_higher",
    ]

    class Meta(DataRow.Meta):
        verbose_name = _("升学情况")
        verbose_name_plural = _("升学情况")
        constraints = [
            models.UniqueConstraint(fields=["year", "school_year"], name="progression_unique"),
        ]

    def __str__(self) -> str:
        return str(self.school_year)

    @property
    def total(self) -> int:
        return sum(getattr(self, name) for name in self.ROUTES)


@_track
class FundingComparison(DataRow):
    dimension = models.CharField(_("维度"), max_length=30)
    indicator = models.CharField(_("关键指标"), max_length=50)
    code = models.SlugField(
        _("对应指标代码"), max_length=60, blank=True, help_text=_("与目录中同一数量核对，可留空。")
    )
    unit = models.CharField(_("单位"), max_length=10, blank=True)
    actual_value = models.DecimalField(
        _("实际达成值"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    actual_text = models.CharField(_("实际达成值（文字）"), max_length=50, blank=True)
    average_value = models.DecimalField(
        _("省内同类平均水平"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    average_text = models.CharField(_("省内同类平均水平（文字）"), max_length=50, blank=True)
    excess_text = models.CharField(
        _("超出幅度（文字）"), max_length=30, blank=True, help_text=_("仅当两值不是数字时填写。")
    )
    note = models.CharField(_("备注"), max_length=100, blank=True)

    class Meta(DataRow.Meta):
        verbose_name = _("经费达标情况")
        verbose_name_plural = _("经费达标情况")
        constraints = [
            models.CheckConstraint(
                condition=(Q(actual_value__isnull=True) | Q(actual_value__gte=0))
                & (Q(average_value__isnull=True) | Q(average_value__gte=0)),
                name="funding_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.indicator


@_track
class ProjectSpending(DataRow):
    class Qualifier(models.TextChoices):
        EXACT = "", _("（精确）")
        ABOUT = "约", _("约")
        OVER = "超", _("超")

    seq = models.CharField(_("序号"), max_length=10, blank=True)
    month = models.CharField(_("时间"), max_length=30)
    project = models.CharField(_("项目"), max_length=200)
    qualifier = models.CharField(
        _("约数"), max_length=2, choices=Qualifier.choices, default="", blank=True
    )
    amount_wan = models.DecimalField(_("金额（万元）"), max_digits=12, decimal_places=2)

    class Meta(DataRow.Meta):
        verbose_name = _("项目资金投入")
        verbose_name_plural = _("项目资金投入")
        constraints = [
            models.CheckConstraint(condition=Q(amount_wan__gte=0), name="spending_not_negative"),
        ]

    def __str__(self) -> str:
        return self.project


@_track
class MajorChange(DataRow):
    category = models.CharField(_("专业大类"), max_length=50)
    added_major = models.CharField(_("增设招生专业"), max_length=100, blank=True)
    stopped_major = models.CharField(_("停招专业"), max_length=100, blank=True)
    note = models.CharField(_("备注"), max_length=100, blank=True)

    class Meta(DataRow.Meta):
        verbose_name = _("专业动态调整")
        verbose_name_plural = _("专业动态调整")

    def __str__(self) -> str:
        return self.category


@_track
class EnrolmentPlanRow(DataRow):
    category = models.CharField(_("专业大类"), max_length=50)
    major = models.CharField(_("专业名称"), max_length=100)
    # Printed from last report year's row of the same major (its 本年招生计划) when there is
    # one; typed only in a school's first year here (metrics/datasets/enrolment_plan.py).
    previous_plan = models.PositiveIntegerField(
        _("上年招生计划"),
        null=True,
        blank=True,
        help_text=_("上年度已在本系统填报本专业计划的，留空即自动采用上年度的数。"),
    )
    current_plan = models.PositiveIntegerField(_("本年招生计划"))

    class Meta(DataRow.Meta):
        verbose_name = _("招生计划调整")
        verbose_name_plural = _("招生计划调整")

    def __str__(self) -> str:
        return self.major


@_track
class MajorRow(DataRow):
    group = models.CharField(_("类别"), max_length=30)
    code = models.CharField(_("专业代码"), max_length=20, blank=True)
    name = models.CharField(_("专业名称"), max_length=100)
    enrolment = models.PositiveIntegerField(_("招生人数"))
    partner = models.CharField(_("合作院校（企业）"), max_length=100, blank=True)
    counts_as_major = models.BooleanField(
        _("计入专业数量"), default=True, help_text=_("普通高中班等不计入专业数量。")
    )

    class Meta(DataRow.Meta):
        verbose_name = _("专业设置")
        verbose_name_plural = _("专业设置")

    def __str__(self) -> str:
        return self.name


@_track
class TeacherTitleRow(DataRow):
    class Level(models.TextChoices):
        SENIOR = "senior", _("高级职称")
        MIDDLE = "middle", _("中级职称")
        JUNIOR = "junior", _("初级及以下")

    level = models.CharField(_("职称等级"), max_length=10, choices=Level.choices)
    count = models.PositiveIntegerField(_("人数（人）"))

    class Meta(DataRow.Meta):
        verbose_name = _("专任教师职称结构")
        verbose_name_plural = _("专任教师职称结构")
        constraints = [
            models.UniqueConstraint(fields=["year", "level"], name="teacher_title_unique"),
        ]

    def __str__(self) -> str:
        return self.get_level_display()


@_track
class DualTeacherRow(DataRow):
    major_category = models.CharField(_("专业类别"), max_length=50)
    specialty_teachers = models.PositiveIntegerField(_("专业课教师数（人）"))
    dual_teachers = models.PositiveIntegerField(_("“双师型”教师数（人）"))

    class Meta(DataRow.Meta):
        verbose_name = _("“双师型”教师")
        verbose_name_plural = _("“双师型”教师")
        constraints = [
            models.CheckConstraint(
                condition=Q(dual_teachers__lte=F("specialty_teachers")),
                name="dual_within_specialty",
                violation_error_message=_("“双师型”教师数不能多于专业课教师数。"),
            ),
        ]

    def __str__(self) -> str:
        return self.major_category


@_track
class MajorIndustryRow(DataRow):
    category = models.CharField(_("专业类别"), max_length=50)
    industry = models.CharField(_("对应产业领域"), max_length=100)
    # The table prints last year's scale: from last report year's row of the same category
    # (its 本年招生规模) when there is one, else as typed (metrics/datasets/major_industry.py).
    enrolment = models.PositiveIntegerField(
        _("上年招生规模（人）"),
        null=True,
        blank=True,
        help_text=_("上年度已在本系统填报本类别本年招生规模的，留空即自动采用上年度的数。"),
    )
    current_enrolment = models.PositiveIntegerField(_("本年招生规模（人）"), null=True, blank=True)
    demand_gap = models.PositiveIntegerField(_("区域岗位需求缺口（人/年）"), null=True, blank=True)
    related_employment_rate = models.DecimalField(
        _("毕业生对口就业率（%）"), max_digits=5, decimal_places=2, null=True, blank=True
    )

    class Meta(DataRow.Meta):
        verbose_name = _("专业与产业对接")
        verbose_name_plural = _("专业与产业对接")
        constraints = [
            models.CheckConstraint(
                condition=Q(related_employment_rate__gte=0) & Q(related_employment_rate__lte=100),
                name="major_industry_rate_0_100",
                violation_error_message=_("对口就业率必须在 0 到 100 之间。"),
            ),
        ]

    def __str__(self) -> str:
        return self.category
