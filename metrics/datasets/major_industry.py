"""表6-8 专业与产业对接适配度分析: last year's enrolment, regional demand and related
employment per category of majors.

Last year's enrolment is last report year's 本年招生规模 of the same category (LastYear), so each
year's scale is entered once, in its own year."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.computation import plain
from metrics.datasets.cells import h, n, t
from metrics.datasets.spec import DataSetSpec, LastYear, Quoted, total
from metrics.models import MajorIndustryRow
from metrics.values import Cell


def aggregates(rows, year):
    scales = [r.enrolment for r in rows]
    return {"major_industry.enrolment": total(scales) if rows and None not in scales else None}


def quoted(rows):
    """The range of the rates: a sentence's 对口就业率 must lie within it."""
    rates = [r.related_employment_rate for r in rows if r.related_employment_rate is not None]
    if rates:
        low, high = min(rates), max(rates)
        yield Quoted(
            "related_employment_rate",
            _("各专业类别毕业生对口就业率（%(table)s）") % {"table": SPEC.title},
            "%",
            "percent",
            None,
            f"{plain(low)}%–{plain(high)}%",
            low=low,
            high=high,
        )


def _rate(value) -> Cell:
    return Cell(text="") if value is None else Cell(text=plain(value), value=value)


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
            _rate(r.related_employment_rate),
        ]
        for r in rows
    ]
    return header, body


SPEC = DataSetSpec(
    key="major_industry",
    model=MajorIndustryRow,
    title=gettext_lazy("专业与产业对接适配度分析"),
    department_code="jiaowu",
    fields=(
        "category",
        "industry",
        "enrolment",
        "current_enrolment",
        "demand_gap",
        "related_employment_rate",
    ),
    layout=layout,
    aggregates=aggregates,
    last_year=LastYear(field="enrolment", source="current_enrolment", match="category"),
    quoted=quoted,
)
