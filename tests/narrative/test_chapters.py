"""The committee of any report adds, renames, orders and removes top-level chapters; the
overview, the appendix and the template's chapters stay; numbers follow the positions."""

import pytest

from narrative import outline
from narrative.errors import NarrativeError
from narrative.models import Section
from narrative.numbering import build_outline
from narrative.outline_template import template_for, templates
from reporting.errors import YearLocked
from reporting.models import ReportYear

ADD = "/report/lianzhou/2025/chapters/add/"


def numbered(year):
    return [(n.number, n.section.title) for n in build_outline(year).roots]


def test_the_committee_adds_a_chapter_before_another_and_the_numbers_follow(client, editor, year):
    client.force_login(editor)
    ch2 = Section.objects.get(year=year, key="ch2")
    response = client.post(ADD, {"title": "教育教学", "before": ch2.pk})
    assert response.status_code == 302
    assert ("2.", "教育教学") in numbered(year) and ("3.", "服务贡献") in numbered(year)
    assert numbered(year)[-1] == ("", "附件 职业教育质量数据表")
    page = client.get("/report/lianzhou/2025/").content.decode()
    assert "教育教学" in page and "已添加章“教育教学”" in page
    preview = client.get("/report/lianzhou/2025/preview/").content.decode()
    assert preview.index("教育教学") < preview.index("服务贡献")


def test_a_new_chapter_goes_after_the_last_chapter_by_default(client, editor, year):
    client.force_login(editor)
    client.post(ADD, {"title": "特色创新"})
    assert numbered(year)[-2:] == [("8.", "特色创新"), ("", "附件 职业教育质量数据表")]


def test_a_chapter_is_renamed_and_moved_like_a_section(year):
    chapter = outline.add_chapter(year=year, title="特色创新")
    outline.update_section(section=chapter, title="特色与创新", department=None)
    outline.move_section(section=chapter, direction="up")
    assert ("7.", "特色与创新") in numbered(year) and ("8.", "面临挑战") in numbered(year)


def test_overview_appendix_and_template_chapters_cannot_be_removed(client, editor, year):
    client.force_login(editor)
    for key in ("overview", "appendix", "ch1"):
        response = client.post(f"/report/lianzhou/2025/sections/{key}/remove/", follow=True)
        assert "不能删除" in response.content.decode()
        assert Section.objects.filter(year=year, key=key).exists()


def test_an_added_chapter_can_be_removed(client, editor, year):
    chapter = outline.add_chapter(year=year, title="特色创新")
    client.force_login(editor)
    page = client.get("/report/lianzhou/2025/").content.decode()
    assert page.count('data-testid="remove-chapter"') == 1
    client.post(f"/report/lianzhou/2025/sections/{chapter.key}/remove/")
    assert not Section.objects.filter(pk=chapter.pk).exists()


def test_a_department_head_cannot_add_a_chapter(client, zhaosheng, year):
    client.force_login(zhaosheng)
    assert client.post(ADD, {"title": "甲"}).status_code == 403
    assert not Section.objects.filter(year=year, title="甲").exists()


def test_a_locked_year_refuses_a_new_chapter(year, editor):
    ReportYear.objects.filter(pk=year.pk).update(status="locked")
    with pytest.raises(YearLocked):
        outline.add_chapter(year=year, title="甲")


def test_a_chapter_cannot_go_before_the_overview(year):
    with pytest.raises(NarrativeError):
        outline.add_chapter(
            year=year, title="甲", before=Section.objects.get(year=year, key="overview")
        )


def test_the_outline_of_a_new_year_comes_from_the_template_of_its_kind(school):
    assert set(templates()) == {"zhongzhi", "gaozhi", "region"}
    chapters = [s.title for s in template_for(school) if s.kind == "chapter"]
    assert len(chapters) == 7 and "教育教学" not in chapters
    region = [s.title for s in templates()["region"] if s.kind == "chapter"]
    assert len(region) == 8 and region[1] == "教育教学"
