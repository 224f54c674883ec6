"""The committee's "导出报告" item on the home page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from exports.models import ExportJob
from reporting.access import can_manage_year
from reporting.models import ReportYear
from reporting.tasks import Task


def export_tasks(user):
    if not user.is_authenticated or user.school_id is None or not can_manage_year(user):
        return []
    year = ReportYear.objects.filter(school_id=user.school_id).order_by("-year").first()
    if year is None:
        return []
    latest = ExportJob.objects.filter(year=year).order_by("-created_at").first()
    return [
        Task(
            title=_("导出报告"),
            url=reverse("exports:year", args=[user.school.slug, year.year]),
            category=_("导出"),
            status=latest.get_status_display() if latest else "",
            detail=_("生成 %(year)s年度报告的 PDF、Excel、Word 文件") % {"year": year.year},
        )
    ]
