"""The committee opens next year's report.

What carries forward: the outline and who writes each section (copied when the year is created,
narrative/apps.py → outline.create_outline, without text); last year's explanations
of findings are offered again as suggestions on 数据校验 (metrics.findings.run_checks) and last
year's figures stand beside each input of the forms. Nothing else is copied: figures are
entered anew.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from narrative.errors import NarrativeError
from reporting.models import ReportYear

LAST_YEAR = 2100  # the year check constraint of ReportYear


def next_year_number(year: ReportYear) -> int | None:
    """The year the committee may create from this one: only from the school's latest year."""
    latest = ReportYear.objects.filter(school_id=year.school_id).order_by("-year").first()
    if latest is None or latest.pk != year.pk or year.year >= LAST_YEAR:
        return None
    return year.year + 1


def create_next_year(*, year: ReportYear) -> ReportYear:
    number = next_year_number(year)
    if number is None:
        raise NarrativeError(_("只能从最新的报告年度新建下一年度。"))
    try:
        with transaction.atomic():
            return ReportYear.objects.create(school=year.school, year=number)
    except IntegrityError:  # created a moment ago by someone else
        raise NarrativeError(_("%(year)s年度已存在。") % {"year": number}) from None
