"""Draw a chart with matplotlib: SVG with real text (for the PDF and the web preview) and PNG
(for Word). Why matplotlib: see the README (Charts). The output is a pure function of the data:
no dates, fixed ids, so a locked year's chart is byte-for-byte the same every time.
"""

from __future__ import annotations

import io
import math
import re
import threading

import matplotlib

matplotlib.use("Agg")
from matplotlib.figure import Figure

from metrics.api import ChartData

FONT = "Noto Sans CJK SC"  # the report's sans face (print.css); WeasyPrint embeds it in the PDF
WIDTH_IN, HEIGHT_IN = 6.3, 3.0
PNG_DPI = 200
COLOURS = ["#2f5597", "#c55a11", "#548235", "#7f6000", "#7030a0", "#1f6f8b", "#a50021"]
SLANT_AFTER = 60  # characters of category labels in all
_LOCK = threading.Lock()  # matplotlib's rcParams are process-wide
_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_IDS = re.compile(r'(\bid="|url\(#|href="#)')


def _rc(salt: str) -> dict:
    return {
        "font.family": [FONT, "DejaVu Sans"],
        "font.size": 9,
        "svg.fonttype": "none",  # text stays text: selectable, set in the report's own font
        "svg.hashsalt": salt,  # fixed ids instead of random ones
        "axes.unicode_minus": False,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }


def _draw(chart: ChartData, style: str) -> Figure:
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN))
    axes = figure.subplots()
    positions = list(range(len(chart.categories)))
    count = max(len(chart.series), 1)
    width = 0.8 / count
    for index, (name, values) in enumerate(chart.series):
        numbers = [math.nan if v is None else float(v) for v in values]
        colour = COLOURS[index % len(COLOURS)]
        if style == "line":
            axes.plot(positions, numbers, marker="o", color=colour, label=name)
            points = positions
        else:
            points = [p - 0.4 + width * (index + 0.5) for p in positions]
            axes.bar(points, numbers, width=width * 0.9, color=colour, label=name)
        for x, y in zip(points, numbers, strict=True):
            if not math.isnan(y):
                axes.annotate(_number(y), (x, y), textcoords="offset points", xytext=(0, 3),
                              ha="center", fontsize=7.5)  # fmt: skip
    axes.set_xticks(positions, chart.categories)
    # Many or long categories (a region's schools) would overlap: slant them. A report's
    # year categories stay as they were, so its charts do not change.
    slanted = sum(len(c) for c in chart.categories) > SLANT_AFTER
    if slanted:
        for label in axes.get_xticklabels():
            label.set(rotation=40, ha="right", rotation_mode="anchor", fontsize=7.5)
    axes.set_ylabel(f"{chart.title}（{chart.unit}）" if chart.unit else chart.title, fontsize=8.5)
    axes.set_ylim(bottom=0)
    axes.margins(y=0.15)
    axes.grid(axis="y", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    if len(chart.series) > 1:
        axes.legend(fontsize=7.5, frameon=False, ncols=min(3, len(chart.series)),
                    loc="upper center", bbox_to_anchor=(0.5, -0.12))  # fmt: skip
    # Fixed margins instead of tight_layout(): as good for these few labels, several times faster.
    legend_rows = math.ceil(len(chart.series) / 3) if len(chart.series) > 1 else 0
    bottom = 0.26 if slanted else 0.12 + 0.07 * legend_rows
    figure.subplots_adjust(left=0.12, right=0.98, top=0.93, bottom=bottom)
    return figure


def _number(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.2f}".rstrip("0").rstrip(".")


def chart_svg(chart: ChartData, style: str = "bar", *, id_prefix: str = "chart") -> str:
    """An <svg> element (no XML prologue) to place inline in HTML. matplotlib numbers its ids
    per drawing ("text_20"), so two charts in one document get a prefix each (their anchor)."""
    with _LOCK, matplotlib.rc_context(_rc(f"chart-{chart.key}")):
        output = io.StringIO()
        _draw(chart, style).savefig(output, format="svg", metadata={"Date": None})
    svg = _XML_PROLOGUE.sub("", output.getvalue(), count=1)
    return _IDS.sub(lambda m: f"{m.group(1)}{id_prefix}-", svg)


def chart_png(chart: ChartData, style: str = "bar") -> bytes:
    with _LOCK, matplotlib.rc_context(_rc(f"chart-{chart.key}")):
        output = io.BytesIO()
        _draw(chart, style).savefig(output, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return output.getvalue()
