"""Each review step, who may take it, and what the department can still change."""

from decimal import Decimal

import pytest

from metrics.services import FiguresError, set_figures
from narrative.errors import NarrativeError
from narrative.services import save_section_text
from reporting.models import ReportYear
from review import services
from review.models import ActivityEntry, ReviewItem
from tests.review.conftest import NEW_GAOKAO_ROW, item, with_stamp

FIGURES = "/review/lianzhou/2025/items/figures/zhaosheng/"


def figures_item(year):
    return item(year, "figures", "zhaosheng")


def test_head_submits_and_the_log_says_so(client, zhaosheng, figures):
    client.force_login(zhaosheng)
    response = client.post(FIGURES + "submit/", follow=True)
    assert "已提交编委会审核" in response.content.decode()
    assert figures_item(figures).state_label == "已提交"
    entry = ActivityEntry.objects.get(year=figures)
    assert (entry.action, entry.user) == ("reporting.figures.submitted", zhaosheng)


def test_staff_fills_but_cannot_submit(client, zhaosheng_staff, figures):
    set_figures(year=figures, user=zhaosheng_staff, values={"graduates": Decimal(560)})
    client.force_login(zhaosheng_staff)
    assert client.post(FIGURES + "submit/").status_code == 403
    assert figures_item(figures).state == "draft"


def test_head_cannot_submit_another_department(client, caiwu, figures):
    client.force_login(caiwu)
    assert client.post(FIGURES + "submit/").status_code == 403
    with pytest.raises(services.ReviewError):
        services.submit_item(item=figures_item(figures), user=caiwu)


def test_submitted_figures_are_read_only_for_the_department(zhaosheng, zhaosheng_staff, figures):
    services.submit_item(item=figures_item(figures), user=zhaosheng)
    for person in (zhaosheng, zhaosheng_staff):
        with pytest.raises(FiguresError, match="已提交编委会审核"):
            set_figures(year=figures, user=person, values={"graduates": Decimal(1)})
    assert figures_item(figures).content.lines[0].startswith("毕业生人数：557")


def test_refused_save_shows_the_reason_on_the_form(client, zhaosheng, figures):
    services.submit_item(item=figures_item(figures), user=zhaosheng)
    client.force_login(zhaosheng)
    page = client.get("/figures/lianzhou/2025/d/zhaosheng/").content.decode()
    assert "已提交" in page and "部门暂不能修改" in page


def test_committee_returns_with_a_comment_and_the_department_edits_again(
    editor, zhaosheng, figures
):
    services.submit_item(item=figures_item(figures), user=zhaosheng)
    services.return_item(item=figures_item(figures), user=editor, comment="升学人数请核对")
    returned = figures_item(figures)
    assert returned.state_label == "已退回"
    assert returned.last_return.text == "升学人数请核对"
    set_figures(year=figures, user=zhaosheng, values={"further_study": Decimal(130)})
    entry = ActivityEntry.objects.get(action="reporting.figures.returned")
    assert entry.message == "升学人数请核对"


@pytest.mark.parametrize("comment", ["", "   ", "\x00", "长" * 2001])
def test_a_return_needs_a_comment(editor, zhaosheng, figures, comment):
    services.submit_item(item=figures_item(figures), user=zhaosheng)
    with pytest.raises(services.ReviewError):
        services.return_item(item=figures_item(figures), user=editor, comment=comment)
    assert figures_item(figures).state == "submitted"


def test_a_draft_can_be_neither_returned_nor_approved(editor, figures):
    with pytest.raises(services.ReviewError, match="尚未提交"):
        services.return_item(item=figures_item(figures), user=editor, comment="x")
    with pytest.raises(services.ReviewError, match="不能通过"):
        services.approve_item(item=figures_item(figures), user=editor)


def test_only_the_committee_approves(client, zhaosheng, editor, figures):
    services.submit_item(item=figures_item(figures), user=zhaosheng)
    client.force_login(zhaosheng)
    assert client.post(FIGURES + "approve/").status_code == 403
    client.force_login(editor)
    page = client.post(FIGURES + "approve/", follow=True).content.decode()
    assert "已审核通过" in page
    assert figures_item(figures).state_label == "已通过"


def test_a_change_after_approval_shows_the_difference_and_needs_approval_again(
    client, editor, zhaosheng, figures
):
    services.submit_item(item=figures_item(figures), user=zhaosheng)
    services.approve_item(item=figures_item(figures), user=editor)
    set_figures(year=figures, user=editor, values={"graduates": Decimal(560)})
    changed = figures_item(figures)
    assert changed.state_label == "通过后有修改"
    client.force_login(editor)
    page = client.get(FIGURES).content.decode()
    assert "通过后有修改" in page
    assert "毕业生人数：557 人</del> → <ins" in page and "毕业生人数：560 人" in page
    services.approve_item(item=changed, user=editor)
    assert figures_item(figures).state == "approved"


