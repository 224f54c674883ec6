"""Review of a year's items: a department's 单项数据, each data set and each section go
草稿 → 已提交 → 已通过 (or back to 草稿 with the committee's comment), plus the year's activity log.

This module and guard.py depend on the organisation only (reporting.models): metrics and the
narrative ask guard.py whether a department may still edit an item, without importing what sits
above them. Items are named by (kind, key): the department code for 单项数据, the data-set key,
the section key (stable across reloads and years), so no foreign key points upwards.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from reporting.models import ReportYear
from reporting.year_lock import RefuseWhenYearLocked


class ReviewItem(models.Model):
    """The review state of one item; an item without a row is a draft never submitted."""

    class Kind(models.TextChoices):
        FIGURES = "figures", _("单项数据")
        DATASET = "data", _("数据集")
        SECTION = "section", _("章节")

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        SUBMITTED = "submitted", _("已提交")
        APPROVED = "approved", _("已通过")

    year = models.ForeignKey(
        ReportYear, on_delete=models.CASCADE, related_name="review_items", verbose_name=_("年度")
    )
    kind = models.CharField(_("类型"), max_length=10, choices=Kind.choices)
    key = models.SlugField(_("标识"), max_length=60)
    status = models.CharField(
        _("状态"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    # Back to 草稿 by the committee: 我的任务 lists it first, with the comment.
    returned = models.BooleanField(_("已退回"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(_("通过时间"), null=True, blank=True)
    # What was approved: a hash of the content, and the content itself to show the difference.
    approved_fingerprint = models.CharField(_("通过时内容指纹"), max_length=64, blank=True)
    approved_content = models.JSONField(_("通过时内容"), null=True, blank=True)

    class Meta:
        verbose_name = _("审核项")
        verbose_name_plural = _("审核项")
        # Reviewing ends with the lock: no submission, return or approval in a locked year.
        triggers = [RefuseWhenYearLocked()]
        constraints = [
            models.UniqueConstraint(fields=["year", "kind", "key"], name="review_item_unique"),
            models.CheckConstraint(
                condition=~Q(status="approved") | ~Q(approved_fingerprint=""),
                name="review_item_approval_has_fingerprint",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(returned=False),
                name="review_item_returned_is_draft",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.key}"


class ReviewComment(models.Model):
    """One message of an item's thread; a return always carries one."""

    item = models.ForeignKey(ReviewItem, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("意见"), max_length=2000)
    is_return = models.BooleanField(_("退回意见"), default=False)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("审核意见")
        verbose_name_plural = _("审核意见")
        ordering = ["item", "created_at", "pk"]
        triggers = [RefuseWhenYearLocked(through="item")]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="review_comment_not_empty"),
        ]

    def __str__(self) -> str:
        return self.text[:40]


class ActivityEntry(models.Model):
    """One line of a year's activity log (提交、退回、通过、锁定、解锁…), written by
    review.activity.log_activity with a dotted action code."""

    year = models.ForeignKey(
        ReportYear, on_delete=models.CASCADE, related_name="activity", verbose_name=_("年度")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("操作人"),
    )
    action = models.CharField(_("操作"), max_length=60)  # "reporting.section.approved"
    item_label = models.CharField(_("对象"), max_length=300, blank=True)
    item_url = models.CharField(_("对象链接"), max_length=300, blank=True)
    message = models.TextField(_("说明"), blank=True)
    created_at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("操作记录")
        verbose_name_plural = _("操作记录")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["year", "-created_at"], name="activity_year_time")]

    def __str__(self) -> str:
        return f"{self.action} {self.item_label}"

    @property
    def verb(self) -> str:
        """The last part of the action code in words ("reporting.section.returned" → 退回)."""
        last = self.action.rsplit(".", 1)[-1]
        return str(ACTION_VERBS.get(last, self.action))


ACTION_VERBS = {
    "submitted": _("提交"),
    "approved": _("通过"),
    "returned": _("退回"),
    "commented": _("意见"),
    "locked": _("锁定"),
    "unlocked": _("解锁"),
    "published": _("发布"),
}
