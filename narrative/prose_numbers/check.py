"""Typed numbers of the text against the year's figures (read through metrics.api)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse
from django.utils.translation import gettext as _

from metrics import api as metrics_api
from metrics.computation import round_half_up
from narrative.models import Block
from narrative.numbering import build_outline
from narrative.prose_numbers.extract import (
    BOUND_MARK,
    UNIT_ALIASES,
    TypedNumber,
    typed_numbers,
)

ABOUT = Decimal("0.05")  # "约 500 人" agrees with 475–525
INFINITY = Decimal("Infinity")


@dataclass(frozen=True)
class Mention:
    number: TypedNumber
    sentence: str  # as printed: bound figures filled in
    quantities: tuple  # metrics.prose.ProseQuantity candidates (longest matching phrase)
    section_key: str
    section_number: str
    section_title: str
    department_code: str
    url: str

    @property
    def where(self) -> str:
        return f"{self.section_number} {self.section_title}".strip()


class PhraseIndex:
    """(phrase, quantity) by unit. A label is matched by the phrase nearest the number, the
    longest one there: in "专任教师中高级职称" it is 高级职称; "中级职称占比" before "中级职称"."""

    def __init__(self, quantities):
        self.by_unit: dict[str, list[tuple[str, object]]] = {}
        for quantity in quantities:
            unit = UNIT_ALIASES.get(quantity.unit, quantity.unit)
            for phrase in set(quantity.phrases):
                if len(phrase) >= 2:
                    self.by_unit.setdefault(unit, []).append((phrase, quantity))

    def match(self, number: TypedNumber) -> tuple:
        found, best = [], (-1, 0)
        for phrase, quantity in self.by_unit.get(number.unit, ()):
            start = number.label.rfind(phrase)
            if start < 0:
                continue
            key = (start + len(phrase), len(phrase))
            if key > best:
                found, best = [quantity], key
            elif key == best and quantity not in found:
                found.append(quantity)
        return tuple(found)


def interval(number: TypedNumber) -> tuple[Decimal, Decimal]:
    """The values the typed number allows, at the precision typed."""
    value = number.value
    if number.qualifier == "at_least":
        return value, INFINITY
    if number.qualifier == "at_most":
        return -INFINITY, value
    if number.qualifier == "about":
        return value * (1 - ABOUT), value * (1 + ABOUT)
    half = Decimal(5).scaleb(-(number.places + 1))
    return value - half, value + half


def agrees(number: TypedNumber, quantity) -> bool | None:
    """None when the figure is not stored; a range (per-row rates) must meet the number's."""
    low, high = interval(number)
    if quantity.low is not None:
        return quantity.low <= high and quantity.high >= low
    if quantity.value is None:
        return None
    if not number.qualifier:
        return round_half_up(quantity.value, number.places) == number.value
    return low <= quantity.value <= high


def consistent(a: TypedNumber, b: TypedNumber) -> bool:
    a_low, a_high = interval(a)
    b_low, b_high = interval(b)
    return a_low <= b_high and b_low <= a_high


def year_mentions(year, *, section=None) -> list[Mention]:
    """Every typed number of the year's text (or one section's) that names a figure."""
    blocks = Block.objects.filter(section__year=year, kind=Block.Kind.TEXT)
    if section is not None:
        blocks = blocks.filter(section=section)
    blocks = blocks.select_related("section__department").order_by("section__position", "position")
    typed_blocks = [(block, typed_numbers(block.body)) for block in blocks]
    typed_blocks = [(block, typed) for block, typed in typed_blocks if typed]
    if not typed_blocks:  # most sections type no number: nothing to look up (the editor)
        return []
    quantities = metrics_api.prose_quantities(year)
    index = PhraseIndex(quantities)
    shown = {q.name: q.display.replace(" ", "") for q in quantities if q.bindable}
    numbers = {
        node.section.pk: node.number for node in build_outline(year, with_blocks=False).walk()
    }
    found = []
    for block, typed_in_block in typed_blocks:
        typed = [(n, index.match(n)) for n in typed_in_block]
        typed = [(n, q) for n, q in typed if q]
        if not typed:
            continue
        s = block.section
        url = reverse("narrative:section_edit", args=[year.school.slug, year.year, s.key])
        for number, quantities in typed:
            found.append(
                Mention(
                    number,
                    _quote(number.sentence, shown),
                    quantities,
                    s.key,
                    numbers.get(s.pk, ""),
                    s.title,
                    s.department.code if s.department else "",
                    url,
                )
            )
    return found


def _quote(sentence: str, shown: dict[str, str]) -> str:
    return BOUND_MARK.sub(lambda m: shown.get(m.group("code"), _("【缺少数据】")), sentence)


def bindable(mention: Mention):
    """The catalog figure a typed number can become, when every figure it names agrees."""
    verdicts = [agrees(mention.number, q) for q in mention.quantities]
    if any(v is False for v in verdicts):
        return None
    return next(
        (q for q, v in zip(mention.quantities, verdicts, strict=True) if v and q.bindable), None
    )


def disagreeing(mention: Mention):
    return next((q for q in mention.quantities if agrees(mention.number, q) is False), None)


def section_bindable(section) -> list[dict]:
    """For the editor: typed numbers of a section that agree with a catalog figure."""
    out = []
    for mention in year_mentions(section.year, section=section):
        quantity = bindable(mention)
        if quantity is not None:
            number = mention.number
            out.append(
                {
                    "snippet": number.snippet,
                    "typed": number.typed,
                    "code": quantity.name,
                    "label": quantity.label,
                    "display": quantity.display,
                }
            )
    return out
