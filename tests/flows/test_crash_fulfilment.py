"""Kill the poll in the middle of step 4 and run it again: the reservation an
approval makes is held once, and the shipment logistics reports takes the
goods off stock once and tells the customer once. The killed poll is a real
`orderloop poll` process that exits on the spot at the named point."""
from __future__ import annotations

import pytest

from flows.components import open_mailbox, open_repository
from flows.settings import Settings
from orders.status import Status

from tests.flows.conftest import run_intake, sample_email
from tests.flows.helpers import customer_reply, outbox
from tests.flows.test_crash import poll

pytestmark = pytest.mark.integration

# Killed with the effects stored and their mail queued, and with the mail sent but not recorded
# (the other steps of flows/crashpoints.py are exercised for a new order in test_crash.py).
STEPS = ("after_store", "after_send")


def deliver(*raws: bytes) -> None:
    with open_mailbox(Settings()) as mailbox:
        for raw in raws:
            mailbox.append(raw)


def last_to(home, address: str, word: str):
    return [m for m in outbox(home) if address in str(m["To"]) and word in str(m["Subject"])][-1]


def stock(sku: str) -> tuple[int, int]:
    row = next(r for r in open_repository(Settings()).stock_ledger().rows() if r.sku == sku)
    return int(row.on_hand), int(row.reserved)


def crash_and_rerun(prefect_api: str, point: str) -> None:
    crashed = poll(prefect_api, crash_at=point)
    assert crashed.returncode == 70, crashed.stderr[-2000:]
    for _ in range(2):  # the rerun, and once more for good measure
        again = poll(prefect_api)
        assert again.returncode == 0, again.stderr[-2000:]


@pytest.mark.parametrize("point", STEPS)
def test_a_poll_killed_after_a_reservation_or_a_shipment_neither_loses_nor_doubles(point, home, prefect_api):
    deliver(sample_email("01-seed-order.eml"))  # 100 × P001 of 300 on hand
    run_intake()
    deliver(customer_reply(last_to(home, "purchase@huadong.example", "客户需求清单"), "确认无误"))
    run_intake()
    deliver(customer_reply(last_to(home, "manager@example.com", "审批"), "同意", sender="manager@example.com"))
    run_intake()
    deliver(customer_reply(last_to(home, "finance@example.com", "审批"), "同意", sender="finance@example.com"))
    crash_and_rerun(prefect_api, point)  # the approval that reserves
    (order,) = open_repository(Settings()).list_orders()
    assert order.status == Status.PICKING and stock("P001") == (300, 100)
    assert len([m for m in outbox(home) if "出库备货" in str(m["Subject"])]) == 1

    deliver(customer_reply(last_to(home, "warehouse@example.com", "出库备货"), "已备货\nP001 100",
                           sender="warehouse@example.com"))
    run_intake()
    deliver(customer_reply(last_to(home, "purchase@huadong.example", "送货时间"), "确认"),
            customer_reply(last_to(home, "finance@example.com", "预付款"), "已收款 15,240.00",
                           sender="finance@example.com"))
    run_intake()
    ready = last_to(home, "logistics@example.com", "待发货")
    deliver(customer_reply(ready, "承运商:顺丰速运 运单号:SF1234567890123 件数:2", sender="logistics@example.com"))
    crash_and_rerun(prefect_api, point)  # the shipment, its mail queued
    (order,) = open_repository(Settings()).list_orders()
    assert order.status == Status.SHIPPED and stock("P001") == (200, 0)
    shipped = [m for m in outbox(home) if "已发货" in str(m["Subject"])]
    assert sorted(str(m["To"]) for m in shipped) == ["li.rep@example.com", "purchase@huadong.example"]
    assert len({m["Message-ID"] for m in outbox(home)}) == len(outbox(home))  # nothing sent twice


@pytest.mark.parametrize("point", STEPS)
def test_a_poll_killed_after_the_signed_form_is_taken_archives_it_once_and_tells_everyone_once(
        point, home, prefect_api, monkeypatch):
    import hashlib
    import json

    from flows.deadlines import deadlines_flow
    from store.documents import DocumentArchive
    from tests.flows.test_delivery_servers import photo, reply_with, seed_shipped

    order_no = seed_shipped()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-04T09:00:00+08:00")
    deadlines_flow()  # the day before arrival: the reminder with the 签收单
    form = photo(1200, 1600)
    deliver(reply_with(last_to(home, "purchase@huadong.example", "明日到货"), "已签收", [("签收单.jpg", form)]))
    crash_and_rerun(prefect_api, point)
    order = open_repository(Settings()).get_order(order_no)
    assert order.status == Status.DELIVERED
    folder = DocumentArchive(Settings().archive_dir).folder(order_no)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["files"][order.delivery.form.file] == hashlib.sha256(form).hexdigest()
    assert (folder / order.delivery.form.file).read_bytes() == form
    told = sorted(str(m["To"]) for m in outbox(home) if "已签收" in str(m["Subject"]))
    assert told == ["li.rep@example.com", "purchase@huadong.example"]
    assert len({m["Message-ID"] for m in outbox(home)}) == len(outbox(home))


@pytest.mark.parametrize("point", STEPS)
def test_a_poll_killed_as_a_case_opens_or_the_order_closes_opens_one_case_and_closes_once(
        point, home, prefect_api, monkeypatch):
    import json

    from flows.deadlines import deadlines_flow
    from flows.payments import import_payments
    from store.documents import DocumentArchive
    from tests.flows.test_delivery_servers import photo, reply_with, seed_shipped

    order_no = seed_shipped()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-04T09:00:00+08:00")
    deadlines_flow()
    deliver(reply_with(last_to(home, "purchase@huadong.example", "明日到货"), "已签收,第3箱破损。",
                       [("签收单.jpg", photo(1200, 1600))]))
    crash_and_rerun(prefect_api, point)  # the remark opens a case
    order = open_repository(Settings()).get_order(order_no)
    assert order.status == Status.AFTER_SALES and len(order.cases) == 1
    opened = [m for m in outbox(home) if "售后单" in str(m["Subject"])]
    assert sorted(str(m["To"]) for m in opened) == ["li.rep@example.com", "service@example.com",
                                                     "warehouse@example.com"]
    to_service = next(m for m in opened if str(m["To"]) == "service@example.com")
    deliver(customer_reply(to_service, "处理方案:换一箱新的,明天送到。", sender="service@example.com"))
    run_intake()
    deliver(customer_reply(last_to(home, "purchase@huadong.example", "售后处理方案"), "满意"))
    run_intake()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-07T10:00:00+08:00")
    deadlines_flow()  # the survey
    bank = Settings().home / "bank.csv"
    bank.write_text(f"date,order_no,amount,reference\n2023-10-07,{order_no},45000.00,B1\n", encoding="utf-8")
    import_payments(open_repository(Settings()), bank, Settings(), Settings().current_time())
    deliver(customer_reply(last_to(home, "purchase@huadong.example", "满意度回访"), "评分 5,很满意"))
    crash_and_rerun(prefect_api, point)  # the answer closes the order
    order = open_repository(Settings()).get_order(order_no)
    assert order.status == Status.CLOSED
    closed = [m for m in outbox(home) if "已闭环" in str(m["Subject"])]
    assert sorted(str(m["To"]) for m in closed) == ["li.rep@example.com", "purchase@huadong.example"]
    folder = DocumentArchive(Settings().archive_dir).folder(order_no)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert "closure.json" in manifest["files"] and DocumentArchive(Settings().archive_dir).verify(order_no) == []
    assert len({m["Message-ID"] for m in outbox(home)}) == len(outbox(home))
