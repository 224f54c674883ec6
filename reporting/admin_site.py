"""The admin is the school administrator's setup tool (departments, users, years).

Only superusers and school administrators may enter; a logged-in user of another role gets a
plain 403 instead of the admin's login form, which would suggest they could log in there.
"""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from reporting.forms import AdminLoginForm


class SchoolAdminSite(admin.AdminSite):
    site_header = _("质量年度报告 · 学校管理")
    site_title = _("学校管理")
    index_title = _("学校设置")
    login_form = AdminLoginForm

    def has_permission(self, request) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or user.is_school_admin)

    def login(self, request, extra_context=None):
        if request.user.is_authenticated and not self.has_permission(request):
            raise PermissionDenied
        return super().login(request, extra_context)

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def guarded(request, *args, **kwargs):
            if request.user.is_authenticated and not self.has_permission(request):
                raise PermissionDenied
            return inner(request, *args, **kwargs)

        return guarded


admin_site = SchoolAdminSite(name="admin")
