"""表6-4 本学年学校招生计划动态调整变化情况: last year's and this year's plan per major.

Last year's plan is last report year's 本年招生计划 of the same major (LastYear), so each year's
plan is entered once, in its own year."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets.cells import h, n, pct, t
from metrics.datasets.spec import DataSetSpec, Derived, LastYear, change, total
from metrics.models import EnrolmentPlanRow
from metrics.values import Cell


def change_rate(row):
    return change(row.current_plan, row.previous_plan)


def derive(rows):
    for row in rows:
        yield Derived(
            f"change_rate.{row.major}",
            _("%(m)s招生计划变化比率") % {"m": row.major},
            "percent",
            change_rate(row),
            signed=True,
        )


def aggregates(rows, year):
    previous = [r.previous_plan for r in rows]
    return {
        "enrolment_plan.current": total(r.current_plan for r in rows) if rows else None,
        "enrolment_plan.previous": total(previous) if rows and None not in previous else None,
    }


def _difference(row) -> Cell:
    if row.previous_plan is None:
        return Cell(text="")
    difference = row.current_plan - row.previous_plan
    return Cell(
        text=f"{difference:+d}" if difference else "0", value=difference, number_format="+0;-0;0"
    )


def layout(year, rows):
    header = [
        [
            h(_("专业大类")),
            h(_("专业名称")),
            h(_("%(year)s年招生计划") % {"year": year.year - 1}),
            h(_("%(year)s年招生计划") % {"year": year.year}),
            h(_("计划增减情况")),
            h(_("变化比率")),
        ]
    ]
    body = [
        [
            t(r.category),
            t(r.major),
            n(r.previous_plan),
            n(r.current_plan),
            _difference(r),
            pct(change_rate(r), signed=True),
        ]
        for r in rows
    ]
    return header, body


SPEC = DataSetSpec(
    key="enrolment_plan",
    model=EnrolmentPlanRow,
    title=gettext_lazy("本学年学校招生计划动态调整变化情况"),
    department_code="zhaosheng",
    fields=("category", "major", "previous_plan", "current_plan"),
    layout=layout,
    unit_note=gettext_lazy("（单位：人）"),
    derive=derive,
    aggregates=aggregates,
    last_year=LastYear(field="previous_plan", source="current_plan", match="major"),
)
