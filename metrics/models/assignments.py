"""Who fills what, per school: each indicator group and data set belongs to one department.

The catalog names each indicator's group by a code (`Indicator.department_code`, e.g.
"zhaosheng" for 招生就业 rows) and each data set's group likewise (`DataSetSpec.department_code`);
those codes are the template's, shared by every school. A school maps them to its own
departments here, so renaming, merging or reassigning a department never touches the catalog
nor another school. Figures belong to the year, not to a department: reassigning moves no value.
"""

import pghistory
from django.db import models
from django.utils.translation import gettext_lazy as _

from reporting.models import Department, School


# Who changed who fills what, and when (history by triggers, like the figures').
@pghistory.track(
    pghistory.InsertEvent("assignment.added"),
    pghistory.UpdateEvent("assignment.changed"),
    pghistory.DeleteEvent("assignment.removed"),
)
class Assignment(models.Model):
    class Kind(models.TextChoices):
        INDICATORS = "indicators", _("指标组")
        DATASET = "dataset", _("数据表")

    school = models.ForeignKey(
        School, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("学校")
    )
    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    key = models.SlugField(_("代码"), max_length=50)
    department = models.ForeignKey(
        Department, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("部门")
    )

    class Meta:
        verbose_name = _("填报分工")
        verbose_name_plural = _("填报分工")
        constraints = [
            models.UniqueConstraint(fields=["school", "kind", "key"], name="assignment_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.key} → {self.department}"
