"""Body tables (表1-1 … 表6-8) built from the data sets, laid out as the sample prints them.

Derived cells (totals, 占比, 上线率, 增减, 变化比率, 个数) are computed here by the rounding rule
of metrics/computation.py; only the raw rows are stored.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.translation import gettext as _

from metrics.api import Cell
from metrics.computation import growth, percent, plain, round_half_up
from metrics.models import TeacherTitleRow


def h(text, **kw) -> Cell:
    return Cell(text=str(text), header=True, **kw)


def n(value, fmt="0", suffix="") -> Cell:
    if value is None:
        return Cell(text="")
    text = str(int(value)) if fmt == "0" else plain(Decimal(value))
    return Cell(text=f"{text}{suffix}", value=value, number_format=fmt)


def t(text) -> Cell:
    return Cell(text=str(text or ""))


def pct(value, signed=False, places=1) -> Cell:
    if value is None:
        return Cell(text="")
    sign = "+" if signed and value > 0 else ""
    value = round_half_up(Decimal(value), places)
    return Cell(text=f"{sign}{value}%", value=value, number_format=f'0.{"0" * places}"%"')


def merge_first_column(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Merge equal neighbouring cells of the first column (rowspan), as the sample prints."""
    out: list[list[Cell]] = []
    start = 0
    while start < len(rows):
        end = start + 1
        while end < len(rows) and rows[end][0].text == rows[start][0].text:
            end += 1
        first = rows[start][0]
        out.append([Cell(**{**first.__dict__, "rowspan": end - start}), *rows[start][1:]])
        out.extend(row[1:] for row in rows[start + 1 : end])
        start = end
    return out


def certificates(year, rows):
    kinds = list(dict.fromkeys(row.certificate for row in rows))
    by_year: dict[int, dict[str, Decimal]] = {}
    for row in rows:
        by_year.setdefault(row.school_year, {})[row.certificate] = row.pass_rate
    body = [
        [t(school_year)] + [pct_plain(by_year[school_year].get(kind)) for kind in kinds]
        for school_year in sorted(by_year)
    ]
    return [[h(_("年度")), *[h(kind) for kind in kinds]]], body


def pct_plain(value) -> Cell:
    if value is None:
        return Cell(text="")
    return Cell(text=f"{plain(value)}%", value=value, number_format='0.##"%"')


def gaokao(year, rows):
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

    def line(label, cand, bach, coll):
        return [
            t(label),
            n(cand),
            n(bach),
            n(coll),
            pct_bare(percent(bach, cand, 1)),
            pct_bare(percent(coll, cand, 1)),
        ]

    body = [line(r.group, r.candidates, r.bachelor_line, r.college_line) for r in rows]
    if rows:
        body.append(
            line(
                _("汇总"),
                sum(r.candidates for r in rows),
                sum(r.bachelor_line for r in rows),
                sum(r.college_line for r in rows),
            )
        )
    return header, body


def pct_bare(value) -> Cell:
    if value is None:
        return Cell(text="")
    text = "0" if value == 0 else str(value)
    return Cell(text=text, value=value, number_format="0.0")


def progression(year, rows):
    from metrics.models import ProgressionRow

    labels = [
        str(ProgressionRow._meta.get_field(name).verbose_name) for name in ProgressionRow.ROUTES
    ]
    header = [[h(_("年份")), h(_("升学总人数")), *[h(label) for label in labels]]]
    body = [
        [t(_("%(year)s年") % {"year": r.school_year}), n(r.total)]
        + [n(getattr(r, name)) for name in ProgressionRow.ROUTES]
        for r in rows
    ]
    return header, body


def _amount(value, text, unit):
    if value is None:
        return t(text)
    shown = f"{value:,.2f}".rstrip("0").rstrip(".")
    return Cell(text=f"{shown}{unit}" if unit == "%" else f"{shown} {unit}".strip(), value=value)


def funding(year, rows):
    header = [
        [
            h(_("维度")),
            h(_("关键指标")),
            h(_("%(year)s学年实际达成值") % {"year": year.year - 1}),
            h(_("省内同类中职平均水平")),
            h(_("超出幅度")),
            h(_("备注")),
        ]
    ]
    body = []
    for r in rows:
        if r.actual_value is not None and r.average_value is not None:
            if r.unit == "%":
                excess = pct(r.actual_value - r.average_value, places=0)
            else:
                excess = pct(growth(r.actual_value, r.average_value, 1), signed=True)
        else:
            excess = t(r.excess_text)
        body.append(
            [
                t(r.dimension),
                t(r.indicator),
                _amount(r.actual_value, r.actual_text, r.unit),
                _amount(r.average_value, r.average_text, r.unit),
                excess,
                t(r.note or "—"),
            ]
        )
    return header, merge_first_column(body)


