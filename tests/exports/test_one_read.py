"""A document reads the year's figures once, however many tables, charts and bound figures
print them (metrics.api.one_read_per_year around every exporter)."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from exports.exporters import get_exporter
from reporting.models import ReportYear


def _reads(queries, table: str) -> int:
    return sum(f'FROM "{table}"' in query["sql"] for query in queries)


@pytest.mark.django_db
@pytest.mark.parametrize("format", ["pdf", "html", "xlsx"])
def test_a_full_render_reads_the_years_figures_once(format):
    call_command("load_demo", stdout=io.StringIO())
    year = ReportYear.objects.select_related("school").get(school__slug="lianzhou", year=2025)
    with CaptureQueriesContext(connection) as captured:
        result = get_exporter(format).render(year)
    assert result.content
    queries = captured.captured_queries
    assert _reads(queries, "metrics_figure") == 1
    assert _reads(queries, "metrics_indicator") == 1
    assert _reads(queries, "metrics_assignment") == 1
    # Each data set once (a multi-year set: which report years hold its rows, then the rows).
    assert _reads(queries, "metrics_teachertitlerow") == 1
    assert _reads(queries, "metrics_progressionrow") == 2
