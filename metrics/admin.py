"""The school administrator extends the catalog and the rules here.

The catalog is shared by every school (the province's template); only superusers and school
administrators reach the admin. Figures and data-set rows are entered through the entry forms,
not here, so their history always names the department's user.
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
from reporting.admin import SchoolScopedAdmin
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
    """Global rows: no school filter, role-based permissions as in SchoolScopedAdmin."""

    formfield_overrides = {models.JSONField: {"form_class": StorableJSONField}}

    def get_queryset(self, request):
        return admin.ModelAdmin.get_queryset(self, request)

    def get_exclude(self, request, obj=None):
        return admin.ModelAdmin.get_exclude(self, request, obj)

    def save_model(self, request, obj, form, change):
        admin.ModelAdmin.save_model(self, request, obj, form, change)


@admin.register(AppendixTable, site=admin_site)
class AppendixTableAdmin(CatalogAdmin):
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
    autocomplete_fields = ["parent"]
    list_select_related = ["table"]

    def has_delete_permission(self, request, obj=None):
        # Deleting an indicator would delete every school's history of it.
        return request.user.is_superuser


@admin.register(Rule, site=admin_site)
class RuleAdmin(CatalogAdmin):
    list_display = ["code", "kind", "severity", "department_code", "active"]
    list_filter = ["kind", "severity", "active"]
    list_editable = ["active"]


@admin.register(ProsePhrase, site=admin_site)
class ProsePhraseAdmin(CatalogAdmin):
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
