"""One guard for the bureau's read-only access: every unsafe request of a bureau user is
refused with 403, whatever view it reaches, except signing out, choosing a language and
changing one's own password."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def bureau_read_only(get_response):
    allowed = None

    def middleware(request):
        nonlocal allowed
        user = getattr(request, "user", None)
        if request.method not in SAFE_METHODS and user is not None and user.is_authenticated:
            if getattr(user, "is_bureau", False):
                if allowed is None:
                    allowed = {reverse(n) for n in ("logout", "set_language", "change_password")}
                if request.path not in allowed:
                    raise PermissionDenied
        return get_response(request)

    return middleware
