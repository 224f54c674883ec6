from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from districtreport import services
from districtreport.access import get_report_year_for_user
from districtreport.models import Aggregation
from metrics.api import appendix_tables
from reporting.errors import ReportError


@require_GET
def report(request, school, year):
    report_year = get_report_year_for_user(request, school, year)
    context = {
        "year": report_year,
        "region": report_year.school.reports_for_region,
        "sources": services.sources(report_year),
        "record": Aggregation.objects.filter(year=report_year).first(),
        "stale": services.is_stale(report_year),
        "can_aggregate": services.can_aggregate(request.user, report_year),
        "table": next(iter(appendix_tables(report_year)), None),
    }
    return render(request, "districtreport/report.html", context)


@require_POST
def aggregate(request, school, year):
    report_year = get_report_year_for_user(request, school, year, manage=True)
    try:
        record = services.aggregate(year=report_year, user=request.user)
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("已重新汇总：%(n)s 所学校的已发布年度。") % {"n": len(record.sources)}
        )
    return redirect("districtreport:report", school, report_year.year)
