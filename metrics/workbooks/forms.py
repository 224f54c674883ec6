"""Upload forms of the workbook pages: a size limit and a clear message before any parsing."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
XLSX_MAGIC = b"PK\x03\x04"


class WorkbookUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Excel 工作簿（.xlsx）"),
        error_messages={"required": _("请选择要上传的工作簿。"), "empty": _("上传的文件是空的。")},
    )

    def clean_file(self) -> bytes:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("文件过大（上限 5 MB）。"))
        data = upload.read()
        if not data.startswith(XLSX_MAGIC):
            raise forms.ValidationError(_("这不是 .xlsx 工作簿，请上传 Excel 文件。"))
        return data


class ApplyForm(forms.Form):
    plan = forms.CharField(
        widget=forms.HiddenInput,
        error_messages={"required": _("预览已过期或无效，请重新上传工作簿。")},
    )
    only_valid = forms.BooleanField(required=False)
