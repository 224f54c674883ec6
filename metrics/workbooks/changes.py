"""What a preview found: the user's changes, others' changes, notes and the plan to apply."""

from __future__ import annotations

from dataclasses import dataclass, field

from metrics.workbooks.values import Problem


@dataclass(frozen=True)
class Change:
    sheet: str
    cell: str
    what: str
    old: str
    new: str


@dataclass
class Preview:
    changes: list[Change] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # what others changed since the download
    notes: list[str] = field(default_factory=list)  # computed values an appendix gave, not taken
    problems: list[Problem] = field(default_factory=list)
    plan: dict = field(default_factory=lambda: {"figures": {}, "datasets": {}})

    @property
    def empty_plan(self) -> bool:
        return not self.plan["figures"] and not self.plan["datasets"]
