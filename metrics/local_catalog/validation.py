"""Formulas and rule parameters of local rows: well formed, and reading only what the owner
sees (national indicators, those of the regions above it, its own) or data-set totals."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from metrics.datasets import DATASETS

BINARY = ("ratio", "percent")
OF = ("sum", "count")
ARGS = ("add", "sub", "mul", "div")
# Aggregates are named after their data set ("progression.total"); 表1-2's are "gaokao.…".
AGGREGATE_PREFIXES = frozenset(DATASETS) | {"gaokao"}
# The expressions each rule kind reads (a list: several expressions).
RULE_EXPRESSIONS = {
    "parts_sum_to_total": {"total": False, "parts": True},
    "same_quantity_agrees": {"a": False, "b": False},
    "count_within_population": {"count": False, "population": False},
    "change_from_previous_year": {"current": False, "previous": False},
}
RULE_NUMBERS = ("tolerance_percent", "threshold_percent")


def check_expression(expr, visible: set[str], *, own_code: str = "", depth: int = 0) -> None:
    """Raise ValidationError (Chinese) for a malformed formula or a name the owner cannot see."""
    if depth > 20:
        raise ValidationError(_("公式嵌套过深。"))
    if isinstance(expr, bool) or expr is None:
        raise ValidationError(_("公式中不能有空值或布尔值。"))
    if isinstance(expr, int | float | Decimal):
        return
    if isinstance(expr, str):
        _check_name(expr, visible, own_code)
        return
    if not isinstance(expr, dict):
        raise ValidationError(_('公式必须是指标代码、数字或 {"op": …} 对象。'))
    op = expr.get("op")
    if op in BINARY:
        parts = [expr.get("num"), expr.get("den")]
    elif op in OF:
        parts = [expr.get("of")]
    elif op in ARGS:
        parts = expr.get("args")
        if not isinstance(parts, list) or len(parts) < 2:
            raise ValidationError(_("运算 %(op)s 需要至少两个参数（args）。") % {"op": op})
    else:
        raise ValidationError(
            _("未知的运算“%(op)s”；可用：%(known)s。")
            % {"op": op, "known": "、".join((*BINARY, *OF, *ARGS))}
        )
    for part in parts:
        check_expression(part, visible, own_code=own_code, depth=depth + 1)


def _check_name(name: str, visible: set[str], own_code: str) -> None:
    code = name.removeprefix("prev:")
    if code == own_code and own_code:
        raise ValidationError(_("公式不能引用指标自身（%(code)s）。") % {"code": code})
    if code in visible:
        return
    if "." in code and code.split(".", 1)[0] in AGGREGATE_PREFIXES:
        return
    raise ValidationError(
        _(
            "“%(code)s”不是本校（本地区）可见的指标代码或数据表合计；只能引用全国指标和本级补充的指标。"
        )
        % {"code": name}
    )


def check_rule_params(kind: str, params, visible: set[str]) -> None:
    if not isinstance(params, dict):
        raise ValidationError(_('参数必须是 JSON 对象，例如 {"a": "students", "b": 100}。'))
    for key, is_list in RULE_EXPRESSIONS.get(kind, {}).items():
        if key not in params:
            raise ValidationError(_("此类规则需要参数“%(key)s”。") % {"key": key})
        value = params[key]
        if is_list:
            if not isinstance(value, list) or not value:
                raise ValidationError(_("参数“%(key)s”必须是非空列表。") % {"key": key})
            for item in value:
                check_expression(item, visible)
        else:
            check_expression(value, visible)
    for key in RULE_NUMBERS:
        if key in params and (
            isinstance(params[key], bool) or not isinstance(params[key], int | float)
        ):
            raise ValidationError(_("参数“%(key)s”必须是数字。") % {"key": key})
    if "by_kind" in params:
        raise ValidationError(_("按指标类型检查全部指标（by_kind）只用于全国规则。"))


def check_owned_references(owner, row, field: str) -> None:
    """A local indicator's formula or a local rule's parameters, as a field error."""
    from metrics.models import Indicator

    visible = set(owner.visible(Indicator).values_list("code", flat=True))
    try:
        if field == "formula":
            if row.formula not in (None, ""):
                check_expression(row.formula, visible, own_code=row.code)
        else:
            check_rule_params(row.kind, row.params, visible)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None
