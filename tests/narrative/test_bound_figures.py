from decimal import Decimal

from metrics.findings import run_checks
from metrics.services import write_figures_unchecked
from narrative import services
from narrative.document import render_report_html
from narrative.models import Block


def test_preview_shows_the_current_value_after_a_figure_changes(client, editor, sample):
    assert 'data-code="graduates" title="毕业生人数">557人</span>' in render_report_html(sample)
    write_figures_unchecked(year=sample, values={"graduates": Decimal(560)})
    client.force_login(editor)
    page = client.get("/report/lianzhou/2025/preview/").content.decode()
    assert 'data-code="graduates" title="毕业生人数">560人</span>' in page
    assert ">557人<" not in page


def test_reference_to_an_unknown_code_is_a_finding(sample, section_143, zhaosheng):
    block = Block.objects.filter(section=section_143, kind="text").first()
    services.save_section_text(
        section=section_143, user=zhaosheng,
        texts={block.pk: '<p>共<span class="bound-figure" data-code="no_such_figure"></span></p>'},
        based_on=section_143.version,
    )  # fmt: skip
    html = render_report_html(sample)
    assert 'class="bound-figure missing" data-code="no_such_figure"' in html
    findings = [f for f in run_checks(sample) if f.rule_code == "narrative.bound_figure"]
    assert len(findings) == 1
    assert "no_such_figure" in findings[0].message and "1.4.3." in findings[0].message
    assert findings[0].forms == (("zhaosheng", ""),)
