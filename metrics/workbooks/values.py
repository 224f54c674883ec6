"""What a workbook was read into: raw cell values with their sheet and cell, and problems."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    sheet: str
    cell: str  # "F12", or "" for the whole sheet / file
    message: str


@dataclass
class RawValue:
    sheet: str
    cell: str
    department: str
    raw: object


@dataclass
class RawRow:
    number: int  # sheet row
    row_id: int | None
    values: dict[str, object]  # field name -> raw cell value
    cells: dict[str, str] = field(default_factory=dict)  # field name -> cell ("C5")


@dataclass
class RawTable:
    sheet: str
    department: str
    key: str
    rows: list[RawRow] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)  # stored rows the sheet does not show

    def cell(self, row: RawRow, field_name: str) -> str:
        return row.cells.get(field_name, f"A{row.number}")


def text_of(value) -> str:
    return "" if value is None else str(value).strip()


def number_text(raw) -> str:
    """A cell as text; Excel's floats without binary noise (14.280000000000001 → 14.28)."""
    if isinstance(raw, float):
        return f"{raw:.10f}".rstrip("0").rstrip(".")
    return "" if raw is None else str(raw)
