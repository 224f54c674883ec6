"""A year the committee can lock: the demo organisation's 2025 year, every item submitted and
approved and every error finding explained (an almost empty report renders in seconds; the full
sample is in test_triggers)."""

import pytest

from metrics.findings import run_checks
from metrics.services import explain_finding
from reporting.models import ReportYear


def explain_all(year: ReportYear, user) -> None:
    for finding in run_checks(year):
        if finding.blocking:
            explain_finding(
                year=year, user=user, rule_code=finding.rule_code, subject=finding.subject,
                text="口径说明：与样本一致",
            )  # fmt: skip


@pytest.fixture
def lockable(school, year, editor) -> ReportYear:
    from review.demo import complete

    complete(school, year)
    explain_all(year, editor)
    return year


@pytest.fixture
def published(lockable, editor):
    """The year locked by the committee, 第1版 published."""
    from publication.services import lock_year

    lock_year(year=lockable, user=editor, note="编委会审定")
    lockable.refresh_from_db()
    return lockable
