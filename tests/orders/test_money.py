from decimal import Decimal

import pytest

from orders.money import line_amount, payable, to_money


def test_the_seed_example_adds_up_to_fifty_thousand_eight_hundred():
    goods = line_amount(Decimal("100"), Decimal("500"))
    assert goods == Decimal("50000.00")
    assert payable(goods, Decimal("800"), Decimal("0")) == Decimal("50800.00")


def test_line_amounts_round_half_up_to_the_fen():
    assert line_amount(Decimal("3"), Decimal("0.335")) == Decimal("1.01")


def test_money_never_comes_from_a_float():
    with pytest.raises(TypeError):
        to_money(0.1)
    assert to_money("1200.50") == Decimal("1200.50")
