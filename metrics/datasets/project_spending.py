"""表6-2 年度项目资金投入概况: the year's projects and their amounts."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.computation import plain
from metrics.datasets.cells import h, t
from metrics.datasets.spec import DataSetSpec
from metrics.models import ProjectSpending
from metrics.values import Cell


def _amount(row) -> Cell:
    return Cell(
        text=f"{row.qualifier} {plain(row.amount_wan)} 万".strip(),
        value=row.amount_wan * 10000,
        number_format="#,##0",
    )


def layout(year, rows):
    header = [[h(_("序号")), h(_("时间")), h(_("项目")), h(_("金额（元）"))]]
    return header, [[t(r.seq), t(r.month), t(r.project), _amount(r)] for r in rows]


SPEC = DataSetSpec(
    key="project_spending",
    model=ProjectSpending,
    title=gettext_lazy("年度项目资金投入概况"),
    department_code="caiwu",
    fields=("seq", "month", "project", "qualifier", "amount_wan"),
    layout=layout,
)
