"""What the entry pages show: a department's forms for a year, grouped as the tables are."""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import field as dc_field
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from metrics import computation
from metrics.assignments import WhoFills
from metrics.datasets import DATASETS, DataSetSpec, rows_for_window
from metrics.derived import catalog_quantities, comparisons, derived_owners
from metrics.labels import group_label
from metrics.services import stamp_of
from metrics.yeardata import YearData
from reporting.models import Department


@dataclass
class EntryRow:
    indicator: object
    field: object = None  # bound form field; None for computed or not-applicable rows
    display: str = ""
    marker: str = ""  # "高职填报" on a row this kind of school does not fill
    changed_by: str = ""
    changed_at: object = None
    reported: list = dc_field(default_factory=list)  # derived.Comparison of a computed row
    previous: str = ""  # last year's value as printed, "" when last year has none
    change: str = ""  # this year against last year: "+12.5%", "-3 个百分点"


@dataclass
class EntryGroup:
    title: str
    rows: list[EntryRow] = field(default_factory=list)


def department_indicators(data: YearData, department: Department):
    """The indicators of the groups the school assigned to this department."""
    return [i for i in data.indicators if data.who.indicator_code(i) == department.code]


def typed_indicators(data: YearData, department: Department):
    school = data.year.school
    return [
        i
        for i in department_indicators(data, department)
        if not i.formula and i.applies_to_school(school)
    ]


def initial_values(data: YearData, indicators) -> dict:
    return {i.code: data.display(i) if i.kind != "text" else data.value(i) for i in indicators}


def figures_stamp(data: YearData, indicators) -> str:
    return stamp_of([data.figures[i.code] for i in indicators if i.code in data.figures])


def change_text(current, previous, kind: str) -> str:
    """Counts and amounts change in percent of last year, percentages in points."""
    if current is None or previous is None or kind == "text":
        return ""
    if kind == "percent":
        points = computation.round_half_up(Decimal(current) - Decimal(previous), 2)
        return _("%(sign)s%(n)s 个百分点") % {
            "sign": "+" if points > 0 else "",
            "n": computation.plain(points),
        }
    change = computation.growth(current, previous, 1)
    if change is None:
        return ""
    return f"{'+' if change > 0 else ''}{computation.plain(change)}%"


def entry_groups(
    data: YearData, department: Department, form, previous: YearData | None = None
) -> list[EntryGroup]:
    """The department's rows grouped by table; with last year's value and the change when
    `previous` (last year's data) is given."""
    school = data.year.school
    groups: dict[str, EntryGroup] = {}
    reported: dict[str, list] = {}
    own = {i.code for i in department_indicators(data, department) if i.formula}
    quantities = {q.name: q for q in catalog_quantities(data, own)}
    for comparison in comparisons(data, quantities):
        reported.setdefault(comparison.reported.quantity, []).append(comparison)
    for indicator in department_indicators(data, department):
        title = group_label(indicator)
        group = groups.setdefault(title, EntryGroup(title))
        figure = data.figures.get(indicator.code)
        row = EntryRow(indicator=indicator)
        if not indicator.applies_to_school(school):
            row.marker = indicator.get_applies_to_display()
        elif indicator.formula:
            row.display = data.display(indicator)
            row.reported = reported.get(indicator.code, [])
        else:
            row.field = form[indicator.code]
        if figure is not None:
            row.changed_by = figure.updated_by.get_full_name() if figure.updated_by else ""
            row.changed_at = figure.updated_at
        if previous is not None and not row.marker:
            row.previous = previous.display(indicator)
            row.change = change_text(
                data.value(indicator), previous.value(indicator), indicator.kind
            )
        group.rows.append(row)
    return list(groups.values())


def datasets_of(department: Department, who: WhoFills | None = None) -> list[DataSetSpec]:
    who = who or WhoFills(department.school)
    return [spec for spec in DATASETS.values() if who.dataset_code(spec.key) == department.code]


def forms_overview(year, departments) -> list[dict]:
    """Per department: its forms (single figures and data sets) with links."""
    data = YearData(year)
    codes = {data.who.indicator_code(i) for i in data.indicators}
    owners = derived_owners(data)
    args = [year.school.slug, year.year]
    out = []
    for department in departments:
        forms = []
        if department.code in codes:
            forms.append(
                {
                    "title": _("单项数据（附件表与正文数据）"),
                    "url": reverse("metrics:figures", args=[*args, department.code]),
                }
            )
        for spec in datasets_of(department, data.who):
            forms.append(
                {
                    "title": str(spec.title),
                    "url": reverse("metrics:dataset", args=[*args, department.code, spec.key]),
                }
            )
        if department.code in owners:
            forms.append(
                {
                    "title": _("已报送数值核对（管理信息系统、已发布报告）"),
                    "url": reverse("metrics:reported", args=[*args, department.code]),
                }
            )
        if forms:
            out.append({"department": department, "forms": forms})
    return out


def editable_rows(spec: DataSetSpec, year):
    return (
        spec.model.objects.filter(year=year).select_related("updated_by").order_by("position", "pk")
    )


def earlier_table(spec: DataSetSpec, rows) -> dict:
    """Earlier rows as a read-only table: the report year, then the form's fields."""
    return {
        "headers": [_("填报年度"), *[spec.field_label(name) for name in spec.fields]],
        "rows": [
            [row.year.year, *[_shown(getattr(row, name)) for name in spec.fields]] for row in rows
        ],
    }


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("是") if value else _("否")
    if isinstance(value, Decimal):
        return computation.plain(value)
    return str(value)


def preview_rows(spec: DataSetSpec, year):
    """Rows of earlier report years this year's table also shows (read-only here); for a
    one-year data set, last year's rows, to compare with."""
    if not spec.school_year_field:
        previous = year.previous()
        return list(editable_rows(spec, previous).select_related("year")) if previous else []
    return [row for row in rows_for_window(spec, year) if row.year_id != year.pk]
