"""The committee's 我的任务 entry: the year's 锁定与发布 page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from reporting.models import ReportYear
from reporting.tasks import Task


def publication_tasks(user):
    if not user.is_authenticated or not user.is_editor:
        return []
    year = ReportYear.objects.filter(school_id=user.school_id).order_by("-year").first()
    if year is None:
        return []
    status = _("填报中") if year.is_open else _("已锁定")
    return [
        Task(
            title=_("锁定与发布 %(year)s") % {"year": year.label},
            url=reverse("publication:year", args=[year.school.slug, year.year]),
            category=_("编委会"),
            status=status,
        )
    ]
