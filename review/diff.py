"""Readable differences: HTML to plain text lines, and old → new pairs of lines (difflib)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from html.parser import HTMLParser

_BREAKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "div", "blockquote"}


class _TextParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        if tag in _BREAKS:
            self.lines.append("")
        elif tag in ("td", "th") and self.lines[-1]:
            self.lines[-1] += " | "
        attributes = dict(attrs)
        if tag == "span" and "bound-figure" in (attributes.get("class") or ""):
            # A bound figure prints its current value; the text itself only holds the reference.
            self.lines[-1] += f"〔数据：{attributes.get('data-code', '')}〕"

    def handle_endtag(self, tag):
        if tag in _BREAKS:
            self.lines.append("")

    def handle_data(self, data):
        self.lines[-1] += data


def plain_lines(html: str) -> list[str]:
    """The text of sanitized HTML, one line per paragraph, list item or table row."""
    parser = _TextParser()
    parser.feed(html or "")
    parser.close()
    return [" ".join(line.split()) for line in parser.lines if line.strip()]


@dataclass(frozen=True)
class Change:
    old: str = ""  # empty: added
    new: str = ""  # empty: removed

    @property
    def kind(self) -> str:
        if not self.old:
            return "added"
        if not self.new:
            return "removed"
        return "changed"


def line_changes(old: list[str], new: list[str]) -> list[Change]:
    """Changed lines as old → new pairs; lines only on one side are added or removed."""
    changes: list[Change] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        olds, news = old[a1:a2], new[b1:b2]
        paired = min(len(olds), len(news)) if op == "replace" else 0
        changes += [Change(o, n) for o, n in zip(olds[:paired], news[:paired], strict=True)]
        changes += [Change(old=o) for o in olds[paired:]]
        changes += [Change(new=n) for n in news[paired:]]
    return changes
