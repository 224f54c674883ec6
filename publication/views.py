"""The year's 锁定与发布 page, the committee's lock and unlock, and the edition downloads."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from publication import storage
from publication.access import get_edition_file_for_user
from publication.blockers import lock_blockers
from publication.forms import LockForm, UnlockForm
from publication.models import Edition, LockEvent
from publication.services import LockRefused, can_lock, lock_year, unlock_year
from reporting.access import get_year_for_user
from reporting.errors import ReportError


def year_publication(request, school, year):
    report_year = get_year_for_user(request, school, year)
    committee = can_lock(request.user, report_year)
    context = {
        "year": report_year,
        "committee": committee,
        "editions": Edition.objects.filter(year=report_year)
        .select_related("locked_by", "unlocked_by")
        .prefetch_related("files"),
        "events": LockEvent.objects.filter(year=report_year).select_related("user", "edition"),
        "blockers": lock_blockers(report_year) if committee and report_year.is_open else [],
        "lock_form": LockForm(),
        "unlock_form": UnlockForm(),
    }
    return render(request, "publication/year.html", context)


def _back(report_year):
    return redirect("publication:year", report_year.school.slug, report_year.year)


@require_POST
def lock(request, school, year):
    report_year = get_year_for_user(request, school, year, manage=True)
    if not can_lock(request.user, report_year):
        raise PermissionDenied
    form = LockForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("锁定说明最多 2000 个字。"))
        return _back(report_year)
    try:
        edition = lock_year(year=report_year, user=request.user, note=form.cleaned_data["note"])
    except LockRefused as refused:
        messages.error(request, str(refused))
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已锁定并发布%(edition)s。") % {"edition": edition.label})
    return _back(report_year)


@require_POST
def unlock(request, school, year):
    report_year = get_year_for_user(request, school, year, manage=True)
    if not can_lock(request.user, report_year):
        raise PermissionDenied
    form = UnlockForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["reason"][0])
        return _back(report_year)
    try:
        unlock_year(year=report_year, user=request.user, reason=form.cleaned_data["reason"])
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("已解锁，各部门可以继续修改。"))
    return _back(report_year)


def download(request, school, year, number, format):
    file = get_edition_file_for_user(request, school, year, number, format)
    if settings.PUBLISHED_ACCEL_PREFIX:
        # The proxy serves the bytes from an `internal` location aliasing PUBLISHED_ROOT.
        response = HttpResponse(content_type=file.mimetype)
        response["X-Accel-Redirect"] = settings.PUBLISHED_ACCEL_PREFIX.rstrip("/") + "/" + file.path
        response["Content-Disposition"] = content_disposition_header(True, file.filename)
        return response
    try:
        handle = storage.open_file(file.path)
    except FileNotFoundError:
        raise Http404(_("发布文件缺失，请联系管理员。")) from None
    return FileResponse(
        handle, as_attachment=True, filename=file.filename, content_type=file.mimetype
    )
