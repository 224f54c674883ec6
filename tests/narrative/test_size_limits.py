"""Issue 10, finding 7 (limits): table size and text length are checked when saving, with a
Chinese message; the Word exporter survives a stored table with a huge colspan."""

import lxml.html
from docx import Document

from exports.exporters.word_tables import add_html_table
from narrative import services
from narrative.limits import MAX_TEXT_LENGTH
from narrative.models import Block


def test_a_free_table_with_too_many_columns_is_refused(client, sample, section_143, zhaosheng):
    client.force_login(zhaosheng)
    url = f"/report/lianzhou/2025/sections/{section_143.key}/blocks/new/table/"
    before = Block.objects.count()
    wide = " | ".join(["x"] * 40)
    response = client.post(url, {"grid_text": wide, "header_rows": 0, "caption": "宽表"})
    assert response.status_code == 200
    assert "表格太大（1 行 × 40 列）" in response.content.decode()
    assert Block.objects.count() == before


def test_a_text_with_a_huge_table_or_too_long_is_refused(client, sample, section_143, zhaosheng):
    client.force_login(zhaosheng)
    url = f"/report/lianzhou/2025/sections/{section_143.key}/"
    form = client.get(url).context["form"]
    block = form.text_blocks[0]
    huge = "<table>" + "<tr><td>1</td></tr>" * 400 + "</table>"
    data = {"version": section_143.version, f"text_{block.pk}": huge}
    assert "表格太大（400 行 × 1 列）" in client.post(url, data).content.decode()
    data[f"text_{block.pk}"] = "<p>" + "字" * (MAX_TEXT_LENGTH + 1) + "</p>"
    assert "文字太长" in client.post(url, data).content.decode()
    assert Block.objects.get(pk=block.pk).body == block.body


def test_word_exporter_caps_a_huge_colspan():
    table = lxml.html.fromstring(
        '<table><tr><td colspan="1000000">a</td></tr><tr><td>b</td><td>c</td></tr></table>'
    )
    document = Document()
    add_html_table(document, table, lambda cell, element, header: cell.add_paragraph("x"))
    assert len(document.tables[0].columns) == 30


def test_a_stored_oversized_grid_still_exports_to_word(sample, section_143, editor):
    block = services.add_block(
        section=section_143, user=editor, kind="table",
        fields={"caption": "旧数据", "grid": {"rows": [[{"text": "a", "colspan": 500000}]]}},
    )  # fmt: skip
    from exports.exporters import get_exporter

    result = get_exporter("docx", lambda p, s: None).render(sample)
    assert result.content.startswith(b"PK")
    assert block.pk
