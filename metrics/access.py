"""Access helpers for figures, in the style of reporting/access.py: 404 for another school's
year, 403 for a form of a department the user may not fill."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from metrics.assignments import WhoFills
from metrics.datasets import DATASETS
from metrics.derived import owned_by
from metrics.models import ReportedValue
from metrics.yeardata import YearData
from reporting.access import can_write_for_department, get_year_for_user
from reporting.models import Department


def get_figures_year_for_user(request, school_slug: str, year: int):
    """A year of the user's school (any role may see the list of forms and the findings)."""
    return get_year_for_user(request, school_slug, year)


def get_entry_for_user(request, school_slug: str, year: int, department_code: str, key: str = ""):
    """(year, department) of an entry form the user may fill: its head or staff, or the
    editorial committee."""
    report_year = get_year_for_user(request, school_slug, year)
    department = get_object_or_404(
        Department.objects.select_related("school"),
        school_id=report_year.school_id,
        code=department_code,
    )
    if not can_write_for_department(request.user, department):
        raise PermissionDenied
    if key and (key not in DATASETS or WhoFills(department.school).dataset(key) != department):
        raise Http404
    return report_year, department


def can_explain(user, year, department_codes: set[str]) -> bool:
    if user.is_superuser or user.is_editor:
        return user.is_superuser or user.school_id == year.school_id
    return user.is_department_member and user.department.code in department_codes


def get_reported_for_user(request, school_slug: str, year: int, department_code: str, pk: int):
    """(year, department, reported value) of a department's reported-values page: the value
    must be one of a derived quantity that department owns."""
    report_year, department = get_entry_for_user(request, school_slug, year, department_code)
    reported = get_object_or_404(ReportedValue, pk=pk, year=report_year)
    if reported.quantity not in owned_by(YearData(report_year), department.code):
        raise Http404
    return report_year, department, reported
