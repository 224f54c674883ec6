"""Add, edit, deactivate and delete a region's or a school's own indicators and rules.

Keyword-only, transactional. Codes are checked under one advisory lock, so two owners saving
the same code at once cannot both pass ("unique within what one school sees" spans owners,
which no single index can hold). An edit carries the version of what its form showed
(`reporting.versions`); a save over a newer version is refused, the user's input kept.
History: pghistory's triggers on Indicator and Rule, with the request's user.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from metrics.local_catalog.owners import Owner
from metrics.models import Figure, Indicator, ReportedValue, Rule
from reporting.errors import ReportError
from reporting.models import School
from reporting.versions import fields_version

INDICATOR_FIELDS = ["code", "label", "unit", "kind", "applies_to", "department_code", "formula",
                    "order", "active"]  # fmt: skip
RULE_FIELDS = ["code", "kind", "severity", "message", "params", "applies_to", "department_code",
               "order", "active"]  # fmt: skip
FIELDS = {Indicator: INDICATOR_FIELDS, Rule: RULE_FIELDS}


class CatalogError(ReportError):
    """A refused change, in words for the user; `field` names the form field it concerns."""

    def __init__(self, message: str, *, field: str | None = None, version: str = ""):
        super().__init__(message)
        self.field = field
        self.version = version


def version_of(obj) -> str:
    return fields_version(obj, FIELDS[type(obj)])


def _lock_codes() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext('metrics.catalog.codes'))")


def _locked_row(owner: Owner, model, pk: int, version: str | None):
    row = owner.own(model).select_for_update().filter(pk=pk).first()
    if row is None:
        raise CatalogError(_("该条目已不存在或不属于%(owner)s。") % {"owner": owner.name})
    if version is not None and version != version_of(row):
        raise CatalogError(
            _("未保存：您打开此页后，该条目已被他人修改。您填写的内容仍在下方；"
              "核对当前内容后再次保存，将以您填写的内容为准。"),
            version=version_of(row),
        )  # fmt: skip
    return row


def _validate(row) -> None:
    """The model's own checks (code, owner, references: `clean_owned`), as a CatalogError."""
    if isinstance(row, Indicator) and row.formula == "":
        row.formula = None
    try:
        row.full_clean(exclude=["school", "region", "table", "parent"], validate_unique=False,
                       validate_constraints=False)  # fmt: skip
    except ValidationError as error:
        field, messages = next(iter(error.message_dict.items()))
        field = field if field in FIELDS[type(row)] else None
        raise CatalogError(" ".join(messages), field=field) from None


@transaction.atomic
def save_item(*, owner: Owner, model, pk: int | None, data: dict, version: str | None):
    """Create (pk None) or change one of the owner's indicators or rules from `data` (the
    form's cleaned fields). Returns the row."""
    _lock_codes()
    row = _locked_row(owner, model, pk, version) if pk else model(**owner.fields)
    for name, value in data.items():
        if name in FIELDS[model]:
            setattr(row, name, value)
    _validate(row)
    row.save()
    return row


@transaction.atomic
def set_active(*, owner: Owner, model, pk: int, active: bool, version: str | None):
    """Deactivate (or activate again): a deactivated row leaves the forms, checks and the
    supplementary table; its figures stay."""
    row = _locked_row(owner, model, pk, version)
    row.active = active
    row.save(update_fields=["active"])
    return row


@transaction.atomic
def delete_item(*, owner: Owner, model, pk: int, version: str | None) -> None:
    """Delete a row nothing depends on; an indicator with figures (in any year) is refused."""
    row = _locked_row(owner, model, pk, version)
    if model is Indicator:
        if (
            Figure.objects.filter(indicator=row).exists()
            or ReportedValue.objects.filter(
                quantity=row.code, year__school__in=_schools_seeing(owner)
            ).exists()
        ):
            raise CatalogError(_("该指标已有填报数据，不能删除；可以停用它（数据保留）。"))
        if Indicator.objects.filter(parent=row).exists():
            raise CatalogError(_("该指标还有下级指标，不能删除。"))
    row.delete()


def _schools_seeing(owner: Owner):
    if owner.school:
        return School.objects.filter(pk=owner.school.pk)
    return School.objects.filter(region_id__in=owner.region.with_descendants())
