"""Numbers typed in the text are found, matched to figures and checked at the precision typed."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from metrics.models import ProsePhrase
from narrative.models import Block, Section
from narrative.prose_numbers.check import section_bindable
from narrative.prose_numbers.extract import typed_numbers
from narrative.prose_numbers.findings import prose_findings


def test_numbers_come_with_label_unit_precision_and_qualifier():
    found = typed_numbers(
        "<p>中级职称 38 人，占比 45.2%；生师比为18.55:1，对口就业率达 92% 以上。</p>"
    )
    assert [(n.label, n.value, n.places, n.unit, n.qualifier) for n in found] == [
        ("中级职称", Decimal(38), 0, "人", ""),
        ("中级职称占比", Decimal("45.2"), 1, "%", ""),
        ("生师比", Decimal("18.55"), 2, ":", ""),
        ("对口就业率", Decimal(92), 0, "%", "at_least"),
    ]


def test_a_bound_figure_is_not_a_typed_number_but_lends_its_label():
    bound = '<span class="bound-figure" data-code="senior_titled_teachers"></span>'
    body = f"<p>高级职称 {bound}，占比 15.4%。</p>"
    (share,) = typed_numbers(body)
    assert share.label == "高级职称占比"


def test_check_figures_quotes_the_samples_textual_contradictions(sample):
    out, err = StringIO(), StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("check_figures", school="lianzhou", year=2025, stdout=out, stderr=err)
    assert exit_.value.code == 1
    lines = out.getvalue().splitlines()
    titles = next(line for line in lines if "“中级职称 38 人”" in line)
    assert (
        "39 人" in titles
        and "原句：“专任教师中，高级职称 13人，占比 15.4%；中级职称 38 人" in titles
    )
    assert any("“占比 45.2%”" in line and "45.88%" in line for line in lines)
    assert any("“本地就业占比 15%”" in line and "100.00%" in line for line in lines)
    assert any("“对口就业率达 85%”" in line and "94.7%–98.2%" in line for line in lines)
    differ = next(line for line in lines if "正文前后不一致" in line)
    assert "对口就业率达 85%" in differ and "就业对口率达 92% 以上" in differ


def test_a_matching_typed_number_is_a_hint_offering_the_bound_figure(sample):
    block = Block.objects.filter(section__year=sample, section__key="overview", kind="text").first()
    block.body = "<p>学校现有教职员工 107 人；其中:高级职称 13 人、中级职称 39 人。</p>"
    block.save()
    hints = [f for f in prose_findings(sample) if f.rule_code.endswith("bindable")]
    assert any("“高级职称 13 人”" in f.message and not f.is_error for f in hints)
    overview = Section.objects.get(year=sample, key="overview")
    assert {
        "snippet": "高级职称 13 人",
        "typed": "13 人",
        "code": "senior_titled_teachers",
    }.items() <= next(
        m for m in section_bindable(overview) if m["code"] == "senior_titled_teachers"
    ).items()


def test_numbers_that_match_nothing_are_left_alone(sample):
    section = Section.objects.get(year=sample, key="s1-4-3")
    Block.objects.filter(section=section, kind="text").update(
        body="<p>开展活动 12 场，参与 300 人次。</p>"
    )
    assert not [f for f in prose_findings(sample) if f.subject.startswith("s1-4-3 ")]


def test_the_operator_adds_a_phrase_and_the_text_is_checked_by_it(sample):
    section = Section.objects.get(year=sample, key="s1-4-3")
    Block.objects.filter(section=section, kind="text").update(body="<p>全校教工 100 人。</p>")
    assert not [f for f in prose_findings(sample) if f.subject.startswith("s1-4-3 ")]
    ProsePhrase.objects.create(quantity="staff", phrase="全校教工")
    found = [f for f in prose_findings(sample) if f.subject.startswith("s1-4-3 ")]
    assert found and all(f.is_error and "（107 人）" in f.message for f in found)
