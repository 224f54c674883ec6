"""Every model whose rows belong to a report year, found by following foreign keys, so a new
table cannot be forgotten by the lock tests."""

from __future__ import annotations

from django.apps import apps
from pghistory.models import Event

from reporting.models import ReportYear

# Year-owned, yet deliberately writable while the year is locked (each with its reason).
EXEMPT = {
    # A request to render a file, not report content: old jobs stay listed and downloadable,
    # and the exports page refuses new jobs for a locked year (its files are the edition).
    "exports.ExportJob",
    # The publication record itself, written by the lock and unlock services; append-only
    # through their own triggers (publication/models.py).
    "publication.Edition",
    "publication.EditionFile",
    "publication.LockEvent",
    # The year's activity log is append-only and records the lock and unlock themselves.
    "review.ActivityEntry",
    # The key figures of a locked year, written by the lock itself (regions/snapshots.py) and
    # only valid for the lock they name: a derived copy for the bureau pages, not content.
    "regions.KeyFigures",
}


def _belongs_to_a_year(model, seen: frozenset = frozenset()) -> bool:
    for field in model._meta.concrete_fields:
        if not (field.many_to_one or field.one_to_one):
            continue
        target = field.related_model
        if target is ReportYear:
            return True
        if (
            target is not model
            and target not in seen
            and _belongs_to_a_year(target, seen | {model})
        ):
            return True
    return False


def year_owned_models() -> list:
    return sorted(
        (
            model
            for model in apps.get_models()
            if model._meta.managed
            and not model._meta.proxy
            and not issubclass(model, Event)  # pghistory's append-only histories
            and model._meta.label not in EXEMPT
            and _belongs_to_a_year(model)
        ),
        key=lambda model: model._meta.label,
    )
