"""The figures of many school-years read in a fixed number of queries.

`metrics.yeardata.YearData` computes a year's figures from what it loads (catalog, stored
figures, data-set rows), a few queries per year. Here each of those loads is done once for all
the years, limited to the quantities the wanted indicators need, and handed to YearData, which
then computes exactly as for the school's own report: same formulas, same rounding, same
display. Data sets that read other years (a three-year table, a column of last year's plan)
and last year's figures are left to YearData's own per-year reads when a wanted indicator needs
them (the key indicators do not).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from metrics.computation import operands
from metrics.datasets import DATASETS
from metrics.models import Figure, Indicator, school_region_chains
from metrics.yeardata import YearData, _LazyRows, shown_in_year
from reporting.models import ReportYear


def _needed(codes: Iterable[str], catalog: list[Indicator]) -> set[str]:
    """Every quantity the wanted indicators are computed from, formulas followed through."""
    formulas: dict[str, object] = {}
    for indicator in catalog:
        if indicator.formula:
            formulas[indicator.code] = indicator.formula
    names: set[str] = set()
    todo = list(codes)
    while todo:
        name = todo.pop()
        if name in names:
            continue
        names.add(name)
        if name.removeprefix("prev:") in formulas:
            todo.extend(operands(formulas[name.removeprefix("prev:")]))
    return names


def year_data(
    years: list[ReportYear], codes: Iterable[str] | None = None, *, with_previous: bool = False
) -> dict[int, YearData]:
    """A YearData per year, preloaded for the indicators `codes` (None: all, as the checks
    need): 2 + (data sets) queries. `with_previous` loads last year's data along (for the
    checks' comparison with last year), one query more."""
    if with_previous:
        years = years + _previous_years(years)
    school_ids = {y.school_id for y in years}
    # National + the schools' own + every region's (few): each year keeps what its school sees.
    catalog = list(
        Indicator.objects.filter(Q(school__isnull=True) | Q(school_id__in=school_ids))
        .select_related("table")
        .order_by("order", "pk")
    )
    chains = school_region_chains(school_ids) if any(i.region_id for i in catalog) else {}
    needed = _needed([i.code for i in catalog] if codes is None else codes, catalog)
    year_ids = [y.pk for y in years]
    figures: dict[int, dict[str, Figure]] = defaultdict(dict)
    stored = {name.removeprefix("prev:") for name in needed if "." not in name}
    by_id = {i.pk: i for i in catalog if i.code in stored}
    # By indicator id, not code: the (year, indicator) unique index then serves both columns.
    for figure in Figure.objects.filter(year_id__in=year_ids, indicator_id__in=list(by_id)):
        figure.indicator = by_id[figure.indicator_id]
        figures[figure.year_id][figure.indicator.code] = figure
    # Every data set for the checks (their rules and the text's numbers name data-set totals no
    # formula does); for given indicators only those their formulas read.
    keys = set(DATASETS) if codes is None else {n.split(".")[0] for n in needed} & set(DATASETS)
    rows: dict[str, dict[int, list]] = {}
    for key in keys:
        spec = DATASETS[key]
        if spec.school_year_field or spec.last_year is not None:
            continue  # spans several years: read per year by YearData (rows_for_window)
        by_year: dict[int, list] = defaultdict(list)
        for row in spec.model.objects.filter(year_id__in=year_ids).order_by("position", "pk"):
            by_year[row.year_id].append(row)
        rows[key] = by_year
    uses_previous = any(name.startswith("prev:") for name in needed)
    out = {}
    for year in years:
        data = YearData(year)
        sees = chains.get(year.school_id, set())
        data.__dict__["indicators"] = [
            i
            for i in catalog
            if (
                i.school_id in (None, year.school_id)
                and (i.region_id is None or i.region_id in sees)
            )
            and shown_in_year(i, year)
        ]
        data.__dict__["figures"] = figures.get(year.pk, {})
        lazy = _LazyRows(year)
        for key in DATASETS:
            if key in rows:
                lazy[key] = rows[key].get(year.pk, [])
            elif key not in keys:
                lazy[key] = []  # not needed by the wanted indicators
        data.__dict__["rows"] = lazy
        out[year.pk] = data
    # Last year's data, when last year is in the batch too (the checks compare with it).
    by_school_year = {(y.school_id, y.year): out[y.pk] for y in years}
    for year in years:
        data, before = out[year.pk], by_school_year.get((year.school_id, year.year - 1))
        if before is not None:
            data.__dict__["previous_data"] = before
            data.__dict__["previous_figures"] = before.figures
        elif not uses_previous:
            data.__dict__["previous_figures"] = {}
    return out


def _previous_years(years: list[ReportYear]) -> list[ReportYear]:
    have = {(y.school_id, y.year) for y in years}
    wanted = {(y.school_id, y.year - 1) for y in years} - have
    if not wanted:
        return []
    found = ReportYear.objects.filter(
        school_id__in={school for school, _year in wanted},
        year__in={year for _school, year in wanted},
    ).select_related("school")
    return [y for y in found if (y.school_id, y.year) in wanted]
