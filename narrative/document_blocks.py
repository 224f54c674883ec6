"""HTML of the blocks inside a section (text, photo, table, case), per the document contract."""

from __future__ import annotations

import json

from django.utils.html import escape, format_html
from django.utils.translation import gettext as _

from metrics import api as metrics_api
from metrics.api import Cell, Table
from narrative import charts
from narrative import figures as bound
from narrative.models import Block
from narrative.numbering import BlockNode
from narrative.typography import tighten, tighten_html


class BlockRenderer:
    def __init__(self, year, *, target: str, figures: dict):
        self.year = year
        self.target = target
        self.figures = figures
        self._tables: dict[str, Table | None] = {}

    def text(self, html: str) -> str:
        return tighten_html(bound.render_bound_figures(html, self.figures))

    def blocks(self, nodes: list[BlockNode]) -> str:
        return "".join(self.block(node) for node in nodes)

    def block(self, node: BlockNode) -> str:
        block = node.block
        if block.kind == Block.Kind.TEXT:
            return self.text(block.body)
        if block.kind == Block.Kind.PHOTO:
            return self.photo(node)
        if block.kind == Block.Kind.TABLE:
            return self.table(node)
        if block.kind == Block.Kind.CHART:
            return self.chart(node)
        return self.case(node)

    def photo(self, node: BlockNode) -> str:
        block = node.block
        caption = tighten(block.caption)
        source = (
            format_html('<span class="photo-source">（{}）</span>', block.source)
            if block.source
            else ""
        )
        return format_html(
            '<figure class="photo" id="{}"><img src="{}" alt="{}" width="{}" height="{}">'
            "<figcaption>{} {}{}</figcaption></figure>",
            node.anchor,
            block.photo.print_copy.url,
            caption,
            block.photo.width,
            block.photo.height,
            node.label,
            caption,
            source,
        )

    def chart(self, node: BlockNode) -> str:
        """SVG drawn from the figures; Word draws a PNG from data-chart."""
        block = node.block
        chart = charts.block_chart(self.year, block.chart)
        if chart is None:
            inner = format_html('<p class="table-missing">{}</p>', _("图表数据暂不可用。"))
        else:  # drawn by matplotlib from numbers and escaped labels
            svg = charts.chart_svg(chart, charts.style_of(block.chart), id_prefix=node.anchor)
            if self.target == "web":  # an image: its styles are its own, whatever the page's CSP
                inner = format_html(
                    '<img class="chart-image" src="{}" alt="{}">',
                    charts.svg_data_uri(svg),
                    block.caption,
                )
            else:  # print: inline, so WeasyPrint sets the text in the report's fonts
                inner = _safe(svg)
        source_text = block.source or (chart.source if chart else "")
        source = (
            format_html('<span class="photo-source">（{}）</span>', source_text)
            if source_text
            else ""
        )
        return format_html(
            '<figure class="chart" id="{}" data-chart="{}">{}'
            "<figcaption>{} {}{}</figcaption></figure>",
            node.anchor,
            json.dumps(block.chart, sort_keys=True),
            inner,
            node.label,
            tighten(block.caption),
            source,
        )

    def case(self, node: BlockNode) -> str:
        block = node.block
        subtitle = (
            format_html('<p class="case-subtitle">——{}</p>', tighten(block.subtitle))
            if block.subtitle
            else ""
        )
        return format_html(
            '<aside class="case" id="{}"><h4 class="case-title">{} {}</h4>{}{}</aside>',
            node.anchor,
            node.label,
            tighten(block.title),
            subtitle,
            _safe(self.blocks(node.parts)),
        )

    def table(self, node: BlockNode) -> str:
        block = node.block
        wide = block.wide
        source_text = block.source
        if block.table_key:
            table = self._body_table(block.table_key)
            if table is None:
                inner = format_html(
                    '<p class="table-missing">{}</p>',
                    _("数据表“%(key)s”暂不可用。") % {"key": block.table_key},
                )
            else:
                inner = table_html(table.header_rows, table.rows)
                wide = wide or table.wide
                source_text = source_text or table.source
        else:
            inner = grid_html(block.grid)
        caption = tighten(block.caption)
        source = format_html('<p class="table-source">{}</p>', source_text) if source_text else ""
        return format_html(
            '<figure class="report-table{}" id="{}"><figcaption>{} {}</figcaption>{}{}</figure>',
            " wide" if wide else "",
            node.anchor,
            node.label,
            caption,
            _safe(inner),
            source,
        )

    def _body_table(self, key: str) -> Table | None:
        if key not in self._tables:
            try:
                self._tables[key] = metrics_api.body_table(self.year, key)
            except KeyError:  # a table whose data set is gone prints nothing
                self._tables[key] = None
        return self._tables[key]


def _safe(html: str):
    from django.utils.safestring import mark_safe

    return mark_safe(html)  # built from escaped parts above


def _cell(cell: Cell, *, header: bool) -> str:
    tag = "th" if header or cell.header else "td"
    attrs = ""
    if cell.colspan > 1:
        attrs += f' colspan="{int(cell.colspan)}"'
    if cell.rowspan > 1:
        attrs += f' rowspan="{int(cell.rowspan)}"'
    if cell.indent:
        attrs += f' class="indent-{int(cell.indent)}"'
    return f"<{tag}{attrs}>{escape(tighten(cell.text))}</{tag}>"


def table_html(header_rows: list[list[Cell]], rows: list[list[Cell]]) -> str:
    head = "".join(
        "<tr>" + "".join(_cell(c, header=True) for c in row) + "</tr>" for row in header_rows
    )
    body = "".join("<tr>" + "".join(_cell(c, header=False) for c in row) + "</tr>" for row in rows)
    return f"<table>{'<thead>' + head + '</thead>' if head else ''}<tbody>{body}</tbody></table>"


def grid_cells(grid: dict) -> tuple[list[list[Cell]], list[list[Cell]]]:
    """A free table's JSON grid as header rows and body rows of Cells."""
    rows = [
        [
            Cell(
                text=str(c.get("text", "")),
                colspan=max(1, int(c.get("colspan", 1) or 1)),
                rowspan=max(1, int(c.get("rowspan", 1) or 1)),
                header=bool(c.get("header")),
            )
            for c in row
        ]
        for row in (grid or {}).get("rows", [])
    ]
    n = int((grid or {}).get("header_rows", 0) or 0)
    return rows[:n], rows[n:]


def grid_html(grid: dict) -> str:
    header_rows, rows = grid_cells(grid)
    return table_html(header_rows, rows).replace("<table>", '<table class="free">', 1)
