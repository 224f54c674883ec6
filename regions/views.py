from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from regions.access import get_region_for_user, parse_year
from regions.comparison import compare
from regions.comparison_page import comparison_page
from regions.overview import dashboard_page, region_report, region_schools, summary
from regions.replica import replica_reads
from regions.spreadsheet import comparison_workbook
from reporting.models import ReportYear

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_GET
@replica_reads
def region_home(request, code):
    region = get_region_for_user(request, code)
    years = (
        ReportYear.objects.filter(school__in=region_schools(region))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )
    context = {
        "region": region,
        "years": list(years),
        "children": region.children.all(),
        "report": region_report(region),
    }
    return render(request, "regions/home.html", context)


@require_GET
@replica_reads
def region_dashboard(request, code, year):
    region = get_region_for_user(request, code)
    year = parse_year(year)
    drafts = request.GET.get("drafts") == "1"
    page, rows = dashboard_page(region, year, request.GET.get("page"), drafts=drafts)
    context = {
        "region": region,
        "year": year,
        "drafts": drafts,
        "page": page,
        "rows": rows,
        "summary": summary(region, year),
    }
    return render(request, "regions/dashboard.html", context)


def _comparison(request, code, year):
    region = get_region_for_user(request, code)
    year = parse_year(year)
    drafts = request.GET.get("drafts") == "1"
    return region, year, compare(region, year, drafts=drafts, sort=request.GET.get("sort", ""))


@require_GET
@replica_reads
def region_compare(request, code, year):
    region = get_region_for_user(request, code)
    year = parse_year(year)
    content = comparison_page(
        region,
        year,
        drafts=request.GET.get("drafts") == "1",
        sort=request.GET.get("sort", ""),
        page_number=request.GET.get("page"),
    )
    context = {"region": region, "year": year, "content": content}
    return render(request, "regions/compare.html", context)


@require_GET
@replica_reads
def region_compare_xlsx(request, code, year):
    region, year, comparison = _comparison(request, code, year)
    title = _("%(region)s %(year)s年度 各校关键指标对比") % {"region": region.name, "year": year}
    response = HttpResponse(comparison_workbook(comparison, title), content_type=XLSX)
    suffix = "-drafts" if comparison.drafts else ""
    response["Content-Disposition"] = f'attachment; filename="{region.code}-{year}{suffix}.xlsx"'
    return response
