"""表1-3 近三年毕业生升学情况一览表: further study by school year and route."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets.cells import h, n, t
from metrics.datasets.spec import DataSetSpec, dec
from metrics.models import ProgressionRow

ROUTES = ProgressionRow.ROUTES


def aggregates(rows, year):
    by_year = {r.school_year: r.total for r in rows}
    return {
        "progression.total": dec(by_year.get(year)),
        "progression.total.prev": dec(by_year.get(year - 1)),
    }


def layout(year, rows):
    labels = [SPEC.field_label(name) for name in ROUTES]
    header = [[h(_("年份")), h(_("升学总人数")), *[h(label) for label in labels]]]
    body = [
        [t(_("%(year)s年") % {"year": r.school_year}), n(r.total)]
        + [n(getattr(r, name)) for name in ROUTES]
        for r in rows
    ]
    return header, body


def chart(rows, school_years):
    """One series per route that any year used."""
    by_year = {r.school_year: r for r in rows}
    return "人", [
        (SPEC.field_label(route), [Decimal(getattr(by_year[y], route)) for y in school_years])
        for route in ROUTES
        if any(getattr(r, route) for r in rows)
    ]


SPEC = DataSetSpec(
    key="progression",
    model=ProgressionRow,
    title=gettext_lazy("近三年毕业生升学情况一览表"),
    department_code="zhaosheng",
    fields=("school_year", *ROUTES),
    layout=layout,
    school_year_field="school_year",
    window=3,
    unit_note=gettext_lazy("（单位：人）"),
    unique_fields=("school_year",),
    wide=True,
    aggregates=aggregates,
    aggregate_labels={
        "progression.total": gettext_lazy("本年升学总人数（升学情况表）"),
        "progression.total.prev": gettext_lazy("上年升学总人数（升学情况表）"),
    },
    chart=chart,
)
