"""Series of figures over years, for charts (read through metrics/api.py).

Two kinds: an indicator across the report years the school holds (在校生, 招生, 就业率 …), read
from each year's own figures; and a multi-year data set read from one report year (升学 by school
year, certificate pass rates by school year and certificate), which already spans several years.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from metrics.datasets import DATASETS
from metrics.labels import department_source_line
from metrics.values import ChartData
from metrics.yeardata import YearData
from reporting.models import ReportYear

Snapshot = Callable[[ReportYear], YearData]  # metrics.api.snapshot: one YearData per document

MAX_YEARS = 6


@dataclass(frozen=True)
class SeriesSpec:
    key: str
    label: str
    indicator: str = ""  # an indicator code, read per report year
    dataset: str = ""  # or a multi-year data set


SERIES: dict[str, SeriesSpec] = {
    spec.key: spec
    for spec in [
        SeriesSpec("students", _("全日制在校生人数"), indicator="students"),
        SeriesSpec("new_students", _("招生人数（秋季招收新生）"), indicator="new_students"),
        SeriesSpec("graduates", _("毕业生人数"), indicator="graduates"),
        SeriesSpec(
            "placement_rate", _("毕业生本省去向落实率"), indicator="in_province_placement_rate"
        ),
        SeriesSpec(
            "related_employment_rate", _("毕业生对口就业率"), indicator="related_employment_rate"
        ),
        SeriesSpec("further_study", _("升学人数"), indicator="further_study"),
        SeriesSpec("fulltime_teachers", _("专任教师总数"), indicator="fulltime_teachers"),
        SeriesSpec("dual_teacher_share", _("“双师型”教师比例"), indicator="dual_teacher_share"),
        SeriesSpec("fiscal_appropriation", _("年度财政拨款总额"), indicator="fiscal_appropriation"),
        SeriesSpec("funding_per_student", _("年生均财政拨款水平"), indicator="funding_per_student"),
        SeriesSpec("progression", _("毕业生升学人数（按升学途径）"), dataset="progression"),
        SeriesSpec("certificates", _("各类证书考核通过率"), dataset="certificates"),
    ]
}


def choices() -> list[tuple[str, str]]:
    return [(spec.key, str(spec.label)) for spec in SERIES.values()]


def available_years(year) -> list[int]:
    """The years a chart of this report year can show: report years held up to this one, or
    the school years a multi-year data set covers."""
    held = ReportYear.objects.filter(school_id=year.school_id, year__lte=year.year)
    years = set(held.values_list("year", flat=True))
    for spec in DATASETS.values():
        if spec.chart is not None:
            years |= set(range(year.year - spec.window + 1, year.year + 1))
    return sorted(years)[-MAX_YEARS * 2 :]


def chart_data(year, key: str, years: list[int] | None, *, snapshot: Snapshot) -> ChartData:
    spec = SERIES[key]
    if spec.dataset:
        return _dataset_chart(year, spec, years, snapshot(year))
    return _indicator_chart(year, spec, years, snapshot)


def _indicator_chart(year, spec: SeriesSpec, years, snapshot: Snapshot) -> ChartData:
    """An indicator read from each report year's own figures."""
    held = ReportYear.objects.filter(school_id=year.school_id, year__lte=year.year).order_by("year")
    if years:
        held = held.filter(year__in=years)
    held = list(held)[-MAX_YEARS:]
    data = snapshot(year)
    indicator = data.by_code[spec.indicator]
    values = [
        (data if report_year.pk == year.pk else snapshot(report_year)).quantity(spec.indicator)
        for report_year in held
    ]
    return ChartData(
        key=spec.key,
        title=str(spec.label),
        unit=indicator.unit,
        categories=[f"{y.year}年" for y in held],
        series=[(str(spec.label), values)],
        source=department_source_line(year, data.who.group(indicator.department_code)),
    )


def _dataset_chart(year, spec: SeriesSpec, years, data: YearData) -> ChartData:
    """A multi-year data set, read from this report year (it spans several school years)."""
    dataset = DATASETS[spec.dataset]
    rows = [r for r in data.rows[spec.dataset] if not years or r.school_year in years]
    school_years = sorted({r.school_year for r in rows})
    unit, values = dataset.chart(rows, school_years)
    return ChartData(
        key=spec.key,
        title=str(spec.label),
        unit=unit,
        categories=[f"{y}年" for y in school_years],
        series=values,
        source=department_source_line(year, data.who.dataset(spec.dataset)),
    )
