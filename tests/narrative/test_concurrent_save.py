import pytest

from narrative import services
from narrative.errors import SaveConflict
from narrative.models import Block, SectionRevision
from reporting.errors import YearLocked
from reporting.models import ReportYear


def text_block(section):
    return Block.objects.filter(section=section, kind="text").first()


def test_save_over_a_newer_version_is_refused_and_both_versions_kept(
    sample, section_143, zhaosheng, editor
):
    block = text_block(section_143)
    opened = section_143.version
    services.save_section_text(
        section=section_143, user=editor, texts={block.pk: "<p>编委会的修改</p>"}, based_on=opened
    )
    with pytest.raises(SaveConflict, match="保存了本节的新版本") as refused:
        services.save_section_text(
            section=section_143, user=zhaosheng, texts={block.pk: "<p>部门的修改</p>"},
            based_on=opened,
        )  # fmt: skip
    block.refresh_from_db()
    assert block.body == "<p>编委会的修改</p>"
    conflict = SectionRevision.objects.get(pk=refused.value.revision_pk)
    assert conflict.conflict and conflict.texts == {str(block.pk): "<p>部门的修改</p>"}
    assert SectionRevision.objects.filter(section=section_143, conflict=False).count() == 1


def test_conflict_page_explains_and_shows_both_versions(
    client, sample, section_143, zhaosheng, editor
):
    block = text_block(section_143)
    services.save_section_text(
        section=section_143, user=editor, texts={block.pk: "<p>新版本</p>"}, based_on=0
    )
    client.force_login(zhaosheng)
    response = client.post(
        f"/report/lianzhou/2025/sections/{section_143.key}/",
        {"version": 0, f"text_{block.pk}": "<p>我的旧版修改</p>", "action": "save"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "潘三林 在" in page and "两个版本都已保留" in page
    assert "我的旧版修改" in page and "新版本" in page


def test_saving_sanitizes_the_text(sample, section_143, zhaosheng):
    block = text_block(section_143)
    services.save_section_text(
        section=section_143, user=zhaosheng,
        texts={block.pk: '<p onclick="x">好<script>bad()</script></p>'}, based_on=0,
    )  # fmt: skip
    block.refresh_from_db()
    assert block.body == "<p>好</p>"


def test_locked_year_refuses_text_saves(sample, section_143, zhaosheng):
    ReportYear.objects.filter(pk=sample.pk).update(status=ReportYear.Status.LOCKED)
    with pytest.raises(YearLocked, match="已锁定"):
        services.save_section_text(
            section=section_143, user=zhaosheng, texts={}, based_on=section_143.version
        )
