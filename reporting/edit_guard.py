"""May this user still change this item? Asked by the services that write figures and text;
answered by the apps that know why not (the review app: a submitted or approved item is
read-only for its department). They register a guard in their AppConfig.ready, so the figures
(metrics) never import the review app above them.

Items are named by kind and key: ("figures", department code) for a department's single
figures, ("data", data-set key) for a data set, ("section", section key) for a section.
"""

from __future__ import annotations

from collections.abc import Callable

from reporting.models import ReportYear

FIGURES = "figures"
DATASET = "data"

# (year=, user=, kind=, key=) → why the user may not edit the item, or None when they may
EditGuard = Callable[..., str | None]
_guards: list[EditGuard] = []


def register_edit_guard(guard: EditGuard) -> None:
    if guard not in _guards:
        _guards.append(guard)


def edit_refusal(*, year: ReportYear, user, kind: str, key: str) -> str | None:
    """The first guard's refusal, in the user's words; None when every guard lets them."""
    for guard in _guards:
        refusal = guard(year=year, user=user, kind=kind, key=key)
        if refusal:
            return refusal
    return None
