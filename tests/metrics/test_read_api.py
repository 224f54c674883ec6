from metrics import api
from metrics.demo import load
from metrics.models import CertificatePassRate, Figure


def test_every_body_table_has_title_source_and_rows(figures):
    for key in api.BODY_TABLE_KEYS:
        table = api.body_table(figures, key)
        assert table.title and table.rows, key
        assert table.source.startswith("图表数据来源：连州市职业技术学校"), key


def test_body_table_source_names_the_owning_department(figures):
    assert api.body_table(figures, "progression").source == (
        "图表数据来源：连州市职业技术学校招生就业办数据统计"
    )


def test_teacher_titles_total_is_computed_from_the_rows(figures):
    rows = api.body_table(figures, "teacher_titles").rows
    assert [c.text for c in rows[-1]] == ["合计", "85", "100.0"]


def test_funding_table_merges_the_dimension_cells(figures):
    first = api.body_table(figures, "funding").rows[0][0]
    assert first.text == "经费总量" and first.rowspan == 3


def test_appendix_tables_as_printed(figures):
    tables = api.appendix_tables(figures)
    assert [t.key for t in tables] == [f"appendix-{n}" for n in range(1, 6)]
    assert [c.text for c in tables[0].header_rows[0]] == ["序号", "指标", "单位", "2025 年"]
    first = [c.text for c in tables[0].rows[0]]
    assert first == ["1", "毕业生人数", "人", "557"]
    sub = tables[0].rows[2]
    assert sub[1].text == "其中：升学人数" and sub[1].indent == 1


def test_rows_for_the_other_kind_of_school_print_the_marker(figures):
    table4 = api.appendix_tables(figures)[3]
    abroad = next(row for row in table4.rows if row[1].text == "在国外开办学校数")
    assert abroad[3].text == "高职填报"


def test_unknown_body_table_is_a_key_error(figures):
    import pytest

    with pytest.raises(KeyError):
        api.body_table(figures, "nope")


def test_choices_cover_every_key(db):
    assert [k for k, _ in api.body_table_choices()] == api.BODY_TABLE_KEYS


def test_demo_loader_is_idempotent(figures, school):
    before = (Figure.objects.count(), CertificatePassRate.objects.count())
    values = api.figure_values(figures)
    load(school, figures)
    assert (Figure.objects.count(), CertificatePassRate.objects.count()) == before
    assert api.figure_values(figures) == values
