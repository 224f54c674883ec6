from decimal import Decimal

from metrics import computation
from metrics.api import figure_values, get_figure


def test_percent_rounds_half_up_to_two_decimals():
    assert computation.percent(1, 8) == Decimal("12.50")
    assert computation.percent(12, 84) == Decimal("14.29")
    assert computation.percent(1, 200, 1) == Decimal("0.5")  # 0.5 exactly, half up


def test_half_up_not_bankers_rounding():
    assert computation.round_half_up(Decimal("2.345"), 2) == Decimal("2.35")
    assert computation.round_half_up(Decimal("2.5"), 0) == Decimal("3")


def test_zero_denominator_is_not_computable():
    assert computation.percent(5, 0) is None
    assert computation.ratio(5, None) is None
    assert computation.evaluate({"op": "div", "args": [1, 0]}, lambda n: None) is None


def test_ratio_displays_as_x_to_1():
    assert computation.display(Decimal("19.6547"), "ratio", computed=True) == "19.65:1"


def test_typed_values_print_as_entered():
    assert computation.display(Decimal("11.2560"), "amount") == "11.256"
    assert computation.display(Decimal("100.0000"), "percent") == "100"


def test_growth_in_percent_of_previous():
    assert computation.growth(90, 80) == Decimal("12.50")
    assert computation.growth(45, 90) == Decimal("-50.00")


def test_student_teacher_ratio_is_computed_from_the_counts(figures):
    ratio = get_figure(figures, "student_teacher_ratio")
    assert ratio.computed and ratio.display == "19.65:1"  # 1651 / 84, not the printed 18.55


def test_shares_and_counts_come_from_the_data_sets(figures):
    values = figure_values(figures)
    assert values["dual_teacher_share"].display == "14.29"  # 12 of 84
    assert values["majors_count"].value == 9  # rows of the majors list
    assert values["certificate_pass_rate"].display == "70.28"  # 175 of 249
    assert values["students"].value == 1651 and values["students"].computed is False