def test_renaming_an_indicator_keeps_the_approval(editor, zhaosheng, figures):
    from metrics.models import Indicator

    services.submit_item(item=figures_item(figures), user=zhaosheng)
    services.approve_item(item=figures_item(figures), user=editor)
    Indicator.objects.filter(code="graduates").update(label="毕业生总数")
    assert figures_item(figures).state == "approved"


def test_bulk_approval_approves_what_waits_and_names_what_it_skipped(
    client, editor, zhaosheng, figures
):
    services.submit_item(item=figures_item(figures), user=zhaosheng)
    client.force_login(editor)
    response = client.post(
        "/review/lianzhou/2025/approve/",
        {"item": ["figures:zhaosheng", "data:progression"]},
        follow=True,
    )
    page = response.content.decode()
    assert "已通过 1 项" in page and "不能通过" in page
    assert figures_item(figures).state == "approved"
    assert item(figures, "data", "progression").state == "draft"


def test_a_submitted_section_is_read_only_for_its_department(zhaosheng, editor, chapter):
    section_item = item(chapter.year, "section", "ch4")
    services.submit_item(item=section_item, user=zhaosheng)
    block = chapter.blocks.get()
    with pytest.raises(NarrativeError, match="已提交编委会审核"):
        save_section_text(
            section=chapter, user=zhaosheng, texts={block.pk: "<p>改</p>"}, based_on=0
        )
    # The committee may still correct it; an approved section then shows the difference.
    services.approve_item(item=item(chapter.year, "section", "ch4"), user=editor)
    save_section_text(section=chapter, user=editor, texts={block.pk: "<p>改过</p>"}, based_on=0)
    changes = item(chapter.year, "section", "ch4").changes_since_approval()
    assert [(c.old, c.new) for c in changes] == [("与东盟院校交流。", "改过")]


def test_a_submitted_data_set_is_read_only_for_its_department(client, zhaosheng, figures):
    services.submit_item(item=item(figures, "data", "gaokao_3plus"), user=zhaosheng)
    client.force_login(zhaosheng)
    url = "/figures/lianzhou/2025/d/zhaosheng/data/gaokao_3plus/"
    before = item(figures, "data", "gaokao_3plus").content.lines
    page = client.post(url, with_stamp(client, url, NEW_GAOKAO_ROW), follow=True).content.decode()
    assert "已提交编委会审核" in page
    assert item(figures, "data", "gaokao_3plus").content.lines == before


def test_comments_thread_for_department_and_committee(client, zhaosheng_staff, caiwu, figures):
    client.force_login(zhaosheng_staff)
    client.post(FIGURES + "comment/", {"text": "表1 已按新口径填写"})
    client.force_login(caiwu)
    assert client.post(FIGURES + "comment/", {"text": "x"}).status_code == 403
    page = client.get(FIGURES).content.decode()
    assert "表1 已按新口径填写" in page and "王填报" in page


def test_a_locked_year_refuses_every_step(zhaosheng, figures):
    ReportYear.objects.filter(pk=figures.pk).update(status=ReportYear.Status.LOCKED)
    figures.refresh_from_db()
    with pytest.raises(services.ReviewError, match="已锁定"):
        services.submit_item(item=figures_item(figures), user=zhaosheng)
    assert not ReviewItem.objects.exists()


def test_the_form_of_a_submitted_item_has_no_inputs_for_the_department(
    client, zhaosheng_staff, editor, zhaosheng, figures
):
    services.submit_item(item=figures_item(figures), user=zhaosheng)
    client.force_login(zhaosheng_staff)
    page = client.get("/figures/lianzhou/2025/d/zhaosheng/").content.decode()
    assert 'name="graduates"' not in page and ">保存</button>" not in page
    client.force_login(editor)
    page = client.get("/figures/lianzhou/2025/d/zhaosheng/").content.decode()
    assert 'name="graduates"' in page


def test_a_submitted_section_opens_as_text_not_as_an_editor(client, zhaosheng, editor, chapter):
    services.submit_item(item=item(chapter.year, "section", "ch4"), user=zhaosheng)
    url = "/report/lianzhou/2025/sections/ch4/"
    client.force_login(zhaosheng)
    page = client.get(url).content.decode()
    assert "本节现为只读" in page and "已提交编委会审核" in page
    assert "与东盟院校交流。" in page and 'id="text-form"' not in page
    # The committee still gets the editor (it may correct a submitted section).
    client.force_login(editor)
    assert 'id="text-form"' in client.get(url).content.decode()


def test_a_locked_year_shows_sections_read_only(client, zhaosheng, chapter):
    ReportYear.objects.filter(pk=chapter.year_id).update(status=ReportYear.Status.LOCKED)
    client.force_login(zhaosheng)
    page = client.get("/report/lianzhou/2025/sections/ch4/").content.decode()
    assert "已锁定" in page and 'id="text-form"' not in page
