"""When goods can be ready: picked from stock the next working day, made in the
product's lead time in working days, and late when past the requested date."""
from datetime import date, datetime, timezone
from decimal import Decimal

from orders.fulfilment import plan
from orders.master import ProductRecord
from orders.model import Order, OrderLine
from orders.stock import StockLedger

PRODUCTS = {p.sku: p for p in (
    ProductRecord(sku="P001", name="A产品", kind="standard", stock=Decimal(300)),
    ProductRecord(sku="P002", name="B产品", kind="standard", stock=Decimal(50)),
    ProductRecord(sku="P003", name="C型支架", kind="custom", lead_days=7),
)}


def order(*lines, requested=None):
    o = Order.receive("SO2023090001", at=datetime(2023, 9, 28, 9, 0, tzinfo=timezone.utc), actor="buyer@example.com",
                      message_id=None)
    o.lines = list(lines)
    o.requested_delivery_date = requested
    return o


def reserved(o):
    stock = StockLedger()
    for product in PRODUCTS.values():
        if product.kind == "standard":
            stock.set_on_hand(product.sku, product.stock)
    return stock.reserve(o.order_no, o.lines)


def test_goods_on_hand_are_picked_the_next_working_day_after_national_day():
    o = order(OrderLine(line_no=1, sku="P001", quantity=Decimal(100), kind="standard"))
    found = plan(o, reserved(o), PRODUCTS.get, date(2023, 9, 28))
    assert (found.ready.value, found.in_production, found.late) == (date(2023, 10, 7), False, False)


def test_a_custom_line_is_made_in_its_lead_time_in_working_days_and_the_order_waits_for_it():
    o = order(OrderLine(line_no=1, sku="P001", quantity=Decimal(10), kind="standard"),
              OrderLine(line_no=2, sku="P003", quantity=Decimal(200), kind="custom"), requested=date(2023, 10, 10))
    found = plan(o, reserved(o), PRODUCTS.get, date(2023, 9, 28))
    # working days after Thu 28 Sep: 7, 8 (make-up), 9, 10, 11, 12, 13 Oct
    assert [(line.to_make, line.ready.value) for line in found.lines] == [(0, date(2023, 10, 7)),
                                                                           (200, date(2023, 10, 13))]
    assert found.ready.value == date(2023, 10, 13) and found.in_production and found.late


def test_a_standard_line_short_of_stock_makes_the_rest_with_the_default_lead_time():
    o = order(OrderLine(line_no=1, sku="P002", quantity=Decimal(80), kind="standard"))
    line = plan(o, reserved(o), PRODUCTS.get, date(2024, 3, 1), default_lead_days=5).lines[0]
    assert (line.from_stock, line.to_make, line.ready.value) == (50, 30, date(2024, 3, 8))


def test_a_plan_beyond_the_calendars_years_is_marked_approximate():
    o = order(OrderLine(line_no=1, sku="P003", quantity=Decimal(1), kind="custom"))
    assert plan(o, [], PRODUCTS.get, date(2030, 1, 4)).ready.approximate
