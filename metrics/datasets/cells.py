"""Cells of the printed body tables, formatted as the sample prints them. A derived cell is
given the exact value of its data set's `derive` and rounds it once (metrics/computation.py)."""

from __future__ import annotations

from decimal import Decimal

from metrics.computation import plain, round_half_up
from metrics.values import Cell


def h(text, **kw) -> Cell:
    return Cell(text=str(text), header=True, **kw)


def n(value, fmt="0", suffix="") -> Cell:
    if value is None:
        return Cell(text="")
    text = str(int(value)) if fmt == "0" else plain(Decimal(value))
    return Cell(text=f"{text}{suffix}", value=value, number_format=fmt)


def t(text) -> Cell:
    return Cell(text=str(text or ""))


def pct(exact, signed=False, places=1) -> Cell:
    """A percentage with its sign and unit: "+12.5%"."""
    if exact is None:
        return Cell(text="")
    value = round_half_up(Decimal(exact), places)
    sign = "+" if signed and value > 0 else ""
    return Cell(text=f"{sign}{value}%", value=value, number_format=f'0.{"0" * places}"%"')


def pct_bare(exact, places=1) -> Cell:
    """A percentage under a "（%）" header: "45.9", "0"."""
    if exact is None:
        return Cell(text="")
    value = round_half_up(Decimal(exact), places)
    text = "0" if value == 0 else str(value)
    return Cell(text=text, value=value, number_format="0.0")


def pct_plain(value) -> Cell:
    """A typed percentage as entered: "96.44%"."""
    if value is None:
        return Cell(text="")
    return Cell(text=f"{plain(value)}%", value=value, number_format='0.##"%"')


def merge_first_column(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Merge equal neighbouring cells of the first column (rowspan), as the sample prints."""
    out: list[list[Cell]] = []
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end][0].text == rows[start][0].text:
            end += 1
        first = rows[start][0]
        out.append([Cell(**{**first.__dict__, "rowspan": end - start}), *rows[start][1:]])
        out.extend(row[1:] for row in rows[start + 1 : end])
        start = end
    return out
