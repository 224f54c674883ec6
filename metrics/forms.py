"""Entry forms: one form of single figures per department, one formset per data set.

Every field cleans to a domain type (int for counts, Decimal otherwise, str for text) and says
what is wrong in Chinese; the view saves nothing unless the whole form is valid.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.forms import BaseModelFormSet, modelformset_factory
from django.utils.translation import gettext_lazy as _

from metrics.datasets import DataSetSpec
from metrics.models import Indicator

# Beyond these a value is a typo or a wrong unit, not a school's figure.
LIMITS = {
    "count": Decimal(10_000_000),
    "amount": Decimal(1_000_000_000),
    "percent": Decimal(100),
    "ratio": Decimal(100_000),
}
TEXT_MAX = 500
MAX_ROW_INTEGER = 10_000_000


class FigureField(forms.CharField):
    def __init__(self, *, kind: str, **kwargs):
        self.kind = kind
        kwargs.setdefault("required", False)
        if kind == "text":
            kwargs["max_length"] = TEXT_MAX
        super().__init__(**kwargs)
        self.widget.attrs.update({"class": "form-control form-control-sm", "autocomplete": "off"})
        if kind != "text":
            self.widget.attrs["inputmode"] = "numeric" if kind == "count" else "decimal"

    def clean(self, value):
        value = super().clean(value)
        if self.kind == "text":
            return value.strip()
        text = (value or "").strip().replace(",", "").replace("，", "")
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValidationError(_("请输入数字。"), code="invalid") from None
        if not number.is_finite():
            raise ValidationError(_("请输入数字。"), code="invalid")
        if number < 0:
            raise ValidationError(_("不能为负数。"), code="negative")
        if self.kind == "count" and number != number.to_integral_value():
            raise ValidationError(_("人数、个数必须是整数。"), code="whole")
        if self.kind == "percent" and number > 100:
            raise ValidationError(_("百分比不能超过 100。"), code="percent")
        if number > LIMITS.get(self.kind, LIMITS["amount"]):
            raise ValidationError(
                _("数值过大（上限 %(limit)s），请检查单位。"),
                code="magnitude",
                params={"limit": LIMITS.get(self.kind, LIMITS["amount"])},
            )
        if -number.as_tuple().exponent > 4:
            raise ValidationError(_("最多保留 4 位小数。"), code="decimals")
        return int(number) if self.kind == "count" else number


class FigureEntryForm(forms.Form):
    """The typed (not computed) indicators of one department."""

    stamp = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, indicators: list[Indicator], initial_values: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        for indicator in indicators:
            self.fields[indicator.code] = FigureField(
                kind=indicator.kind,
                label=indicator.label,
                initial=initial_values.get(indicator.code),
            )

    def values(self) -> dict:
        return {indicator.code: self.cleaned_data[indicator.code] for indicator in self.indicators}


class DataSetFormSet(BaseModelFormSet):
    """All rows of one data set; rows that must be unique within the year are checked here
    because the report year is not a field of the form."""

    unique_fields: tuple[str, ...] = ()

    def clean(self):
        super().clean()
        if not self.unique_fields:
            return
        seen = set()
        for form in self.forms:
            if (
                not form.is_valid()
                or form in self.deleted_forms
                or (not form.has_changed() and not form.instance.pk)
            ):
                continue
            key = tuple(form.cleaned_data.get(name) for name in self.unique_fields)
            if key in seen:
                raise ValidationError(_("有重复的行，请合并后再保存。"), code="duplicate")
            seen.add(key)


def _formfield(field, **kwargs):
    formfield = field.formfield(**kwargs)
    if isinstance(formfield, forms.IntegerField):
        formfield.validators.append(
            MaxValueValidator(MAX_ROW_INTEGER, message=_("数值过大，请检查。"))
        )
    if isinstance(formfield, forms.CharField) and formfield.max_length:
        formfield.error_messages["max_length"] = _("不能超过 %(limit_value)d 个字。")
    if formfield is not None and not isinstance(formfield, forms.BooleanField):
        formfield.widget.attrs.setdefault("class", "form-control form-control-sm")
    return formfield


def formset_class(spec: DataSetSpec):
    unique = {
        "certificates": ("school_year", "certificate"),
        "gaokao_3plus": ("group",),
        "progression": ("school_year",),
        "teacher_titles": ("level",),
    }.get(spec.key, ())
    base = type("Base", (DataSetFormSet,), {"unique_fields": unique})
    return modelformset_factory(
        spec.model,
        fields=spec.fields,
        formset=base,
        extra=2,
        can_delete=True,
        formfield_callback=_formfield,
    )
