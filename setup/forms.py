"""Forms of 学校设置. Each returns domain values; messages in Chinese."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from reporting.models import SCHOOL_ROLES, Department, ReportYear, School, User

DEPARTMENT_ROLES = (User.Role.DEPARTMENT_HEAD, User.Role.STAFF)  # they work for a department
USERNAME = RegexValidator(r"^[\w.@+-]+\Z", _("用户名只能包含字母、数字和 @ . + - _。"))
CODE = RegexValidator(r"^[a-z0-9_-]+\Z", _("代码只能包含小写字母、数字、- 和 _（用于网址）。"))


class SchoolRecordForm(forms.ModelForm):
    # A website typed without a scheme is meant as https (as in 学校管理).
    website = forms.URLField(label=_("网址"), required=False, max_length=200, assume_scheme="https")

    class Meta:
        model = School
        fields = [
            "name", "short_name", "motto", "pinyin_name", "address", "phone",
            "admissions_phone", "fax", "postcode", "website", "legal_representative",
        ]  # fmt: skip


class DepartmentForm(forms.Form):
    name = forms.CharField(label=_("部门名称"), max_length=50)
    code = forms.CharField(
        label=_("代码"), max_length=30, validators=[CODE], help_text=_("用于网址，如 rsc")
    )


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=_("并入部门"), queryset=Department.objects.none(), empty_label=None
    )

    def __init__(self, *args, school: School, source: Department, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = school.departments.exclude(pk=source.pk)


class PersonForm(forms.Form):
    username = forms.CharField(label=_("用户名"), max_length=150, validators=[USERNAME])
    name = forms.CharField(label=_("姓名"), max_length=60)
    role = forms.ChoiceField(label=_("角色"), choices=SCHOOL_ROLES)
    department = forms.ModelChoiceField(
        label=_("部门"), queryset=Department.objects.none(), required=False
    )

    def __init__(self, *args, school: School, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = school.departments.all()

    def clean(self):
        data = super().clean()
        if data.get("role") in DEPARTMENT_ROLES and not data.get("department"):
            self.add_error("department", _("部门负责人和填报员必须指定部门。"))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(label=_("人员工作簿（.xlsx）"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("文件不能超过 2 MB。"))
        return upload


class YearDatesForm(forms.ModelForm):
    class Meta:
        model = ReportYear
        fields = ["due_date", "publication_date"]
        widgets = {
            "due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "publication_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def clean(self):
        data = super().clean()
        due, published = data.get("due_date"), data.get("publication_date")
        if due and published and published < due:
            self.add_error("publication_date", _("发布日期不能早于截止日期。"))
        return data


class CreateSchoolForm(forms.Form):
    name = forms.CharField(label=_("学校名称"), max_length=100)
    slug = forms.CharField(
        label=_("标识"), max_length=50, validators=[CODE], help_text=_("用于网址，如 qingyuan")
    )
    kind = forms.ChoiceField(label=_("学校类型"), choices=School.Kind.choices)
    admin_username = forms.CharField(
        label=_("学校管理员用户名"), max_length=150, validators=[USERNAME]
    )
