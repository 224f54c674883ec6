"""The comparison page's content, cached for published years.

The comparison reads every school's snapshot (1000 rows at province size) to give the median,
the outliers, the order and the chart; the page shows 50 rows of it. What it shows of locked
years changes only when a year of the region is locked, unlocked or locked again, or a school
joins, leaves or is renamed: the cache key holds a fingerprint of exactly that (one aggregate
query), so nothing is ever invalidated by hand. With drafts it is computed on every request.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connections, router
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from regions.chart import chart_column, chart_uri
from regions.comparison import Column, Comparison, compare
from regions.overview import PAGE_SIZE
from reporting.models import Region, ReportYear, School

TIMEOUT = 60 * 60 * 24


@dataclass(frozen=True)
class PageInfo:
    number: int
    num_pages: int
    has_previous: bool
    has_next: bool
    previous_page_number: int | None
    next_page_number: int | None

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1


@dataclass(frozen=True)
class ComparisonPage:
    comparison: Comparison  # its rows: this page's only
    total: int  # schools compared on every page
    page: PageInfo
    chart: str  # data URI of the chart's SVG, "" without values
    chart_column: Column


def fingerprint(region: Region, year: int) -> str:
    """Everything a locked-only comparison depends on, hashed by PostgreSQL in one query."""
    sql = f"""
        SELECT (SELECT count(*) FROM {School._meta.db_table} WHERE region_id = ANY(%s)),
               md5(string_agg(concat_ws('|', y.id, y.locked_at, s.name, s.short_name, s.slug,
                                        s.kind), ',' ORDER BY y.id))
        FROM {ReportYear._meta.db_table} y JOIN {School._meta.db_table} s ON s.id = y.school_id
        WHERE s.region_id = ANY(%s) AND y.year = %s AND y.status = %s
    """
    regions = region.with_descendants()
    with connections[router.db_for_read(ReportYear)].cursor() as cursor:
        cursor.execute(sql, [regions, regions, year, ReportYear.Status.LOCKED])
        schools, digest = cursor.fetchone()
    return f"{schools}-{digest}"


def _build(region: Region, year: int, drafts: bool, sort: str, page_number) -> ComparisonPage:
    comparison = compare(region, year, drafts=drafts, sort=sort)
    page = Paginator(comparison.rows, PAGE_SIZE).get_page(page_number)
    source = _("图表数据来源：%(region)s各校年度报告") % {"region": region.name}
    info = PageInfo(
        number=page.number,
        num_pages=page.paginator.num_pages,
        has_previous=page.has_previous(),
        has_next=page.has_next(),
        previous_page_number=page.previous_page_number() if page.has_previous() else None,
        next_page_number=page.next_page_number() if page.has_next() else None,
    )
    return ComparisonPage(
        comparison=replace(comparison, rows=list(page.object_list)),
        total=len(comparison.rows),
        page=info,
        chart=chart_uri(comparison, source),
        chart_column=chart_column(comparison),
    )


def comparison_page(
    region: Region, year: int, *, drafts: bool, sort: str, page_number
) -> ComparisonPage:
    if drafts:
        return _build(region, year, drafts, sort, page_number)
    # Hashed: the sort and page come from the address bar, and a cache key must stay short and
    # plain for any backend (memcached refuses spaces and long keys).
    parts = (get_language(), region.pk, year, sort, page_number, fingerprint(region, year))
    key = "regions:compare:" + hashlib.sha256(repr(parts).encode()).hexdigest()
    content = cache.get(key)
    if content is None:
        content = _build(region, year, drafts, sort, page_number)
        cache.set(key, content, TIMEOUT)
    return content
