"""The edit forms of a local indicator and a local rule. They return domain values; the
service (services.py) checks codes, formulas and references and saves."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from metrics.admin import StorableJSONField
from metrics.assignments import WhoFills
from metrics.local_catalog.owners import Owner
from metrics.local_catalog.services import INDICATOR_FIELDS, RULE_FIELDS, version_of
from metrics.models import Indicator, Rule
from reporting.versions import VersionField


def group_choices(owner: Owner) -> list[tuple[str, str]]:
    """The national indicator groups; for a school, with the department it assigned each to."""
    codes = sorted(set(Indicator.objects.national().values_list("department_code", flat=True)))
    who = WhoFills(owner.school) if owner.school else None
    out = []
    for code in codes:
        department = who.group(code) if who else None
        out.append((code, f"{code}（{department.name}）" if department else code))
    return out


class _ItemForm(forms.Form):
    model = None
    names: list[str] = []

    version = VersionField()

    def __init__(self, *args, owner: Owner, instance=None, **kwargs):
        if instance is not None and not kwargs.get("data"):
            kwargs["initial"] = {
                **{name: getattr(instance, name) for name in self.names},
                "version": version_of(instance),
            }
        super().__init__(*args, **kwargs)
        for name in self.names:
            if name in self.fields:
                continue
            field = self.model._meta.get_field(name)
            if name == "code":
                self.fields[name] = forms.SlugField(
                    label=field.verbose_name, max_length=60,
                    help_text=_("英文字母、数字、- 或 _；不能与全国目录或可见的代码重复。"),
                )  # fmt: skip
            else:
                self.fields[name] = field.formfield(required=not field.blank and name != "active")
        self.order_fields([*self.names, "version"])
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "form-select")
            elif not isinstance(widget, forms.HiddenInput):
                widget.attrs.setdefault("class", "form-control")

    @property
    def values(self) -> dict:
        return {name: self.cleaned_data.get(name) for name in self.names}


class IndicatorForm(_ItemForm):
    model = Indicator
    names = INDICATOR_FIELDS
    formula = StorableJSONField(
        label=_("计算公式"),
        required=False,
        help_text=_(
            '留空为填报指标；计算指标例如 {"op": "percent", "num": "own_code", "den": "students"}。'
        ),
    )

    def __init__(self, *args, owner: Owner, **kwargs):
        super().__init__(*args, owner=owner, **kwargs)
        self.fields["department_code"] = forms.ChoiceField(
            label=_("负责部门（指标组）"), choices=group_choices(owner),
            widget=forms.Select(attrs={"class": "form-select"}),
        )  # fmt: skip
        self.order_fields([*self.names, "version"])


class RuleForm(_ItemForm):
    model = Rule
    names = RULE_FIELDS
    params = StorableJSONField(
        label=_("参数"),
        required=False,
        help_text=_('例如 {"a": "own_code", "b": "students"}；只能引用全国指标和本级补充的指标。'),
    )

    def __init__(self, *args, owner: Owner, **kwargs):
        super().__init__(*args, owner=owner, **kwargs)
        self.fields["department_code"] = forms.ChoiceField(
            label=_("负责部门（指标组）"), required=False,
            choices=[("", "—"), *group_choices(owner)],
            widget=forms.Select(attrs={"class": "form-select"}),
        )  # fmt: skip
        self.order_fields([*self.names, "version"])

    def clean_params(self):
        return self.cleaned_data.get("params") or {}


FORMS = {"indicator": IndicatorForm, "rule": RuleForm}
MODELS = {"indicator": Indicator, "rule": Rule}
