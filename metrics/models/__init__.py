"""Models of the yearly figures: the catalog, the values, the body data sets, the checks."""

from metrics.models.assignments import Assignment
from metrics.models.catalog import AppendixTable, Indicator, school_region_chains
from metrics.models.checks import FindingExplanation, Rule
from metrics.models.datasets import (
    CertificatePassRate,
    DualTeacherRow,
    EnrolmentPlanRow,
    FundingComparison,
    GaokaoResult,
    MajorChange,
    MajorIndustryRow,
    MajorRow,
    ProgressionRow,
    ProjectSpending,
    TeacherTitleRow,
)
from metrics.models.figures import Figure
from metrics.models.phrases import ProsePhrase
from metrics.models.reported import ReportedValue

__all__ = [
    "AppendixTable",
    "Assignment",
    "CertificatePassRate",
    "DualTeacherRow",
    "EnrolmentPlanRow",
    "Figure",
    "FindingExplanation",
    "FundingComparison",
    "GaokaoResult",
    "Indicator",
    "MajorChange",
    "MajorIndustryRow",
    "MajorRow",
    "ProgressionRow",
    "ProjectSpending",
    "ProsePhrase",
    "ReportedValue",
    "Rule",
    "TeacherTitleRow",
    "school_region_chains",
]
