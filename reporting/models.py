"""Organisation: schools, their departments, users with one role each, and report years.

These live in `reporting` because every other part (figures, narrative, exports) hangs off a
school's report year; `metrics` and the narrative depend on this module, never the reverse.
"""

import datetime

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from reporting.errors import YearLocked
from reporting.year_lock import KeepLockedYear


class Region(models.Model):
    """An administrative area as data: province → city → district (or county-level city).

    A bureau user (教育局) of a region sees every school of that region and of the regions
    below it; schools hang off the lowest level that applies to them."""

    class Level(models.TextChoices):
        PROVINCE = "province", _("省")
        CITY = "city", _("市")
        DISTRICT = "district", _("县区")

    name = models.CharField(_("名称"), max_length=100)
    code = models.SlugField(_("代码"), max_length=50, unique=True)
    level = models.CharField(_("级别"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("上级地区"),
    )

    class Meta:
        verbose_name = _("地区")
        verbose_name_plural = _("地区")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="region_unique_name"),
            models.CheckConstraint(
                condition=Q(level="province", parent__isnull=True)
                | (~Q(level="province") & Q(parent__isnull=False)),
                name="region_only_provinces_are_roots",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def with_descendants(self) -> list[int]:
        """This region's id and every id below it (the tree is small: one query)."""
        children: dict[int | None, list[int]] = {}
        for pk, parent_id in Region.objects.values_list("pk", "parent_id"):
            children.setdefault(parent_id, []).append(pk)
        found, todo = [], [self.pk]
        while todo:
            pk = todo.pop()
            found.append(pk)
            todo.extend(children.get(pk, []))
        return found


class School(models.Model):
    class Kind(models.TextChoices):
        SECONDARY = "zhongzhi", _("中职")
        HIGHER = "gaozhi", _("高职")

    name = models.CharField(_("学校名称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    slug = models.SlugField(_("标识"), max_length=50, unique=True)
    kind = models.CharField(
        _("学校类型"), max_length=10, choices=Kind.choices, default=Kind.SECONDARY
    )
    motto = models.CharField(_("校训"), max_length=100, blank=True)
    pinyin_name = models.CharField(_("拼音名称"), max_length=200, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("电话"), max_length=50, blank=True)
    admissions_phone = models.CharField(_("招生电话"), max_length=50, blank=True)
    fax = models.CharField(_("传真"), max_length=50, blank=True)
    postcode = models.CharField(_("邮编"), max_length=10, blank=True)
    website = models.URLField(_("网址"), blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schools",
        verbose_name=_("所属地区"),
    )
    # --- The bureau's own report (districtreport, issue 13 item 5) ---
    # A region's 地区年报 is written by a reporting body that is a School row like any other
    # (its people, outline, review, lock and exports are a school's), linked to the region it
    # reports for. It belongs to no region itself, so it is never one of the region's schools.
    reports_for_region = models.OneToOneField(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_body",
        verbose_name=_("地区年报所属地区"),
    )

    class Meta:
        verbose_name = _("学校")
        verbose_name_plural = _("学校")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(postcode="") | Q(postcode__regex=r"^[0-9]{6}$"),
                name="school_postcode_six_digits",
            ),
            models.CheckConstraint(
                condition=Q(reports_for_region__isnull=True) | Q(region__isnull=True),
                name="school_region_report_is_no_school_of_a_region",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_higher(self) -> bool:
        return self.kind == self.Kind.HIGHER

    @property
    def is_region_report(self) -> bool:
        """The reporting body of a region's own report (districtreport)."""
        return self.reports_for_region_id is not None


class Department(models.Model):
    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="departments", verbose_name=_("学校")
    )
    name = models.CharField(_("部门名称"), max_length=50)
    code = models.SlugField(_("代码"), max_length=30)
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        ordering = ["school", "order", "name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="department_unique_name"),
            models.UniqueConstraint(fields=["school", "code"], name="department_unique_code"),
        ]

    def __str__(self) -> str:
        return self.name


class SchoolUserManager(UserManager):
    """Django's user manager (named in the migrations; a school's users: `school.users`)."""


class User(AbstractUser):
    class Role(models.TextChoices):
        DEPARTMENT_HEAD = "head", _("部门负责人")
        # Fills figures and writes sections of a department; only its head submits them.
        STAFF = "staff", _("填报员")
        EDITOR = "editor", _("编委会成员")
        SCHOOL_ADMIN = "admin", _("学校管理员")
        # Reads every school of a region and below; never writes (regions).
        BUREAU = "bureau", _("教育局")

    school = models.ForeignKey(
        School,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("学校"),
    )
    role = models.CharField(_("角色"), max_length=10, choices=Role.choices, blank=True)
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("部门"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bureau_users",
        verbose_name=_("所属地区"),
    )

    # A bureau user who may also create the region's schools and their administrators and add
    # the region's own indicators and rules; every other write stays refused to bureau users.
    is_bureau_admin = models.BooleanField(_("教育局管理员"), default=False)

    # Set only by `load_demo` on the accounts it creates: it never touches any other account
    # (a real `editor` keeps its school, password and rights).
    created_by_demo = models.BooleanField(_("示例账号"), default=False, editable=False)

    objects = SchoolUserManager()

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        constraints = [
            # A role only makes sense inside a school; superusers run the installation.
            models.CheckConstraint(
                condition=Q(role="") | Q(role="bureau") | Q(school__isnull=False),
                name="user_role_needs_school",
            ),
            # A bureau user belongs to a region, never to a school; nobody else has a region.
            models.CheckConstraint(
                condition=(Q(role="bureau") & Q(region__isnull=False, school__isnull=True))
                | (~Q(role="bureau") & Q(region__isnull=True)),
                name="user_bureau_has_region_no_school",
            ),
            models.CheckConstraint(
                condition=Q(is_bureau_admin=False) | Q(role="bureau"),
                name="user_bureau_admin_is_bureau",
            ),
            models.CheckConstraint(
                condition=~Q(role="head") | Q(department__isnull=False),
                name="user_head_needs_department",
            ),
            models.CheckConstraint(
                condition=~Q(role="staff") | Q(department__isnull=False),
                name="user_staff_needs_department",
            ),
        ]

    def __str__(self) -> str:
        full = self.get_full_name()
        return f"{full}（{self.username}）" if full else self.username

    def get_full_name(self) -> str:
        # Chinese order: family name first, no space.
        return f"{self.last_name}{self.first_name}".strip()

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.department_id and self.department.school_id != self.school_id:
            raise ValidationError({"department": _("部门必须属于该用户所在的学校。")})
        if self.role == self.Role.DEPARTMENT_HEAD and not self.department_id:
            raise ValidationError({"department": _("部门负责人必须指定部门。")})
        if self.role == self.Role.STAFF and not self.department_id:
            raise ValidationError({"department": _("填报员必须指定部门。")})
        if self.role == self.Role.BUREAU and (not self.region_id or self.school_id):
            raise ValidationError({"region": _("教育局用户必须指定地区，且不属于任何学校。")})
        if self.is_bureau_admin and self.role != self.Role.BUREAU:
            raise ValidationError({"is_bureau_admin": _("只有教育局用户可以是教育局管理员。")})

    def save(self, *args, **kwargs):
        # The admin's own login checks is_staff; derive it from the role so it cannot drift.
        self.is_staff = self.is_superuser or self.role == self.Role.SCHOOL_ADMIN
        super().save(*args, **kwargs)

    @property
    def is_department_head(self) -> bool:
        return self.role == self.Role.DEPARTMENT_HEAD

    @property
    def is_department_staff(self) -> bool:
        """填报员 (not Django's `is_staff`, which means "may open the admin")."""
        return self.role == self.Role.STAFF

    @property
    def is_department_member(self) -> bool:
        """Head or staff: fills the department's figures and writes its sections."""
        return self.role in (self.Role.DEPARTMENT_HEAD, self.Role.STAFF)

    @property
    def is_editor(self) -> bool:
        return self.role == self.Role.EDITOR

    @property
    def is_school_admin(self) -> bool:
        return self.role == self.Role.SCHOOL_ADMIN

    @property
    def is_bureau(self) -> bool:
        return self.role == self.Role.BUREAU


# The roles a school gives its own people (a bureau user belongs to a region, not a school).
SCHOOL_ROLES = [(value, label) for value, label in User.Role.choices if value != User.Role.BUREAU]


class ReportYearQuerySet(models.QuerySet):
    def for_user(self, user):
        if user.is_superuser:
            return self
        if not user.is_authenticated or user.school_id is None:
            return self.none()
        return self.filter(school_id=user.school_id)

    def open(self):
        return self.filter(status=ReportYear.Status.OPEN)


class ReportYear(models.Model):
    """One school year, labelled by its end year: 2025 = 2024-09-01 .. 2025-08-31."""

    class Status(models.TextChoices):
        OPEN = "open", _("填报中")
        LOCKED = "locked", _("已锁定")

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="years", verbose_name=_("学校")
    )
    year = models.PositiveSmallIntegerField(_("年度"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.OPEN)
    publication_date = models.DateField(_("发布日期"), null=True, blank=True)
    # Departments submit their figures and sections by this date (我的任务, 编委会工作台).
    due_date = models.DateField(
        _("提交截止日期"), null=True, blank=True, help_text=_("各部门完成填报和撰写的日期。")
    )
    # Who locked the year and when: set and cleared only by publication's lock and
    # unlock services (the full history is its LockEvent list).
    locked_at = models.DateTimeField(_("锁定时间"), null=True, blank=True, editable=False)
    locked_by = models.ForeignKey(
        "reporting.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("锁定人"),
    )
    objects = ReportYearQuerySet.as_manager()

    class Meta:
        verbose_name = _("报告年度")
        triggers = [KeepLockedYear()]
        verbose_name_plural = _("报告年度")
        ordering = ["school", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["school", "year"], name="reportyear_unique"),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="reportyear_sane_year"
            ),
            models.CheckConstraint(
                condition=Q(status="locked") | Q(locked_at__isnull=True, locked_by__isnull=True),
                name="reportyear_open_has_no_lock",
            ),
        ]

    def __str__(self) -> str:
        return _("%(school)s %(year)s年度") % {"school": self.school, "year": self.year}

    @property
    def label(self) -> str:
        return _("%(year)s年度") % {"year": self.year}

    @property
    def start_date(self) -> datetime.date:
        return datetime.date(self.year - 1, 9, 1)

    @property
    def end_date(self) -> datetime.date:
        return datetime.date(self.year, 8, 31)

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def ensure_open(self) -> None:
        """The one guard of every write to a year's data: raises YearLocked (naming who locked
        it and when) unless the year is open. Reads the stored status, so a stale object cannot
        let a write through; PostgreSQL triggers refuse what escapes Python."""
        current = (
            ReportYear.objects.select_related("locked_by")
            .only("status", "locked_at", "locked_by", "year", "school_id")
            .get(pk=self.pk)
        )
        if not current.is_open:
            raise YearLocked(current.locked_message())

    def locked_message(self) -> str:
        if self.locked_by_id and self.locked_at:
            when = timezone.localtime(self.locked_at).strftime("%Y-%m-%d %H:%M")
            return gettext(
                "%(year)s已由%(who)s于%(when)s锁定，不能再修改。如需更正，请编委会解锁。"
            ) % {"year": self.label, "who": self.locked_by, "when": when}
        return gettext("%(year)s已锁定，不能再修改。如需更正，请编委会解锁。") % {
            "year": self.label
        }

    @property
    def is_overdue(self) -> bool:
        return self.due_date is not None and timezone.localdate() > self.due_date

    def previous(self) -> "ReportYear | None":
        return ReportYear.objects.filter(school_id=self.school_id, year=self.year - 1).first()
