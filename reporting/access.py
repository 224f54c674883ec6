"""One access helper per object kind, called on the first line of every view.

They answer 404 for what the user may not see (another school's data) and 403 for what they
may see but not change (wrong role or department). Other apps add their own helpers next to
their views but follow the same rule and build on these.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from reporting.models import Department, Region, ReportYear, User


def get_year_for_user(
    request: HttpRequest, school_slug: str, year: int, *, manage: bool = False
) -> ReportYear:
    """The report year of the user's school; `manage` requires the editorial committee."""
    report_year = get_object_or_404(
        ReportYear.objects.for_user(request.user).select_related("school"),
        school__slug=school_slug,
        year=year,
    )
    if manage and not can_manage_year(request.user):
        raise PermissionDenied
    return report_year


def can_manage_year(user: User) -> bool:
    return user.is_superuser or user.is_editor


def can_write_for_department(user: User, department: Department) -> bool:
    if user.is_superuser:
        return True
    if user.school_id != department.school_id:
        return False
    return user.is_editor or (user.is_department_member and user.department_id == department.pk)


def get_region_for_bureau_admin(request: HttpRequest, code: str) -> Region:
    """A region the user administers: a bureau administrator's own region or one below it
    (superusers: any). 404 for a region the user cannot see, 403 for a bureau user who is not
    its administrator."""
    region = get_object_or_404(Region, code=code)
    user = request.user
    if user.is_superuser:
        return region
    if (
        not user.is_bureau
        or user.region_id is None
        or region.pk not in user.region.with_descendants()
    ):
        raise Http404
    if not user.is_bureau_admin:
        raise PermissionDenied
    return region


def bureau_admin_writes(view):
    """Marks a view whose POSTs a bureau administrator may send; the bureau's read-only
    middleware (regions) refuses every other unsafe request of a bureau user."""
    view.bureau_admin_writes = True
    return view
