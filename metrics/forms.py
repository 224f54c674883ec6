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
from metrics.models import Indicator, ReportedValue
from reporting.versions import VersionField

# Beyond these a value is a typo or a wrong unit, not a school's figure.
LIMITS = {
    "count": Decimal(10_000_000),
    "amount": Decimal(1_000_000_000),
    "percent": Decimal(100),
    "ratio": Decimal(100_000),
}
TEXT_MAX = 500
MAX_ROW_INTEGER = 10_000_000
# A data set has a few dozen rows; a posted form count above this is refused at once instead
# of building and checking up to 2 000 forms (Django's default limit).
MAX_DATASET_ROWS = 100


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

    stamp = VersionField()  # metrics.entry.figures_stamp when the form was opened

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


def parse_reported(text: str) -> tuple[Decimal, int]:
    """A derived number as printed or shown by the national system ("18.55:1", "14.28%",
    "+12 .5%") → (value, decimal places as written)."""
    text = "".join(text.split()).replace("％", "%").replace("：", ":").replace("−", "-")
    text = text.removesuffix("%").removesuffix(":1").removeprefix("+").replace(",", "")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            _("请输入数字，例如 18.55:1、14.28% 或 8。"), code="invalid"
        ) from None
    if not number.is_finite():
        raise ValidationError(_("请输入数字，例如 18.55:1、14.28% 或 8。"), code="invalid")
    places = max(0, -number.as_tuple().exponent)
    if places > 4:
        raise ValidationError(_("最多保留 4 位小数。"), code="decimals")
    if abs(number) > LIMITS["amount"]:
        raise ValidationError(_("数值过大，请检查。"), code="magnitude")
    return number, places


class ReportedValueForm(forms.Form):
    """One value a derived quantity was reported with elsewhere (national system, a published
    report). The quantity choices are those of the department whose page this is."""

    quantity = forms.ChoiceField(
        label=_("计算项"), error_messages={"invalid_choice": _("请从列表中选择计算项。")}
    )
    source = forms.ChoiceField(
        label=_("来源"),
        choices=ReportedValue.Source.choices,
        error_messages={"invalid_choice": _("请从列表中选择来源。")},
    )
    value = forms.CharField(
        label=_("报送值"),
        max_length=30,
        help_text=_("按报送时的写法填写，小数位数即比较精度，例如 18.55:1、14.28、14。"),
        error_messages={"required": _("请填写报送值。")},
    )
    note = forms.CharField(label=_("备注"), max_length=200, required=False)
    stamp = VersionField()  # services.reported_stamp of the page when it was opened

    def __init__(self, *args, quantities: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.quantities = quantities
        self.fields["quantity"].choices = [(name, q.label) for name, q in quantities.items()]
        self.fields["note"].error_messages["max_length"] = _("不能超过 %(limit_value)d 个字。")
        self.fields["value"].error_messages["max_length"] = _("不能超过 %(limit_value)d 个字。")

    def clean_value(self) -> tuple[Decimal, int]:
        return parse_reported(self.cleaned_data["value"])

    def clean(self):
        cleaned = super().clean()
        quantity = self.quantities.get(cleaned.get("quantity"))
        if quantity is None or "value" not in cleaned:
            return cleaned
        number, places = cleaned["value"]
        if number < 0 and not quantity.signed:
            self.add_error("value", ValidationError(_("不能为负数。"), code="negative"))
        elif quantity.kind == "percent" and not quantity.signed and number > 100:
            self.add_error("value", ValidationError(_("百分比不能超过 100。"), code="percent"))
        elif quantity.kind == "count" and places:
            self.add_error("value", ValidationError(_("人数、个数必须是整数。"), code="whole"))
        return cleaned

    def values(self) -> dict:
        number, places = self.cleaned_data["value"]
        return {
            "quantity": self.cleaned_data["quantity"],
            "source": self.cleaned_data["source"],
            "value": number,
            "places": places,
            "note": self.cleaned_data["note"],
            "stamp": self.cleaned_data["stamp"],
            "page_quantities": list(self.quantities),
        }


UNKNOWN_FINDING = _("找不到要说明的问题，请刷新页面后重试。")


class ExplanationForm(forms.Form):
    """The explanation of one finding (empty text removes it)."""

    version = VersionField()  # services.explanation_version of the text the page showed
    rule_code = forms.CharField(max_length=60, error_messages=dict.fromkeys(
        ("required", "max_length", "null_characters_not_allowed"), UNKNOWN_FINDING))  # fmt: skip
    subject = forms.CharField(max_length=100, required=False, error_messages=dict.fromkeys(
        ("max_length", "null_characters_not_allowed"), UNKNOWN_FINDING))  # fmt: skip
    text = forms.CharField(
        label=_("说明"),
        max_length=2000,
        required=False,
        error_messages={
            "max_length": _("说明不能超过 %(limit_value)d 个字。"),
            "null_characters_not_allowed": _("说明中有无法保存的空字符，请删除后重新填写。"),
        },
    )


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
    base = type("Base", (DataSetFormSet,), {"unique_fields": spec.unique_fields})
    return modelformset_factory(
        spec.model,
        fields=spec.fields,
        formset=base,
        extra=2,
        can_delete=True,
        max_num=MAX_DATASET_ROWS,
        absolute_max=MAX_DATASET_ROWS,
        validate_max=True,
        formfield_callback=_formfield,
    )
