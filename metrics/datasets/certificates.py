"""表1-1 近年学生参加各类证书考核通过率情况: pass rates by school year and certificate."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets.cells import h, pct_plain, t
from metrics.datasets.spec import DataSetSpec
from metrics.models import CertificatePassRate


def layout(year, rows):
    kinds = list(dict.fromkeys(row.certificate for row in rows))
    by_year: dict[int, dict[str, Decimal]] = {}
    for row in rows:
        by_year.setdefault(row.school_year, {})[row.certificate] = row.pass_rate
    body = [
        [t(school_year)] + [pct_plain(by_year[school_year].get(kind)) for kind in kinds]
        for school_year in sorted(by_year)
    ]
    return [[h(_("年度")), *[h(kind) for kind in kinds]]], body


def chart(rows, school_years):
    names = list(dict.fromkeys(r.certificate for r in rows))
    rates = {(r.school_year, r.certificate): r.pass_rate for r in rows}
    return "%", [(name, [rates.get((y, name)) for y in school_years]) for name in names]


SPEC = DataSetSpec(
    key="certificates",
    model=CertificatePassRate,
    title=gettext_lazy("近年学生参加各类证书考核通过率情况"),
    department_code="jiaowu",
    fields=("school_year", "certificate", "pass_rate"),
    layout=layout,
    school_year_field="school_year",
    window=4,
    unique_fields=("school_year", "certificate"),
    chart=chart,
)
