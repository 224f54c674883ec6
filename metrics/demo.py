"""The sample's figures (连州市职业技术学校, 2025年度), exactly as published. Idempotent.

Contradictions are kept on purpose (the findings page shows them): 升学人数 58 in 表1 against
130 in 表1-3; 毕业生初次就业人数 557 against 557 − 58; teachers by title 13 + 39 + 33 = 85
against 84 专任教师; 年实习责任保险经费 11.256 under 年实习专项经费 0; 财政拨款 658万 in the
text against 677万 in 表6-1; 免学费 1698 against 1651 在校生 … Where the sample prints a derived
number (生师比 18.55:1 for 1651 / 84, 双师型 14.28%, 高级职称比例 14%, 专业数量 8 for nine
majors, the 占比 of 表6-6 and 表6-7, 上线率, 变化比率, 超出幅度), the counts are stored, the
number is computed, and the printed number is kept as a *reported value* with the source
"已发布的报告" (it is what the school published; REPORTED below), so the findings page shows
each printed number that disagrees with its counts (rule computed-matches-reported).
Earlier years shown by 表1-1 (2022–2023) and 表1-3 (2023) are stored under the 2025 report year
with their school year; 2024's rows under the 2024 demo year (see metrics/datasets/window.py).
表6-4's 2024 plans and 表6-8's 2024 招生规模 are the 2024 year's own rows: the 2025 tables read
them from there (metrics/datasets/spec.py, LastYear).
"""

from decimal import Decimal

from django.db import transaction

from metrics import models as m
from metrics.catalog import load_catalog
from metrics.forms import parse_reported
from metrics.services import reported_stamp, set_reported_value, write_figures_unchecked
from reporting.models import ReportYear

# Appendix 表1–表5 and the narrative's single figures; "中职填报" rows the school left unfilled
# (美育课专任教师数, 班主任数) and 表3 C/D 类 (blank in the sample) stay empty.
FIGURES = {
    "graduates": 557,
    "placed_graduates": 557,
    "further_study": 58,
    "further_study_bachelor": 0,
    "in_province_placement_rate": 100,
    "monthly_income": 3600,
    "employed_by_sector": 499,
    "employed_primary": 0,
    "employed_secondary": 0,
    "employed_tertiary": 499,
    "self_employment_rate": 0,
    "promotion_rate_three_years": 0,
    "senior_dual_teacher_share": 2,
    "major_groups": 1,
    "courses": 140,
    "courses_hours": 54000,
    "internet_bandwidth": 2048,
    "campus_backbone_bandwidth": 2048,
    "practice_stations_per_student": "0.97",
    "equipment_value_per_student": 9636,
    "first_employment": 557,
    "employed_local": 557,
    "training_projects": 13,
    "training_hours": 5688,
    "public_training_hours": 0,
    "training_income": "34.04",
    "students": 1651,
    "funding_per_student": 3500,
    "special_funds": 50,
    "staff_quota": 83,
    "staff": 107,
    "fulltime_teachers": 84,
    "ideology_teachers": 9,
    "pe_teachers": 6,
    "fitness_tested": 1013,
    "fitness_pass_rate": "96.44",
    "skill_certificates": 175,
    "enterprise_equipment_value": 0,
    "industry_education_centres": 0,
    "industry_mentors": 12,
    "mentors_craftsmen": 0,
    "mentor_hours": 1440,
    "mentor_pay": 0,
    "internship_funds": 0,
    "internship_insurance": "11.256",
    # Quoted in the text (学校概况, 1.3, 2.2, 6.1, 6.2, 6.3, 6.4). Not 对口就业率: the text gives
    # 85% (2.2) and 92% 以上 (5.2), 表6-8 94.7–98.2% by major; the prose check shows that.
    "new_students": 487,
    "tuition_exempt_students": 1698,
    "grant_students": 166,
    "work_study_posts": 24,
    "party_branches": 4,
    "party_members": 69,
    "staff_industry_mentors": 7,
    "fiscal_appropriation": 658,
    "starting_salary": 4200,
    "certificate_candidates": 249,
    "certificate_passed": 175,
}
# Every other row of 表2–表4 is printed as 0.
ZERO_PREFIXES = (
    "courses_",
    "resource_libraries",
    "quality_online_course",
    "virtual_training_bases",
    "textbooks",
    "tech_service",
    "research_funding",
    "ip_",
    "patent",
    "invention_patents",
    "adopted_abroad",
    "foreign_",
    "joint_programme",
    "teacher_days_abroad",
    "teachers_in_foreign_bodies",
    "international_awards",
)

