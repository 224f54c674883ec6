"""Implementation of metrics/api.py (the read side other apps use)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics import computation
from metrics.api import BODY_TABLE_KEYS, Cell, FigureValue, Table
from metrics.body_tables import BUILDERS, WIDE
from metrics.datasets import DATASETS
from metrics.yeardata import YearData

BODY_DATA_GROUP = gettext_lazy("正文数据")


def group_label(indicator) -> str:
    if indicator.table_id:
        return f"表{indicator.table.number} {indicator.table.title}"
    return str(BODY_DATA_GROUP)


def figure_values(year, data: YearData | None = None) -> dict[str, FigureValue]:
    data = data or YearData(year)
    return {
        indicator.code: FigureValue(
            code=indicator.code,
            label=indicator.label,
            unit=indicator.unit,
            value=data.value(indicator),
            display=data.display(indicator),
            computed=bool(indicator.formula),
            group=group_label(indicator),
        )
        for indicator in data.indicators
    }


def _scope_marker(indicator, school) -> str:
    if indicator.applies_to_school(school):
        return ""
    return str(indicator.get_applies_to_display())


def appendix_tables(year, data: YearData | None = None) -> list[Table]:
    data = data or YearData(year)
    school = year.school
    tables: dict[int, Table] = {}
    for indicator in data.indicators:
        if indicator.table_id is None:
            continue
        table = indicator.table
        if table.number not in tables:
            tables[table.number] = Table(
                key=f"appendix-{table.number}",
                title=f"表 {table.number} {table.title}",
                source="",
                header_rows=[
                    [
                        Cell(_("序号"), header=True),
                        Cell(_("指标"), header=True),
                        Cell(_("单位"), header=True),
                        Cell(_("%(year)s 年") % {"year": year.year}, header=True),
                    ]
                ],
            )
        marker = _scope_marker(indicator, school)
        if marker:
            value = Cell("" if indicator.label == marker else marker)
        else:
            value = Cell(
                data.display(indicator),
                value=data.value(indicator),
                number_format=computation.number_format(
                    indicator.kind, computed=bool(indicator.formula)
                ),
            )
        tables[table.number].rows.append(
            [
                Cell(indicator.seq),
                Cell("" if indicator.second_unit else indicator.label, indent=indicator.level - 1),
                Cell(indicator.unit),
                value,
            ]
        )
    return [tables[number] for number in sorted(tables)]


def source_line(year, key: str, data: YearData) -> str:
    """The source under a body table names the department the school assigned it to."""
    return department_source_line(year, data.who.dataset(key))


def department_source_line(year, department) -> str:
    return _("图表数据来源：%(school)s%(department)s数据统计") % {
        "school": year.school.name,
        "department": department.name if department else "",
    }


def body_table(year, key: str, data: YearData | None = None) -> Table:
    if key not in BODY_TABLE_KEYS:
        raise KeyError(key)
    spec = DATASETS[key]
    data = data or YearData(year)
    header_rows, rows = BUILDERS[key](year, data.rows[key])
    return Table(
        key=key,
        title=str(spec.title),
        source=source_line(year, key, data),
        header_rows=header_rows,
        rows=rows,
        unit_note=str(spec.unit_note),
        wide=key in WIDE,
    )


def body_table_choices() -> list[tuple[str, str]]:
    return [(key, str(DATASETS[key].title)) for key in BODY_TABLE_KEYS]
