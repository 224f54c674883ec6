"""Hands the bound-figure problems to the findings page of metrics (its registration hook)."""

from __future__ import annotations

from django.utils.translation import gettext as _

RULE_CODE = "narrative.bound_figure"


def bound_figure_findings(year):
    """Finding source: one warning per bound figure in the text that points to no value."""
    from metrics.findings import Finding
    from narrative.figures import broken_references

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
    from metrics.findings import register_source

    register_source(bound_figure_findings)
