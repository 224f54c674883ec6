"""Bound figures: references in the text (`<span class="bound-figure" data-code="…">`) filled
with the year's current value and unit at display time, and the findings about references that
point nowhere. Figures come only through metrics.api (the read contract)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from metrics import api as metrics_api
from narrative.models import Block, FrontMatter
from narrative.numbering import build_outline
from reporting.models import ReportYear

_BOUND = re.compile(r'<span class="bound-figure" data-code="([^"]+)"></span>')
# Units printed right after the number ("557人", "70%"); a ratio such as 18.55:1 has its own.
_SILENT_UNITS = {"", ":", "："}


def figure_text(figure: metrics_api.FigureValue) -> str:
    if figure.unit in _SILENT_UNITS or figure.display.endswith(figure.unit):
        return figure.display
    return f"{figure.display}{figure.unit}"


def render_bound_figures(text: str, figures: dict[str, metrics_api.FigureValue]) -> str:
    def fill(match: re.Match) -> str:
        code = match.group(1)
        figure = figures.get(code)
        if figure is None or figure.value is None or figure.display == "":
            title = html.escape(_("缺少数据：%(code)s") % {"code": code})
            return (
                f'<span class="bound-figure missing" data-code="{code}" title="{title}">'
                f"【{html.escape(_('缺少数据'))}】</span>"
            )
        return (
            f'<span class="bound-figure" data-code="{code}" title="{html.escape(figure.label)}">'
            f"{html.escape(figure_text(figure))}</span>"
        )

    return _BOUND.sub(fill, text)


@dataclass(frozen=True)
class BrokenReference:
    code: str
    section_title: str
    section_number: str
    url: str
    reason: str
    department_code: str = ""


def broken_references(year: ReportYear) -> list[BrokenReference]:
    """Every bound figure whose code is gone from the catalog or has no value this year."""
    figures = metrics_api.figure_values(year)
    numbers = {
        node.section.pk: node.number for node in build_outline(year, with_blocks=False).walk()
    }
    found: list[BrokenReference] = []
    blocks = Block.objects.filter(section__year=year, body__contains="bound-figure").select_related(
        "section"
    )
    for block in blocks.order_by("section__position", "position"):
        for code in _BOUND.findall(block.body):
            reason = _problem(code, figures)
            if reason:
                url = reverse(
                    "narrative:section_edit",
                    args=[year.school.slug, year.year, block.section.key],
                )
                department = block.section.department
                found.append(
                    BrokenReference(
                        code,
                        block.section.title,
                        numbers.get(block.section_id, ""),
                        url,
                        reason,
                        department.code if department else "",
                    )
                )
    front = FrontMatter.objects.filter(year=year).first()
    for code in _BOUND.findall(front.preface if front else ""):
        reason = _problem(code, figures)
        if reason:
            url = reverse("narrative:front_matter", args=[year.school.slug, year.year])
            found.append(BrokenReference(code, _("前言"), "", url, reason))
    return found


def _problem(code: str, figures: dict) -> str:
    figure = figures.get(code)
    if figure is None:
        return _("引用的数据“%(code)s”已不在指标目录中") % {"code": code}
    if figure.value is None:
        return _("引用的数据“%(label)s”本年度尚未填报") % {"label": figure.label}
    return ""
