from django import forms
from django.utils.translation import gettext_lazy as _

from exports.models import ExportJob


class ExportRequestForm(forms.Form):
    format = forms.ChoiceField(
        label=_("格式"),
        choices=ExportJob.Format.choices,
        error_messages={"invalid_choice": _("请选择 PDF、Excel 或 Word。")},
    )

    def clean_format(self) -> ExportJob.Format:
        return ExportJob.Format(self.cleaned_data["format"])
