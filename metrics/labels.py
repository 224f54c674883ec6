"""How figures are named where they are shown: the group an indicator is entered in and the
source line under a table or chart."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

BODY_DATA_GROUP = gettext_lazy("正文数据")
LOCAL_GROUP = gettext_lazy("本地补充指标")


def group_label(indicator) -> str:
    """The appendix table an indicator is entered in ("表1 …"), else the body-data group."""
    if indicator.table_id:
        return f"表{indicator.table.number} {indicator.table.title}"
    if indicator.school_id or indicator.region_id:
        return str(LOCAL_GROUP)
    return str(BODY_DATA_GROUP)


def department_source_line(year, department) -> str:
    """The source under a table or chart names the department the school assigned it to."""
    return _("图表数据来源：%(school)s%(department)s数据统计") % {
        "school": year.school.name,
        "department": department.name if department else "",
    }
