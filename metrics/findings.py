"""Consistency checks: the rule catalog (metrics.models.Rule, fixtures/rules.json) applied to a
year's figures, giving findings.

Extension point: another app adds findings of its own with

    from metrics.findings import Finding, register_source

    @register_source
    def broken_references(year) -> Iterable[Finding]: ...

Each source is called with the ReportYear on every check run (the findings page and
`manage.py check_figures`); its findings are listed, filtered and explained like the rules'
own. A source's Finding needs a stable `rule_code` and `subject` (the explanation is stored
under that pair) and may name `forms` as (department code, data-set key or "").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from django.utils.translation import gettext as _

from metrics import computation
from metrics.api import one_read_per_year
from metrics.datasets import DATASETS
from metrics.derived import derived_quantities
from metrics.models import FindingExplanation, Indicator, Rule
from metrics.rule_messages import render_rule_message
from metrics.yeardata import YearData, shown_in_year

# How a finding names a data set's aggregate ("teacher_titles.middle"): from its spec.
AGGREGATE_LABELS = {
    name: label for spec in DATASETS.values() for name, label in spec.aggregate_labels.items()
}


@dataclass(frozen=True)
class Finding:
    rule_code: str
    subject: str
    severity: str  # "error" | "warning"
    message: str
    values: tuple[tuple[str, str], ...] = ()  # (label, display) of the values involved
    # (the school's department code, data-set key or ""); "" as code: nobody assigned
    forms: tuple[tuple[str, str], ...] = ()
    links: tuple[tuple[str, str], ...] = ()  # (url, label) beyond the forms: a section of text
    explanation: str = ""
    explained_by: str = ""
    suggestion: str = ""  # last year's explanation of the same finding, to confirm or rewrite

    @property
    def is_error(self) -> bool:
        return self.severity == Rule.Severity.ERROR

    @property
    def blocking(self) -> bool:
        return self.is_error and not self.explanation

    @property
    def department_codes(self) -> set[str]:
        return {code for code, _key in self.forms if code}

    def line(self) -> str:
        level = _("错误") if self.is_error else _("提示")
        text = f"[{level}] {self.rule_code} {self.subject}: {self.message}"
        if self.explanation:
            return text + _("（说明：%(text)s）") % {"text": self.explanation}
        return text


FindingSource = Callable[[object], Iterable[Finding]]
_sources: list[FindingSource] = []


def register_source(source: FindingSource) -> FindingSource:
    if source not in _sources:
        _sources.append(source)
    return source


class Checker:
    def __init__(self, year, data: YearData | None = None):
        self.year = year
        self.data = data or YearData(year)

    # -- quantities -------------------------------------------------------------------------
    def value(self, expr) -> Decimal | None:
        raw = computation.evaluate(expr, self.data.quantity)
        return None if raw is None else computation.round_half_up(raw, 2)

    def label(self, expr) -> str:
        if isinstance(expr, str):
            name = expr.removeprefix("prev:")
            indicator = self.data.by_code.get(name)
            text = (
                indicator.label.removeprefix("其中：")
                if indicator
                else str(AGGREGATE_LABELS.get(name) or self._data_set_label(name))
            )
            return _("上年%(label)s") % {"label": text} if expr.startswith("prev:") else text
        return _("计算值")

    def _data_set_label(self, name: str) -> str:
        """Users never see internal names: "funding.x" reads as its row of 表6-1's data."""
        key, _dot, code = name.partition(".")
        if key == "funding":
            for row in self.data.rows["funding"]:
                if row.code == code:
                    return _("%(row)s（经费达标情况表）") % {"row": row.indicator}
        spec = DATASETS.get(key)
        return str(spec.title) if spec else name

    def show(self, expr, value) -> str:
        if isinstance(expr, str) and expr in self.data.by_code:
            indicator = self.data.by_code[expr]
            return computation.display(value, indicator.kind, computed=bool(indicator.formula))
        return "" if value is None else computation.plain(value)

    def forms_of(self, *exprs) -> tuple[tuple[str, str], ...]:
        forms: set[tuple[str, str]] = set()
        for name in set().union(*(computation.operands(e) for e in exprs)):
            name = name.removeprefix("prev:")
            indicator = self.data.by_code.get(name)
            if indicator is not None:
                forms.add((self.data.who.indicator_code(indicator), ""))
            elif name.split(".")[0] in DATASETS:
                spec = DATASETS[name.split(".")[0]]
                forms.add((self.data.who.dataset_code(spec.key), spec.key))
        return tuple(sorted(forms))

    def rule_forms(self, rule: Rule) -> tuple[tuple[str, str], ...]:
        """The form a finding links to when its values name none: that of the department the
        rule's group is assigned to, if any (a rule added in 学校管理 may name no group)."""
        code = self.data.who.group_code(rule.department_code) if rule.department_code else ""
        return ((code, ""),) if code else ()

    def finding(self, rule, subject, values, forms, **fmt) -> Finding:
        return Finding(
            rule_code=rule.code,
            subject=subject,
            severity=rule.severity,
            message=render_rule_message(rule.message, fmt),
            values=tuple(values),
            forms=forms or self.rule_forms(rule),
        )

    # -- rule kinds ---------------------------------------------------------------------------
    def run(self, rule: Rule) -> Iterable[Finding]:
        try:
            return list(getattr(self, rule.kind)(rule, rule.params or {}))
        except (KeyError, TypeError, ValueError, ArithmeticError):
            # A rule added in 学校管理 with parameters its kind cannot use (a missing "a",
            # a number where a list belongs): the page says so and checks every other rule.
            message = _("校验规则“%(code)s”的参数不完整或有误，未能检查；请在学校管理中修改。")
            return [Finding(rule_code=rule.code, subject="", severity=Rule.Severity.WARNING,
                            message=message % {"code": rule.code},
                            forms=self.rule_forms(rule))]  # fmt: skip

    def parts_sum_to_total(self, rule, p):
        total, parts = self.value(p["total"]), [self.value(e) for e in p["parts"]]
        if total is None or all(v is None for v in parts):
            return
        parts_sum = sum(v for v in parts if v is not None)
        if parts_sum != total:
            values = [(self.label(p["total"]), self.show(p["total"], total))]
            values += [
                (self.label(e), self.show(e, v)) for e, v in zip(p["parts"], parts, strict=True)
            ]
            yield self.finding(
                rule, "", values, self.forms_of(p["total"], *p["parts"]),
                total=self.show(p["total"], total), parts=computation.plain(parts_sum),
            )  # fmt: skip

    def same_quantity_agrees(self, rule, p):
        a, b = self.value(p["a"]), self.value(p["b"])
        if a is None or b is None:
            return
        tolerance = Decimal(str(p.get("tolerance_percent", 0)))
        if abs(a - b) <= abs(b) * tolerance / 100:
            return
        values = [
            (self.label(p["a"]), self.show(p["a"], a)),
            (self.label(p["b"]), self.show(p["b"], b)),
        ]
        yield self.finding(
            rule, "", values, self.forms_of(p["a"], p["b"]),
            a=self.show(p["a"], a), b=self.show(p["b"], b), tolerance=tolerance,
        )  # fmt: skip

    def count_within_population(self, rule, p):
        count, population = self.value(p["count"]), self.value(p["population"])
        if count is None or population is None or count <= population:
            return
        values = [(self.label(p["count"]), self.show(p["count"], count))]
        values.append((self.label(p["population"]), self.show(p["population"], population)))
        yield self.finding(
            rule, "", values, self.forms_of(p["count"], p["population"]),
            a=self.show(p["count"], count), b=self.show(p["population"], population),
        )  # fmt: skip

    def change_from_previous_year(self, rule, p):
        if "by_kind" in p:
            yield from self._catalog_changes(rule, p)
            return
        current, previous = self.value(p["current"]), self.value(p["previous"])
        change = computation.growth(current, previous)
        threshold = Decimal(str(p.get("threshold_percent", 20)))
        if change is None or abs(change) <= threshold:
            return
        values = [(self.label(p["current"]), self.show(p["current"], current))]
        values.append((self.label(p["previous"]), computation.plain(previous)))
        yield self.finding(
            rule, "", values, self.forms_of(p["current"], p["previous"]),
            a=self.show(p["current"], current), b=computation.plain(previous),
            change=f"{change:+}", threshold=threshold,
        )  # fmt: skip

    def _catalog_changes(self, rule, p):
        """Every figure of the catalog against last year's, with a limit per kind of indicator:
        counts, amounts and ratios in percent of last year, percentages in points."""
        previous = self.data.previous_data
        if previous is None:
            return
        limits = {kind: Decimal(str(limit)) for kind, limit in p["by_kind"].items()}
        skip = set(p.get("skip", ()))
        school = self.year.school
        for item in self.data.indicators:
            limit = limits.get(item.kind)
            if limit is None or item.code in skip or not item.applies_to_school(school):
                continue
            current, before = self.data.quantity(item.code), previous.quantity(item.code)
            if current is None or before is None:
                continue
            if item.kind == Indicator.Kind.PERCENT:
                change = computation.round_half_up(current - before, 2)
                text = _("%(n)s 个百分点") % {"n": f"{change:+}"}
                limit_text = _("%(n)s 个百分点") % {"n": limit}
            else:
                change = computation.growth(current, before, 1)
                text, limit_text = f"{change:+}%" if change is not None else "", f"{limit}%"
            if change is None or abs(change) <= limit:
                continue
            values = [(item.label, self.show(item.code, current))]
            values.append(
                (_("上年%(label)s") % {"label": item.label}, self.show(item.code, before))
            )
            yield self.finding(
                rule, item.code, values, self.forms_of(item.code),
                label=item.label.removeprefix("其中："), a=values[0][1], b=values[1][1],
                change=text, threshold=limit_text,
            )  # fmt: skip

    def sub_item_not_above_parent(self, rule, p):
        school = self.year.school
        for item in self.data.indicators:
            parent = self.data.by_id.get(item.parent_id)
            if parent is None or item.unit != parent.unit or item.kind == "text":
                continue
            if not (item.applies_to_school(school) and parent.applies_to_school(school)):
                continue
            child_value, parent_value = (
                self.data.quantity(item.code),
                self.data.quantity(parent.code),
            )
            if child_value is None or parent_value is None or child_value <= parent_value:
                continue
            values = [(item.label, self.show(item.code, child_value))]
            values.append((parent.label, self.show(parent.code, parent_value)))
            yield self.finding(
                rule, item.code, values, self.forms_of(item.code, parent.code),
                label=item.label.removeprefix("其中："), parent_label=parent.label,
                a=values[0][1], b=values[1][1],
            )  # fmt: skip

    def percent_in_range(self, rule, p):
        for item in self.data.indicators:
            if item.kind != Indicator.Kind.PERCENT:
                continue
            value = self.data.quantity(item.code)
            if value is None or 0 <= value <= 100:
                continue
            shown = self.show(item.code, value)
            yield self.finding(
                rule, item.code, [(item.label, shown)], self.forms_of(item.code),
                label=item.label, a=shown,
            )  # fmt: skip

    def computed_matches_reported(self, rule, p):
        """Each reported value of a derived quantity against its computed value, compared at
        the reported precision (metrics/derived.py)."""
        quantities = derived_quantities(self.data)
        for reported in self.data.reported_values:
            quantity = quantities.get(reported.quantity)
            if quantity is None or quantity.agrees(reported.value, reported.places) is not False:
                continue
            source = reported.get_source_display()
            shown = quantity.shown(reported.value, reported.places)
            computed = quantity.shown(quantity.value)
            places = quantity.precision(reported.places)
            at_precision = quantity.shown(quantity.exact, places)
            values = [(_("计算值"), computed), (source, shown)]
            forms = (*self.forms_of(*quantity.operands), (quantity.department_code, "reported"))
            yield self.finding(
                rule, f"{reported.quantity}@{reported.source}", values, forms,
                label=quantity.label, computed=computed, reported=shown, source=source,
                rounded=at_precision,
            )  # fmt: skip

    def required_for_kind_missing(self, rule, p):
        school = self.year.school
        for item in self.data.indicators:
            # Rows that print: the official tables' and the supplementary table's (local).
            printed = item.table_id is not None or not item.is_national
            if not printed or item.formula or not item.applies_to_school(school):
                continue
            if self.data.stored(item.code) is None:
                yield self.finding(
                    rule, item.code, [(item.label, "")], self.forms_of(item.code),
                    label=item.label.removeprefix("其中："),
                )  # fmt: skip


