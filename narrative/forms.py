"""Forms of the report text. clean_* return domain values; messages in Chinese."""

from __future__ import annotations

from django import forms
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _
from django_prose_editor.widgets import ProseEditorWidget

from metrics.api import body_table_choices, chart_series_choices, chart_years
from narrative.errors import NarrativeError
from narrative.grid import grid_from_text
from narrative.limits import check_grid, check_text
from narrative.models import Block, FrontMatter, Section
from narrative.uploads import MAX_UPLOAD_BYTES, open_image
from reporting.versions import VersionField

EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "Text": True,
    "HardBreak": True,
    "Heading": {"levels": [5, 6]},
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "History": True,
    "BoundFigure": True,
}


STALE_PAGE = _("页面已过期，未保存。请刷新页面后重新修改并保存。")


class ReportTextWidget(ProseEditorWidget):
    """django-prose-editor with the report's allowlist and the bound-figure extension."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs=attrs, preset="configurable", config={"extensions": EDITOR_EXTENSIONS}
        )

    def get_config(self):
        config = super().get_config()
        config["js_modules"] = [*config.get("js_modules", []), static("narrative/bound-figure.js")]
        return config


class SectionTextForm(forms.Form):
    """One editor per text block of the section (its cases' texts included)."""

    # The version the editor opened; stored in PostgreSQL as a positive 32-bit integer.
    version = forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=0,
        max_value=2**31 - 1,
        error_messages={
            key: STALE_PAGE for key in ("required", "invalid", "min_value", "max_value")
        },
    )

    def __init__(self, *args, text_blocks: list[Block], **kwargs):
        super().__init__(*args, **kwargs)
        self.text_blocks = text_blocks
        for block in text_blocks:
            self.fields[f"text_{block.pk}"] = forms.CharField(
                label=_("文字"),
                required=False,
                initial=block.body,
                widget=ReportTextWidget(),
                validators=[check_text],
            )

    def clean(self):
        data = super().clean()
        if "version" in self.errors:  # a hidden field: say it where the editor looks
            self.add_error(None, STALE_PAGE)
        for block in self.text_blocks:  # the editors show no field errors: say it on top
            for message in self.errors.get(f"text_{block.pk}", []):
                self.add_error(None, message)
        return data

    def texts(self) -> dict[int, str]:
        return {block.pk: self.cleaned_data[f"text_{block.pk}"] for block in self.text_blocks}

    def field_for(self, block: Block):
        name = f"text_{block.pk}"
        return self[name] if name in self.fields else None


class SectionSettingsForm(forms.Form):
    version = VersionField()  # Section.settings_version() when the outline was opened
    title = forms.CharField(label=_("标题"), max_length=200)
    department = forms.ModelChoiceField(
        queryset=None, label=_("负责部门"), required=False, empty_label=_("（不指定）")
    )

    def __init__(self, *args, school, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = school.departments.all()

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("请填写标题。"))
        return title


class AddSectionForm(SectionSettingsForm):
    pass


class AddChapterForm(forms.Form):
    """A new top-level chapter: its title, department and the chapter (or appendix) it goes
    before; empty = after the last chapter."""

    title = forms.CharField(label=_("新章标题"), max_length=200)
    department = forms.ModelChoiceField(
        queryset=None, label=_("负责部门"), required=False, empty_label=_("（不指定）")
    )
    before = forms.ModelChoiceField(
        queryset=None, label=_("位置"), required=False, empty_label=_("放在最后一章之后")
    )

    def __init__(self, *args, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = year.school.departments.all()
        self.fields["before"].queryset = Section.objects.filter(
            year=year, parent=None, kind=Section.Kind.CHAPTER
        )

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("请填写新章的标题。"))
        return title


