"""表6-5 学校专业设置一览表: the majors with code, category, enrolment and partner."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets.cells import h, merge_first_column, n, t
from metrics.datasets.spec import DataSetSpec, total
from metrics.models import MajorRow


def aggregates(rows, year):
    return {
        "majors.majors": Decimal(sum(1 for r in rows if r.counts_as_major)) if rows else None,
        "majors.enrolment": total(r.enrolment for r in rows) if rows else None,
    }


def layout(year, rows):
    header = [
        [
            h(_("类别")),
            h(_("专业代码")),
            h(_("专业名称")),
            h(_("招生人数")),
            h(_("合作院校（企业）")),
        ]
    ]
    body = [[t(r.group), t(r.code), t(r.name), n(r.enrolment), t(r.partner)] for r in rows]
    body = merge_first_column(body)
    if rows:
        enrolment = aggregates(rows, year.year)["majors.enrolment"]
        body.append([t(_("合计")), t(""), t(""), n(int(enrolment)), t("")])
    return header, body


SPEC = DataSetSpec(
    key="majors",
    model=MajorRow,
    title=gettext_lazy("学校专业设置一览表"),
    department_code="zhaosheng",
    fields=("group", "code", "name", "enrolment", "partner", "counts_as_major"),
    layout=layout,
    aggregates=aggregates,
    aggregate_labels={"majors.enrolment": gettext_lazy("专业设置表招生人数合计")},
)
