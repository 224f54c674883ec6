"""The body data sets: which model holds each, who fills it, which fields the form shows.

Keys are the body table keys of metrics.api.BODY_TABLE_KEYS. `school_year_field` marks a
data set that spans several school years (a three-year table): its form lists the rows of
every year it shows, and a later report year reads the earlier years' rows from the report
year that entered them (`rows_for_window`), so nothing is entered twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from metrics import models as m


@dataclass(frozen=True)
class DataSetSpec:
    key: str
    model: type
    title: str  # the sample's caption, without "表 n-m"
    department_code: str
    fields: tuple[str, ...]
    school_year_field: str = ""
    window: int = 1  # how many school years the table shows, ending with the report year
    unit_note: str = ""


DATASETS: dict[str, DataSetSpec] = {
    spec.key: spec
    for spec in [
        DataSetSpec(
            "certificates",
            m.CertificatePassRate,
            _("近年学生参加各类证书考核通过率情况"),
            "jiaowu",
            ("school_year", "certificate", "pass_rate"),
            school_year_field="school_year",
            window=4,
        ),
        DataSetSpec(
            "gaokao_3plus",
            m.GaokaoResult,
            _("“3+证书”高考成绩统计"),
            "zhaosheng",
            ("group", "candidates", "bachelor_line", "college_line"),
            unit_note=_("（单位：人）"),
        ),
        DataSetSpec(
            "progression",
            m.ProgressionRow,
            _("近三年毕业生升学情况一览表"),
            "zhaosheng",
            ("school_year", *m.ProgressionRow.ROUTES),
            school_year_field="school_year",
            window=3,
            unit_note=_("（单位：人）"),
        ),
        DataSetSpec(
            "funding",
            m.FundingComparison,
            _("各项经费达标与执行情况表"),
            "caiwu",
            (
                "dimension",
                "indicator",
                "code",
                "unit",
                "actual_value",
                "actual_text",
                "average_value",
                "average_text",
                "excess_text",
                "note",
            ),
        ),
        DataSetSpec(
            "project_spending",
            m.ProjectSpending,
            _("年度项目资金投入概况"),
            "caiwu",
            ("seq", "month", "project", "qualifier", "amount_wan"),
        ),
        DataSetSpec(
            "major_changes",
            m.MajorChange,
            _("本学年学校专业动态调整变化情况"),
            "zhaosheng",
            ("category", "added_major", "stopped_major", "note"),
        ),
        DataSetSpec(
            "enrolment_plan",
            m.EnrolmentPlanRow,
            _("本学年学校招生计划动态调整变化情况"),
            "zhaosheng",
            ("category", "major", "previous_plan", "current_plan"),
            unit_note=_("（单位：人）"),
        ),
        DataSetSpec(
            "majors",
            m.MajorRow,
            _("学校专业设置一览表"),
            "zhaosheng",
            ("group", "code", "name", "enrolment", "partner", "counts_as_major"),
        ),
        DataSetSpec(
            "teacher_titles",
            m.TeacherTitleRow,
            _("专任教师职称结构分布"),
            "renshi",
            ("level", "count"),
        ),
        DataSetSpec(
            "dual_teachers",
            m.DualTeacherRow,
            _("“双师型”教师与专业课教师对应关系"),
            "renshi",
            ("major_category", "specialty_teachers", "dual_teachers"),
        ),
        DataSetSpec(
            "major_industry",
            m.MajorIndustryRow,
            _("专业与产业对接适配度分析"),
            "jiaowu",
            ("category", "industry", "enrolment", "demand_gap", "related_employment_rate"),
        ),
    ]
}


def rows_for_window(spec: DataSetSpec, year) -> list:
    """The rows a table of `year` shows. For a multi-year data set: per school year, the rows
    of that school year's own report year when it has them (last year's row is last year's
    figures, never typed again); else of the latest report year (up to this one) that entered
    that school year. Two queries."""
    model = spec.model
    if not spec.school_year_field:
        return list(model.objects.filter(year=year).order_by("position", "pk"))
    first = year.year - spec.window + 1
    sources = (
        model.objects.filter(
            year__school_id=year.school_id,
            year__year__lte=year.year,
            school_year__gte=first,
            school_year__lte=year.year,
        )
        .values_list("school_year", "year__year")
        .distinct()
    )
    wanted: dict[int, int] = {}
    for school_year, source in sources:
        current = wanted.get(school_year)
        if current == school_year:  # the school year's own report year wins
            continue
        wanted[school_year] = source if source == school_year else max(source, current or 0)
    if not wanted:
        return []
    rows = (
        model.objects.filter(
            year__school_id=year.school_id,
            year__year__in=set(wanted.values()),
            school_year__in=list(wanted),
        )
        .select_related("year")
        .order_by("school_year", "position", "pk")
    )
    return [row for row in rows if wanted[row.school_year] == row.year.year]
