"""表6-6 专任教师职称结构分布: full-time teachers by title level, with their shares."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from metrics import computation
from metrics.datasets.cells import h, n, pct_bare, t
from metrics.datasets.spec import DataSetSpec, Derived, Quoted, dec, share
from metrics.models import TeacherTitleRow

LEVELS = TeacherTitleRow.Level


def _sorted(rows):
    order = {level: i for i, level in enumerate(LEVELS.values)}
    return sorted(rows, key=lambda r: order[r.level])


def derive(rows):
    count = sum(r.count for r in rows)
    for row in rows:
        yield Derived(
            f"share.{row.level}",
            _("%(n)s占比") % {"n": LEVELS(row.level).label},
            "percent",
            share(row.count, count),
        )
    if rows:
        yield Derived("total", _("合计人数"), "count", dec(count))


def aggregates(rows, year):
    counts = {row.level: row.count for row in rows}
    out = {f"teacher_titles.{level}": dec(counts.get(level)) for level in LEVELS.values}
    out["teacher_titles.total"] = dec(sum(counts.values())) if counts else None
    return out


def quoted(rows):
    """Each level's count and share, as a sentence of 6.3.6 quotes them."""
    counts = {row.level: row.count for row in rows}
    derived = SPEC.derived(rows)
    for level, name in LEVELS.choices:
        count = counts.get(level)
        yield Quoted(
            level,
            _("%(name)s专任教师数（%(table)s）") % {"name": name, "table": SPEC.title},
            "人",
            "count",
            dec(count),
            "" if count is None else f"{count} 人",
        )
        exact = derived[f"share.{level}"].exact if f"share.{level}" in derived else None
        shown = computation.display(exact, "percent", computed=True)
        yield Quoted(
            f"share.{level}",
            _("%(name)s占比（%(table)s）") % {"name": name, "table": SPEC.title},
            "%",
            "percent",
            exact,
            f"{shown}%" if shown else "",
        )


def layout(year, rows):
    header = [[h(_("职称等级")), h(_("人数（人）")), h(_("占比（%）"))]]
    derived = SPEC.derived(rows)
    body = [
        [t(r.get_level_display()), n(r.count), pct_bare(derived[f"share.{r.level}"].exact)]
        for r in _sorted(rows)
    ]
    if rows:
        count = int(derived["total"].exact)
        body.append([t(_("合计")), n(count), pct_bare(share(count, count))])
    return header, body


SPEC = DataSetSpec(
    key="teacher_titles",
    model=TeacherTitleRow,
    title=gettext_lazy("专任教师职称结构分布"),
    department_code="renshi",
    fields=("level", "count"),
    layout=layout,
    unique_fields=("level",),
    derive=derive,
    aggregates=aggregates,
    aggregate_labels={
        "teacher_titles.senior": gettext_lazy("高级职称专任教师数（表6-6）"),
        "teacher_titles.middle": gettext_lazy("中级职称专任教师数（表6-6）"),
        "teacher_titles.junior": gettext_lazy("初级及以下专任教师数（表6-6）"),
        "teacher_titles.total": gettext_lazy("职称结构合计（表6-6）"),
    },
    quoted=quoted,
)
