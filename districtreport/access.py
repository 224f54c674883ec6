"""Who sees a region report's sources page: the people of the region report (404 for everyone
else, as for another school's year); only its committee aggregates (403 for its others)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from districtreport.services import can_aggregate
from reporting.access import get_year_for_user
from reporting.models import ReportYear


def get_report_year_for_user(
    request: HttpRequest, slug: str, year: int, *, manage: bool = False
) -> ReportYear:
    report_year = get_year_for_user(request, slug, year)
    if not report_year.school.is_region_report:
        raise Http404
    if manage and not can_aggregate(request.user, report_year):
        raise PermissionDenied
    return report_year
