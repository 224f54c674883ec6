"""Typed numbers in a text: value, precision, unit, qualifier and the words before them."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from decimal import Decimal

_BREAK = re.compile(r"</(p|li|h\d|td|th|tr)>|<br\s*/?>", re.I)
_TAG = re.compile(r"<[^>]+>")
# A bound figure is not a typed number: it stays in the sentence as 〔code〕 (no digit before a
# unit), carries its clause's label for a following "占比", and is filled in when quoted.
_BOUND_CODE = re.compile(r'<span class="bound-figure" data-code="([^"]*)"[^>]*>.*?</span>', re.S)
BOUND_MARK = re.compile(r"〔(?P<code>[A-Za-z0-9_-]*)〕")

_UNITS = (
    "元/月|元/生|元/年|万元|万人|人次|个/生|学时|课时|小时|Mbps|%|％|:1|：1"
    "|人|名|个|元|万|所|门|项|场|次|件|天|本|台|套|间|家|篇|位"
)
NUMBER = re.compile(
    r"(?<![\d.,，])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
    r"\s*(?P<more>余|多)?\s*(?P<unit>" + _UNITS + r")(?:\s*(?P<after>以上|以下|左右))?"
)
_NUMBER_OR_BOUND = re.compile(f"{NUMBER.pattern}|{BOUND_MARK.pattern}")
_CLAUSE_END = re.compile(r"[，,；;：:、（()）]")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_FILLERS = ("达到", "共计", "累计", "合计", "达", "为", "是", "共", "计", "有", "约", "近",
            "逾", "超过", "超", "不足", "不到", "大约", "已")  # fmt: skip
_AT_LEAST_BEFORE = ("逾", "超过", "超")
_AT_MOST_BEFORE = ("近", "不足", "不到")
_ABOUT_BEFORE = ("约", "大约")
UNIT_ALIASES = {"％": "%", "：1": ":", ":1": ":", "名": "人", "万": "万元"}


@dataclass(frozen=True)
class TypedNumber:
    sentence: str  # the whole sentence, for quoting
    label: str  # the words before the number in its clause (with the previous number's label
    # when the clause only says "占比"), e.g. "中级职称占比"
    typed: str  # as typed: "38 人", "45.2%", "18.55:1"
    snippet: str  # the clause from the label to the unit, as in the text: "中级职称 38 人"
    value: Decimal
    places: int
    unit: str  # normalised: "人", "%", ":", "万元" …
    qualifier: str = ""  # "" exact | "at_least" | "at_most" | "about"


def plain_text(body: str) -> str:
    text = _BOUND_CODE.sub(lambda m: f"〔{m.group(1)}〕", body)
    text = _BREAK.sub("\n", text)
    return html.unescape(_TAG.sub("", text))


def _core(label: str) -> str:
    core = label.strip()
    changed = True
    while changed:
        changed = False
        for filler in _FILLERS:
            if core.endswith(filler) and len(core) > len(filler) - 1:
                core = core[: -len(filler)].rstrip()
                changed = True
    return core


def _qualifier(label: str, more: str, after: str) -> str:
    tail = label.rstrip()
    if more or after == "以上" or tail.endswith(_AT_LEAST_BEFORE):
        return "at_least"
    if after == "以下" or tail.endswith(_AT_MOST_BEFORE):
        return "at_most"
    if after == "左右" or tail.endswith(_ABOUT_BEFORE):
        return "about"
    return ""


def typed_numbers(body: str) -> list[TypedNumber]:
    out: list[TypedNumber] = []
    for sentence_match in _SENTENCE.finditer(plain_text(body)):
        sentence = sentence_match.group(0).strip()
        previous_label = ""
        for match in _NUMBER_OR_BOUND.finditer(sentence):
            before = sentence[: match.start()]
            starts = [m.end() for m in _CLAUSE_END.finditer(before)]
            clause_start = starts[-1] if starts else 0
            raw_label = before[clause_start:]
            core = _core(raw_label)
            label = core
            if not core or core.startswith(("占", "比例", "比重")):
                label = previous_label + core
            if match.group("code") is not None:
                previous_label = label
                continue
            frac = match.group("frac") or ""
            number = match.group("num").replace(",", "")
            unit = match.group("unit")
            out.append(
                TypedNumber(
                    sentence=sentence,
                    label=label,
                    typed=match.group(0).strip(),
                    snippet=sentence[clause_start : match.end()].strip(),
                    value=Decimal(f"{number}.{frac}" if frac else number),
                    places=len(frac),
                    unit=UNIT_ALIASES.get(unit, unit),
                    qualifier=_qualifier(raw_label, match.group("more"), match.group("after")),
                )
            )
            previous_label = label
    return out
