from django.urls import reverse
from django.utils.translation import gettext as _

from reporting.tasks import Task


def bureau_tasks(user):
    if not user.is_authenticated or not user.is_bureau or user.region_id is None:
        return []
    region = user.region
    tasks = [
        Task(
            title=_("%(region)s 各校报告进度") % {"region": region.name},
            url=reverse("regions:home", args=[region.code]),
            category=_("教育局"),
            priority=10,
        )
    ]
    if user.is_bureau_admin:
        tasks.append(
            Task(
                title=_("创建学校"),
                url=reverse("setup:bureau_schools", args=[region.code]),
                category=_("教育局"),
                detail=_("为本地区创建学校及其学校管理员账号（可从工作簿批量创建）"),
                priority=11,
            )
        )
    return tasks
