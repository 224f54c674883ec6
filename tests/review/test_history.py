"""Readable history: who, when, old → new, read from the events the database recorded."""

from decimal import Decimal

from metrics.services import explain_finding, set_figures
from narrative.services import save_section_text
from review import services
from tests.review.conftest import NEW_GAOKAO_ROW, item, with_stamp

BASE = "/review/lianzhou/2025/"


def test_figure_history_names_who_changed_what(client, zhaosheng_staff, editor, figures):
    set_figures(year=figures, user=zhaosheng_staff, values={"graduates": Decimal(560)})
    client.force_login(editor)
    page = client.get(BASE + "items/figures/zhaosheng/history/?indicator=graduates").content
    page = page.decode()
    assert "王填报" in page and "毕业生人数" in page
    assert "数值：557</del> → <ins" in page and "数值：560" in page
    assert "升学人数" not in page  # only the asked figure


def test_section_history_shows_the_changed_sentence(client, zhaosheng, chapter):
    block = chapter.blocks.get()
    save_section_text(
        section=chapter, user=zhaosheng, texts={block.pk: "<p>与东盟院校深入交流。</p>"}, based_on=0
    )
    client.force_login(zhaosheng)
    page = client.get(BASE + "items/section/ch4/history/").content.decode()
    assert "与东盟院校交流。</del> → <ins" in page and "与东盟院校深入交流。" in page


def test_data_set_history_lists_added_rows(client, zhaosheng, figures):
    client.force_login(zhaosheng)
    url = "/figures/lianzhou/2025/d/zhaosheng/data/gaokao_3plus/"
    client.post(url, with_stamp(client, url, NEW_GAOKAO_ROW))
    page = client.get(BASE + "items/data/gaokao_3plus/history/").content.decode()
    assert "行：新类别" in page and "新增" in page and "总人数：5" in page


def test_explanation_history_keeps_the_old_text(client, zhaosheng, editor, figures):
    for text in ("口径不同", "口径不同：含全部升学途径"):
        explain_finding(
            year=figures, user=zhaosheng, rule_code="further-study-agrees", subject="", text=text
        )
    client.force_login(editor)
    page = client.get(BASE + "history/explanations/").content.decode()
    assert "说明：口径不同</del> → <ins" in page and "陈招就" in page


def test_reported_values_history_is_the_departments(client, zhaosheng, figures):
    client.force_login(zhaosheng)
    page = client.get(BASE + "history/reported/zhaosheng/").content.decode()
    assert "专业数量" in page and "报送值：8" in page


def test_activity_log_lists_submission_return_and_approval(client, zhaosheng, editor, figures):
    figures_item = item(figures, "figures", "zhaosheng")
    services.submit_item(item=figures_item, user=zhaosheng)
    services.return_item(item=figures_item, user=editor, comment="请核对升学人数")
    services.submit_item(item=item(figures, "figures", "zhaosheng"), user=zhaosheng)
    services.approve_item(item=item(figures, "figures", "zhaosheng"), user=editor)
    client.force_login(zhaosheng)
    page = client.get(BASE + "activity/").content.decode()
    assert page.count('data-action="reporting.figures.submitted"') == 2
    assert "请核对升学人数" in page and "退回" in page and "通过" in page
    assert page.index("reporting.figures.approved") < page.index("reporting.figures.returned")
