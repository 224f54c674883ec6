from django.urls import reverse
from django.utils.translation import gettext as _

from reporting.tasks import Task


def bureau_tasks(user):
    if not user.is_authenticated or not user.is_bureau or user.region_id is None:
        return []
    region = user.region
    return [
        Task(
            title=_("%(region)s 各校报告进度") % {"region": region.name},
            url=reverse("regions:home", args=[region.code]),
            category=_("教育局"),
            priority=10,
        )
    ]
