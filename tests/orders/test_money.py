from decimal import Decimal

from orders.money import line_amount, payable


def test_the_seed_example_adds_up_to_fifty_thousand_eight_hundred():
    goods = line_amount(Decimal("100"), Decimal("500"))
    assert goods == Decimal("50000.00")
    assert payable(goods, Decimal("800"), Decimal("0")) == Decimal("50800.00")


def test_line_amounts_round_half_up_to_the_fen():
    assert line_amount(Decimal("3"), Decimal("0.335")) == Decimal("1.01")


def test_arithmetic_on_an_absurd_figure_gives_a_number_not_an_exception():
    assert line_amount(Decimal("9" * 29), Decimal("500")) > Decimal("10") ** 30
