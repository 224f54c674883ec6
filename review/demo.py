"""The demo year's review state, made through the review services so the activity log reads
as it would in real use. Idempotent: the year's review state is rebuilt from scratch.

- `load`: 2025 in review: 财务科 approved, 人事科 submitted (waiting for the committee),
  招生就业办's 单项数据 returned with a comment and its other items submitted, 教务处's
  sections submitted, the rest drafts; three error findings explained.
- `complete`: every item submitted and approved, every error finding explained (the state
  `load_demo --published` locks).
"""

from __future__ import annotations

import datetime

from django.db import transaction

from metrics.findings import run_checks
from metrics.models import FindingExplanation
from metrics.services import explain_finding
from reporting.models import ReportYear, School, User
from review import services
from review.items import Item, year_items
from review.models import ActivityEntry, ReviewItem

RETURN_COMMENT = (
    "表1“升学人数”（58人）与升学情况表本年升学总人数（130人）不一致，请核对口径后重新提交。"
)

# (rule code, subject) → why the sample's contradiction stands, as a department would write it.
EXPLANATIONS = {
    ("teacher-titles-sum", ""): "职称结构表含 1 名退休返聘教师，专任教师总数不含，口径不同。",
    ("appropriation-agrees", ""): "正文 658 万元为当年到账数，经费表 677 万元含年末追加拨款。",
    (
        "sub-items-within-parent",
        "internship_insurance",
    ): "实习责任保险由学校公用经费列支，未列入实习专项经费。",
}
GENERIC = {
    "computed-matches-reported": (
        "已发布的报告按当时口径印出；本年度报告以按本年数据计算的数值为准。"
    ),
    "required-rows": "本校当年未单独统计该项，已在报告说明中注明。",
}
FALLBACK = "与相关部门核对后确认：两处数据统计口径不同，保留原数据并在报告中说明。"


def _heads(year: ReportYear) -> dict[int, User]:
    heads = User.objects.filter(school=year.school, role=User.Role.DEPARTMENT_HEAD)
    return {head.department_id: head for head in heads}


def _editor(year: ReportYear) -> User:
    return User.objects.filter(school=year.school, role=User.Role.EDITOR).order_by("pk").first()


def _reset(year: ReportYear) -> None:
    ReviewItem.objects.filter(year=year).delete()
    ActivityEntry.objects.filter(year=year).delete()
    FindingExplanation.objects.filter(year=year).delete()


def _submit(items: list[Item], heads: dict[int, User]) -> None:
    for item in items:
        if item.state in ("draft", "returned"):
            services.submit_item(item=item, user=heads[item.department.pk])


def _explain(year: ReportYear, wanted=None) -> None:
    heads = {u.department.code: u for u in _heads(year).values()}
    editor = _editor(year)
    for finding in run_checks(year):
        key = (finding.rule_code, finding.subject)
        if not finding.blocking or (wanted is not None and key not in wanted):
            continue
        text = EXPLANATIONS.get(key) or GENERIC.get(finding.rule_code, FALLBACK)
        codes = sorted(finding.department_codes & set(heads))
        user = heads[codes[0]] if codes else editor
        explain_finding(
            year=year, user=user, rule_code=finding.rule_code, subject=finding.subject, text=text
        )


# The sample's report was published on 2025-12-23; departments were due a fortnight before.
DUE_DATE = datetime.date(2025, 12, 10)


@transaction.atomic
def load(school: School, year: ReportYear) -> None:
    _reset(year)
    ReportYear.objects.filter(pk=year.pk).update(due_date=DUE_DATE)
    year.due_date = DUE_DATE
    heads, editor = _heads(year), _editor(year)
    items = year_items(year)

    def of(code: str, kind: str | None = None) -> list[Item]:
        return [i for i in items if i.department.code == code and (kind is None or i.kind == kind)]

    _submit(of("caiwu") + of("renshi") + of("zhaosheng") + of("jiaowu", "section"), heads)
    services.approve_items(items=of("caiwu"), user=editor)
    figures = of("zhaosheng", ReviewItem.Kind.FIGURES)
    for item in figures:
        services.return_item(item=item, user=editor, comment=RETURN_COMMENT)
    _explain(year, wanted=set(EXPLANATIONS))


@transaction.atomic
def complete(school: School, year: ReportYear) -> None:
    """Every item approved and every error finding explained: ready to lock."""
    _reset(year)
    items = year_items(year)
    _submit(items, _heads(year))
    services.approve_items(items=items, user=_editor(year))
    _explain(year)
