"""Chart blocks: added in the editor, numbered with the photos, drawn from the figures."""

import pytest

from metrics import demo as metrics_demo
from metrics.models import CertificatePassRate
from narrative.charts import block_chart, chart_svg, key_series_svg
from narrative.document import render_report_html
from narrative.models import Block, Section
from reporting.models import ReportYear

SETTINGS = {"series": "certificates", "years": [], "style": "line"}


@pytest.fixture
def figures(school, year):
    # 2024's 升学 row belongs to the 2024 demo year; a chart over 2024–2025 reads both years.
    previous = ReportYear.objects.create(school=school, year=metrics_demo.PREVIOUS_YEAR)
    metrics_demo.load_previous_year(school, previous)
    metrics_demo.load(school, year)
    return year


@pytest.fixture
def section(figures):
    from narrative.outline import create_outline

    create_outline(year=figures)
    return Section.objects.get(year=figures, key="ch1")


def test_committee_adds_a_chart_in_the_editor(client, section, editor):
    client.force_login(editor)
    url = "/report/lianzhou/2025/sections/ch1/blocks/new/chart/"
    assert "各类证书考核通过率" in client.get(url).content.decode()
    data = {
        "series": "progression",
        "style": "bar",
        "caption": "升学人数变化",
        "years": ["2024", "2025"],
    }
    client.post(url, data)
    block = Block.objects.get(section=section, kind="chart")
    assert block.chart == {"series": "progression", "years": [2024, 2025], "style": "bar"}
    page = client.get("/report/lianzhou/2025/sections/ch1/preview/").content.decode()
    assert "图 1-1 升学人数变化" in page and 'src="data:image/svg+xml;base64,' in page
    printed = render_report_html(section.year, target="print")
    assert "<svg" in printed and "2024年" in printed
    assert "2023年" not in printed  # only the chosen years


def test_unknown_series_is_refused_with_a_message(client, section, editor):
    client.force_login(editor)
    page = client.post(
        "/report/lianzhou/2025/sections/ch1/blocks/new/chart/",
        {"series": "nonsense", "style": "pie", "caption": "x"},
    ).content.decode()
    assert "请从列表中选择数据" in page and "请选择柱状图或折线图" in page
    assert not Block.objects.filter(kind="chart").exists()


def test_chart_follows_the_figures(section, figures):
    Block.objects.create(section=section, kind="chart", position=1, caption="c", chart=SETTINGS)
    before = render_report_html(figures, target="print")
    row = CertificatePassRate.objects.filter(year=figures).order_by("pk").first()
    row.pass_rate = 99
    row.save()
    after = render_report_html(figures, target="print")
    assert ">99<" in after and ">99<" not in before


def test_same_data_gives_the_same_svg(figures):
    chart = block_chart(figures, SETTINGS)
    assert chart_svg(chart, "line") == chart_svg(chart, "line")
    assert "Date" not in chart_svg(chart, "line")


def test_charts_and_photos_share_the_figure_numbers(section, figures):
    from narrative.numbering import build_outline

    Block.objects.create(section=section, kind="chart", position=1, caption="c", chart=SETTINGS)
    Block.objects.create(
        section=section, kind="table", position=2, caption="t", table_key="progression"
    )
    Block.objects.create(section=section, kind="chart", position=3, caption="d", chart=SETTINGS)
    labels = [node.label for node in build_outline(figures).by_pk()[section.pk].blocks]
    assert labels == ["图 1-1", "表 1-1", "图 1-2"]


def test_key_series_for_the_dashboard(figures):
    charts = key_series_svg(figures)
    assert [title for title, _svg in charts][:2] == ["全日制在校生人数", "招生人数（秋季招收新生）"]
    assert all(svg.startswith("<svg") for _title, svg in charts)
