"""学校设置: the school administrator's checklist, school record, report year dates and who
fills what; the platform operator's 新建学校. Thin: access helper first, one service, render."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from reporting.errors import ReportError
from setup import assignments, checklist, links, services
from setup.access import get_school_for_admin, require_operator
from setup.forms import CreateSchoolForm, SchoolRecordForm, YearDatesForm


def home(request, school):
    school = get_school_for_admin(request, school)
    context = {"school": school, "steps": checklist.steps(school)}
    return render(request, "setup/home.html", context)


def school_record(request, school):
    school = get_school_for_admin(request, school)
    form = SchoolRecordForm(request.POST or None, instance=school)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("学校信息已保存。"))
        return redirect("setup:school", school.slug)
    return render(request, "setup/school.html", {"school": school, "form": form})


def year_dates(request, school):
    school = get_school_for_admin(request, school)
    year = checklist.current_year(school)
    form = YearDatesForm(request.POST or None, instance=year) if year else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            year.ensure_open()
        except ReportError as error:
            messages.error(request, str(error))
        else:
            form.save()
            messages.success(request, _("年度日期已保存。"))
            return redirect("setup:year", school.slug)
    return render(request, "setup/year.html", {"school": school, "year": year, "form": form})


def who_fills_what(request, school):
    school = get_school_for_admin(request, school)
    year = checklist.current_year(school)
    form = assignments.AssignmentsForm(
        request.POST or None, school=school, items=assignments.items(school, year)
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = assignments.save(school=school, form=form)
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("填报分工已保存，%(n)s 项有变动。") % {"n": changed})
            return redirect("setup:assignments", school.slug)
    elif request.method == "POST":
        messages.error(request, _("有选择不正确，未保存。"))
    context = {"school": school, "year": year, "form": form}
    return render(request, "setup/assignments.html", context)


def create_school(request):
    require_operator(request)
    form = CreateSchoolForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            school, admin = services.create_school(**form.cleaned_data)
        except services.SetupError as error:
            form.add_error(None, str(error))
        else:
            link = request.build_absolute_uri(links.set_password_path(admin))
            created = {"school": school, "admin": admin, "link": link}
            form = CreateSchoolForm()
    return render(request, "setup/create_school.html", {"form": form, "created": created})
