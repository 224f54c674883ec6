"""The departments template (fixtures/departments.json): the offices a new school starts with,
per school kind, and the default of who fills what. Defaults only: once created, a school's
departments and assignments are its own (学校设置)."""

from __future__ import annotations

import json
from functools import cache

from django.conf import settings
from django.db import transaction

from metrics.datasets import DATASETS
from metrics.models import Assignment
from reporting.models import Department, School

TEMPLATE_FILE = settings.BASE_DIR / "fixtures" / "departments.json"


@cache
def _template() -> dict:
    with open(TEMPLATE_FILE, encoding="utf-8") as handle:
        return json.load(handle)


def group_labels() -> dict[str, str]:
    """Indicator group code (the catalog's department code) → what users call the group."""
    return dict(_template()["groups"])


def departments_for(kind: str) -> list[dict]:
    return list(_template()["kinds"][kind]["departments"])


def section_defaults(kind: str) -> dict[str, str]:
    """Mandated section key → template department code of the department that writes it."""
    return dict(_template()["kinds"][kind]["sections"])


def _default_department_codes(kind: str) -> dict[str, str]:
    """Indicator group code → template department code."""
    return {group: d["code"] for d in departments_for(kind) for group in d["groups"]}


@transaction.atomic
def assign_defaults(school: School) -> int:
    """Give every unassigned group and data set to the school's department that has the
    template's code for it (idempotent: never overrides the school's own choices)."""
    by_code = {d.code: d for d in Department.objects.filter(school=school)}
    owners = _default_department_codes(school.kind)
    items = [(Assignment.Kind.INDICATORS, group, owners.get(group, "")) for group in owners]
    items += [
        (Assignment.Kind.DATASET, key, owners.get(spec.department_code, ""))
        for key, spec in DATASETS.items()
    ]
    created = 0
    for kind, key, code in items:
        if code in by_code:
            _row, made = Assignment.objects.get_or_create(
                school=school, kind=kind, key=key, defaults={"department": by_code[code]}
            )
            created += made
    return created
