"""One guard for the bureau's read-only access: every unsafe request of a bureau user is
refused with 403, whatever view it reaches, except signing out, choosing a language, changing
one's own password and — for a bureau administrator — the views marked with
`reporting.access.bureau_admin_writes` (creating the region's schools, its own indicators)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class BureauReadOnly:
    allowed_paths: set[str] | None = None

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if request.method in SAFE_METHODS or user is None or not user.is_authenticated:
            return None
        if not getattr(user, "is_bureau", False):
            return None
        if user.is_bureau_admin and getattr(view_func, "bureau_admin_writes", False):
            return None
        if self.allowed_paths is None:
            type(self).allowed_paths = {
                reverse(n) for n in ("logout", "set_language", "change_password")
            }
        if request.path not in self.allowed_paths:
            raise PermissionDenied
        return None
