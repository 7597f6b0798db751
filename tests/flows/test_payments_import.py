"""`orderloop import payments FILE.csv`: a bank file onto the orders' payment
ledgers, all rows or none, each bad row named; the same file twice counts once;
a prepayment on record sends a picked order to logistics."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from flows.components import open_repository
from flows.settings import Settings
from orders.model import Order, OrderLine, PaymentTerms
from orders.progress import advance
from orders.status import Status
from orders.tasks import pick_reply, window_answer
from tests.flows.conftest import SAMPLE
from tests.flows.test_cli import orderloop

T = datetime(2023, 10, 1, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def picked_awaiting_prepayment(home) -> str:
    """SO2023100001: 90 × P001, 45,800.00 payable, 预付30% (13,740.00), picked, window agreed."""
    for kind in ("customers", "products", "staff"):
        assert orderloop("import", kind, str(SAMPLE / f"{kind}.csv"), home=home).returncode == 0
    repository = open_repository(Settings(home=home))
    with repository.unit_of_work() as uow:
        order = Order.receive("SO2023100001", at=T, actor="purchase@huadong.example", message_id=None)
        order.reply_to, order.sales_rep = "purchase@huadong.example", "li.rep@example.com"
        order.lines = [OrderLine(line_no=1, sku="P001", quantity=Decimal(90), unit_price=Decimal(500), kind="standard")]
        order.freight = Decimal(800)
        order.payment_terms = PaymentTerms(text="预付30%", prepayment_percent=Decimal(30))
        order.recompute_totals()
        for status in (Status.CONFIRMING, Status.MANAGER_REVIEW, Status.EFFECTIVE):
            order.move_to(status, at=T, actor="manager@example.com", reason="test")
        ledger = uow.stock_ledger()
        advance(order, ledger=ledger, master=uow.master, at=T)
        pick_reply(order, quantities={}, sender="warehouse@example.com", at=T, message_id=None, master=uow.master)
        advance(order, ledger=ledger, master=uow.master, at=T)
        window_answer(order, window=None, sender="purchase@huadong.example", at=T, message_id=None,
                      master=uow.master)
        uow.save_stock_ledger(ledger)
        uow.save_order(order)
    return order.order_no


def stored(home) -> Order:
    return open_repository(Settings(home=home)).get_order("SO2023100001")


def test_a_bank_file_records_the_prepayment_once_and_the_order_goes_to_logistics(tmp_path):
    picked_awaiting_prepayment(tmp_path)
    bank = tmp_path / "bank.csv"
    bank.write_text("date,order_no,amount,reference\n2023-10-01,so2023100001,\"13,740.00\",ICBC-0001\n",
                    encoding="gbk")
    done = orderloop("import", "payments", str(bank), home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "recorded 1 payment" in done.stdout
    order = stored(tmp_path)
    assert [(str(p.amount), p.reference, p.source) for p in order.payments] == [("13740.00", "ICBC-0001", "import")]
    assert order.fulfilment.ship_asked_at is not None  # picked, window agreed, prepaid: to logistics
    again = orderloop("import", "payments", str(bank), home=tmp_path)
    assert again.returncode == 0 and "recorded 0 payment" in again.stdout
    assert len(stored(tmp_path).payments) == 1
    shown = json.loads(orderloop("orders", "show", "SO2023100001", "--json", home=tmp_path).stdout)
    assert any("payment 13740.00 recorded (import" in e["reason"] for e in shown["audit_trail"])


def test_a_bank_file_with_bad_rows_is_refused_whole_and_each_row_is_named(tmp_path):
    picked_awaiting_prepayment(tmp_path)
    bank = tmp_path / "bank.csv"
    bank.write_text("date,order_no,amount,reference\n"
                    "2023-10-01,SO2023100001,1000.00,R1\n"      # good, but not stored: the file goes whole
                    "2023-10-01,SO2099010001,500.00,R2\n"       # no such order
                    "2023-10-01,SO2023100001,-5,R3\n"           # not positive
                    "2023-10-01,SO2023100001,99999.00,R4\n"     # more than the balance due: kept (told)
                    "2023-10-01,SO2023100001,10.00,R1\n"        # the same reference twice
                    "yesterday,SO2023100001,10.00,R5\n",        # not a date
                    encoding="utf-8")
    done = orderloop("import", "payments", str(bank), home=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    for found in ("row 6, column reference: R1 twice", "row 4, column amount", "row 7, column date"):
        assert found in done.stderr, done.stderr
    assert stored(tmp_path).payments == []
    # The row errors of the first pass stop it before any order is read; the order checks come next.
    bank.write_text("date,order_no,amount,reference\n2023-10-01,SO2023100001,1000.00,R1\n"
                    "2023-10-01,SO2099010001,500.00,R2\n2023-10-01,SO2023100001,99999.00,R4\n", encoding="utf-8")
    done = orderloop("import", "payments", str(bank), home=tmp_path)
    assert "row 3, column order_no: no order SO2099010001" in done.stderr
    assert "row 4" not in done.stderr  # more than owed is money received: kept, and finance told
    assert stored(tmp_path).payments == []
