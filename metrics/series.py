"""Series of figures over years, for charts (implementation of the chart part of metrics/api.py).

Two kinds: an indicator across the report years the school holds (在校生, 招生, 就业率 …), read
from each year's own figures; and a multi-year data set read from one report year (升学 by school
year, certificate pass rates by school year and certificate), which already spans several years.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from metrics.api import ChartData
from metrics.datasets import DATASETS
from metrics.read import department_source_line, source_line
from metrics.yeardata import YearData

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
    from reporting.models import ReportYear

    held = ReportYear.objects.filter(school_id=year.school_id, year__lte=year.year)
    years = set(held.values_list("year", flat=True))
    for key in ("progression", "certificates"):
        spec = DATASETS[key]
        years |= set(range(year.year - spec.window + 1, year.year + 1))
    return sorted(years)[-MAX_YEARS * 2 :]


def chart_data(year, key: str, years: list[int] | None = None) -> ChartData:
    spec = SERIES[key]
    if spec.dataset:
        return _dataset_chart(year, spec, years)
    return _indicator_chart(year, spec, years)


def _indicator_chart(year, spec: SeriesSpec, years) -> ChartData:
    from reporting.models import ReportYear

    held = ReportYear.objects.filter(school_id=year.school_id, year__lte=year.year).order_by("year")
    if years:
        held = held.filter(year__in=years)
    held = list(held)[-MAX_YEARS:]
    data = YearData(year)
    indicator = data.by_code[spec.indicator]
    values = [
        (data if report_year.pk == year.pk else YearData(report_year)).quantity(spec.indicator)
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


def _dataset_chart(year, spec: SeriesSpec, years) -> ChartData:
    data = YearData(year)
    rows = [r for r in data.rows[spec.dataset] if not years or r.school_year in years]
    school_years = sorted({r.school_year for r in rows})
    categories = [f"{y}年" for y in school_years]
    dataset = DATASETS[spec.dataset]
    if spec.dataset == "progression":
        model = dataset.model
        by_year = {r.school_year: r for r in rows}
        series = [
            (
                str(model._meta.get_field(route).verbose_name),
                [_dec(getattr(by_year[y], route)) for y in school_years],
            )
            for route in model.ROUTES
            if any(getattr(r, route) for r in rows)
        ]
        unit = "人"
    else:
        names = list(dict.fromkeys(r.certificate for r in rows))
        rates = {(r.school_year, r.certificate): r.pass_rate for r in rows}
        series = [(name, [rates.get((y, name)) for y in school_years]) for name in names]
        unit = "%"
    return ChartData(
        key=spec.key,
        title=str(spec.label),
        unit=unit,
        categories=categories,
        series=series,
        source=source_line(year, spec.dataset, data),
    )


def _dec(value) -> Decimal | None:
    return None if value is None else Decimal(value)
