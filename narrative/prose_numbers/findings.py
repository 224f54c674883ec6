"""The prose check's findings, handed to metrics' findings page (its registration hook)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from metrics.findings import Finding, register_source
from narrative.prose_numbers.check import (
    Mention,
    bindable,
    consistent,
    disagreeing,
    year_mentions,
)

DISAGREES = "narrative.prose_number"
CONTRADICTS = "narrative.prose_numbers_differ"
BINDABLE = "narrative.prose_number_bindable"
SUBJECT_MAX = 100


def _forms(quantity) -> tuple[tuple[str, str], ...]:
    key = quantity.name.split(".")[0] if "." in quantity.name else ""
    return ((quantity.department_code, key),)


def _link(mention: Mention) -> tuple[tuple[str, str], ...]:
    return ((mention.url, _("去正文 %(where)s") % {"where": mention.where}),)


def _subject(mention: Mention, name: str) -> str:
    return f"{mention.section_key} {name} {mention.number.typed}"[:SUBJECT_MAX]


def prose_findings(year):
    """Finding source: typed numbers that disagree with a figure (error), that agree with one
    (hint: bind it), and figures not stored that the text gives two different values."""
    mentions = year_mentions(year)
    unstored: dict[str, list[Mention]] = {}
    for mention in mentions:
        number = mention.number
        for quantity in mention.quantities:
            if quantity.value is None and quantity.low is None:
                unstored.setdefault(quantity.name, []).append(mention)
        quantity = disagreeing(mention)
        if quantity is not None:
            yield Finding(
                rule_code=DISAGREES,
                subject=_subject(mention, quantity.name),
                severity="error",
                message=_(
                    "正文 %(where)s 中“%(snippet)s”与%(label)s（%(value)s）不一致。"
                    "原句：“%(sentence)s”"
                )
                % {
                    "where": mention.where,
                    "snippet": number.snippet,
                    "label": quantity.label,
                    "value": quantity.display,
                    "sentence": mention.sentence,
                },
                values=((_("正文"), number.typed), (quantity.label, quantity.display)),
                forms=_forms(quantity),
                links=_link(mention),
            )
            continue
        target = bindable(mention)
        if target is not None:
            yield Finding(
                rule_code=BINDABLE,
                subject=_subject(mention, target.name),
                severity="warning",
                message=_(
                    "正文 %(where)s 中手工输入的“%(snippet)s”与%(label)s一致，"
                    "可在编辑器中一键改为引用数据。"
                )
                % {"where": mention.where, "snippet": number.snippet, "label": target.label},
                values=((_("正文"), number.typed), (target.label, target.display)),
                forms=_forms(target),
                links=_link(mention),
            )
    for name, group in unstored.items():
        yield from _contradictions(name, group)


def _contradictions(name: str, group: list[Mention]):
    first = group[0]
    for other in group[1:]:
        if consistent(first.number, other.number):
            continue
        quantity = next(q for q in first.quantities if q.name == name)
        yield Finding(
            rule_code=CONTRADICTS,
            subject=f"{name} {first.number.typed} {other.number.typed}"[:SUBJECT_MAX],
            severity="error",
            message=_(
                "正文前后不一致（%(label)s本年度未填报）："
                "%(a_where)s 原句“%(a)s”；%(b_where)s 原句“%(b)s”"
            )
            % {
                "label": quantity.label,
                "a_where": first.where,
                "a": first.sentence,
                "b_where": other.where,
                "b": other.sentence,
            },
            values=((first.where, first.number.typed), (other.where, other.number.typed)),
            forms=_forms(quantity),
            links=_link(first) + _link(other),
        )


def register_with_metrics() -> None:
    register_source(prose_findings)
