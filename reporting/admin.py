"""Admin for the school administrator: everything is scoped to their own school."""

from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from reporting import deletion
from reporting.admin_site import admin_site
from reporting.models import SCHOOL_ROLES, Department, Region, ReportYear, School, User


class CheckedAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete widget looks up whatever was posted when it shows a refused form
    again; a value that is not a key at all (a hand-made POST) raised ValueError, a 500.
    Such values are left out of the lookup; the field's own error already says why."""

    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        key = remote.model._meta.get_field(remote.field_name)
        return super().optgroups(name, [v for v in value if _is_key_value(key, v)], attr)


def _is_key_value(key_field, value) -> bool:
    try:
        key_field.to_python(value)
    except ValidationError:
        return False
    return True


def _in_locked_year(obj) -> bool:
    """A locked year and everything it owns is read-only here (shown, never changed or
    deleted); PostgreSQL's triggers refuse it too. Unlocking is the committee's step."""
    year = obj if isinstance(obj, ReportYear) else getattr(obj, "year", None)
    return isinstance(year, ReportYear) and not year.is_open


class SchoolScopedAdmin(admin.ModelAdmin):
    """Rows of the administrator's own school only; new rows are put in that school.

    Permissions come from the role, not from Django's per-model permission table, so a new
    school administrator needs no permission setup.
    """

    school_field = "school"

    def _is_manager(self, request) -> bool:
        return request.user.is_superuser or request.user.is_school_admin

    def has_module_permission(self, request):
        return self._is_manager(request)

    def has_view_permission(self, request, obj=None):
        return self._is_manager(request)

    def has_add_permission(self, request):
        return self._is_manager(request)

    def has_change_permission(self, request, obj=None):
        return self._is_manager(request) and not _in_locked_year(obj)

    def has_delete_permission(self, request, obj=None):
        return self._is_manager(request) and not _in_locked_year(obj)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.school_field: request.user.school_id})

    def get_exclude(self, request, obj=None):
        excluded = list(super().get_exclude(request, obj) or [])
        if not request.user.is_superuser and self.school_field == "school":
            excluded.append("school")
        return excluded

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser and self.school_field == "school":
            obj.school_id = request.user.school_id
        super().save_model(request, obj, form, change)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            kwargs["queryset"] = school_choices(db_field.related_model, request.user.school_id)
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs.setdefault(
                "widget",
                CheckedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            kwargs["queryset"] = school_choices(db_field.related_model, request.user.school_id)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


def school_choices(model, school_id: int | None) -> models.QuerySet:
    """What a school administrator may pick in a choice field: their school's rows only (a
    year, a department, a user …; the catalog's national rows plus their own); rows that
    belong to no school (Django's groups and permissions) are not offered at all."""
    manager = model._default_manager
    if model is School:
        return manager.filter(pk=school_id)
    if hasattr(manager, "for_school"):
        return manager.for_school(school_id)
    names = {f.name: f for f in model._meta.get_fields()}
    if "school" in names:
        return manager.filter(school_id=school_id)
    if "year" in names and names["year"].related_model is ReportYear:
        return manager.filter(year__school_id=school_id)
    if model._meta.app_label in ("auth", "contenttypes"):
        return manager.none()
    return manager.all()


class RefusedDeleteAdmin(SchoolScopedAdmin):
    """Deletes go through a service that refuses to lose work; the confirmation page lists
    the refusals (Django's "protected objects" page) instead of failing with a 500."""

    def delete_refusal(self, obj) -> str | None:
        raise NotImplementedError

    def delete_one(self, obj) -> None:
        raise NotImplementedError

    def get_deleted_objects(self, objs, request):
        refusals = [refusal for obj in objs if (refusal := self.delete_refusal(obj))]
        if refusals:
            return [], {}, set(), refusals
        return [str(obj) for obj in objs], {self.opts.verbose_name_plural: len(objs)}, set(), []

    def delete_model(self, request, obj):
        try:
            self.delete_one(obj)
        except deletion.DeleteRefused as refused:  # changed since the confirmation page
            self.message_user(request, str(refused), messages.ERROR)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(School, site=admin_site)
class SchoolAdmin(SchoolScopedAdmin):
    school_field = "pk"
    list_display = ["name", "slug", "kind", "legal_representative"]
    # A school's website typed without a scheme is meant as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_exclude(self, request, obj=None):
        # Which bureau sees a school is the platform operator's decision, not the school's.
        excluded = list(super().get_exclude(request, obj) or [])
        return excluded if request.user.is_superuser else [*excluded, "region"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_queryset(self, request):
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk=request.user.school_id)


@admin.register(Department, site=admin_site)
class DepartmentAdmin(RefusedDeleteAdmin):
    list_display = ["name", "code", "order", "school"]
    list_editable = ["order"]
    search_fields = ["name"]

    def delete_refusal(self, obj):
        return deletion.department_refusal(obj)

    def delete_one(self, obj):
        deletion.delete_department(department=obj)


@admin.register(ReportYear, site=admin_site)
class ReportYearAdmin(RefusedDeleteAdmin):
    list_display = ["__str__", "year", "status", "publication_date", "locked_by", "locked_at"]
    list_filter = ["status"]
    # Locking and unlocking are the committee's steps (锁定与发布), recorded with who and why.
    readonly_fields = ["status", "locked_by", "locked_at"]

    def delete_refusal(self, obj):
        return deletion.year_refusal(obj)

    def delete_one(self, obj):
        deletion.delete_year(year=obj)


# A school administrator sets neither the school (it is theirs) nor a region (bureau users).
SUPERUSER_ONLY = ("school", "region")


@admin.register(User, site=admin_site)
class SchoolUserAdmin(SchoolScopedAdmin, UserAdmin):
    list_display = ["username", "get_full_name", "role", "department", "is_active"]
    list_filter = ["role", "is_active"]
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("个人信息"), {"fields": ("last_name", "first_name", "email")}),
        (_("学校与角色"), {"fields": ("school", "role", "department", "region", "is_active")}),
    )
    add_fieldsets = (
        (None, {"fields": ("username", "password1", "password2")}),
        (_("学校与角色"), {"fields": ("school", "role", "department", "region")}),
    )

    @admin.display(description=_("姓名"))
    def get_full_name(self, obj):
        return obj.get_full_name()

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return (*fieldsets, (_("平台权限"), {"fields": ("is_staff", "is_superuser")}))
        return tuple(
            (name, {**opts, "fields": tuple(f for f in opts["fields"] if f not in SUPERUSER_ONLY)})
            for name, opts in fieldsets
        )

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name == "role" and not request.user.is_superuser:
            kwargs["choices"] = [("", "---------"), *SCHOOL_ROLES]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    def get_exclude(self, request, obj=None):
        return None

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)


class OperatorOnlyAdmin(admin.ModelAdmin):
    """Data of the whole installation (regions, the national catalog's tables): the platform
    operator's (superuser) alone; school administrators do not see it."""

    def has_module_permission(self, request):
        return request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Region, site=admin_site)
class RegionAdmin(OperatorOnlyAdmin):
    """Regions are the platform operator's data."""

    list_display = ["name", "level", "parent", "code"]
    list_filter = ["level"]
    search_fields = ["name", "code"]
