"""Access helpers of 学校设置, called on the first line of every view (reporting/access.py's
rule: 404 for another school, 403 for the wrong role)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from reporting.models import Department, School, User


def can_set_up(user: User, school: School) -> bool:
    return user.is_superuser or (user.is_school_admin and user.school_id == school.pk)


def get_school_for_admin(request, school_slug: str) -> School:
    """The school whose setup the user runs: its school administrator or a superuser."""
    user = request.user
    if not user.is_superuser and (user.school is None or user.school.slug != school_slug):
        raise Http404
    school = get_object_or_404(School, slug=school_slug)
    if not can_set_up(user, school):
        raise PermissionDenied
    return school


def get_department_for_admin(request, school_slug: str, pk: int) -> tuple[School, Department]:
    school = get_school_for_admin(request, school_slug)
    return school, get_object_or_404(Department, school=school, pk=pk)


def get_person_for_admin(request, school_slug: str, pk: int) -> tuple[School, User]:
    school = get_school_for_admin(request, school_slug)
    return school, get_object_or_404(User, school=school, pk=pk)


def require_operator(request) -> None:
    """Creating a school is the platform operator's (superuser's) job."""
    if not request.user.is_superuser:
        raise PermissionDenied
