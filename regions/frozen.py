"""Per-school numbers for the region pages, read through the schools' own code paths.

A locked year cannot change (PostgreSQL triggers refuse every write to it), so what its
figures and checks give is cached under a key that includes the moment it was locked: an
unlock and a new lock make a new key, and nothing is ever invalidated by hand. Open years
(drafts) are always computed afresh.
"""

from __future__ import annotations

from django.core.cache import cache

from metrics.api import FigureValue, figure_values
from metrics.findings import run_checks
from reporting.models import ReportYear

TIMEOUT = 60 * 60 * 24 * 30


def _cached(kind: str, year: ReportYear, compute):
    if year.is_open or year.locked_at is None:
        return compute()
    key = f"regions:{kind}:{year.pk}:{year.locked_at.timestamp()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def school_figures(year: ReportYear) -> dict[str, FigureValue]:
    """The figures the school's report prints (metrics.api), never retyped."""
    return _cached("figures", year, lambda: figure_values(year))


def open_errors(year: ReportYear) -> int:
    """Error findings without an explanation: what keeps a school's year from being locked."""
    return _cached("errors", year, lambda: sum(1 for f in run_checks(year) if f.blocking))
