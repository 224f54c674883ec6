"""Write a preview's plan through the same services as the entry forms, in one transaction.

The plan travels to the browser and back signed (django.core.signing), so it cannot be altered;
it is still checked against the user and year it was made for, and the services refuse it if
the year was locked or the figures changed since the preview (their fingerprints differ).
"""

from __future__ import annotations

from decimal import Decimal

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _

from metrics import services
from metrics.datasets import DATASETS
from metrics.entry import editable_rows
from metrics.forms import formset_class
from metrics.models import Indicator

SALT = "metrics.workbooks.plan"
MAX_AGE = 6 * 3600


class PlanError(services.FiguresError):
    pass


def sign_plan(plan: dict) -> str:
    return signing.dumps(plan, salt=SALT, compress=True)


def load_plan(token: str, *, year, user) -> dict:
    try:
        plan = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        raise PlanError(_("预览已过期或无效，请重新上传工作簿。")) from None
    if not isinstance(plan, dict) or plan.get("year") != year.pk or plan.get("user") != user.pk:
        raise PlanError(_("预览已过期或无效，请重新上传工作簿。"))
    return plan


@transaction.atomic
def apply_plan(*, year, user, plan: dict) -> int:
    """Write every change of the plan or nothing. Returns how many values and tables changed."""
    figures = plan.get("figures") or {}
    changed = 0
    if figures:
        kinds = dict(
            Indicator.objects.for_school(year.school_id)
            .filter(code__in=list(figures))
            .values_list("code", "kind")
        )
        values = {code: _typed(kinds.get(code), text) for code, text in figures.items()}
        changed += services.set_figures(
            year=year,
            user=user,
            values=values,
            stamp=plan.get("figures_stamp"),
            stamp_codes=list(figures),
        )
    for key, entry in (plan.get("datasets") or {}).items():
        spec = DATASETS[key]
        formset = formset_class(spec)(
            entry["post"], queryset=editable_rows(spec, year), prefix="rows"
        )
        if not formset.is_valid():
            raise PlanError(
                _("“%(title)s”的数据已不符合要求，请重新上传。") % {"title": spec.title}
            )
        services.save_rows(year=year, user=user, formset=formset, stamp=entry["stamp"])
        changed += 1
    return changed


def _typed(kind: str | None, text):
    if text is None or kind == "text":
        return text
    number = Decimal(text)
    return int(number) if kind == "count" else number
