"""表6-8 专业与产业对接适配度分析: enrolment, regional demand and related employment per
category of majors."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.computation import plain
from metrics.datasets.cells import h, n, t
from metrics.datasets.spec import DataSetSpec, total
from metrics.models import MajorIndustryRow
from metrics.values import Cell


def aggregates(rows, year):
    return {"major_industry.enrolment": total(r.enrolment for r in rows) if rows else None}


def layout(year, rows):
    header = [
        [
            h(_("专业类别")),
            h(_("对应产业领域")),
            h(_("%(year)s 年招生规模（人）") % {"year": year.year - 1}),
            h(_("区域岗位需求缺口（人/年）")),
            h(_("毕业生对口就业率（%）")),
        ]
    ]
    body = [
        [
            t(r.category),
            t(r.industry),
            n(r.enrolment),
            n(r.demand_gap),
            Cell(text=plain(r.related_employment_rate), value=r.related_employment_rate),
        ]
        for r in rows
    ]
    return header, body


SPEC = DataSetSpec(
    key="major_industry",
    model=MajorIndustryRow,
    title=gettext_lazy("专业与产业对接适配度分析"),
    department_code="jiaowu",
    fields=("category", "industry", "enrolment", "demand_gap", "related_employment_rate"),
    layout=layout,
    aggregates=aggregates,
)
