"""The catalog and the rules in 学校管理.

The national catalog and rules (school empty) change every school's report, so only the
platform operator (a superuser) sees and edits them. A school administrator sees and edits only
their own school's extra indicators and rules (SchoolScopedAdmin puts new rows in their school).
Figures and data-set rows are entered through the entry forms, not here, so their history
always names the department's user.
"""

import math

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from metrics.models import (
    AppendixTable,
    FindingExplanation,
    Indicator,
    ProsePhrase,
    ReportedValue,
    Rule,
)
from reporting.admin import OperatorOnlyAdmin, SchoolScopedAdmin
from reporting.admin_site import admin_site


class StorableJSONField(forms.JSONField):
    """JSON that PostgreSQL's jsonb can store. Python's json module reads NaN, Infinity and
    1e309 (→ inf) and "\\u0000", which jsonb refuses: a DataError (500) at save time."""

    def to_python(self, value):
        converted = super().to_python(value)
        if not _storable(converted):
            raise ValidationError(
                _("JSON 中不能有 NaN、Infinity、超出范围的数字或空字符。"),
                code="invalid",
            )
        return converted


def _storable(value) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, dict):
        return all(_storable(k) and _storable(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_storable(v) for v in value)
    return True


class CatalogAdmin(SchoolScopedAdmin):
    """National rows for the superuser; a school administrator's own rows for them."""

    formfield_overrides = {models.JSONField: {"form_class": StorableJSONField}}

    def get_list_display(self, request):
        shown = list(super().get_list_display(request))
        return [*shown, "school", "region"] if request.user.is_superuser else shown

    def get_exclude(self, request, obj=None):
        # A school administrator's rows are the school's: never a region's, never in the
        # official 表1–表5 (the region's and the school's own pages: /catalog/…).
        excluded = list(super().get_exclude(request, obj) or [])
        if self.model is Indicator:
            excluded.append("active")  # deactivated on the catalog pages (/catalog/…)
        if not request.user.is_superuser:
            excluded += [f for f in ("region", "table") if f in self._field_names()]
        return excluded

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if request.user.is_superuser:
            return form
        school_id = request.user.school_id

        class OwnSchoolForm(form):
            """The row is the school's before it is validated, so the model's checks (code,
            references: `clean_owned`) see its owner."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self.instance.school_id = school_id

        return OwnSchoolForm

    def _field_names(self) -> set[str]:
        return {field.name for field in self.model._meta.get_fields()}


@admin.register(AppendixTable, site=admin_site)
class AppendixTableAdmin(OperatorOnlyAdmin):
    """The printed 附件 tables are the province's."""

    list_display = ["number", "title"]


@admin.register(Indicator, site=admin_site)
class IndicatorAdmin(CatalogAdmin):
    list_display = [
        "label",
        "code",
        "table",
        "seq",
        "unit",
        "kind",
        "applies_to",
        "department_code",
    ]
    list_filter = ["table", "kind", "applies_to", "department_code"]
    search_fields = ["label", "code"]
    list_select_related = ["table"]

    def has_delete_permission(self, request, obj=None):
        # Deleting an indicator would delete its figures' history.
        return request.user.is_superuser


@admin.register(Rule, site=admin_site)
class RuleAdmin(CatalogAdmin):
    list_display = ["code", "kind", "severity", "department_code", "active"]
    list_filter = ["kind", "severity", "active"]
    list_editable = ["active"]


@admin.register(ProsePhrase, site=admin_site)
class ProsePhraseAdmin(OperatorOnlyAdmin):
    """The words the text uses for a figure, read by the numbers-in-prose check."""

    list_display = ["phrase", "quantity"]
    search_fields = ["phrase", "quantity"]


@admin.register(FindingExplanation, site=admin_site)
class FindingExplanationAdmin(SchoolScopedAdmin):
    school_field = "year__school"
    list_display = ["year", "rule_code", "subject", "updated_by", "updated_at"]
    readonly_fields = ["updated_by"]

    def has_add_permission(self, request):
        return False


@admin.register(ReportedValue, site=admin_site)
class ReportedValueAdmin(SchoolScopedAdmin):
    """Read and clean up (e.g. a value whose body-table row was renamed); entered on the
    departments' 已报送数值核对 pages."""

    school_field = "year__school"
    list_display = ["year", "quantity", "source", "value", "places", "updated_by", "updated_at"]
    list_filter = ["source"]
    search_fields = ["quantity"]
    readonly_fields = ["updated_by"]

    def has_add_permission(self, request):
        return False