class ReparentForm(forms.Form):
    parent = forms.ModelChoiceField(queryset=Section.objects.none(), label=_("移到"))

    def __init__(self, *args, section: Section, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = (
            Section.objects.filter(year=section.year)
            .exclude(kind=Section.Kind.APPENDIX)
            .exclude(pk=section.pk)
        )


class PhotoForm(forms.Form):
    version = VersionField()  # Block.edit_version() when the form was opened
    image = forms.FileField(label=_("图片（JPEG、PNG 或 WebP，最大 10 MB）"), required=False)
    caption = forms.CharField(label=_("图题"), max_length=200)
    source = forms.CharField(label=_("来源"), max_length=200, required=False)

    def __init__(self, *args, image_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.image_required = image_required
        self.fields["image"].required = image_required

    def clean_image(self) -> bytes | None:
        upload = self.cleaned_data.get("image")
        if upload is None:
            return None
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("图片太大：最大 10 MB，请压缩后再上传。"))
        data = upload.read()
        try:
            open_image(data)  # the header only; the service decodes the image once
        except NarrativeError as error:
            raise forms.ValidationError(str(error)) from error
        return data

    def block_fields(self) -> dict:
        return {"caption": self.cleaned_data["caption"], "source": self.cleaned_data["source"]}


class TableForm(forms.Form):
    version = VersionField()
    table_key = forms.ChoiceField(label=_("数据表"), required=False)
    grid_text = forms.CharField(
        label=_("自由表格"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "font-monospace"}),
        help_text=_(
            "不选数据表时填写：每行一行，单元格之间用 | 分隔；单元格只写 < 表示与左边合并，"
            "只写 ^ 表示与上方合并。"
        ),
    )
    header_rows = forms.IntegerField(label=_("表头行数"), min_value=0, max_value=10, initial=1)
    caption = forms.CharField(label=_("表题"), max_length=200)
    source = forms.CharField(
        label=_("数据来源"),
        max_length=200,
        required=False,
        help_text=_("例如：图表数据来源：连州市职业技术学校招生就业办数据统计"),
    )
    wide = forms.BooleanField(label=_("宽表（横向页面）"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["table_key"].choices = [("", _("（自由表格）")), *body_table_choices()]

    def clean(self):
        data = super().clean()
        if not data.get("table_key"):
            grid = grid_from_text(data.get("grid_text", ""), data.get("header_rows") or 0)
            if not grid["rows"]:
                self.add_error("grid_text", _("请选择数据表，或填写自由表格的内容。"))
            try:
                check_grid(grid)
            except forms.ValidationError as error:
                self.add_error("grid_text", error)
            data["grid"] = grid
        else:
            data["grid"] = {}
        return data

    def block_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "table_key": data["table_key"],
            "grid": data["grid"],
            "caption": data["caption"],
            "source": data["source"],
            "wide": data["wide"],
        }


class CaseForm(forms.Form):
    version = VersionField()
    title = forms.CharField(label=_("案例标题"), max_length=200)
    subtitle = forms.CharField(
        label=_("副标题"), max_length=200, required=False, help_text=_("不必输入开头的“——”")
    )

    def clean_subtitle(self) -> str:
        return self.cleaned_data["subtitle"].strip().lstrip("—-－ ")

    def block_fields(self) -> dict:
        return {"title": self.cleaned_data["title"], "subtitle": self.cleaned_data["subtitle"]}


class FrontMatterForm(forms.ModelForm):
    version = VersionField()  # FrontMatter.edit_version() when the page was opened
    web_address = forms.URLField(label=_("公开网址"), required=False, assume_scheme="https")

    def clean_preface(self) -> str:
        check_text(self.cleaned_data["preface"])
        return self.cleaned_data["preface"]

    class Meta:
        model = FrontMatter
        fields = [
            "cover_date", "publication_form", "web_address",
            "declaration_text", "legal_representative", "declaration_date",
            "preface", "preface_signature", "preface_date",
            "back_address", "back_admissions_phone", "back_fax", "back_postcode",
        ]  # fmt: skip
        widgets = {
            "preface": ReportTextWidget(),
            "declaration_text": forms.Textarea(attrs={"rows": 3}),
            "cover_date": forms.DateInput(attrs={"type": "date"}),
            "declaration_date": forms.DateInput(attrs={"type": "date"}),
            "preface_date": forms.DateInput(attrs={"type": "date"}),
        }


class ChartForm(forms.Form):
    """A chart of one series of the figures over years (numbered 图 n-m with the photos)."""

    version = VersionField()  # Block.edit_version() when the form was opened
    series = forms.ChoiceField(
        label=_("数据"), error_messages={"invalid_choice": _("请从列表中选择数据。")}
    )
    years = forms.TypedMultipleChoiceField(
        label=_("年份"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("不选则显示全部可用年份。"),
        error_messages={"invalid_choice": _("请从列表中选择年份。")},
    )
    style = forms.ChoiceField(
        label=_("样式"),
        choices=[("bar", _("柱状图")), ("line", _("折线图"))],
        initial="bar",
        error_messages={"invalid_choice": _("请选择柱状图或折线图。")},
    )
    caption = forms.CharField(label=_("图题"), max_length=200)
    source = forms.CharField(
        label=_("数据来源"),
        max_length=200,
        required=False,
        help_text=_(
            "留空则按负责部门自动生成，例如：图表数据来源：连州市职业技术学校招生就业办数据统计"
        ),
    )

    def __init__(self, *args, year=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].choices = chart_series_choices()
        years = chart_years(year) if year is not None else []
        self.fields["years"].choices = [(y, f"{y}年") for y in years]

    def block_fields(self) -> dict:
        data = self.cleaned_data
        settings = {
            "series": data["series"],
            "years": sorted(data["years"]),
            "style": data["style"],
        }
        return {"chart": settings, "caption": data["caption"], "source": data["source"]}