def run_checks(year, data: YearData | None = None) -> list[Finding]:
    """Every finding of the year, errors first, with the stored explanations attached."""
    checker = Checker(year, data)
    found: list[Finding] = []
    school = year.school
    # The rules and every registered source (the prose check, bound figures) read one snapshot.
    with one_read_per_year({year.pk: checker.data}):
        for rule in Rule.objects.for_school(year.school_id).filter(active=True):
            # A rule for the other kind of school (中职/高职) is not this school's check.
            if rule.applies_to_school(school) and shown_in_year(rule, year):
                found.extend(checker.run(rule))
        for source in _sources:
            found.extend(source(year))
    explanations = {
        (e.rule_code, e.subject): e
        for e in FindingExplanation.objects.filter(year=year).select_related("updated_by")
    }
    previous = year.previous()
    suggestions = {
        (rule_code, subject): text
        for rule_code, subject, text in FindingExplanation.objects.filter(
            year=previous
        ).values_list("rule_code", "subject", "text")
    }
    out = []
    for finding in found:
        explanation = explanations.get((finding.rule_code, finding.subject))
        if explanation is not None:
            by = explanation.updated_by.get_full_name() if explanation.updated_by else ""
            finding = replace(finding, explanation=explanation.text, explained_by=by)
        else:
            suggestion = suggestions.get((finding.rule_code, finding.subject), "")
            finding = replace(finding, suggestion=suggestion)
        out.append(finding)
    out.sort(key=lambda f: (not f.is_error, f.rule_code, f.subject))
    return out
