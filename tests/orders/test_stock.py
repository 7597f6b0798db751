"""Stock reservations: effective orders hold what is on hand, never the same unit twice."""
from decimal import Decimal

import pytest

from orders.model import OrderLine
from orders.stock import StockError, StockLedger


def line(no, sku, quantity, kind="standard"):
    return OrderLine(line_no=no, sku=sku, quantity=Decimal(quantity), kind=kind)


def ledger(**on_hand):
    stock = StockLedger()
    for sku, quantity in on_hand.items():
        stock.set_on_hand(sku, Decimal(quantity))
    return stock


def test_an_effective_order_holds_what_is_on_hand_and_the_rest_is_short():
    stock = ledger(P001=300, P002=50)
    held = stock.reserve("SO1", [line(1, "P001", 100), line(2, "P002", 80)])
    assert [(r.sku, r.reserved, r.short) for r in held] == [("P001", 100, 0), ("P002", 50, 30)]
    assert (stock.available("P001"), stock.available("P002")) == (200, 0)


def test_two_orders_racing_for_the_last_units_never_hold_the_same_unit():
    stock = ledger(P002=50)
    first = stock.reserve("SO1", [line(1, "P002", 40)])
    second = stock.reserve("SO2", [line(1, "P002", 40)])
    assert (first[0].reserved, second[0].reserved, second[0].short) == (40, 10, 30)
    assert stock.reserved("P002") == 50 and stock.available("P002") == 0


def test_two_lines_of_one_order_on_the_same_sku_share_what_is_there():
    stock = ledger(P001=10)
    held = stock.reserve("SO1", [line(1, "P001", 6), line(2, "P001", 6)])
    assert [(r.reserved, r.short) for r in held] == [(6, 0), (4, 2)]


def test_custom_lines_and_lines_without_a_sku_hold_nothing():
    stock = ledger(P003=5)
    assert stock.reserve("SO1", [line(1, "P003", 2, kind="custom"), OrderLine(line_no=2, name="x")]) == []
    assert stock.available("P003") == 5


def test_cancelling_releases_and_reserving_again_does_not_double():
    stock = ledger(P001=10)
    stock.reserve("SO1", [line(1, "P001", 8)])
    stock.reserve("SO1", [line(1, "P001", 8)])  # the order reserved anew (a change approved)
    assert stock.reserved("P001") == 8
    assert stock.release("SO1") == {"P001": 8}
    assert stock.available("P001") == 10


def test_shipping_takes_the_goods_off_on_hand_and_ends_the_hold():
    stock = ledger(P001=10)
    stock.reserve("SO1", [line(1, "P001", 8)])
    assert stock.ship("SO1") == {"P001": 8}
    assert [(r.sku, r.on_hand, r.reserved, r.available) for r in stock.rows()] == [("P001", 2, 0, 2)]


@pytest.mark.parametrize("sku, quantity", [("P001", "-1"), ("", "5")])
def test_a_bad_stock_figure_is_refused_with_a_reason(sku, quantity):
    with pytest.raises(StockError):
        ledger().set_on_hand(sku, Decimal(quantity))


def test_on_hand_cannot_go_below_what_orders_hold():
    stock = ledger(P001=10)
    stock.reserve("SO1", [line(1, "P001", 8)])
    with pytest.raises(StockError, match="reserved"):
        stock.set_on_hand("P001", Decimal(5))
