"""Chart blocks: a series of the school's figures over years, drawn on the server.

The values come only through metrics.api (`chart_series`), so a chart changes when a figure
changes; a locked year's figures cannot change, and the drawing is deterministic, so its chart
is frozen with it. SVG (text as text) goes into the print document and the web preview, PNG
into Word. `key_series_svg(year)` gives the committee dashboard the same charts.
"""

from __future__ import annotations

import base64

from metrics import api as metrics_api

STYLES = ("bar", "line")

KEY_SERIES = ["students", "new_students", "graduates", "further_study"]


def chart_svg(chart: metrics_api.ChartData, style: str = "bar", *, id_prefix: str = "chart") -> str:
    from narrative.charts import render  # matplotlib loads on the first chart only

    return render.chart_svg(chart, style, id_prefix=id_prefix)


def chart_png(chart: metrics_api.ChartData, style: str = "bar") -> bytes:
    from narrative.charts import render

    return render.chart_png(chart, style)


def block_chart(year, settings: dict) -> metrics_api.ChartData | None:
    """The data of a chart block's settings; None when the series is not (or no longer) known."""
    try:
        return metrics_api.chart_series(
            year, settings.get("series", ""), settings.get("years") or None
        )
    except KeyError:
        return None


def style_of(settings: dict) -> str:
    return settings.get("style") if settings.get("style") in STYLES else "bar"


def block_png(year, settings: dict) -> bytes | None:
    chart = block_chart(year, settings)
    return None if chart is None else chart_png(chart, style_of(settings))


def svg_data_uri(svg: str) -> str:
    """For <img src>: an SVG shown as an image keeps its own styles under any page CSP."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def key_series_svg(year, keys: list[str] | None = None) -> list[tuple[str, str]]:
    """(title, SVG) of the key series over the years the school holds, for dashboards (show it
    as `<img src="{{ svg_data_uri(svg) }}">`). Series without any value are left out."""
    out = []
    for key in keys or KEY_SERIES:
        chart = metrics_api.chart_series(year, key)
        if any(v is not None for _name, values in chart.series for v in values):
            out.append((chart.title, chart_svg(chart, "bar", id_prefix=f"key-{key}")))
    return out
