"""The comparison's chart, drawn by the report's own chart renderer (narrative.charts).

One indicator at a time (the sorted column, else 在校生): up to BARS schools a bar each in the
table's order; more schools as a distribution (how many schools fall in each of BINS equal
ranges between the lowest and the highest value). The drawing is a pure function of the data,
so it is cached under a hash of that data: a page of locked years draws it once.
"""

from __future__ import annotations

import hashlib
from decimal import Decimal

from django.core.cache import cache
from django.utils.translation import gettext as _

from metrics.api import ChartData
from narrative.charts import chart_svg, svg_data_uri
from regions.comparison import Comparison

BARS = 20
BINS = 8
TIMEOUT = 60 * 60 * 24


def chart_column(comparison: Comparison):
    code = comparison.sort.lstrip("-")
    return next((c for c in comparison.columns if c.code == code), comparison.columns[0])


def chart_data(comparison: Comparison, source: str) -> ChartData | None:
    column = chart_column(comparison)
    rows = [r for r in comparison.rows if r.values[column.code].value is not None]
    if not rows:
        return None
    if len(rows) <= BARS:
        return ChartData(
            key=f"compare-{column.code}",
            title=column.label,
            unit=column.unit,
            categories=[r.year.school.short_name or r.year.school.name for r in rows],
            series=[(column.label, [r.values[column.code].value for r in rows])],
            source=source,
        )
    values = sorted(r.values[column.code].value for r in rows)
    low, high = values[0], values[-1]
    width = (high - low) / BINS or Decimal(1)
    counts = [0] * BINS
    for value in values:
        counts[min(int((value - low) / width), BINS - 1)] += 1
    edges = [low + width * i for i in range(BINS + 1)]
    return ChartData(
        key=f"compare-{column.code}-distribution",
        title=_("%(label)s 学校数") % {"label": column.label},
        unit=_("所"),
        categories=[f"{_short(edges[i])}–{_short(edges[i + 1])}" for i in range(BINS)],
        series=[(_("学校数"), [Decimal(n) for n in counts])],
        source=source,
    )


def _short(value: Decimal) -> str:
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}"


def chart_uri(comparison: Comparison, source: str) -> str:
    """The chart as an <img src> data URI (its styles stay its own under the page's CSP)."""
    data = chart_data(comparison, source)
    if data is None:
        return ""
    key = "regions:chart:" + hashlib.sha256(repr(data).encode()).hexdigest()
    uri = cache.get(key)
    if uri is None:
        uri = svg_data_uri(chart_svg(data, "bar", id_prefix="compare"))
        cache.set(key, uri, TIMEOUT)
    return uri
