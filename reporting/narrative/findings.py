"""Hands the bound-figure problems to the findings page of metrics (its registration hook)."""

from __future__ import annotations

from django.utils.translation import gettext as _


def bound_figure_findings(year):
    """Finding source: one entry per bound figure that points to no value."""
    from reporting.narrative.figures import broken_references

    return [
        {
            "title": _("正文引用的数据无效"),
            "detail": _("%(number)s %(section)s：%(reason)s")
            % {"number": ref.section_number, "section": ref.section_title, "reason": ref.reason},
            "url": ref.url,
            "code": ref.code,
        }
        for ref in broken_references(year)
    ]


def register_with_metrics() -> None:
    try:
        from metrics.findings import register_source
    except ImportError:  # metrics' findings page not deployed yet
        return
    register_source(bound_figure_findings)
