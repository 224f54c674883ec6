"""Review pages. Thin: access helper first, one service or query, render."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from metrics.access import get_entry_for_user
from metrics.derived import owned_by
from metrics.yeardata import YearData
from narrative.charts import key_series_svg, svg_data_uri
from reporting.access import get_year_for_user
from review import history, services
from review.access import get_item_for_user, get_review_year_for_user
from review.dashboard import dashboard
from review.items import year_items


def workbench(request, school, year):
    report_year = get_review_year_for_user(request, school, year)
    # The key series over the years the school holds, drawn like the report's chart blocks.
    charts = [(title, svg_data_uri(svg)) for title, svg in key_series_svg(report_year)]
    context = {"year": report_year, "board": dashboard(report_year), "charts": charts}
    return render(request, "review/workbench.html", context)


def item_list(request, school, year):
    report_year = get_year_for_user(request, school, year)
    user = request.user
    department = user.department if user.is_department_member else None
    context = {
        "year": report_year,
        "items": year_items(report_year, department),
        "can_review": services.can_review(user, report_year),
    }
    return render(request, "review/items.html", context)


def item_detail(request, school, year, kind, key):
    item = get_item_for_user(request, school, year, kind, key)
    user = request.user
    context = {
        "year": item.year,
        "item": item,
        "comments": item.record.comments.select_related("author") if item.record else [],
        "can_submit": services.can_submit(user, item) and item.state in ("draft", "returned"),
        "can_review": services.can_review(user, item.year),
        "can_comment": services.can_comment(user, item),
    }
    return render(request, "review/item.html", context)


def _step(request, item, step, allowed: bool, **kwargs):
    """Run a review step: 403 for a user who may never take it, a message when the item's
    state refuses it."""
    if not allowed:
        raise PermissionDenied
    try:
        step(item=item, user=request.user, **kwargs)
    except services.ReviewError as error:
        messages.error(request, str(error))
        return False
    return True


@require_POST
def item_submit(request, school, year, kind, key):
    item = get_item_for_user(request, school, year, kind, key)
    if _step(request, item, services.submit_item, services.can_submit(request.user, item)):
        messages.success(request, _("已提交编委会审核。"))
    return redirect(item.url)


@require_POST
def item_approve(request, school, year, kind, key):
    item = get_item_for_user(request, school, year, kind, key)
    if _step(request, item, services.approve_item, services.can_review(request.user, item.year)):
        messages.success(request, _("已审核通过。"))
    return redirect(item.url)


@require_POST
def item_return(request, school, year, kind, key):
    item = get_item_for_user(request, school, year, kind, key)
    allowed = services.can_review(request.user, item.year)
    comment = request.POST.get("comment", "")
    if _step(request, item, services.return_item, allowed, comment=comment):
        messages.success(request, _("已退回部门修改。"))
    return redirect(item.url)


@require_POST
def item_comment(request, school, year, kind, key):
    item = get_item_for_user(request, school, year, kind, key)
    allowed = services.can_comment(request.user, item)
    if _step(request, item, services.add_comment, allowed, text=request.POST.get("text", "")):
        messages.success(request, _("意见已发表。"))
    return redirect(item.url)


@require_POST
def bulk_approve(request, school, year):
    report_year = get_review_year_for_user(request, school, year)
    wanted = set(request.POST.getlist("item"))
    items = [i for i in year_items(report_year) if f"{i.kind}:{i.key}" in wanted]
    if not items:
        messages.error(request, _("请先勾选要通过的项目。"))
        return redirect("review:workbench", school, year)
    try:
        result = services.approve_items(items=items, user=request.user)
    except services.ReviewError as error:
        messages.error(request, str(error))
        return redirect("review:workbench", school, year)
    messages.success(request, _("已通过 %(n)s 项。") % {"n": len(result.approved)})
    for _item, reason in result.skipped:
        messages.warning(request, reason)
    return redirect("review:workbench", school, year)


def activity(request, school, year):
    report_year = get_year_for_user(request, school, year)
    entries = report_year.activity.select_related("user")
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(request, "review/activity.html", {"year": report_year, "page": page})


def item_history(request, school, year, kind, key):
    item = get_item_for_user(request, school, year, kind, key)
    indicator = request.GET.get("indicator", "")[:60]
    context = {"year": item.year, "item": item, "entries": history.item_history(item, indicator)}
    return render(request, "review/history.html", context)


def reported_history(request, school, year, department):
    report_year, dept = get_entry_for_user(request, school, year, department)
    quantities = owned_by(YearData(report_year), dept.code)
    context = {
        "year": report_year,
        "title": _("已报送数值的修改记录（%(d)s）") % {"d": dept.name},
        "entries": history.reported_history(report_year, quantities),
    }
    return render(request, "review/history.html", context)


def explanations_history(request, school, year):
    report_year = get_year_for_user(request, school, year)
    context = {
        "year": report_year,
        "title": _("问题说明的修改记录"),
        "entries": history.explanation_history(report_year),
    }
    return render(request, "review/history.html", context)
