"""我的任务: the link to the catalog page of the user's school (its administrator) or region
(bureau users: its administrators edit, the others read)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from reporting.tasks import Task


def catalog_tasks(user):
    if not user.is_authenticated:
        return []
    if user.is_school_admin and user.school_id:
        args = ["school", user.school.slug]
        title = _("本校补充指标与校验规则")
    elif user.is_bureau and user.region_id:
        args = ["region", user.region.code]
        title = _("%(region)s 补充指标与校验规则") % {"region": user.region.name}
    else:
        return []
    return [
        Task(
            title=title,
            url=reverse("local_catalog:catalog", args=args),
            category=_("指标目录"),
            priority=80,
        )
    ]
