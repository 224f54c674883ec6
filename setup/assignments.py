"""The page 填报分工 (who fills what): every indicator group, data set and section of the
current year with the department it belongs to, and saving a whole page of changes at once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _

from metrics.api import group_label
from metrics.datasets import DATASETS
from metrics.models import Assignment, Indicator
from narrative import outline
from narrative.models import Section
from narrative.numbering import build_outline
from reporting.models import Department, School
from setup import services, template


@dataclass
class Item:
    field: str
    kind: str  # Assignment.Kind or "section"
    key: str
    label: str
    detail: str
    current: Department | None
    section: Section | None = None
    level: int = 1


def items(school: School, year) -> list[Item]:
    owners = {
        (a.kind, a.key): a.department
        for a in Assignment.objects.filter(school=school).select_related("department")
    }
    labels = template.group_labels()
    counts: dict[str, Counter] = {}
    for indicator in (
        Indicator.objects.for_school(school).select_related("table").order_by("order", "pk")
    ):
        counts.setdefault(indicator.department_code, Counter())[group_label(indicator)] += 1
    out = []
    for code, by_table in counts.items():
        detail = "、".join(_("%(t)s %(n)s项") % {"t": t, "n": n} for t, n in by_table.items())
        kind = Assignment.Kind.INDICATORS
        out.append(Item(f"{kind}:{code}", kind, code, labels.get(code, code), detail,
                        owners.get((kind, code))))  # fmt: skip
    for key, spec in DATASETS.items():
        kind = Assignment.Kind.DATASET
        out.append(Item(f"{kind}:{key}", kind, key, str(spec.title), _("正文数据表"),
                        owners.get((kind, key))))  # fmt: skip
    if year is not None:
        for node in build_outline(year, with_blocks=False).walk():
            section = node.section
            if section.kind == Section.Kind.APPENDIX:
                continue
            out.append(Item(f"section:{section.pk}", "section", section.key,
                            f"{node.number} {section.title}".strip(), _("报告章节"),
                            section.department, section, node.level))  # fmt: skip
    return out


class AssignmentsForm(forms.Form):
    def __init__(self, *args, school: School, items: list[Item], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        departments = school.departments.all()
        for item in items:
            self.fields[item.field] = forms.ModelChoiceField(
                queryset=departments, required=False, label=item.label,
                initial=item.current.pk if item.current else None,
                empty_label=_("（无人负责）") if item.section is None else _("（随上级章节）"),
            )  # fmt: skip

    def rows(self):
        return [(item, self[item.field]) for item in self.items]


@transaction.atomic
def save(*, school: School, form: AssignmentsForm) -> int:
    """Apply every changed row; returns how many changed. Values and history stay put."""
    changed = 0
    for item in form.items:
        department = form.cleaned_data.get(item.field)
        if department == item.current:
            continue
        changed += 1
        if item.section is not None:
            # A locked year refuses (YearLocked): the whole page is rolled back.
            outline.update_section(
                section=item.section, title=item.section.title, department=department
            )
        elif department is None:
            Assignment.objects.filter(school=school, kind=item.kind, key=item.key).delete()
        else:
            services.assign(school=school, kind=item.kind, key=item.key, department=department)
    return changed
