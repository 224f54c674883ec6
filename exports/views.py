from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from exports.access import get_export_job_for_user, get_export_year_for_user
from exports.forms import ExportRequestForm
from exports.models import ExportJob
from exports.services import request_export
from reporting.errors import ReportError
from reporting.files import private_file_response


def year_exports(request, school, year):
    report_year = get_export_year_for_user(request, school, year)
    jobs = ExportJob.objects.of_year(report_year)[:30]
    context = {
        "year": report_year,
        "jobs": jobs,
        "formats": ExportJob.Format.choices,
    }
    return render(request, "exports/year.html", context)


@require_POST
def start_export(request, school, year):
    report_year = get_export_year_for_user(request, school, year)
    form = ExportRequestForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["format"][0])
        return redirect("exports:year", school=school, year=year)
    try:
        job = request_export(
            year=report_year, format=form.cleaned_data["format"], user=request.user
        )
    except ReportError as error:
        messages.error(request, str(error))
        return redirect("exports:year", school=school, year=year)
    return redirect("exports:job", school=school, year=year, job_id=job.pk)


def job_detail(request, school, year, job_id):
    job = get_export_job_for_user(request, school, year, job_id)
    return render(request, "exports/job.html", {"year": job.year, "job": job})


def job_status(request, school, year, job_id):
    job = get_export_job_for_user(request, school, year, job_id)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "progress": job.progress,
            "stage": job.stage,
            "error": job.error,
            "download_url": job.download_url if job.status == ExportJob.Status.DONE else None,
        }
    )


def download(request, school, year, job_id):
    job = get_export_job_for_user(request, school, year, job_id)
    if job.status != ExportJob.Status.DONE or not job.file:
        raise Http404(_("文件尚未生成。"))
    return private_file_response(job.file.name, filename=job.filename, as_attachment=True)
