"""The figures and data-set rows a department owns (through the catalog's department code),
so 学校管理 refuses to delete a department whose data would lose its owner."""

from __future__ import annotations

from django.utils.translation import gettext as _

from metrics.datasets import DATASETS
from metrics.models import Figure
from reporting.models import Department


def department_data(department: Department) -> list[str]:
    figures = Figure.objects.filter(
        year__school_id=department.school_id, indicator__department_code=department.code
    ).count()
    rows = sum(
        spec.model.objects.filter(year__school_id=department.school_id).count()
        for spec in DATASETS.values()
        if spec.department_code == department.code
    )
    lines = []
    if figures:
        lines.append(_("%(count)s 项单项数据") % {"count": figures})
    if rows:
        lines.append(_("%(count)s 行数据表记录") % {"count": rows})
    return lines
