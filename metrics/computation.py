"""Computed figures: the formula language and the ONE rounding rule.

Rounding rule (documented once, used everywhere): a computed value is calculated with full
Decimal precision and rounded once, at the end, ROUND_HALF_UP (四舍五入):
- percentages (占比, 通过率, 比例): 2 decimals, printed with both decimals ("14.29");
- ratios (生师比): 2 decimals, printed "19.65:1";
- counts and sums of counts: whole numbers;
- a body table may print fewer decimals where the sample does (表1-2 上线率, 1 decimal):
  the same rule with `places=1`.
Typed values are printed as entered (trailing zeros dropped): "96.44", "100", "11.256".

Formulas are JSON data on the indicator, e.g.
  {"op": "ratio", "num": "students", "den": "fulltime_teachers"}
  {"op": "percent", "num": "dual_teachers.dual", "den": "fulltime_teachers"}
  {"op": "sum", "of": "teacher_titles.senior"}   {"op": "count", "of": "majors.majors"}
  {"op": "sub" | "add" | "mul" | "div", "args": [expr, expr, …]}
An operand is a quantity name (an indicator code, a data-set aggregate such as
"progression.total", or "prev:<code>" for the previous report year), a number, or a formula.
A missing operand or a zero denominator gives None ("not computable"), never an error.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

Number = Decimal | None
Resolver = Callable[[str], Number]

PERCENT_PLACES = 2
RATIO_PLACES = 2


def round_half_up(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent(num: Number, den: Number, places: int = PERCENT_PLACES) -> Number:
    if num is None or not den:
        return None
    return round_half_up(Decimal(num) * 100 / Decimal(den), places)


def ratio(num: Number, den: Number, places: int = RATIO_PLACES) -> Number:
    if num is None or not den:
        return None
    return round_half_up(Decimal(num) / Decimal(den), places)


def growth(current: Number, previous: Number, places: int = PERCENT_PLACES) -> Number:
    """Change in percent of the previous value: 80 → 90 is 12.50."""
    if current is None or not previous:
        return None
    return round_half_up((Decimal(current) - Decimal(previous)) * 100 / Decimal(previous), places)


def operands(expr) -> set[str]:
    """Every quantity name a formula reads (for dependency checks and the admin)."""
    if isinstance(expr, str):
        return {expr}
    if isinstance(expr, dict):
        names: set[str] = set()
        for key in ("num", "den", "of"):
            if key in expr:
                names |= operands(expr[key])
        for arg in expr.get("args", []):
            names |= operands(arg)
        return names
    return set()


def evaluate(expr, resolve: Resolver) -> Number:
    """The unrounded value of a formula; rounding is done by `finish`."""
    if expr is None:
        return None
    if isinstance(expr, bool):
        raise ValueError("布尔值不能用于公式")
    if isinstance(expr, int | float | Decimal):
        return Decimal(str(expr))
    if isinstance(expr, str):
        return resolve(expr)
    op = expr.get("op")
    if op in ("ratio", "percent"):
        num, den = evaluate(expr["num"], resolve), evaluate(expr["den"], resolve)
        if num is None or not den:
            return None
        return num / den * (100 if op == "percent" else 1)
    if op in ("sum", "count"):
        return evaluate(expr["of"], resolve)
    if op in ("add", "sub", "mul", "div"):
        values = [evaluate(arg, resolve) for arg in expr["args"]]
        if any(value is None for value in values):
            return None
        result = values[0]
        for value in values[1:]:
            if op == "add":
                result += value
            elif op == "sub":
                result -= value
            elif op == "mul":
                result *= value
            elif not value:
                return None
            else:
                result /= value
        return result
    raise ValueError(f"未知的公式运算：{op}")


def finish(value: Number, kind: str) -> Number:
    """Round a computed value by the rule above."""
    if value is None:
        return None
    if kind == "count":
        return round_half_up(value, 0)
    if kind in ("percent", "ratio"):
        return round_half_up(value, PERCENT_PLACES if kind == "percent" else RATIO_PLACES)
    return round_half_up(value, 2)


def plain(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 100.0000 → "100", 11.2560 → "11.256"."""
    try:
        text = format(value.normalize(), "f")
    except InvalidOperation:
        return str(value)
    return text


def display(value, kind: str, *, computed: bool = False) -> str:
    """The printed form of a value, without the unit."""
    if value is None or value == "":
        return ""
    if kind == "text":
        return str(value)
    if kind == "count":
        return str(int(value))
    if kind == "ratio":
        return (
            f"{round_half_up(Decimal(value), RATIO_PLACES)}:1" if computed else f"{plain(value)}:1"
        )
    if kind == "percent" and computed:
        return str(round_half_up(Decimal(value), PERCENT_PLACES))
    return plain(Decimal(value))


def number_format(kind: str, *, computed: bool = False) -> str:
    """The Excel number format matching `display`."""
    return {
        "count": "0",
        "percent": "0.00" if computed else "General",
        "ratio": '0.00":1"',
        "amount": "General",
    }.get(kind, "@")


def python_value(value: Number, kind: str):
    """The API's value type: int for counts, Decimal otherwise."""
    if value is None:
        return None
    if kind == "count":
        return int(value)
    return Decimal(value)