CERTIFICATES = ["1+X 证书", "职业技能等级证书", "计算机等级考试", "普通话证书 (乙级以上)"]
# School years without a report year of their own (2022, 2023) are kept under 2025, the year
# whose table first printed them; 2024's rows belong to the 2024 demo year (PREVIOUS_YEAR).
CERTIFICATE_RATES = {2022: [53, 69, 42, 63], 2023: [61, 75, 48, 62]}
GAOKAO = [("应届生", 106, 0, 81), ("往届生", 75, 2, 64)]
PROGRESSION = {2023: [0, 27, 0, 0, 0, 0], 2025: [0, 89, 21, 0, 0, 20]}
# The 2024 year holds exactly what the sample prints for 2024: 表1-1's 2024 row, 表1-3's 2024
# row, 表6-4's 2024 招生计划 per major and 表6-8's 2024 招生规模 per category. Nothing else of
# 2024 is printed, so every other form and column of 2024 stays empty (未填报).
PREVIOUS_YEAR = 2024
PREVIOUS_CERTIFICATE_RATES = {2024: [72, 82, 52, 65]}
PREVIOUS_PROGRESSION = {2024: [0, 65, 30, 0, 0, 55]}
D = Decimal
FUNDING = [
    (
        "经费总量",
        "财政生均综合定额",
        "funding_per_student",
        "元",
        D(3500),
        "",
        D(2800),
        "",
        "",
        "按 1651 在校生核算",
    ),
    (
        "经费总量",
        "年度财政拨款总额",
        "fiscal_appropriation",
        "万元",
        D(677),
        "",
        D(526),
        "",
        "",
        "",
    ),
    (
        "经费总量",
        "办学经费总收入",
        "",
        "",
        None,
        "收支基本平衡",
        None,
        "多数学校赤字 5-10%",
        "优于平均",
        "第三方审计结论",
    ),
    ("预算执行", "年度预算执行率", "", "%", None, "≥98%（既定标准）", D(85), "", "13%", ""),
    ("资产管控", "固定资产账实相符率", "", "%", D(100), "", D(92), "", "", "全年零盘亏"),
    (
        "资金效益",
        "办学条件改善支出占比",
        "",
        "%",
        None,
        "≥35%",
        D(25),
        "",
        "10%",
        "新建实训室 3 个、教室 45 个",
    ),
]
SPENDING = [
    ("1", "2024 年 11 月", "购买空调款", "约", 10),
    ("2", "2024 年 12 月", "校园绿化养护、饭堂天面防水、电商直播室装修等", "约", 43),
    ("7", "2025 年 1 月", "购买实训工具、饭堂一楼改造、升级生物化学综合实验室", "约", 94),
    ("10", "2025 年 5 月", "升级电脑室显示屏、新能源汽车实训室专业建设等", "约", 46),
    ("13", "2025 年 6 月", "购买汽修新能源汽车实训用车", "超", 11),
    ("14", "2025 年 7 月", "二号宿舍楼翻新、校园环境修缮", "超", 61),
]
MAJOR_CHANGES = [
    ("7002 道路运输类", "新能源汽车运用与维修", "", "由连州技工学校备案"),
    ("7103 通信类", "", "通信运营服务", ""),
]
# (专业大类, 专业名称, 本年招生计划): 2025 in the 2025 year, 2024 in the 2024 year.
PLAN = [("7701 教育类", "幼儿保育", 45), ("7402 餐饮类", "中餐烹饪", 90)]
PLAN += [("6209 安全类", "应急救援技术", 200)]
PREVIOUS_PLAN = [("7701 教育类", "幼儿保育", 90), ("7402 餐饮类", "中餐烹饪", 80)]
PREVIOUS_PLAN += [("6209 安全类", "应急救援技术", 150)]
MAJORS = [
    ("660301", "机电技术应用", 95, ""),
    ("700604", "城市轨道交通运营服务", 50, ""),
    ("620902", "应急救援技术", 200, "广东弘毅道远教育集团"),
    ("710202", "计算机网络技术", 45, ""),
    ("770101", "幼儿保育", 45, ""),
    ("740201", "中餐烹饪", 90, ""),
    ("730701", "电子商务", 45, ""),
    ("0403-4", "汽车维修", 45, "连州技工备案"),
    ("0435-4", "新能源汽车检测与维修", 45, "连州技工备案"),
]
TITLES = [("senior", 13), ("middle", 39), ("junior", 33)]
DUAL = [("学前教育", 7, 2), ("汽车运用与维修", 4, 2), ("电子技术应用", 4, 2)]
DUAL += [("计算机网络技术", 8, 3), ("中餐烹饪", 5, 3)]
# (专业类别, 对应产业领域, 区域岗位需求缺口, 对口就业率) of 2025; 2025's 招生规模 is not printed.
INDUSTRY = [
    ("先进制造类", "机电一体化", 850, D("96.3")),
    ("现代服务类", "中餐烹饪、幼儿保育", 1200, D("94.7")),
    ("新兴特色类", "应急救援、电商", 420, D("98.2")),
]
# (专业类别, 对应产业领域, 本年招生规模) of 2024, printed as 表6-8's "2024 年招生规模".
PREVIOUS_INDUSTRY = [
    ("先进制造类", "机电一体化", 102),
    ("现代服务类", "中餐烹饪、幼儿保育", 149),
    ("新兴特色类", "应急救援、电商", 227),
]

