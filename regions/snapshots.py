"""Writing the key-figure snapshots (regions.models.KeyFigures) of locked years.

`take(year)` runs when a year is locked (a post_save of ReportYear whose status became locked,
inside the lock's transaction): the figures through metrics.api, exactly what the published
edition prints, and the errors the school's own checks leave unexplained. `take_many(years)`
does the same for years locked in bulk (generate_region), reading their data in bulk.
"""

from __future__ import annotations

from metrics.api import figure_values, one_read_per_year
from metrics.findings import run_checks
from regions.bulk import year_data
from regions.key_figures import CODES, MISSING, Printed, from_data
from regions.models import KeyFigures
from reporting.models import ReportYear

BATCH = 250


def blocking(findings) -> int:
    """Error findings without an explanation: what keeps a year from being locked."""
    return sum(1 for finding in findings if finding.blocking)


def take(year: ReportYear) -> KeyFigures:
    printed = figure_values(year)
    values = {}
    for code in CODES:
        figure = printed.get(code)
        value = Printed.of(figure.value, figure.display, figure.unit) if figure else MISSING
        values[code] = value.stored()
    snapshot, _ = KeyFigures.objects.update_or_create(
        year=year,
        defaults={
            "locked_at": year.locked_at,
            "values": values,
            "open_errors": blocking(run_checks(year)),
        },
    )
    return snapshot


def take_many(years: list[ReportYear]) -> int:
    """Snapshots of many locked years; a batch's data is read once for the figures and the
    checks alike (the checks still read rules, explanations and text per year)."""
    written = 0
    for start in range(0, len(years), BATCH):
        batch = [y for y in years[start : start + BATCH] if y.locked_at is not None]
        data = year_data(batch, with_previous=True)
        with one_read_per_year(data):
            snapshots = [
                KeyFigures(
                    year=year,
                    locked_at=year.locked_at,
                    values={code: p.stored() for code, p in from_data(data[year.pk]).items()},
                    open_errors=blocking(run_checks(year, data[year.pk])),
                )
                for year in batch
            ]
        KeyFigures.objects.bulk_create(
            snapshots,
            update_conflicts=True,
            unique_fields=["year"],
            update_fields=["locked_at", "values", "open_errors"],
        )
        written += len(snapshots)
    return written


def on_year_saved(sender, instance: ReportYear, update_fields=None, **kwargs) -> None:
    """post_save of ReportYear: a year that has just been locked gets its snapshot."""
    if update_fields is None or "status" not in update_fields:
        return
    if instance.status == ReportYear.Status.LOCKED and instance.locked_at is not None:
        take(instance)
