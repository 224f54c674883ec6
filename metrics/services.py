"""Workflow steps for figures: keyword-only, transactional, refusing writes to a locked year.

History: every insert/update of a Figure or a data-set row is recorded by PostgreSQL triggers
(django-pghistory, with the request's user attached by its middleware), so no write path escapes
it; `updated_by`/`updated_at` on the row give the "last changed by" shown beside each value.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from metrics.datasets import DATASETS
from metrics.models import Figure, FindingExplanation, Indicator, ReportedValue
from reporting import edit_guard
from reporting.errors import ReportError, YearLocked
from reporting.models import ReportYear, User
from reporting.versions import fingerprint

__all__ = ["FiguresError", "StaleForm", "YearLocked"]


class FiguresError(ReportError):
    """A write refused for a reason the user can act on; the message is for them."""


class StaleForm(FiguresError):
    """The form was based on older data; nothing saved. `stamp` is the current version, so a
    second save made after reading the explanation goes through."""

    def __init__(self, message: str, *, stamp: str):
        super().__init__(message)
        self.stamp = stamp


def check_editable(year: ReportYear, user: User | None, kind: str, key: str) -> None:
    """A department's submitted or approved form is read-only for it until returned."""
    refusal = edit_guard.edit_refusal(year=year, user=user, kind=kind, key=key)
    if refusal:
        raise FiguresError(refusal)


def stamp_of(items: Iterable) -> str:
    """A fingerprint of what a form showed (ids, versions, change times): a later save that
    finds a different fingerprint knows someone else saved in between."""
    parts = sorted(f"{item.pk}:{item.updated_at.isoformat()}" for item in items)
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _check_stamp(expected: str | None, items: Iterable) -> None:
    """Refuse a form whose fingerprint is not that of the rows as stored now. A form always
    sends one (missing is "", which never matches); None is a caller that is not a form (a
    loader, an import), see reporting/versions.py."""
    if expected is None:
        return
    items = list(items)
    current = stamp_of(items)
    if expected == current:
        return
    latest = max(items, key=lambda item: item.updated_at, default=None)
    who = _("其他人")
    if latest is not None and getattr(latest, "updated_by", None) is not None:
        who = latest.updated_by.get_full_name() or latest.updated_by.username
    when = timezone.localtime(latest.updated_at).strftime("%H:%M") if latest else ""
    raise StaleForm(
        _(
            "未保存：您打开此表后，%(who)s 在 %(when)s 修改了其中的数据（或增删了行）。"
            "您填写的内容仍保留在下方，当前保存的数据可刷新页面查看；"
            "核对后再次点击保存，将以您填写的内容为准。"
        )
        % {"who": who, "when": when},
        stamp=current,
    )


def explanation_version(text: str) -> str:
    """Version of a finding's explanation form: the explanation it showed."""
    return fingerprint(text or "")


@transaction.atomic
def set_figures(
    *,
    year: ReportYear,
    user: User | None,
    values: dict[str, Decimal | str | None],
    stamp: str | None = None,
    stamp_codes: Iterable[str] | None = None,
) -> int:
    """Store the typed values of one form (indicator code → value). Returns how many changed.

    `stamp` is the fingerprint of the figures of `stamp_codes` when the form was opened."""
    year = ReportYear.objects.select_for_update().get(pk=year.pk)
    year.ensure_open()
    indicators = _typed_indicators(year, values)
    for department_code in sorted({i.department_code for i in indicators.values()}):
        check_editable(year, user, edit_guard.FIGURES, department_code)
    watched = list(stamp_codes) if stamp_codes is not None else list(values)
    existing = {
        f.indicator.code: f
        for f in Figure.objects.select_for_update()
        .filter(year=year, indicator__code__in=set(watched) | set(values))
        .select_related("indicator")
    }
    _check_stamp(stamp, [existing[c] for c in watched if c in existing])
    return _write(year, user, indicators, existing, values)


def _typed_indicators(year: ReportYear, values) -> dict[str, Indicator]:
    """The indicators of `values` this school types: refuses (nothing written) a code it does
    not see, a computed one, an inactive one and one of the other kind of school (a 中职
    school does not fill a 高职填报 row, whatever the path: form, workbook, import)."""
    school = year.school
    indicators = {
        i.code: i
        for i in Indicator.objects.for_school(year.school_id).filter(
            code__in=list(values), formula__isnull=True, active=True
        )
    }
    unknown = set(values) - set(indicators)
    if unknown:
        raise FiguresError(
            _("以下指标不能直接填写：%(codes)s") % {"codes": "、".join(sorted(unknown))}
        )
    other_kind = sorted(i.label for i in indicators.values() if not i.applies_to_school(school))
    if other_kind:
        raise FiguresError(
            _("%(kind)s不填报以下指标（适用于另一类学校），未保存：%(labels)s")
            % {"kind": school.get_kind_display(), "labels": "、".join(other_kind)}
        )
    return indicators


def _write(year, user, indicators, existing, values) -> int:
    """At most two statements whatever the number of values (one INSERT of the new figures,
    one UPDATE of the changed ones); the history triggers still record every row."""
    created, changed = [], []
    now = timezone.now()  # bulk_update skips auto_now
    for code, value in values.items():
        indicator = indicators[code]
        number = value if indicator.kind != "text" else None
        text = (value or "") if indicator.kind == "text" else ""
        figure = existing.get(code)
        if figure is None:
            if number is None and not text:
                continue
            created.append(
                Figure(
                    year=year, indicator=indicator, kind=indicator.kind, value=number, text=text,
                    updated_by=user,
                )
            )  # fmt: skip
        elif figure.value != number or figure.text != text or figure.kind != indicator.kind:
            figure.value, figure.text, figure.kind = number, text, indicator.kind
            figure.version += 1
            figure.updated_by, figure.updated_at = user, now
            changed.append(figure)
    Figure.objects.bulk_create(created)
    Figure.objects.bulk_update(
        changed, ["value", "text", "kind", "version", "updated_by", "updated_at"]
    )
    return len(created) + len(changed)