# The derived numbers as printed in the sample (quantity names: metrics/derived.py), with where.
REPORTED = [
    ("student_teacher_ratio", "18.55:1", "附件表2；正文 6.3 同"),
    ("dual_teacher_share", "14.28", "附件表2；正文 6.3 同"),
    ("senior_title_share", "14", "附件表2"),
    ("majors_count", "8", "附件表2（专业设置表列 9 个专业）"),
    ("teacher_titles.share.senior", "15.4", "表6-6；正文同"),
    ("teacher_titles.share.middle", "45.2", "表6-6；正文同"),
    ("teacher_titles.share.junior", "39.4", "表6-6；正文同"),
    ("teacher_titles.total", "84", "表6-6 合计"),
    ("dual_teachers.share.学前教育", "28.5", "表6-7"),
    ("dual_teachers.share.汽车运用与维修", "25", "表6-7"),
    ("dual_teachers.share.电子技术应用", "25", "表6-7"),
    ("dual_teachers.share.计算机网络技术", "25", "表6-7"),
    ("dual_teachers.share.中餐烹饪", "60", "表6-7"),
    ("dual_teachers.share", "42.8", "表6-7 合计"),
    ("gaokao_3plus.bachelor_rate.应届生", "0", "表1-2"),
    ("gaokao_3plus.college_rate.应届生", "76.4", "表1-2"),
    ("gaokao_3plus.bachelor_rate.往届生", "2.7", "表1-2"),
    ("gaokao_3plus.college_rate.往届生", "85.3", "表1-2"),
    ("gaokao_3plus.bachelor_rate", "1.1", "表1-2 汇总"),
    ("gaokao_3plus.college_rate", "80.1", "表1-2 汇总"),
    ("enrolment_plan.change_rate.幼儿保育", "-50", "表6-4"),
    ("enrolment_plan.change_rate.中餐烹饪", "12.5", "表6-4"),
    ("enrolment_plan.change_rate.应急救援技术", "33.3", "表6-4"),
    ("funding.excess.财政生均综合定额", "25", "表6-1"),
    ("funding.excess.年度财政拨款总额", "22", "表6-1"),
    ("funding.excess.固定资产账实相符率", "8", "表6-1"),
]


def _reported(year) -> None:
    published = m.ReportedValue.Source.PUBLISHED
    names = [name for name, _text, _note in REPORTED]
    m.ReportedValue.objects.filter(year=year, source=published).exclude(quantity__in=names).delete()
    for name, text, note in REPORTED:
        value, places = parse_reported(text)
        set_reported_value(
            year=year, user=None, quantity=name, source=published, value=value, places=places,
            note=f"2025年度报告（样本）{note}", page_quantities=[name],
            stamp=reported_stamp(year, [name]),
        )  # fmt: skip


