"""The words people use in the report text for a figure, kept as data.

"教职工" and "教职员工" both mean the indicator `staff`; "中级职称" in a sentence about the
teachers means the 中级职称 row of the teacher-title data set. The prose checker
(narrative/prose_numbers) reads these phrases to know which stored figure a typed
number such as "中级职称 38 人" speaks of. The label of every indicator is a phrase already;
these are the extra ones. Loaded from fixtures/prose_phrases.json, extended in 学校管理.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProsePhrase(models.Model):
    quantity = models.CharField(
        _("数据"),
        max_length=100,
        help_text=_("指标代码（如 staff）或数据集中的数量（如 teacher_titles.middle）。"),
    )
    phrase = models.CharField(_("正文中的说法"), max_length=40)

    class Meta:
        verbose_name = _("正文说法")
        verbose_name_plural = _("正文说法（数字核对）")
        ordering = ["quantity", "phrase"]
        constraints = [
            models.UniqueConstraint(fields=["quantity", "phrase"], name="prose_phrase_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.phrase} → {self.quantity}"
