"""The tracking flow against a Kuaidi100-compatible server (real HTTP on a
loopback port, signature checked): new carrier events go on the shipment, an
exception tells logistics and the rep at once, and a service that answers
garbage, too slowly or not at all never stops the poll and is told to
logistics once, after a day."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from flows.components import open_repository
from flows.settings import Settings
from flows.tracking import tracking_flow
from orders.model import Order, OrderLine
from orders.shipment import Shipment
from orders.status import Status
from tests.flows.helpers import newest_artifacts, outbox
from tracking.sandbox import NUMBERS, FakeKuaidi100

pytestmark = pytest.mark.integration

T = datetime(2023, 10, 1, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def ship(order_no: str, number: str) -> None:
    order = Order.receive(order_no, at=T, actor="purchase@huadong.example", message_id=None)
    order.reply_to, order.sales_rep, order.status = "purchase@huadong.example", "li.rep@example.com", Status.SHIPPED
    order.lines = [OrderLine(line_no=1, sku="P001", quantity=Decimal(10))]
    order.customer.phone = "13800000001"
    order.shipment = Shipment(carrier="顺丰速运", carrier_code="shunfeng", tracking_no=number,
                              window_start=date(2023, 10, 5), window_end=date(2023, 10, 6))
    with open_repository(Settings()).unit_of_work() as uow:
        uow.save_order(order)


@pytest.fixture
def kuaidi100(home, prefect_api, monkeypatch):
    with FakeKuaidi100() as fake:
        for name, value in (("URL", fake.url), ("CUSTOMER", fake.customer), ("KEY", fake.key), ("TIMEOUT", "1")):
            monkeypatch.setenv(f"ORDERLOOP_TRACKING_{name}", value)
        yield fake


def test_events_are_kept_and_an_exception_is_told_at_once(kuaidi100, home):
    ship("SO2023100001", NUMBERS["in_transit"])
    ship("SO2023100002", NUMBERS["exception_14"])
    counts = tracking_flow()
    assert counts["asked"] == 2 and counts["failed"] == 0
    repository = open_repository(Settings())
    calm, refused = repository.get_order("SO2023100001"), repository.get_order("SO2023100002")
    assert calm.shipment.events and calm.shipment.carrier_state == "0"
    assert refused.timer("exception") is not None
    told = sorted(str(m["To"]) for m in outbox(home) if "物流异常" in str(m["Subject"]))
    assert told == ["li.rep@example.com", "logistics@example.com"]
    assert {r.form["customer"] for r in kuaidi100.requests} == {kuaidi100.customer}  # signed queries
    summary = newest_artifacts("what this run did")[0]  # the run in words, for ops in the Prefect UI
    assert summary.startswith("# tracking: asked 2, failed 0, told 2")
    assert "**SO2023100002**: carrier exception" in summary and "carrier_exception → logistics@example.com" in summary
    assert tracking_flow()["told"] == 0  # the same news tells nobody twice


def test_a_service_that_fails_never_stops_the_poll_and_is_reported_once_after_a_day(kuaidi100, home, monkeypatch):
    for order_no, scenario in (("SO2023100001", "garbage"), ("SO2023100002", "slow"), ("SO2023100003", "unknown"),
                               ("SO2023100004", "in_transit")):
        ship(order_no, NUMBERS[scenario])
    counts = tracking_flow()
    assert (counts["asked"], counts["failed"]) == (4, 3)
    repository = open_repository(Settings())
    kinds = {no: repository.get_order(no).shipment.tracking_failure for no in ("SO2023100001", "SO2023100002",
                                                                             "SO2023100003")}
    assert {no: f.kind for no, f in kinds.items()} == {"SO2023100001": "garbage", "SO2023100002": "timeout",
                                                         "SO2023100003": "unknown_number"}
    assert repository.get_order("SO2023100004").shipment.events  # the others are not held up
    assert not [m for m in outbox(home) if "跟踪失败" in str(m["Subject"])]
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-02T10:30:00+08:00")
    tracking_flow()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-02T11:30:00+08:00")
    tracking_flow()
    reports = [m for m in outbox(home) if "跟踪失败" in str(m["Subject"])]
    assert len(reports) == 3 and {str(m["To"]) for m in reports} == {"logistics@example.com"}  # once per shipment


@pytest.mark.parametrize("point", ["after_tracking", "after_send"])
def test_a_poll_killed_after_the_tracking_answers_are_stored_tells_everyone_once(point, kuaidi100, home,
                                                                                 prefect_api):
    from tests.flows.test_crash import poll

    ship("SO2023100002", NUMBERS["exception_14"])
    crashed = poll(prefect_api, crash_at=point)  # killed with the answers stored, or the mail sent but not recorded
    assert crashed.returncode == 70, crashed.stderr[-2000:]
    for _ in range(2):
        again = poll(prefect_api)
        assert again.returncode == 0, again.stderr[-2000:]
    told = sorted(str(m["To"]) for m in outbox(home) if "物流异常" in str(m["Subject"]))
    assert told == ["li.rep@example.com", "logistics@example.com"]  # once each, however often it ran
    order = open_repository(Settings()).get_order("SO2023100002")
    assert len({e.text for e in order.shipment.events}) == len(order.shipment.events)  # no event twice