def _figures() -> dict:
    values = {}
    national = m.Indicator.objects.national()
    for indicator in national.filter(table__number__in=[2, 3, 4]):
        if indicator.code.startswith(ZERO_PREFIXES) and not indicator.formula:
            if indicator.applies_to != m.Indicator.AppliesTo.HIGHER:
                values[indicator.code] = 0
    values.update(FIGURES)
    return {code: Decimal(str(value)) for code, value in values.items()}


def _replace(model, year, rows: list[dict]) -> None:
    model.objects.filter(year=year).delete()
    model.objects.bulk_create(
        [model(year=year, position=i, **row) for i, row in enumerate(rows, start=1)]
    )


def _certificates(year, rates_by_year: dict) -> None:
    _replace(
        m.CertificatePassRate,
        year,
        [
            {"school_year": y, "certificate": c, "pass_rate": r}
            for y, rates in rates_by_year.items()
            for c, r in zip(CERTIFICATES, rates, strict=True)
        ],
    )


def _progression(year, rows_by_year: dict) -> None:
    routes = m.ProgressionRow.ROUTES
    _replace(
        m.ProgressionRow,
        year,
        [{"school_year": y, **dict(zip(routes, v, strict=True))} for y, v in rows_by_year.items()],
    )


@transaction.atomic
def load_previous_year(school, year) -> None:
    """The 2024 demo year (before `load`, which reads it as last year)."""
    previous, _created = ReportYear.objects.get_or_create(school=school, year=PREVIOUS_YEAR)
    _certificates(previous, PREVIOUS_CERTIFICATE_RATES)
    _progression(previous, PREVIOUS_PROGRESSION)
    keys = ("category", "major", "current_plan")
    _replace(m.EnrolmentPlanRow, previous, [dict(zip(keys, p, strict=True)) for p in PREVIOUS_PLAN])
    keys = ("category", "industry", "current_enrolment")
    rows = [dict(zip(keys, i, strict=True)) for i in PREVIOUS_INDUSTRY]
    _replace(m.MajorIndustryRow, previous, rows)


@transaction.atomic
def load(school, year) -> None:
    load_catalog()
    write_figures_unchecked(year=year, values=_figures())
    _certificates(year, CERTIFICATE_RATES)
    _replace(
        m.GaokaoResult,
        year,
        [
            dict(zip(("group", "candidates", "bachelor_line", "college_line"), g, strict=True))
            for g in GAOKAO
        ],
    )
    _progression(year, PROGRESSION)
    keys = ("dimension", "indicator", "code", "unit", "actual_value", "actual_text")
    keys += ("average_value", "average_text", "excess_text", "note")
    _replace(m.FundingComparison, year, [dict(zip(keys, f, strict=True)) for f in FUNDING])
    _replace(
        m.ProjectSpending,
        year,
        [
            dict(zip(("seq", "month", "project", "qualifier", "amount_wan"), s, strict=True))
            for s in SPENDING
        ],
    )
    keys = ("category", "added_major", "stopped_major", "note")
    _replace(m.MajorChange, year, [dict(zip(keys, c, strict=True)) for c in MAJOR_CHANGES])
    keys = ("category", "major", "current_plan")
    _replace(m.EnrolmentPlanRow, year, [dict(zip(keys, p, strict=True)) for p in PLAN])
    majors = [
        {"group": "全日制普通班", "code": c, "name": n, "enrolment": e, "partner": p}
        for c, n, e, p in MAJORS
    ]
    majors.append(
        {"group": "普通高中", "name": "综合高中班", "enrolment": 108, "counts_as_major": False}
    )
    _replace(m.MajorRow, year, majors)
    _replace(m.TeacherTitleRow, year, [{"level": lv, "count": c} for lv, c in TITLES])
    keys = ("major_category", "specialty_teachers", "dual_teachers")
    _replace(m.DualTeacherRow, year, [dict(zip(keys, d, strict=True)) for d in DUAL])
    keys = ("category", "industry", "demand_gap", "related_employment_rate")
    _replace(m.MajorIndustryRow, year, [dict(zip(keys, i, strict=True)) for i in INDUSTRY])
    _reported(year)
