"""One access helper per object kind, called on the first line of every view.

They answer 404 for what the user may not see (another school's data) and 403 for what they
may see but not change (wrong role or department). Other apps add their own helpers next to
their views but follow the same rule and build on these.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from reporting.models import Department, ReportYear, User


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
