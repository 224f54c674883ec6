import pytest

from narrative import outline
from narrative.errors import NarrativeError
from narrative.models import Section
from narrative.numbering import build_outline
from reporting.errors import YearLocked
from reporting.models import ReportYear


def numbered(year):
    return [(n.number, n.section.title) for n in build_outline(year).walk()]


def test_new_year_starts_with_the_mandated_chapters(year):
    titles = [t for _, t in numbered(year)]
    assert titles == ["学校概况", "人才培养", "服务贡献", "文化传承", "国际合作", "产教融合",
                      "发展保障", "面临挑战", "附件 职业教育质量数据表"]  # fmt: skip
    assert numbered(year)[1][0] == "1." and numbered(year)[0][0] == ""


def test_numbering_follows_moves_up_and_into_another_parent(year):
    ch1 = Section.objects.get(year=year, key="ch1")
    a = outline.add_section(parent=ch1, title="甲")
    b = outline.add_section(parent=ch1, title="乙")
    sub = outline.add_section(parent=b, title="丙")
    assert ("1.2.1.", "丙") in numbered(year)
    outline.move_section(section=b, direction="up")
    assert ("1.1.", "乙") in numbered(year) and ("1.1.1.", "丙") in numbered(year)
    assert ("1.2.", "甲") in numbered(year)
    outline.reparent_section(section=sub, new_parent=Section.objects.get(year=year, key="ch3"))
    assert ("3.1.", "丙") in numbered(year)
    outline.move_section(section=Section.objects.get(year=year, key="ch3"), direction="up")
    assert ("2.", "文化传承") in numbered(year) and ("2.1.", "丙") in numbered(year)
    assert a.pk


def test_chapter_cannot_move_before_the_overview(year):
    ch1 = Section.objects.get(year=year, key="ch1")
    outline.move_section(section=ch1, direction="up")
    assert numbered(year)[0] == ("", "学校概况")


def test_section_cannot_move_into_its_own_child(year):
    ch1 = Section.objects.get(year=year, key="ch1")
    a = outline.add_section(parent=ch1, title="甲")
    child = outline.add_section(parent=a, title="乙")
    with pytest.raises(NarrativeError):
        outline.reparent_section(section=a, new_parent=child)


def test_mandated_chapters_cannot_be_removed(year):
    with pytest.raises(NarrativeError, match="规定结构"):
        outline.remove_section(section=Section.objects.get(year=year, key="ch4"))


def test_next_year_copies_outline_and_assignments_without_text(sample, school):
    next_year = ReportYear.objects.create(school=school, year=2026)
    copied = {s.key: s for s in Section.objects.filter(year=next_year)}
    original = Section.objects.get(year=sample, key="s1-4-3")
    assert copied["s1-4-3"].title == original.title
    assert copied["s1-4-3"].department_id == original.department_id
    assert not Section.objects.filter(year=next_year, blocks__isnull=False).exists()
    assert len(copied) == Section.objects.filter(year=sample).count()


def test_locked_year_refuses_outline_changes(year):
    year.status = ReportYear.Status.LOCKED
    year.save()
    ch1 = Section.objects.get(year=year, key="ch1")
    with pytest.raises(YearLocked, match="已锁定"):
        outline.add_section(parent=ch1, title="新节")


def test_committee_adds_and_assigns_a_section_through_the_page(client, editor, zhaosheng, year):
    client.force_login(editor)
    url = "/report/lianzhou/2025/sections/ch1/add/"
    client.post(url, {"title": "1.5 新增小节", "department": zhaosheng.department_id})
    section = Section.objects.get(year=year, title="1.5 新增小节")
    assert section.department == zhaosheng.department
    assert client.get("/report/lianzhou/2025/").status_code == 200
