"""Which rows a table of a report year shows.

Every row belongs to the report year in which it was entered. A multi-year table keeps earlier
years' rows under the current report year with a `school_year` column; the next report year
reads them from there, so each year's row is entered once, in the first report year that
shows it, and a school year's own report year wins over any other.
"""

from __future__ import annotations

from metrics.datasets.spec import DataSetSpec


def rows_for_window(spec: DataSetSpec, year) -> list:
    """The rows of `year`'s table, with last year's column read from last year (LastYear)."""
    rows = _rows(spec, year)
    if spec.last_year is not None and rows:
        _read_last_year(spec, year, rows)
    return rows


def _read_last_year(spec: DataSetSpec, year, rows: list) -> None:
    """Each row's last-year value from last report year's row of the same key (two queries).
    The rows are for reading (tables, checks), never saved: the entry form reads its own."""
    last = spec.last_year
    previous = year.previous()
    if previous is None:
        return
    values = dict(
        spec.model.objects.filter(year=previous, **{f"{last.source}__isnull": False}).values_list(
            last.match, last.source
        )
    )
    for row in rows:
        value = values.get(getattr(row, last.match))
        if value is not None:
            setattr(row, last.field, value)


def _rows(spec: DataSetSpec, year) -> list:
    """The rows a table of `year` shows. For a multi-year data set: per school year, the rows
    of that school year's own report year when it has them (last year's row is last year's
    figures, never typed again); else of the latest report year (up to this one) that entered
    that school year. Two queries."""
    model = spec.model
    if not spec.school_year_field:
        return list(model.objects.filter(year=year).order_by("position", "pk"))
    first = year.year - spec.window + 1
    sources = (
        model.objects.filter(
            year__school_id=year.school_id,
            year__year__lte=year.year,
            school_year__gte=first,
            school_year__lte=year.year,
        )
        .values_list("school_year", "year__year")
        .distinct()
    )
    wanted: dict[int, int] = {}
    for school_year, source in sources:
        current = wanted.get(school_year)
        if current == school_year:  # the school year's own report year wins
            continue
        wanted[school_year] = source if source == school_year else max(source, current or 0)
    if not wanted:
        return []
    rows = (
        model.objects.filter(
            year__school_id=year.school_id,
            year__year__in=set(wanted.values()),
            school_year__in=list(wanted),
        )
        .select_related("year")
        .order_by("school_year", "position", "pk")
    )
    return [row for row in rows if wanted[row.school_year] == row.year.year]
