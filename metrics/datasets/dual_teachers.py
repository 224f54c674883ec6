"""表6-7 “双师型”教师与专业课教师对应关系: specialty and “双师型” teachers per major."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets.cells import h, n, pct_bare, t
from metrics.datasets.spec import DataSetSpec, Derived, share, total
from metrics.models import DualTeacherRow


def row_share(row):
    return share(row.dual_teachers, row.specialty_teachers)


def derive(rows):
    for row in rows:
        yield Derived(
            f"share.{row.major_category}",
            _("%(n)s“双师型”教师占比") % {"n": row.major_category},
            "percent",
            row_share(row),
        )
    if rows:
        sums = aggregates(rows, None)
        both = share(sums["dual_teachers.dual"], sums["dual_teachers.specialty"])
        yield Derived("share", _("合计“双师型”教师占比"), "percent", both)


def aggregates(rows, year):
    return {
        "dual_teachers.dual": total(r.dual_teachers for r in rows) if rows else None,
        "dual_teachers.specialty": total(r.specialty_teachers for r in rows) if rows else None,
    }


def layout(year, rows):
    header = [
        [
            h(_("专业类别")),
            h(_("专业课教师数（人）")),
            h(_("“双师型”教师数（人）")),
            h(_("占比（%）")),
        ]
    ]
    body = [
        [
            t(r.major_category),
            n(r.specialty_teachers),
            n(r.dual_teachers),
            pct_bare(row_share(r)),
        ]
        for r in rows
    ]
    if rows:
        sums = aggregates(rows, year.year)
        body.append(
            [
                t(_("合计")),
                n(int(sums["dual_teachers.specialty"])),
                n(int(sums["dual_teachers.dual"])),
                pct_bare(SPEC.derived(rows)["share"].exact),
            ]
        )
    return header, body


SPEC = DataSetSpec(
    key="dual_teachers",
    model=DualTeacherRow,
    title=gettext_lazy("“双师型”教师与专业课教师对应关系"),
    department_code="renshi",
    fields=("major_category", "specialty_teachers", "dual_teachers"),
    layout=layout,
    derive=derive,
    aggregates=aggregates,
    aggregate_labels={"dual_teachers.dual": gettext_lazy("“双师型”教师数合计")},
)
