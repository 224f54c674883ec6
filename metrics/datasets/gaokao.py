"""表1-2 “3+证书”高考成绩统计: candidates and those above the lines, per group and in sum."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics.datasets.cells import h, n, pct_bare, t
from metrics.datasets.spec import DataSetSpec, Derived, share, total
from metrics.models import GaokaoResult

COUNTS = ("candidates", "bachelor_line", "college_line")


def _groups(rows):
    """(group, candidates, bachelor line, college line) per row, then the sum (group "")."""
    groups = [(r.group, r.candidates, r.bachelor_line, r.college_line) for r in rows]
    if rows:
        groups.append(("", *[sum(g[i] for g in groups) for i in (1, 2, 3)]))
    return groups


def derive(rows):
    for group, candidates, bachelor, college in _groups(rows):
        who = group or _("汇总")
        suffix = f".{group}" if group else ""
        yield Derived(
            f"bachelor_rate{suffix}",
            _("%(g)s本科上线率") % {"g": who},
            "percent",
            share(bachelor, candidates),
        )
        yield Derived(
            f"college_rate{suffix}",
            _("%(g)s专科上线率") % {"g": who},
            "percent",
            share(college, candidates),
        )


def aggregates(rows, year):
    return {
        f"gaokao.{name}": total(getattr(r, name) for r in rows) if rows else None for name in COUNTS
    }


def layout(year, rows):
    header = [
        [
            h(_("类别")),
            h(_("总人数")),
            h(_("本科线人数")),
            h(_("专科线人数")),
            h(_("本科上线率%")),
            h(_("专科上线率%")),
        ]
    ]
    rates = SPEC.derived(rows)
    body = []
    for group, candidates, bachelor, college in _groups(rows):
        suffix = f".{group}" if group else ""
        body.append(
            [
                t(group or _("汇总")),
                n(candidates),
                n(bachelor),
                n(college),
                pct_bare(rates[f"bachelor_rate{suffix}"].exact),
                pct_bare(rates[f"college_rate{suffix}"].exact),
            ]
        )
    return header, body


SPEC = DataSetSpec(
    key="gaokao_3plus",
    model=GaokaoResult,
    title=gettext_lazy("“3+证书”高考成绩统计"),
    department_code="zhaosheng",
    fields=("group", *COUNTS),
    layout=layout,
    unit_note=gettext_lazy("（单位：人）"),
    unique_fields=("group",),
    derive=derive,
    aggregates=aggregates,
)
