"""The order board's rows: open orders only, whom each waits on (a running
clock's role, else its status's) and since when, every overdue clock with its
kind and age, the most overdue first."""
from datetime import datetime, timedelta, timezone

from orders.board import board_rows
from orders.model import Order
from orders.status import Status

T = datetime(2023, 10, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))


def order(no: str, status: Status) -> Order:
    made = Order.receive(no, at=T - timedelta(days=1), actor="buyer@example.net", message_id=None)
    made.status = status
    return made


def test_open_orders_say_whom_they_wait_on_since_when_and_what_is_overdue():
    clarifying = order("SO2023100001", Status.CLARIFYING)
    review = order("SO2023100002", Status.MANAGER_REVIEW)
    review.start_timer("review", T + timedelta(hours=2), timedelta(hours=2), role="sales_manager")
    shipped = order("SO2023100003", Status.SHIPPED)
    shipped.start_timer("exception", T + timedelta(hours=1), timedelta(hours=2), role="logistics")
    closed = order("SO2023100004", Status.CLOSED)
    rows = board_rows([clarifying, review, shipped, closed], now=T + timedelta(hours=4))
    assert [r.order_no for r in rows] == ["SO2023100003", "SO2023100002", "SO2023100001"]  # most overdue first
    by_no = {r.order_no: r for r in rows}
    assert by_no["SO2023100001"].waits_on == ("customer",) and by_no["SO2023100001"].status_label == \
        "待澄清 / questions to the customer"
    assert by_no["SO2023100002"].waits_on == ("manager",) and by_no["SO2023100002"].since == T
    (late,) = by_no["SO2023100003"].overdue
    assert (late.kind, late.age_minutes) == ("exception", 180) and by_no["SO2023100003"].waits_on == ("logistics",)
    assert by_no["SO2023100003"].as_dict()["overdue"][0]["label"].startswith("carrier exception")
