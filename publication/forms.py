from django import forms
from django.utils.translation import gettext_lazy as _

from publication.services import MAX_TEXT


class LockForm(forms.Form):
    note = forms.CharField(
        label=_("锁定说明（可选）"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class UnlockForm(forms.Form):
    reason = forms.CharField(
        label=_("解锁原因"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("请填写解锁原因。")},
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("请填写解锁原因。"))
        return reason
