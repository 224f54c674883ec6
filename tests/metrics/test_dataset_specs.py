"""One spec per data set: the printed table, the checks and the figures' formulas read the same
rows and the same exact derived numbers (metrics/datasets/)."""

from decimal import Decimal

from metrics import api
from metrics.computation import round_half_up
from metrics.datasets import DATASETS, printed_layout
from metrics.derived import derived_quantities
from metrics.models import TeacherTitleRow
from metrics.yeardata import YearData


def test_printed_layout_is_the_body_table_cell_by_cell(figures, last_year):
    for key in DATASETS:
        header_rows, rows = printed_layout(key, figures)
        table = api.body_table(figures, key)
        assert (header_rows, rows) == (table.header_rows, table.rows), key


def test_a_printed_share_is_the_checked_share_rounded_once(figures):
    derived = derived_quantities(YearData(figures))
    exact = derived["teacher_titles.share.middle"].exact
    assert exact == Decimal(39) * 100 / Decimal(85)
    rows = api.body_table(figures, "teacher_titles").rows
    middle = next(r for r in rows if r[0].text == "中级职称")
    assert middle[2].value == round_half_up(exact, 1) and middle[2].text == "45.9"
    assert derived["teacher_titles.share.middle"].display == "45.88%"


def test_a_changed_row_changes_table_check_and_formula_alike(figures):
    TeacherTitleRow.objects.filter(year=figures, level="middle").update(count=38)
    data = YearData(figures)
    assert data.quantity("teacher_titles.middle") == 38
    assert data.quantity("teacher_titles.total") == 84
    assert derived_quantities(data)["teacher_titles.share.middle"].display == "45.24%"
    rows = api.body_table(figures, "teacher_titles").rows
    assert [c.text for c in rows[1]] == ["中级职称", "38", "45.2"]
    assert [c.text for c in rows[-1]] == ["合计", "84", "100.0"]


def test_every_spec_names_its_model_fields_and_row_key():
    for key, spec in DATASETS.items():
        assert spec.key == key
        names = {f.name for f in spec.model._meta.get_fields()}
        assert set(spec.fields) <= names, key
        assert set(spec.unique_fields) <= set(spec.fields), key
