"""A rule's message (提示语) is data typed in 学校管理, so it is checked when saved and rendered
without str.format: `{a:>999999999}` would allocate a gigabyte, `{a.__class__}` reads attributes.

Only the placeholders the checks fill are allowed, each plainly `{name}`; a message stored
before this check (or written to the table directly) still renders: anything else is dropped.
"""

from __future__ import annotations

from string import Formatter

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Every keyword metrics.findings.Checker passes to a finding.
PLACEHOLDERS = frozenset(
    {"a", "b", "change", "computed", "label", "parent_label", "parts", "reported", "rounded",
     "source", "threshold", "tolerance", "total"}
)  # fmt: skip

# The same rule for PostgreSQL (a CheckConstraint): no brace group holding anything but a-z and _.
FORBIDDEN_FIELD_REGEX = r"\{([^{}]*[^a-z_{}][^{}]*)?\}"


def _fields(message: str):
    try:
        return list(Formatter().parse(message))
    except ValueError:
        return None


def validate_rule_message(message: str) -> None:
    parsed = _fields(message)
    if parsed is None:
        raise ValidationError(
            _("提示语中的花括号不成对；要显示花括号本身请写成 {{ 或 }}。"), code="braces"
        )
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if spec or conversion or "." in name or "[" in name:
            raise ValidationError(
                _("提示语中的占位符不能带格式说明、转换或属性、下标：%(field)s")
                % {"field": "{" + name + ("!" + conversion if conversion else "")
                            + (":" + spec if spec else "") + "}"},
                code="format_spec",
            )  # fmt: skip
        if name not in PLACEHOLDERS:
            raise ValidationError(
                _("提示语中有未知的占位符 %(field)s；可用的有：%(known)s。")
                % {"field": "{" + name + "}",
                   "known": "、".join("{" + p + "}" for p in sorted(PLACEHOLDERS))},
                code="unknown_placeholder",
            )  # fmt: skip


def render_rule_message(message: str, values: dict) -> str:
    """The message with its known placeholders filled; never raises, never pads or looks up."""
    parsed = _fields(message)
    if parsed is None:
        return message
    out = []
    for literal, name, _spec, _conversion in parsed:
        out.append(literal)
        if name in PLACEHOLDERS:
            value = values.get(name)
            out.append("" if value is None else str(value))
    return "".join(out)
