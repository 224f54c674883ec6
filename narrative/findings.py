"""Hands the bound-figure problems to the findings page of metrics (its registration hook)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from metrics.findings import Finding, register_source
from narrative.figures import broken_references

RULE_CODE = "narrative.bound_figure"


def bound_figure_findings(year):
    """Finding source: one warning per bound figure in the text that points to no value."""

    seen: set[str] = set()
    for ref in broken_references(year):
        subject = f"{ref.section_number or ref.section_title} {ref.code}".strip()
        if subject in seen:
            continue
        seen.add(subject)
        yield Finding(
            rule_code=RULE_CODE,
            subject=subject,
            severity="warning",
            message=_("正文 %(number)s %(section)s：%(reason)s")
            % {"number": ref.section_number, "section": ref.section_title, "reason": ref.reason},
            forms=((ref.department_code, ""),) if ref.department_code else (),
        )


def register_with_metrics() -> None:

    register_source(bound_figure_findings)
