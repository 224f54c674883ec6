"""Load the indicator catalog and the rule catalog from fixtures/ (idempotent).

fixtures/indicators.json holds every row of 附件 表1–表5 as printed in the 2025 sample (from
../shared/reference/appendix-indicators-2025.json) with a stable code, the 其中 parent, the
school kind it applies to, its value kind, its formula when computed and the owning department
code; then the single figures the narrative quotes. fixtures/rules.json holds the consistency
rules; fixtures/prose_phrases.json the words the text uses for figures. Rows the administrator
added in the admin are left alone; rows of the fixtures are
brought back to the fixture's wording.

Runs from the data migration (with historical models) and from `manage.py load_catalog`.
"""

import json
from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def read_fixture(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def load_catalog(apps=django_apps) -> int:
    """Create or update tables, indicators and rules; returns the number of indicators."""
    AppendixTable = apps.get_model("metrics", "AppendixTable")
    Indicator = apps.get_model("metrics", "Indicator")
    Rule = apps.get_model("metrics", "Rule")

    data = read_fixture("indicators.json")
    tables = {}
    for table in data["tables"]:
        tables[table["number"]], _ = AppendixTable.objects.update_or_create(
            number=table["number"], defaults={"title": table["title"]}
        )
    by_code = {}
    for row in data["indicators"]:
        defaults = {
            "table": tables.get(row["table"]),
            "seq": row["seq"],
            "label": row["label"],
            "unit": row["unit"],
            "level": row["level"],
            "order": row["order"],
            "applies_to": row["applies_to"],
            "kind": row["kind"],
            "formula": row["formula"],
            "department_code": row["department"],
            "second_unit": row["second_unit"],
        }
        by_code[row["code"]], _ = _national(Indicator).update_or_create(
            code=row["code"], defaults=defaults
        )
    for row in data["indicators"]:
        parent = by_code[row["parent"]] if row["parent"] else None
        indicator = by_code[row["code"]]
        if indicator.parent_id != (parent.pk if parent else None):
            indicator.parent = parent
            indicator.save(update_fields=["parent"])

    for order, rule in enumerate(read_fixture("rules.json")["rules"], start=1):
        _national(Rule).update_or_create(
            code=rule["code"],
            defaults={
                "kind": rule["kind"],
                "severity": rule["severity"],
                "message": rule["message"],
                "params": rule["params"],
                "department_code": rule.get("department_code", ""),
                "order": order * 10,
            },
        )
    load_phrases(apps)
    return len(by_code)


def _national(model):
    """The national rows (no owner); an early migration's historical model has no owner."""
    names = {field.name for field in model._meta.get_fields()}
    return model.objects.filter(
        **{f"{f}__isnull": True for f in ("school", "region") if f in names}
    )


def load_phrases(apps=django_apps) -> None:
    """fixtures/prose_phrases.json: add the fixture's phrases; the administrator's stay."""
    try:
        ProsePhrase = apps.get_model("metrics", "ProsePhrase")
    except LookupError:  # an early migration's historical models: the table comes later
        return
    for quantity, phrases in read_fixture("prose_phrases.json")["phrases"].items():
        for phrase in phrases:
            ProsePhrase.objects.get_or_create(quantity=quantity, phrase=phrase)
