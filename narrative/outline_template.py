"""The outline a new report year starts from, per kind of report, as data
(`fixtures/outlines.json`): 中职 and 高职 schools get the structure mandated since 2023
(overview, seven chapters, appendix); a region's own report (districtreport) gets its own
frame (eight chapters, with 教育教学)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from reporting.models import School

REGION = "region"
TOP_LEVEL_KINDS = {"overview", "chapter", "appendix"}


@dataclass(frozen=True)
class TemplateSection:
    key: str
    kind: str  # narrative.models.Section.Kind value of a top-level section
    title: str


def _path() -> Path:
    return Path(settings.BASE_DIR) / "fixtures" / "outlines.json"


@cache
def templates() -> dict[str, tuple[TemplateSection, ...]]:
    raw = json.loads(_path().read_text(encoding="utf-8"))
    out = {}
    for name, entries in raw.items():
        if name.startswith("_"):
            continue
        sections = tuple(TemplateSection(**entry) for entry in entries)
        bad = [s.kind for s in sections if s.kind not in TOP_LEVEL_KINDS]
        if bad or [s.kind for s in sections].count("appendix") > 1:
            raise ValueError(f"fixtures/outlines.json: template {name!r} is malformed")
        out[name] = sections
    return out


def template_name(school: School) -> str:
    return REGION if school.is_region_report else school.kind


def template_for(school: School) -> tuple[TemplateSection, ...]:
    """The top-level sections a school's (or a region report's) first outline starts with."""
    found = templates()
    return found.get(template_name(school), found[School.Kind.SECONDARY])


def mandated_keys(school: School) -> set[str]:
    """Keys of the template's sections: the frame a committee renames and reorders but does
    not remove (the chapters it added itself it may remove)."""
    return {section.key for section in template_for(school)}
