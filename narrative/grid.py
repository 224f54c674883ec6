"""Free tables with merged cells: a JSON grid, typed as lines of `a | b | c` where a cell of
only `<` merges into the cell on its left and `^` into the cell above."""

from __future__ import annotations

MERGE_LEFT = "<"
MERGE_UP = "^"


def grid_from_text(text: str, header_rows: int) -> dict:
    raw = [
        [cell.strip() for cell in line.split("|")]
        for line in (text or "").splitlines()
        if line.strip()
    ]
    rows: list[list[dict]] = []
    owner: dict[tuple[int, int], dict] = {}  # (row, column) -> the cell covering it
    for r, line in enumerate(raw):
        row: list[dict] = []
        for c, value in enumerate(line):
            if value == MERGE_LEFT and (r, c - 1) in owner:
                cell = owner[(r, c - 1)]
                cell["colspan"] = cell.get("colspan", 1) + (1 if _is_row_start(cell, r) else 0)
                owner[(r, c)] = cell
            elif value == MERGE_UP and (r - 1, c) in owner:
                cell = owner[(r - 1, c)]
                if _is_col_start(cell, c):
                    cell["rowspan"] = cell.get("rowspan", 1) + 1
                owner[(r, c)] = cell
            else:
                cell = {"text": value, "_r": r, "_c": c}
                if r < header_rows:
                    cell["header"] = True
                row.append(cell)
                owner[(r, c)] = cell
        rows.append(row)
    for row in rows:
        for cell in row:
            cell.pop("_r", None)
            cell.pop("_c", None)
    return {"rows": rows, "header_rows": min(header_rows, len(rows))}


def _is_row_start(cell: dict, r: int) -> bool:
    return cell["_r"] == r


def _is_col_start(cell: dict, c: int) -> bool:
    return cell["_c"] == c


def grid_to_text(grid: dict) -> str:
    """The typed form of a grid, for editing it again."""
    rows = (grid or {}).get("rows", [])
    placed: dict[tuple[int, int], str] = {}
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in placed:
                c += 1
            for dr in range(int(cell.get("rowspan", 1))):
                for dc in range(int(cell.get("colspan", 1))):
                    marker = (
                        cell.get("text", "")
                        if dr == dc == 0
                        else (MERGE_UP if dc == 0 else MERGE_LEFT)
                    )
                    placed[(r + dr, c + dc)] = marker
            c += int(cell.get("colspan", 1))
    lines = []
    for r in range(len(rows)):
        width = max((c for (rr, c) in placed if rr == r), default=-1) + 1
        lines.append(" | ".join(placed.get((r, c), "") for c in range(width)))
    return "\n".join(lines)
