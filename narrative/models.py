"""The report's text: an outline of sections per report year, ordered blocks inside each section
(text, photo, table, case), uploaded photos, the front matter, and every saved text version.

Numbers (1.1., 图 1-2, 表 6-9, 案例 2-3) are never stored: they follow from `position`, so moving
a section or a block renumbers everything (see narrative/numbering.py).
"""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reporting.models import Department, ReportYear
from reporting.versions import fields_version
from reporting.year_lock import RefuseWhenYearLocked


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Section(models.Model):
    class Kind(models.TextChoices):
        OVERVIEW = "overview", _("学校概况")
        CHAPTER = "chapter", _("章")
        SECTION = "section", _("节")
        APPENDIX = "appendix", _("附件")

    # PROTECT on everything a year owns: deleting a year never takes its work with it
    # (reporting/deletion.py removes only an untouched generated outline).
    year = models.ForeignKey(
        ReportYear, on_delete=models.PROTECT, related_name="sections", verbose_name=_("年度")
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("上级"),
    )
    # Stable key for URLs and anchors; kept when a new year copies the outline.
    key = models.SlugField(_("标识"), max_length=40)
    position = models.PositiveIntegerField(_("位置"), default=0)
    title = models.CharField(_("标题"), max_length=200)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices, default=Kind.SECTION)
    # A department that still owns sections cannot be deleted: its work is reassigned first.
    department = models.ForeignKey(
        Department,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_sections",
        verbose_name=_("负责部门"),
    )
    # Bumped on every text save; a save based on an older version is a conflict.
    version = models.PositiveIntegerField(_("版本"), default=0)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("章节")
        triggers = [RefuseWhenYearLocked()]
        verbose_name_plural = _("章节")
        ordering = ["year", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "key"], name="section_unique_key"),
            models.CheckConstraint(
                condition=Q(kind="section") | Q(parent__isnull=True),
                name="section_top_level_kinds_have_no_parent",
            ),
            models.CheckConstraint(
                condition=~Q(kind="section") | Q(parent__isnull=False),
                name="section_subsection_has_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    SETTINGS_FIELDS = ("title", "department_id")

    def settings_version(self) -> str:
        """Version of the committee's title/department form (text saves do not change it)."""
        return fields_version(self, self.SETTINGS_FIELDS)

    def is_year_scaffolding(self) -> bool:
        """A section without blocks is the generated outline: a year's delete may drop it."""
        return not self.blocks.exists()

    @property
    def anchor(self) -> str:
        return "appendix" if self.kind == self.Kind.APPENDIX else f"sec-{self.key}"


class Photo(models.Model):
    """An uploaded image: the original as uploaded and a print-size copy made at upload."""

    year = models.ForeignKey(
        ReportYear, on_delete=models.PROTECT, related_name="photos", verbose_name=_("年度")
    )
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    original = models.FileField(_("原图"), max_length=200)
    print_copy = models.FileField(_("印刷图"), max_length=200)
    width = models.PositiveIntegerField(_("宽"), default=0)
    height = models.PositiveIntegerField(_("高"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("图片文件")
        triggers = [RefuseWhenYearLocked()]
        verbose_name_plural = _("图片文件")

    def __str__(self) -> str:
        return self.original.name


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Block(models.Model):
    """One piece of a section, in order: a text, a photo, a table, a chart or a case.

    A case holds its own blocks (text and photos) through `case`.
    """

    class Kind(models.TextChoices):
        TEXT = "text", _("文字")
        PHOTO = "photo", _("图片")
        TABLE = "table", _("表格")
        CASE = "case", _("案例")
        CHART = "chart", _("图表")

    section = models.ForeignKey(
        Section, on_delete=models.CASCADE, related_name="blocks", verbose_name=_("章节")
    )
    case = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="parts",
        verbose_name=_("所属案例"),
    )
    position = models.PositiveIntegerField(_("位置"), default=0)
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    body = models.TextField(_("正文"), blank=True)  # sanitized HTML (text blocks)
    title = models.CharField(_("标题"), max_length=200, blank=True)  # case title
    subtitle = models.CharField(_("副标题"), max_length=200, blank=True)  # case subtitle
    caption = models.CharField(_("图表标题"), max_length=200, blank=True)  # photo / table
    source = models.CharField(_("来源"), max_length=200, blank=True)  # photo / 数据来源 line
    photo = models.ForeignKey(
        Photo, on_delete=models.PROTECT, null=True, blank=True, related_name="blocks"
    )
    table_key = models.CharField(_("数据表"), max_length=40, blank=True)  # body_table key
    # Free table: {"rows": [[{"text", "colspan", "rowspan", "header"}, …], …], "header_rows": n}
    grid = models.JSONField(_("表格内容"), default=dict, blank=True)
    wide = models.BooleanField(_("横向页面"), default=False)
    # Chart: {"series": a metrics.api.chart_series_choices() key, "years": [2024, 2025],
    # "style": "bar" | "line"}
    chart = models.JSONField(_("图表设置"), default=dict, blank=True)

    class Meta:
        verbose_name = _("内容块")
        triggers = [RefuseWhenYearLocked(through="section")]
        verbose_name_plural = _("内容块")
        ordering = ["section", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="photo") | Q(photo__isnull=False), name="block_photo_has_file"
            ),
            models.CheckConstraint(
                condition=Q(case__isnull=True) | Q(kind__in=["text", "photo"]),
                name="block_case_holds_text_and_photos",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.caption or self.get_kind_display()

    EDIT_FIELDS = (
        "caption", "source", "title", "subtitle", "table_key", "grid", "wide", "photo_id", "chart",
    )  # fmt: skip

    def edit_version(self) -> str:
        """Version of the photo, table or case form."""
        return fields_version(self, self.EDIT_FIELDS)

    @property
    def is_generated_table(self) -> bool:
        return self.kind == self.Kind.TABLE and bool(self.table_key)


class SectionRevision(models.Model):
    """Every saved text of a section and every save refused as a conflict: nothing is lost."""

    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField(_("版本"))
    based_on = models.PositiveIntegerField(_("基于版本"))
    conflict = models.BooleanField(_("冲突未保存"), default=False)
    texts = models.JSONField(_("文字"), default=dict)  # {block pk: html}
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("章节版本")
        triggers = [RefuseWhenYearLocked(through="section")]
        verbose_name_plural = _("章节版本")
        ordering = ["section", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.section} v{self.version}"


@pghistory.track()
class FrontMatter(models.Model):
    """Cover, 公开形式, 内容真实性责任声明, 前言 and back cover of one report year."""

    year = models.OneToOneField(ReportYear, on_delete=models.PROTECT, related_name="front_matter")
    cover_date = models.DateField(_("封面日期"), null=True, blank=True)
    publication_form = models.CharField(
        _("公开形式"), max_length=200, blank=True, help_text=_("例如：学校网站专栏公开")
    )
    web_address = models.URLField(_("公开网址"), blank=True)
    declaration_text = models.TextField(_("声明正文"), blank=True)
    legal_representative = models.CharField(_("法定代表人"), max_length=50, blank=True)
    declaration_date = models.DateField(_("声明日期"), null=True, blank=True)
    preface = models.TextField(_("前言"), blank=True)  # sanitized HTML
    preface_signature = models.CharField(_("前言署名"), max_length=200, blank=True)
    preface_date = models.DateField(_("前言日期"), null=True, blank=True)
    back_address = models.CharField(_("地址"), max_length=200, blank=True)
    back_admissions_phone = models.CharField(_("招生专线"), max_length=50, blank=True)
    back_fax = models.CharField(_("传真"), max_length=50, blank=True)
    back_postcode = models.CharField(_("邮编"), max_length=10, blank=True)

    class Meta:
        verbose_name = _("封面与前言")
        triggers = [RefuseWhenYearLocked()]
        verbose_name_plural = _("封面与前言")

    def __str__(self) -> str:
        return str(self.year)

    EDIT_FIELDS = (
        "cover_date", "publication_form", "web_address",
        "declaration_text", "legal_representative", "declaration_date",
        "preface", "preface_signature", "preface_date",
        "back_address", "back_admissions_phone", "back_fax", "back_postcode",
    )  # fmt: skip

    def edit_version(self) -> str:
        return fields_version(self, self.EDIT_FIELDS)

    def is_year_scaffolding(self) -> bool:
        # Generated with the year from the school's details; goes with an empty year.
        return True
