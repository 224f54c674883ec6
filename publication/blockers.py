"""What keeps a year from being locked, as a list of (message, link) the committee can act on.

Each feature registers a provider: a function (year) -> iterable of Blocker, like the home
page's tasks (reporting/tasks.py). Built in: error findings without an explanation and bound
figures that would print 【缺少数据】; the review feature adds items not yet approved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from metrics.findings import run_checks
from narrative.figures import broken_references
from reporting.models import ReportYear


@dataclass(frozen=True)
class Blocker:
    message: str  # in Chinese, says what to do
    url: str  # where to do it


BlockerProvider = Callable[[ReportYear], Iterable[Blocker]]
_providers: list[BlockerProvider] = []


def register(provider: BlockerProvider) -> BlockerProvider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def lock_blockers(year: ReportYear) -> list[Blocker]:
    """Everything that must be done before `year` can be locked; empty when it can."""
    found: list[Blocker] = []
    for provider in _providers:
        found.extend(provider(year))
    return found


def unexplained_errors(year: ReportYear) -> Iterable[Blocker]:

    page = reverse("metrics:findings", args=[year.school.slug, year.year])
    for finding in run_checks(year):
        if not finding.blocking:
            continue
        codes = sorted(finding.department_codes)
        url = f"{page}?{urlencode({'department': codes[0]})}" if codes else page
        yield Blocker(_("错误未说明：%(message)s") % {"message": finding.message}, url)


def figures_without_value(year: ReportYear) -> Iterable[Blocker]:

    for ref in broken_references(year):
        where = f"{ref.section_number} {ref.section_title}".strip()
        yield Blocker(
            _("正文“%(where)s”会印出【缺少数据】：%(reason)s")
            % {"where": where, "reason": ref.reason},
            ref.url,
        )
