"""History people can read: the pghistory events the database triggers already recorded,
turned into who, when, what and old → new (text as changed lines). Nothing is recorded here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.apps import apps
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets import DATASETS
from metrics.entry import typed_indicators
from metrics.models import Figure, FindingExplanation, ReportedValue
from narrative.models import Block, Section
from reporting.models import User
from review.diff import Change, line_changes, plain_lines
from review.models import ReviewItem

# Bookkeeping columns nobody needs to read in a history.
SKIPPED = {
    "id", "year", "updated_at", "updated_by", "version", "position", "section", "case",
    "photo", "parent", "indicator", "kind", "uploaded_by", "grid",
}  # fmt: skip
ACTIONS = {
    "added": gettext_lazy("新增"),
    "changed": gettext_lazy("修改"),
    "removed": gettext_lazy("删除"),
}


@dataclass
class Entry:
    when: datetime
    who: str
    what: str
    action: str
    changes: list[Change] = field(default_factory=list)  # field or line: old → new


def _action(label: str) -> str:
    if label.endswith(("added", "insert")):
        return "added"
    if label.endswith(("removed", "delete")):
        return "removed"
    return "changed"


def _show(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return _("是") if value else _("否")
    text = str(value)
    # Decimal columns keep four places; print what was typed.
    if "." in text and text.replace(".", "").replace("-", "").isdigit():
        text = text.rstrip("0").rstrip(".")
    return text


def _field_changes(model, old, new, text_fields=()) -> list[Change]:
    changes = []
    for f in model._meta.concrete_fields:
        if f.name.startswith("pgh_") or f.name in SKIPPED:
            continue
        before = _show(getattr(old, f.attname)) if old is not None else ""
        after = _show(getattr(new, f.attname)) if new is not None else ""
        if before == after:
            continue
        if f.name in text_fields:
            changes += line_changes(plain_lines(before), plain_lines(after))
        else:
            name = str(f.verbose_name)
            changes.append(
                Change(
                    old=f"{name}：{before}" if before else "",
                    new=f"{name}：{after}" if after else "",
                )
            )
    return changes


def read_events(events, describe, *, text_fields=()) -> list[Entry]:
    """Entries of an event queryset, newest first. `describe(event)` names the object."""
    events = list(events.select_related("pgh_context").order_by("pgh_obj_id", "pgh_id"))
    user_ids = set()
    for event in events:
        metadata = event.pgh_context.metadata if event.pgh_context else {}
        if metadata.get("user"):
            user_ids.add(metadata["user"])
        if getattr(event, "updated_by_id", None):
            user_ids.add(event.updated_by_id)
    names = {u.pk: u.get_full_name() or u.username for u in User.objects.filter(pk__in=user_ids)}
    entries, previous = [], {}
    for event in events:
        action = _action(event.pgh_label)
        before = previous.get(event.pgh_obj_id)
        if action == "removed":
            changes = _field_changes(type(event), event, None, text_fields)
        else:
            changes = _field_changes(type(event), before, event, text_fields)
            previous[event.pgh_obj_id] = event
        if action == "changed" and not changes:
            continue  # a save that changed only bookkeeping (version, position)
        metadata = event.pgh_context.metadata if event.pgh_context else {}
        who_id = metadata.get("user") or getattr(event, "updated_by_id", None)
        entries.append(
            Entry(
                when=event.pgh_created_at,
                who=names.get(who_id, _("系统")),
                what=describe(event),
                action=str(ACTIONS[action]),
                changes=changes,
            )
        )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def event_model(model):
    return apps.get_model(model._meta.app_label, f"{model.__name__}Event")


def item_history(item, indicator: str = "") -> list[Entry]:
    """The history of a review item; for 单项数据 optionally of one indicator only."""

    if item.kind == ReviewItem.Kind.FIGURES:
        data = item.reader.data
        typed = {i.pk: i for i in typed_indicators(data, item.department)}
        wanted = [pk for pk, i in typed.items() if not indicator or i.code == indicator]
        events = event_model(Figure).objects.filter(year=item.year, indicator_id__in=wanted)
        return read_events(events, lambda e: typed[e.indicator_id].label)
    if item.kind == ReviewItem.Kind.DATASET:
        spec = DATASETS[item.key]
        first = spec.fields[0]
        events = event_model(spec.model).objects.filter(year=item.year)
        return read_events(events, lambda e: _("行：%(name)s") % {"name": _show(getattr(e, first))})
    section = item.section
    entries = read_events(
        event_model(Section).objects.filter(pgh_obj_id=section.pk),
        lambda e: _("章节“%(title)s”") % {"title": e.title},
    )
    entries += read_events(
        event_model(Block).objects.filter(section_id=section.pk),
        lambda e: (
            Block.Kind(e.kind).label + (f"“{e.caption or e.title}”" if e.caption or e.title else "")
        ),
        text_fields=("body",),
    )
    entries.sort(key=lambda e: e.when, reverse=True)
    return entries


def reported_history(year, quantities: dict) -> list[Entry]:
    """Reported values of the given derived quantities (name → quantity with a label)."""

    events = event_model(ReportedValue).objects.filter(year=year, quantity__in=list(quantities))
    return read_events(events, lambda e: f"{getattr(quantities[e.quantity], 'label', e.quantity)}")


def explanation_history(year) -> list[Entry]:

    events = event_model(FindingExplanation).objects.filter(year=year)
    return read_events(events, lambda e: f"{e.rule_code} {e.subject}".strip())
