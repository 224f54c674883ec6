"""Entry forms, the findings page. Thin: access helper first, one service or query, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metrics import api, derived, entry, services
from metrics.access import (
    can_explain,
    get_entry_for_user,
    get_figures_year_for_user,
    get_reported_for_user,
)
from metrics.datasets import DATASETS
from metrics.findings import run_checks
from metrics.forms import ExplanationForm, FigureEntryForm, ReportedValueForm, formset_class
from metrics.yeardata import YearData
from reporting.access import can_manage_year
from reporting.edit_guard import DATASET, FIGURES, edit_refusal
from reporting.errors import ReportError
from reporting.versions import refresh_version


def overview(request, school, year):
    report_year = get_figures_year_for_user(request, school, year)
    departments = report_year.school.departments.all()
    if not (request.user.is_superuser or can_manage_year(request.user)):
        departments = departments.filter(pk=request.user.department_id)
    context = {"year": report_year, "overview": entry.forms_overview(report_year, departments)}
    return render(request, "metrics/overview.html", context)


def figures_form(request, school, year, department):
    report_year, dept = get_entry_for_user(request, school, year, department)
    data = YearData(report_year)
    previous = data.previous_data
    previous_year = previous.year if previous else None
    typed = entry.typed_indicators(data, dept)
    stamp = entry.figures_stamp(data, typed)
    form = FigureEntryForm(
        request.POST or None,
        indicators=typed,
        initial_values=entry.initial_values(data, typed),
        initial={"stamp": stamp},
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.set_figures(
                year=report_year, user=request.user, values=form.values(),
                stamp=form.cleaned_data["stamp"], stamp_codes=[i.code for i in typed],
            )  # fmt: skip
        except services.StaleForm as stale:
            messages.error(request, str(stale))
            refresh_version(form, "stamp", stale.stamp)
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("已保存，%(count)s 项数据有变动。") % {"count": changed})
            return redirect(request.path)
    elif request.method == "POST":
        messages.error(request, _("有数据填写不正确，本表未保存。请按提示修改。"))
    context = {
        "year": report_year,
        "department": dept,
        "form": form,
        "groups": entry.entry_groups(data, dept, form, previous),
        "previous_year": previous_year,
        "locked": not report_year.is_open,
        "read_only": not report_year.is_open
        or bool(edit_refusal(year=report_year, user=request.user, kind=FIGURES, key=dept.code)),
    }
    # The review state on the page reads this request's snapshot, not the catalog again.
    with api.one_read_per_year(preloaded={report_year.pk: data}):
        return render(request, "metrics/figures_form.html", context)


def dataset_form(request, school, year, department, key):
    report_year, dept = get_entry_for_user(request, school, year, department, key)
    spec = DATASETS[key]
    queryset = entry.editable_rows(spec, report_year)
    FormSet = formset_class(spec)
    formset = FormSet(request.POST or None, queryset=queryset, prefix="rows")
    stamp = request.POST.get("stamp", "") if request.method == "POST" else None
    if request.method == "POST" and formset.is_valid():
        try:
            services.save_rows(year=report_year, user=request.user, formset=formset, stamp=stamp)
        except services.StaleForm as stale:
            messages.error(request, str(stale))
            stamp = stale.stamp  # the user's rows stay; a second save is made knowingly
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("已保存。"))
            return redirect(request.path)
    elif request.method == "POST":
        messages.error(request, _("有数据填写不正确，本表未保存。请按提示修改。"))
    context = {
        "year": report_year,
        "department": dept,
        "spec": spec,
        "formset": formset,
        "stamp": stamp if stamp is not None else services.rows_stamp(spec.model, report_year),
        "earlier": entry.earlier_table(spec, entry.preview_rows(spec, report_year)),
        "locked": not report_year.is_open,
        "read_only": not report_year.is_open
        or bool(edit_refusal(year=report_year, user=request.user, kind=DATASET, key=key)),
    }
    return render(request, "metrics/dataset_form.html", context)


def findings(request, school, year):
    report_year = get_figures_year_for_user(request, school, year)
    department = request.GET.get("department", "")
    found = run_checks(report_year)
    if department:
        found = [f for f in found if department in f.department_codes]
    departments = list(report_year.school.departments.all())
    names = {d.code: d.name for d in departments}
    context = {
        "year": report_year,
        "findings": [
            (f, finding_links(report_year, f, names), services.explanation_version(f.explanation))
            for f in found
        ],
        "department": department,
        "departments": departments,
        "blocking": sum(1 for f in found if f.blocking),
    }
    return render(request, "metrics/findings.html", context)


def finding_links(report_year, finding, department_names) -> list[tuple[str, str]]:
    """(url, label) of the forms where a finding's values are entered, in users' words."""
    args = (report_year.school.slug, report_year.year)
    links = []
    for code, key in finding.forms:
        if not code:  # nobody is assigned to fill it yet (学校设置 → 填报分工)
            continue
        department = department_names.get(code, code)
        if key == "reported":
            url = reverse("metrics:reported", args=(*args, code))
            links.append((url, _("核对报送值（%(d)s）") % {"d": department}))
        elif key:
            url = reverse("metrics:dataset", args=(*args, code, key))
            title = DATASETS[key].title if key in DATASETS else key
            links.append((url, _("去修改（%(d)s · %(t)s）") % {"d": department, "t": title}))
        else:
            url = reverse("metrics:figures", args=(*args, code))
            links.append((url, _("去修改（%(d)s · 单项数据）") % {"d": department}))
    return links + list(finding.links)


@require_POST
def explain(request, school, year):
    report_year = get_figures_year_for_user(request, school, year)
    form = ExplanationForm(request.POST)
    if not form.is_valid():
        messages.error(request, next(iter(form.errors.values()))[0])
        return redirect("metrics:findings", school, year)
    rule_code, subject = form.cleaned_data["rule_code"], form.cleaned_data["subject"]
    finding = next(
        (f for f in run_checks(report_year) if (f.rule_code, f.subject) == (rule_code, subject)),
        None,
    )
    if finding is None or not can_explain(request.user, report_year, finding.department_codes):
        raise PermissionDenied
    try:
        services.explain_finding(
            year=report_year, user=request.user, rule_code=rule_code, subject=subject,
            text=form.cleaned_data["text"], version=form.cleaned_data["version"],
        )  # fmt: skip
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("说明已保存。"))
    return redirect("metrics:findings", school, year)


def reported_values(request, school, year, department):
    report_year, dept = get_entry_for_user(request, school, year, department)
    data = YearData(report_year)
    quantities = derived.owned_by(data, dept.code)
    form = ReportedValueForm(
        request.POST or None,
        quantities=quantities,
        initial={"stamp": services.reported_stamp(report_year, quantities)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_reported_value(year=report_year, user=request.user, **form.values())
        except services.StaleForm as stale:
            messages.error(request, str(stale))
            refresh_version(form, "stamp", stale.stamp)
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("报送值已保存。"))
            return redirect(request.path)
    elif request.method == "POST":
        messages.error(request, _("有数据填写不正确，未保存。请按提示修改。"))
    context = {
        "year": report_year,
        "department": dept,
        "form": form,
        "comparisons": derived.comparisons(data, quantities),
        "quantities": quantities.values(),
        "locked": not report_year.is_open,
    }
    return render(request, "metrics/reported_values.html", context)


@require_POST
def reported_remove(request, school, year, department, pk):
    report_year, _dept, reported = get_reported_for_user(request, school, year, department, pk)
    try:
        services.remove_reported_value(year=report_year, reported=reported)
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("报送值已删除。"))
    return redirect("metrics:reported", school, year, department)
