"""The bureau administrator's forms: one school, or the workbook of many."""

from django import forms
from django.utils.translation import gettext_lazy as _

from reporting.models import Region, School
from setup.bureau.services import regions_of
from setup.forms import CODE, USERNAME

MAX_UPLOAD = 2 * 1024 * 1024


class OneSchoolForm(forms.Form):
    name = forms.CharField(label=_("学校名称"), max_length=100)
    short_name = forms.CharField(label=_("简称"), max_length=50, required=False)
    slug = forms.CharField(
        label=_("标识"), max_length=50, validators=[CODE], help_text=_("用于网址，如 qingyuan")
    )
    kind = forms.ChoiceField(label=_("学校类型"), choices=School.Kind.choices)
    region = forms.ModelChoiceField(label=_("所属地区"), queryset=Region.objects.none())
    admin_username = forms.CharField(
        label=_("学校管理员用户名"), max_length=150, validators=[USERNAME]
    )
    admin_name = forms.CharField(label=_("管理员姓名"), max_length=60, required=False)
    admin_email = forms.EmailField(label=_("管理员邮箱"), required=False)

    def __init__(self, *args, region: Region, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_of(region)
        self.fields["region"].initial = region.pk


class UploadForm(forms.Form):
    file = forms.FileField(label=_("学校名单工作簿（.xlsx）"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("请上传 Excel 工作簿（.xlsx）。"))
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("文件不能超过 2 MB。"))
        return upload
