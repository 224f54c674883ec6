"""Reads a school's assignments (metrics.models.Assignment): which of its departments fills an
indicator group or a data set. Every place that decides who fills what asks this, never the
catalog's group code directly."""

from __future__ import annotations

from metrics.models import Assignment
from reporting.models import Department


class WhoFills:
    """One query per school; codes returned are the school's own department codes."""

    def __init__(self, school):
        self.school = school
        rows = Assignment.objects.filter(school=school).select_related("department")
        self._by_item: dict[tuple[str, str], Department] = {
            (row.kind, row.key): row.department for row in rows
        }

    def group(self, group_code: str) -> Department | None:
        return self._by_item.get((Assignment.Kind.INDICATORS, group_code))

    def dataset(self, key: str) -> Department | None:
        return self._by_item.get((Assignment.Kind.DATASET, key))

    def group_code(self, group_code: str) -> str:
        department = self.group(group_code)
        return department.code if department else ""

    def dataset_code(self, key: str) -> str:
        department = self.dataset(key)
        return department.code if department else ""

    def indicator_code(self, indicator) -> str:
        return self.group_code(indicator.department_code)