def project_spending(year, rows):
    header = [[h(_("序号")), h(_("时间")), h(_("项目")), h(_("金额（元）"))]]
    body = [
        [
            t(r.seq),
            t(r.month),
            t(r.project),
            Cell(
                text=f"{r.qualifier} {plain(r.amount_wan)} 万".strip(),
                value=r.amount_wan * 10000,
                number_format="#,##0",
            ),
        ]
        for r in rows
    ]
    return header, body


def _major_count(text: str) -> int:
    text = (text or "").strip()
    if text in ("", "无"):
        return 0
    return len([part for part in text.replace("，", "、").split("、") if part.strip()])


def major_changes(year, rows):
    header = [
        [
            h(_("专业大类")),
            h(_("增设招生专业")),
            h(_("增设招生专业个数")),
            h(_("停招专业")),
            h(_("停招专业个数")),
            h(_("备注")),
        ]
    ]
    body = [
        [
            t(r.category),
            t(r.added_major or _("无")),
            n(_major_count(r.added_major)),
            t(r.stopped_major or _("无")),
            n(_major_count(r.stopped_major)),
            t(r.note),
        ]
        for r in rows
    ]
    return header, body


def enrolment_plan(year, rows):
    header = [
        [
            h(_("专业大类")),
            h(_("专业名称")),
            h(_("%(year)s年招生计划") % {"year": year.year - 1}),
            h(_("%(year)s年招生计划") % {"year": year.year}),
            h(_("计划增减情况")),
            h(_("变化比率")),
        ]
    ]
    body = []
    for r in rows:
        change = r.current_plan - r.previous_plan
        body.append(
            [
                t(r.category),
                t(r.major),
                n(r.previous_plan),
                n(r.current_plan),
                Cell(text=f"{change:+d}" if change else "0", value=change, number_format="+0;-0;0"),
                pct(growth(r.current_plan, r.previous_plan, 1), signed=True),
            ]
        )
    return header, body


def majors(year, rows):
    header = [[h(_("类别")), h(_("专业代码")), h(_("专业名称")), h(_("招生人数"))]]
    header[0].append(h(_("合作院校（企业）")))
    body = [[t(r.group), t(r.code), t(r.name), n(r.enrolment), t(r.partner)] for r in rows]
    body = merge_first_column(body)
    if rows:
        total = sum(r.enrolment for r in rows)
        body.append([t(_("合计")), t(""), t(""), n(total), t("")])
    return header, body


def teacher_titles(year, rows):
    header = [[h(_("职称等级")), h(_("人数（人）")), h(_("占比（%）"))]]
    order = {level: i for i, level in enumerate(TeacherTitleRow.Level.values)}
    rows = sorted(rows, key=lambda r: order[r.level])
    total = sum(r.count for r in rows)
    body = [
        [t(r.get_level_display()), n(r.count), pct_bare(percent(r.count, total, 1))] for r in rows
    ]
    if rows:
        body.append([t(_("合计")), n(total), pct_bare(percent(total, total, 1))])
    return header, body


def dual_teachers(year, rows):
    header = [
        [
            h(_("专业类别")),
            h(_("专业课教师数（人）")),
            h(_("“双师型”教师数（人）")),
            h(_("占比（%）")),
        ]
    ]
    body = [
        [
            t(r.major_category),
            n(r.specialty_teachers),
            n(r.dual_teachers),
            pct_bare(percent(r.dual_teachers, r.specialty_teachers, 1)),
        ]
        for r in rows
    ]
    if rows:
        spec = sum(r.specialty_teachers for r in rows)
        dual = sum(r.dual_teachers for r in rows)
        body.append([t(_("合计")), n(spec), n(dual), pct_bare(percent(dual, spec, 1))])
    return header, body


def major_industry(year, rows):
    header = [
        [
            h(_("专业类别")),
            h(_("对应产业领域")),
            h(_("%(year)s 年招生规模（人）") % {"year": year.year - 1}),
            h(_("区域岗位需求缺口（人/年）")),
            h(_("毕业生对口就业率（%）")),
        ]
    ]
    body = [
        [
            t(r.category),
            t(r.industry),
            n(r.enrolment),
            n(r.demand_gap),
            Cell(text=plain(r.related_employment_rate), value=r.related_employment_rate),
        ]
        for r in rows
    ]
    return header, body


BUILDERS = {
    "certificates": certificates,
    "gaokao_3plus": gaokao,
    "progression": progression,
    "funding": funding,
    "project_spending": project_spending,
    "major_changes": major_changes,
    "enrolment_plan": enrolment_plan,
    "majors": majors,
    "teacher_titles": teacher_titles,
    "dual_teachers": dual_teachers,
    "major_industry": major_industry,
}
WIDE = {"progression", "funding"}
