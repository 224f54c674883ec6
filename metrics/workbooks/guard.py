"""The forms' guard for a submitted or approved item, as the workbook asks it: a download
locks that item's cells, a preview refuses a change to them (per cell, the guard's words)."""

from __future__ import annotations

from metrics import services

# ReviewItem kinds as the figure services name the items they guard.
FIGURES = "figures"
DATASET = "data"


def refusal(year, user, kind: str, key: str) -> str:
    """Why `user` may not change the item now; "" when they may."""
    try:
        services.check_editable(year, user, kind, key)
    except services.FiguresError as error:
        return str(error)
    return ""
