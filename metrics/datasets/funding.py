"""表6-1 各项经费达标与执行情况表: the school's funding against the provincial average."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets.cells import h, merge_first_column, pct, t
from metrics.datasets.spec import DataSetSpec, Derived, change
from metrics.models import FundingComparison
from metrics.values import Cell


def excess(row):
    """超出幅度, exact: percentage points for a percentage, else percent of the average; None
    when either value is text."""
    if row.actual_value is None or row.average_value is None:
        return None
    if row.unit == "%":  # percentage points, as the table prints them
        return row.actual_value - row.average_value
    return change(row.actual_value, row.average_value)


def derive(rows):
    for row in rows:
        if row.actual_value is not None and row.average_value is not None:
            yield Derived(
                f"excess.{row.indicator}",
                _("%(i)s超出幅度") % {"i": row.indicator},
                "percent",
                excess(row),
                signed=True,
            )


def aggregates(rows, year):
    """A row with a catalog code is the same quantity as that indicator."""
    return {f"funding.{row.code}": row.actual_value for row in rows if row.code}


def _amount(value, text, unit):
    if value is None:
        return t(text)
    shown = f"{value:,.2f}".rstrip("0").rstrip(".")
    return Cell(text=f"{shown}{unit}" if unit == "%" else f"{shown} {unit}".strip(), value=value)


def _excess_cell(row):
    if row.actual_value is None or row.average_value is None:
        return t(row.excess_text)
    if row.unit == "%":
        return pct(excess(row), places=0)
    return pct(excess(row), signed=True)


def layout(year, rows):
    header = [
        [
            h(_("维度")),
            h(_("关键指标")),
            h(_("%(year)s学年实际达成值") % {"year": year.year - 1}),
            h(_("省内同类中职平均水平")),
            h(_("超出幅度")),
            h(_("备注")),
        ]
    ]
    body = [
        [
            t(r.dimension),
            t(r.indicator),
            _amount(r.actual_value, r.actual_text, r.unit),
            _amount(r.average_value, r.average_text, r.unit),
            _excess_cell(r),
            t(r.note or "—"),
        ]
        for r in rows
    ]
    return header, merge_first_column(body)


SPEC = DataSetSpec(
    key="funding",
    model=FundingComparison,
    title=gettext_lazy("各项经费达标与执行情况表"),
    department_code="caiwu",
    fields=(
        "dimension",
        "indicator",
        "code",
        "unit",
        "actual_value",
        "actual_text",
        "average_value",
        "average_text",
        "excess_text",
        "note",
    ),
    layout=layout,
    wide=True,
    derive=derive,
    aggregates=aggregates,
)
