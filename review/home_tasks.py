"""我的任务 from the review state. A department's people: returned items first (with the
committee's comment), then what is still a draft, with the year's due date. The committee:
items waiting for review, then the error findings nobody has explained."""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from metrics.findings import run_checks
from reporting.models import ReportYear
from reporting.tasks import Task
from review.items import Item, year_items
from review.models import ReviewItem

Kind = ReviewItem.Kind


def _current_year(user) -> ReportYear | None:
    if not user.is_authenticated or user.school_id is None:
        return None
    return (
        ReportYear.objects.for_user(user).open().select_related("school").order_by("-year").first()
    )


def review_tasks(user) -> list[Task]:
    year = _current_year(user)
    if year is None:
        return []
    if user.is_department_member and user.department_id:
        return _department_tasks(year, year_items(year, user.department))
    if user.is_editor:
        return _committee_tasks(year)
    return []


def _category(item: Item) -> str:
    return _("报告正文") if item.kind == Kind.SECTION else _("年度数据")


def _due(year: ReportYear) -> str:
    if year.due_date is None:
        return year.label
    when = date_format(year.due_date, "Y-m-d")
    if year.is_overdue:
        return _("%(year)s · 已过提交截止日期 %(date)s") % {"year": year.label, "date": when}
    return _("%(year)s · 提交截止 %(date)s") % {"year": year.label, "date": when}


def _progress(item: Item) -> str:
    """What is left to do on a draft, in the words of its form."""
    if item.kind == Kind.FIGURES:
        done, total = item.reader.filled(item.department)
        if done < total:
            return _("未完成（已填 %(done)s/%(total)s 项）") % {"done": done, "total": total}
        return _("已填完，待提交")
    if item.kind == Kind.DATASET:
        rows = len(item.content.lines)
        return _("已填 %(n)s 行，待提交") % {"n": rows} if rows else _("未填写")
    return _("已撰写，待提交") if item.reader.section_written(item.section) else _("待撰写")


def _department_tasks(year: ReportYear, items: list[Item]) -> list[Task]:
    tasks = []
    due = _due(year)
    for item in items:
        if item.state == "returned":
            comment = item.last_return
            detail = _("退回意见：%(text)s") % {"text": comment.text} if comment else due
            tasks.append(
                Task(
                    title=str(item),
                    url=item.url,
                    category=_category(item),
                    status=item.state_label,
                    detail=detail,
                    priority=0,
                    urgent=True,
                )
            )
        elif item.state == "draft":
            tasks.append(
                Task(
                    title=str(item),
                    url=item.edit_url,
                    category=_category(item),
                    status=_progress(item),
                    detail=due,
                    priority=20,
                    urgent=year.is_overdue,
                )
            )
    return tasks


def _committee_tasks(year: ReportYear) -> list[Task]:

    tasks = [
        Task(
            title=str(item),
            url=item.url,
            category=_("待审核"),
            status=item.state_label,
            detail=year.label,
            priority=10,
        )
        for item in year_items(year)
        if item.awaits_review
    ]
    unexplained = sum(1 for finding in run_checks(year) if finding.blocking)
    if unexplained:
        tasks.append(
            Task(
                title=_("%(n)s 个数据错误尚未说明") % {"n": unexplained},
                url=reverse("metrics:findings", args=[year.school.slug, year.year]),
                category=_("数据校验"),
                status=year.label,
                detail=_("锁定前每个错误都需修改或说明"),
                priority=20,
            )
        )
    tasks.append(
        Task(
            title=_("编委会工作台"),
            url=reverse("review:workbench", args=[year.school.slug, year.year]),
            category=_("审核"),
            status=year.label,
            detail=_("各部门进度、待审核项目与锁定条件"),
            priority=30,
        )
    )
    return tasks
