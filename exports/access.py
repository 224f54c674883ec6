"""Access to exports: the editorial committee of the year's school only (404 other school,
403 other roles), like every other access helper in reporting/access.py."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from exports.models import ExportJob
from reporting.access import get_year_for_user
from reporting.models import ReportYear


def get_export_year_for_user(request: HttpRequest, school_slug: str, year: int) -> ReportYear:
    return get_year_for_user(request, school_slug, year, manage=True)


def get_export_job_for_user(request: HttpRequest, school_slug: str, year: int, job_id) -> ExportJob:
    report_year = get_export_year_for_user(request, school_slug, year)
    return get_object_or_404(
        ExportJob.objects.select_related("year__school", "requested_by"),
        year=report_year,
        pk=job_id,
    )
