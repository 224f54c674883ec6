"""The body data sets (表1-1 … 表6-8 of the sample), one spec each in this package.

Each module declares one `SPEC` (metrics/datasets/spec.py): the model and the entry form's
fields, the row key, the printed table's layout, the aggregates the catalog's formulas read,
the derived quantities and the labels. The entry forms (metrics/forms.py), the printed tables
(metrics/api.py), the reported-value checks (metrics/derived.py), the figures' aggregates
(metrics/yeardata.py), the charts (metrics/series.py) and the workbooks are all made from it.
"""

from __future__ import annotations

from metrics.datasets import (
    certificates,
    dual_teachers,
    enrolment_plan,
    funding,
    gaokao,
    major_changes,
    major_industry,
    majors,
    progression,
    project_spending,
    teacher_titles,
)
from metrics.datasets.spec import DataSetSpec, Derived, Layout
from metrics.datasets.window import rows_for_window

# In the order the sample prints them (the narrative's table picker shows this order).
DATASETS: dict[str, DataSetSpec] = {
    module.SPEC.key: module.SPEC
    for module in (
        certificates,  # 表1-1 certificate pass rates by year and certificate type
        gaokao,  # 表1-2 “3+证书” results by candidate group
        progression,  # 表1-3 progression to further study by year and route
        funding,  # 表6-1 funding against provincial averages
        project_spending,  # 表6-2 project spending
        major_changes,  # 表6-3 majors added and stopped
        enrolment_plan,  # 表6-4 enrolment plan changes
        majors,  # 表6-5 majors with code, name, category, enrolment, partner
        teacher_titles,  # 表6-6 teachers by professional title
        dual_teachers,  # 表6-7 “双师型” teachers by major
        major_industry,  # 表6-8 majors against industries
    )
}


def printed_layout(key: str, year, rows: list | None = None) -> Layout:
    """The printed layout of data set `key` for report year `year`, with its cells: (header
    rows, body rows) of metrics.values.Cell, exactly as the report prints the table. `rows`
    defaults to the rows the year's table shows (rows_for_window); KeyError for an unknown key."""
    spec = DATASETS[key]
    return spec.printed(year, rows_for_window(spec, year) if rows is None else rows)


__all__ = ["DATASETS", "DataSetSpec", "Derived", "printed_layout", "rows_for_window"]
