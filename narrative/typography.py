"""Typography applied when rendering: the sample has "学校 2025 年度"; justified print turns
such stray spaces between Chinese and digits or Latin letters into visible gaps."""

import re

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef"
_SPACES = r"[ \u00a0\u2002\u2003\u2009]+"
_CJK_THEN_LATIN = re.compile(rf"(?<=[{_CJK}]){_SPACES}(?=[0-9A-Za-z+\-(（“])")
_LATIN_THEN_CJK = re.compile(rf"(?<=[0-9A-Za-z%+)）”]){_SPACES}(?=[{_CJK}])")
_TAG = re.compile(r"(<[^>]*>)")


def tighten(text: str) -> str:
    """Remove spaces between CJK characters and digits/Latin letters in plain text."""
    return _LATIN_THEN_CJK.sub("", _CJK_THEN_LATIN.sub("", text))


def tighten_html(html: str) -> str:
    """`tighten` applied to the text between tags, never to tags or attribute values."""
    parts = _TAG.split(html)
    return "".join(part if part.startswith("<") else tighten(part) for part in parts)