@transaction.atomic
def write_figures_unchecked(*, year: ReportYear, values: dict[str, Decimal]) -> int:
    """For the demo loader and imports: store values without a user or a stale check (still
    refusing a locked year)."""
    year.ensure_open()
    indicators = _typed_indicators(year, values)
    existing = {
        f.indicator.code: f for f in Figure.objects.filter(year=year).select_related("indicator")
    }
    return _write(year, None, indicators, existing, values)


@transaction.atomic
def save_rows(*, year: ReportYear, user: User, formset, stamp: str | None) -> None:
    """Save a data-set formset (already valid) as a whole, refusing a stale form.

    The fingerprint covers every row of the set for the year (`rows_stamp`), so a row added,
    changed or removed by someone else since the form was opened is noticed, not lost."""
    year = ReportYear.objects.select_for_update().get(pk=year.pk)
    year.ensure_open()
    model = formset.model
    for key in [k for k, spec in DATASETS.items() if spec.model is model]:
        check_editable(year, user, edit_guard.DATASET, key)
    _check_stamp(stamp, model.objects.select_for_update().filter(year=year))
    try:
        with transaction.atomic():
            _save_formset(year, user, formset)
    except IntegrityError:
        raise FiguresError(
            _("未保存：有与已保存的行重复或相互矛盾的行，请核对后再保存。")
        ) from None


def rows_stamp(model, year: ReportYear) -> str:
    return stamp_of(model.objects.filter(year=year))


def _save_formset(year, user, formset) -> None:
    formset.save(commit=False)  # fills the instances and deleted_objects
    for obj in formset.deleted_objects:
        obj.delete()
    deleted = set(formset.deleted_forms)
    kept = [f for f in formset.forms if f not in deleted and (f.instance.pk or f.has_changed())]
    for position, form in enumerate(kept, start=1):
        instance = form.instance
        if instance.pk and not form.has_changed() and instance.position == position:
            continue  # untouched rows keep who changed them last
        instance.position = position
        instance.year = year
        instance.updated_by = user
        instance.save()


@transaction.atomic
def explain_finding(
    *,
    year: ReportYear,
    user: User,
    rule_code: str,
    subject: str,
    text: str,
    version: str | None = None,
) -> FindingExplanation | None:
    """Keep (or with empty text, remove) the explanation of a finding, refusing a form based
    on another explanation than the stored one."""
    year = ReportYear.objects.select_for_update().get(pk=year.pk)
    year.ensure_open()
    stored = (
        FindingExplanation.objects.select_for_update(of=("self",))
        .filter(year=year, rule_code=rule_code, subject=subject)
        .select_related("updated_by")
        .first()
    )
    if version is not None and version != explanation_version(stored.text if stored else ""):
        who = stored.updated_by.get_full_name() if stored and stored.updated_by else _("其他人")
        raise StaleForm(
            _(
                "说明未保存：您打开本页后，%(who)s 修改了此问题的说明，现为“%(current)s”。"
                "您填写的是“%(typed)s”；请核对后重新保存。"
            )
            % {"who": who, "current": stored.text if stored else "", "typed": text.strip()},
            stamp=explanation_version(stored.text if stored else ""),
        )
    text = text.strip()
    if not text:
        FindingExplanation.objects.filter(year=year, rule_code=rule_code, subject=subject).delete()
        return None
    explanation, _created = FindingExplanation.objects.update_or_create(
        year=year, rule_code=rule_code, subject=subject, defaults={"text": text, "updated_by": user}
    )
    return explanation


@transaction.atomic
def set_reported_value(
    *,
    year: ReportYear,
    user: User | None,
    quantity: str,
    source: str,
    value: Decimal,
    places: int,
    stamp: str | None = None,
    page_quantities: Iterable[str] = (),
    note: str = "",
) -> ReportedValue:
    """Keep the value a derived quantity was reported with elsewhere (one per source).

    `stamp` is the fingerprint of the department page's reported values when it was opened
    (`reported_stamp`); a value added or changed by someone else meanwhile refuses the save."""
    year = ReportYear.objects.select_for_update().get(pk=year.pk)
    year.ensure_open()
    _check_stamp(
        stamp,
        ReportedValue.objects.select_for_update(of=("self",))
        .filter(year=year, quantity__in=list(page_quantities))
        .select_related("updated_by"),
    )
    reported, _created = ReportedValue.objects.update_or_create(
        year=year,
        quantity=quantity,
        source=source,
        defaults={"value": value, "places": places, "note": note.strip(), "updated_by": user},
    )
    return reported


def reported_stamp(year: ReportYear, quantities: Iterable[str]) -> str:
    return stamp_of(ReportedValue.objects.filter(year=year, quantity__in=list(quantities)))


@transaction.atomic
def remove_reported_value(*, year: ReportYear, reported: ReportedValue) -> None:
    year = ReportYear.objects.select_for_update().get(pk=year.pk)
    year.ensure_open()
    reported.delete()
