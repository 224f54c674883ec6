"""generate_region: invented schools whose figures agree with every rule, except the planted
contradictions, which the checks find one by one."""

import io

from django.core.management import call_command

from metrics.findings import run_checks
from regions.synthetic import PLANTED_RULE
from reporting.models import ReportYear, School


def test_generated_schools_are_consistent_except_the_planted_contradictions(db):
    out = io.StringIO()
    call_command("generate_region", schools=6, years=2, contradictions=0.4, seed=3, stdout=out)
    planted = int(out.getvalue().split("个学校年度有一处故意矛盾")[0].rsplit("；", 1)[-1])
    findings = [
        f for year in ReportYear.objects.filter(school__slug__startswith="gen-")
        for f in run_checks(year)
    ]  # fmt: skip
    assert planted > 0
    assert [f.rule_code for f in findings] == [PLANTED_RULE] * planted
    assert all("示例" in name for name in School.objects.values_list("name", flat=True))
    assert ReportYear.objects.filter(school__slug__startswith="gen-", status="locked").count() == 6
