"""Home page tasks: the forms a department head fills, and the findings for the committee."""

from django.urls import reverse
from django.utils.translation import gettext as _

from metrics.entry import datasets_of
from reporting.models import ReportYear
from reporting.tasks import Task


def figure_tasks(user):
    if not user.is_authenticated or user.school_id is None:
        return []
    year = ReportYear.objects.open().filter(school_id=user.school_id).order_by("-year").first()
    if year is None:
        return []
    args = [user.school.slug, year.year]
    category = _("年度数据")
    if user.is_department_head:
        department = user.department
        tasks = [
            (_("填报单项数据（%(dept)s）") % {"dept": department.name},
             reverse("metrics:figures", args=[*args, department.code])),
        ]  # fmt: skip
        tasks += [
            (_("填报：%(title)s") % {"title": spec.title},
             reverse("metrics:dataset", args=[*args, department.code, spec.key]))
            for spec in datasets_of(department)
        ]  # fmt: skip
        return [Task(title=t, url=u, category=category, status=year.label) for t, u in tasks]
    if user.is_editor:
        return [
            Task(
                title=_("查看数据校验问题"),
                url=reverse("metrics:findings", args=args),
                category=category,
                status=year.label,
                detail=_("各部门数据之间的矛盾与缺项"),
            )
        ]
    return []
