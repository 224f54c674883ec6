"""Workbook pages: download, upload → preview, apply. Thin: access helper, one call, render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from metrics import services
from metrics.access import get_entry_for_user, get_figures_year_for_user
from metrics.workbooks import appendix
from metrics.workbooks.apply import apply_plan, load_plan, sign_plan
from metrics.workbooks.forms import ApplyForm, WorkbookUploadForm
from metrics.workbooks.preview import build_preview
from metrics.workbooks.reader import read_department_workbook
from metrics.workbooks.template import build_workbook, workbook_filename
from reporting.access import can_manage_year, get_year_for_user
from reporting.errors import ReportError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(filename)}"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


@require_GET
def download_department(request, school, year, department):
    report_year, dept = get_entry_for_user(request, school, year, department)
    data = build_workbook(report_year, [dept], request.user)
    return _xlsx(data, workbook_filename(report_year, dept))


@require_GET
def download_all(request, school, year):
    report_year = get_year_for_user(request, school, year, manage=True)
    departments = list(report_year.school.departments.order_by("pk"))
    data = build_workbook(report_year, departments, request.user)
    return _xlsx(data, workbook_filename(report_year))


def _departments_for(request, report_year):
    departments = report_year.school.departments.order_by("pk")
    if request.user.is_superuser or can_manage_year(request.user):
        return list(departments)
    return list(departments.filter(pk=request.user.department_id))


def workbook_page(request, school, year):
    report_year = get_figures_year_for_user(request, school, year)
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = read_department_workbook(form.cleaned_data["file"])
        preview = build_preview(report_year, request.user, result)
        return _preview_page(request, report_year, preview, _("Excel 导入预览"))
    context = {
        "year": report_year,
        "form": form,
        "departments": _departments_for(request, report_year),
        "committee": can_manage_year(request.user),
    }
    return render(request, "workbooks/workbook.html", context)


def appendix_import(request, school, year):
    report_year = get_year_for_user(request, school, year, manage=True)
    form = WorkbookUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = appendix.read_appendix_workbook(form.cleaned_data["file"], report_year)
        preview = build_preview(report_year, request.user, result, originals=False)
        return _preview_page(request, report_year, preview, _("附件表导入预览"))
    return render(request, "workbooks/appendix.html", {"year": report_year, "form": form})


def _preview_page(request, report_year, preview, title: str):
    context = {
        "year": report_year,
        "preview": preview,
        "title": title,
        "plan": "" if preview.empty_plan else sign_plan(preview.plan),
    }
    return render(request, "workbooks/preview.html", context)


@require_POST
def apply(request, school, year):
    report_year = get_figures_year_for_user(request, school, year)
    form = ApplyForm(request.POST)
    back = redirect("metrics:workbook", school, year)
    if not form.is_valid():
        messages.error(request, _("预览已过期或无效，请重新上传工作簿。"))
        return back
    try:
        plan = load_plan(form.cleaned_data["plan"], year=report_year, user=request.user)
        if plan.get("has_problems") and not form.cleaned_data["only_valid"]:
            raise services.FiguresError(
                _("工作簿中还有问题。请修改后重新上传，或勾选“只导入上面列出的无问题的改动”。")
            )
        changed = apply_plan(year=report_year, user=request.user, plan=plan)
    except ReportError as error:
        messages.error(request, str(error))
        return back
    messages.success(request, _("已导入，%(count)s 项数据有变动。") % {"count": changed})
    return redirect("metrics:overview", school, year)
