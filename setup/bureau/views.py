"""创建学校 for a bureau administrator (and the platform operator): the region's schools, one
school by a form, many from a workbook (upload → preview → 确认创建), then the accounts created
with their one-time links. The rows waiting for 确认创建 stay in the session, never in the page,
and are checked again when confirmed."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from reporting.access import bureau_admin_writes, get_region_for_bureau_admin
from reporting.models import Region, School, User
from setup import links
from setup.bureau import services, workbook
from setup.bureau.forms import OneSchoolForm, UploadForm
from setup.people import WorkbookErrors

PER_PAGE = 100


def _pending_key(region: Region) -> str:
    return f"bureau_schools_pending:{region.code}"


def _created_key(region: Region) -> str:
    return f"bureau_schools_created:{region.code}"


@bureau_admin_writes
def schools(request, code):
    region = get_region_for_bureau_admin(request, code)
    form = OneSchoolForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        row = _row_of(form.cleaned_data)
        try:
            created = services.create_schools(region=region, rows=[(1, row)], user=request.user)
        except services.SchoolRowsRefused as refused:
            for problem in (e for r in refused.rows for e in r.errors):
                form.add_error(None, problem)
        else:
            return _done(request, region, created)
    return _schools_page(request, region, form=form)


@bureau_admin_writes
@require_POST
def upload(request, code):
    region = get_region_for_bureau_admin(request, code)
    request.session.pop(_pending_key(region), None)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        errors = [m for field in form.errors.values() for m in field]
        return _schools_page(request, region, upload_form=form, upload_errors=errors)
    try:
        rows = workbook.read(form.cleaned_data["file"])
    except WorkbookErrors as problems:
        return _schools_page(request, region, upload_form=form, upload_errors=problems.messages)
    if not rows:
        errors = [_("工作簿中没有学校（从第2行起每行一所）。")]
        return _schools_page(request, region, upload_form=form, upload_errors=errors)
    checked = services.check_rows(region=region, rows=rows)
    refused = [row for row in checked if row.errors]
    if not refused:
        request.session[_pending_key(region)] = rows
    return _preview(request, region, checked, refused)


@bureau_admin_writes
@require_POST
def confirm(request, code):
    region = get_region_for_bureau_admin(request, code)
    rows = request.session.pop(_pending_key(region), None)
    if not rows:
        messages.warning(request, _("没有待确认的学校名单（可能已经创建），请重新上传工作簿。"))
        return redirect("setup:bureau_schools", region.code)
    rows = [(line, values) for line, values in rows]
    try:
        created = services.create_schools(region=region, rows=rows, user=request.user)
    except services.SchoolRowsRefused as refused:
        return _preview(request, region, refused.rows, [r for r in refused.rows if r.errors])
    return _done(request, region, created)


@require_GET
def created(request, code):
    region = get_region_for_bureau_admin(request, code)
    accounts = _accounts(request, region)
    context = {"region": region, "accounts": accounts}
    return render(request, "setup/bureau/created.html", context)


@require_GET
def accounts_xlsx(request, code):
    region = get_region_for_bureau_admin(request, code)
    accounts = _accounts(request, region)
    if not accounts:
        messages.warning(request, _("本次登录没有新创建的学校管理员账号。"))
        return redirect("setup:bureau_schools", region.code)
    response = HttpResponse(workbook.accounts(accounts), content_type=workbook.XLSX)
    response["Content-Disposition"] = 'attachment; filename="school-admins.xlsx"'
    return response


@require_GET
def template_xlsx(request, code):
    region = get_region_for_bureau_admin(request, code)
    response = HttpResponse(workbook.template(region), content_type=workbook.XLSX)
    response["Content-Disposition"] = f'attachment; filename="schools-{region.code}.xlsx"'
    return response


# -- helpers ----------------------------------------------------------------------------------
def _row_of(data: dict) -> dict[str, str]:
    """The form's values as a workbook row, so both go through the same checks."""
    return {
        services.NAME: data["name"], services.SHORT: data["short_name"],
        services.SLUG: data["slug"], services.KIND: data["kind"],
        services.REGION: data["region"].code, services.ADMIN_USERNAME: data["admin_username"],
        services.ADMIN_NAME: data["admin_name"], services.ADMIN_EMAIL: data["admin_email"],
    }  # fmt: skip


def _done(request, region, created):
    """Remember who was created (their ids only: links are made when shown) and show them."""
    pks = request.session.get(_created_key(region), [])
    request.session[_created_key(region)] = pks + [admin.pk for _school, admin in created]
    messages.success(request, _("已创建 %(n)s 所学校及其学校管理员账号。") % {"n": len(created)})
    return redirect("setup:bureau_created", region.code)


def _accounts(request, region) -> list[dict[str, str]]:
    pks = request.session.get(_created_key(region), [])
    admins = (
        User.objects.filter(
            pk__in=pks, role=User.Role.SCHOOL_ADMIN, school__region__in=region.with_descendants()
        )
        .select_related("school__region")
        .order_by("school__name")
    )
    return [
        {
            "school": admin.school.name,
            "slug": admin.school.slug,
            "region": admin.school.region.name,
            "username": admin.username,
            "name": admin.get_full_name(),
            "link": _("已设置密码")
            if admin.has_usable_password()
            else request.build_absolute_uri(links.set_password_path(admin)),
        }
        for admin in admins
    ]


def _preview(request, region, checked, refused):
    context = {"region": region, "rows": checked, "refused": refused}
    return render(request, "setup/bureau/preview.html", context)


def _schools_page(request, region, *, form=None, upload_form=None, upload_errors=()):
    admins = Prefetch(
        "users", queryset=User.objects.filter(role=User.Role.SCHOOL_ADMIN), to_attr="admins"
    )
    schools = (
        School.objects.filter(region__in=region.with_descendants())
        .select_related("region")
        .prefetch_related(admins)
        .order_by("region__name", "name")
    )
    page = Paginator(schools, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "region": region,
        "page": page,
        "form": form or OneSchoolForm(region=region),
        "upload_form": upload_form or UploadForm(),
        "upload_errors": upload_errors,
        "max_rows": workbook.MAX_ROWS,
    }
    return render(request, "setup/bureau/schools.html", context)
