"""学校设置 → 部门 and 人员: rename, add, merge, remove departments; add people one by one or from
a workbook; one-time links to set a password. Thin views over setup/services.py."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from setup import links, services
from setup.access import (
    get_department_for_admin,
    get_person_for_admin,
    get_school_for_admin,
)
from setup.forms import DepartmentForm, ImportForm, MergeForm, PersonForm
from setup.people import WorkbookErrors, import_people


def departments(request, school):
    school = get_school_for_admin(request, school)
    form = DepartmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_department(school=school, **form.cleaned_data)
        except services.SetupError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("部门已添加。"))
            return redirect("setup:departments", school.slug)
    rows = [(d, services.department_work(d)) for d in school.departments.all()]
    return render(request, "setup/departments.html", {"school": school, "rows": rows, "form": form})


def department_edit(request, school, pk):
    school, department = get_department_for_admin(request, school, pk)
    initial = {"name": department.name, "code": department.code}
    form = DepartmentForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_department(school=school, department=department, **form.cleaned_data)
        except services.SetupError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("部门已保存。"))
            return redirect("setup:departments", school.slug)
    context = {
        "school": school,
        "department": department,
        "form": form,
        "merge_form": MergeForm(school=school, source=department),
        "work": services.department_work(department),
    }
    return render(request, "setup/department_edit.html", context)


@require_POST
def department_merge(request, school, pk):
    school, department = get_department_for_admin(request, school, pk)
    form = MergeForm(request.POST, school=school, source=department)
    if not form.is_valid():
        messages.error(request, _("请选择要并入的部门。"))
        return redirect("setup:department", school.slug, department.pk)
    target = form.cleaned_data["target"]
    try:
        services.merge_departments(source=department, target=target)
    except services.SetupError as error:
        messages.error(request, str(error))
        return redirect("setup:department", school.slug, department.pk)
    messages.success(
        request, _("“%(a)s”已并入“%(b)s”。") % {"a": department.name, "b": target.name}
    )
    return redirect("setup:departments", school.slug)


@require_POST
def department_remove(request, school, pk):
    school, department = get_department_for_admin(request, school, pk)
    try:
        services.remove_department(department=department)
    except services.SetupError as error:
        messages.error(request, str(error))
        return redirect("setup:department", school.slug, department.pk)
    messages.success(request, _("部门“%(name)s”已删除。") % {"name": department.name})
    return redirect("setup:departments", school.slug)


def people(request, school):
    school = get_school_for_admin(request, school)
    form = PersonForm(request.POST or None, school=school)
    created = []
    if request.method == "POST" and form.is_valid():
        try:
            user = services.add_user(school=school, **form.cleaned_data)
        except services.SetupError as error:
            form.add_error(None, str(error))
        else:
            created = [_with_link(request, user)]
            form = PersonForm(school=school)
    return _people_page(request, school, form=form, created=created)


@require_POST
def people_import(request, school):
    school = get_school_for_admin(request, school)
    form = ImportForm(request.POST, request.FILES)
    errors, created = [], []
    if form.is_valid():
        try:
            users = import_people(school=school, handle=form.cleaned_data["file"])
        except WorkbookErrors as problems:
            errors = problems.messages
        else:
            created = [_with_link(request, user) for user in users]
    else:
        errors = [m for field in form.errors.values() for m in field]
    return _people_page(request, school, import_form=form, import_errors=errors, created=created)


@require_POST
def person_link(request, school, pk):
    school, person = get_person_for_admin(request, school, pk)
    return _people_page(request, school, created=[_with_link(request, person)])


def _with_link(request, user):
    return {"user": user, "link": request.build_absolute_uri(links.set_password_path(user))}


def _people_page(request, school, *, form=None, import_form=None, import_errors=(), created=()):
    context = {
        "school": school,
        "people": school.users.select_related("department").order_by(
            "role", "department", "username"
        ),
        "form": form or PersonForm(school=school),
        "import_form": import_form or ImportForm(),
        "import_errors": import_errors,
        "created": created,
    }
    return render(request, "setup/people.html", context)
