"""Server-side cleaning of every rich text that reaches the database.

The editor is a convenience, never a defence: whatever arrives (pasted from Word, typed into a
crafted request) goes through one strict allowlist. No scripts, event handlers, styles, iframes,
links or images (photos are their own blocks, uploaded and checked); the only span allowed is a
bound-figure reference with a well-formed code.
"""

import re

import nh3

BOUND_FIGURE_CODE = re.compile(r"^[A-Za-z][A-Za-z0-9_.\-]{0,79}$")

TEXT_TAGS = {
    "p", "br", "h5", "h6", "strong", "em", "u", "sub", "sup",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "span",
}  # fmt: skip


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    if tag == "span" and attribute == "data-code":
        return value if BOUND_FIGURE_CODE.match(value) else None
    if attribute in {"colspan", "rowspan"}:
        return value if value.isdigit() and 0 < int(value) <= 100 else None
    return value


_cleaner = nh3.Cleaner(
    tags=TEXT_TAGS,
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript"},
    attributes={"th": {"colspan", "rowspan"}, "td": {"colspan", "rowspan"}, "span": {"data-code"}},
    tag_attribute_values={"span": {"class": {"bound-figure"}}},
    attribute_filter=_attribute_filter,
    url_schemes=set(),
    strip_comments=True,
    link_rel=None,
)

# A span that is not a bound figure carries nothing worth keeping: unwrap it.
_PLAIN_SPAN = re.compile(r"<span>(.*?)</span>", re.S)
_BOUND_SPAN = re.compile(r'<span class="bound-figure" data-code="([^"]+)">.*?</span>', re.S)
_EMPTY_PARAGRAPH = re.compile(r"^<p></p>$")

# Word and web pages bring h1–h4, <b> and <i>: keep their meaning inside the allowlist
# (headings inside a section's text are h5/h6 in the report document).
_RENAMES = re.compile(r"<(/?)(h[1-4]|b|i)(?=[\s>])", re.I)
_RENAME_TO = {"h1": "h5", "h2": "h5", "h3": "h5", "h4": "h6", "b": "strong", "i": "em"}


def _rename(match: re.Match) -> str:
    return f"<{match.group(1)}{_RENAME_TO[match.group(2).lower()]}"


def clean_html(html: str) -> str:
    """The allowlisted form of `html`; bound figures stored as empty references."""
    cleaned = _cleaner.clean(_RENAMES.sub(_rename, html or ""))
    cleaned = _PLAIN_SPAN.sub(r"\1", cleaned)
    # Normalise attribute order and drop the value shown in the editor: only the code is stored.
    cleaned = re.sub(
        r'<span (?:data-code="([^"]+)" class="bound-figure"'
        r'|class="bound-figure" data-code="([^"]+)")>'
        r".*?</span>",
        lambda m: f'<span class="bound-figure" data-code="{m.group(1) or m.group(2)}"></span>',
        cleaned,
        flags=re.S,
    )
    # A bound-figure class without a code (or a code without the class) is meaningless.
    cleaned = re.sub(
        r'<span (?:class="bound-figure"|data-code="[^"]*")>(.*?)</span>', r"\1", cleaned
    )
    cleaned = cleaned.strip()
    return "" if _EMPTY_PARAGRAPH.match(cleaned) else cleaned
