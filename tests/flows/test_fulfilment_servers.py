"""Procedure step 4 by email through the real servers (aiosmtpd → Dovecot, IMAP
in, SMTP out): an approved order is reserved, picked with the pre-ship check,
paid as its terms ask, given a delivery window, and shipped with the shipping
note; a custom order passes tech's feasibility check and production. Staff
answer as Outlook, Foxmail and Gmail write replies; whoever may not answer is
refused and told why, and the order does not move. The clock is ORDERLOOP_NOW."""
from __future__ import annotations

import email
import email.policy
import io
import json

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from flows.cli import app
from flows.deadlines import deadlines_flow
from orders.status import Status

from tests.flows import clients
from tests.flows.conftest import run_intake, sample_email
from tests.flows.helpers import customer_reply
from tests.flows.test_approval_servers import (CUSTOMER, MANAGER, PRODUCTION, REP, WAREHOUSE, latest, mails_to,
                                               order, request_for, seed_order, send, to_manager_review)
from tests.flows.test_intake_servers import servers  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration

FINANCE, LOGISTICS, TECH = "finance@example.com", "logistics@example.com", "tech@example.com"


def pdf_text(message) -> str:
    (part,) = [p for p in message.iter_attachments() if p.get_content_type() == "application/pdf"]
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(part.get_content())).pages).replace(" ", "")


DRAWING = b"AC1032 drawing of the C-bracket, 300x200x5mm" * 100


def write_stock_take(*rows: str):
    from flows.settings import Settings

    path = Settings().home / "stock-take.csv"
    path.write_text("sku,on_hand\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def drawing_in(message) -> bool:
    return any(p.get_filename() == "C型支架-图纸.dwg" and p.get_content() == DRAWING for p in message.iter_attachments())


def subjects(mta, address: str, order_no: str) -> list[str]:
    return [str(m["Subject"]) for m in mails_to(mta, address) if order_no in str(m["Subject"])]


def effective(mta, account, quantity: int = 90) -> str:
    order_no = to_manager_review(mta, account, seed_order(quantity))
    send(mta, account, clients.outlook(request_for(mta, MANAGER, order_no), MANAGER, "同意"))
    run_intake()
    return order_no


def test_an_order_in_stock_is_picked_checked_paid_given_a_window_and_shipped(servers, mta, monkeypatch):
    order_no = effective(mta, servers)  # 90 × P001 in stock; 45,800 payable; the customer's terms: 预付30%
    record = order(order_no)
    assert record.status == Status.PICKING
    assert [(r.sku, str(r.reserved)) for r in record.fulfilment.reservations] == [("P001", "90")]
    assert any("已生效" in s for s in subjects(mta, CUSTOMER, order_no))
    pick = latest(mta, WAREHOUSE, "出库")
    assert "出库单" in pdf_text(pick) and "A-01-03" in pdf_text(pick)  # the outbound order, with the location
    stock = json.loads(CliRunner().invoke(app, ["stock", "--json"]).output)
    assert {r["sku"]: (r["on_hand"], r["reserved"]) for r in stock}["P001"] == ("300", "90")

    # The pre-ship check: Foxmail, no threading headers, a count that does not match.
    send(mta, servers, clients.foxmail(pick, WAREHOUSE, "已备货\nP001 88"))
    run_intake()
    assert order(order_no).fulfilment.picked_at is None
    mismatch = latest(mta, REP, "不符")
    assert "ordered 90, picked 88" in clients.plain(mismatch)

    # Logistics, answering a mail it never got (the warehouse's), cannot ship what is not ready.
    send(mta, servers, clients.gmail(pick, LOGISTICS, "承运商:顺丰速运 运单号:SF1234567890123 件数:2"))
    run_intake()
    assert order(order_no).status == Status.PICKING
    assert "answers no mail the pipeline sent to you" in clients.plain(latest(mta, LOGISTICS, "未执行"))

    send(mta, servers, clients.outlook(pick, WAREHOUSE, "已备货 P001 90"))
    run_intake()
    record = order(order_no)
    assert record.fulfilment.picked_at is not None and record.shipment.window_state == "proposed"
    proposal = latest(mta, CUSTOMER, "送货时间")
    prepayment = latest(mta, FINANCE, "预付款")
    assert "13,740.00" in clients.plain(prepayment)  # 30% of 45,800.00
    assert not mails_to(mta, LOGISTICS) or all("待发货" not in s for s in subjects(mta, LOGISTICS, order_no))

    # A stranger who names the customer (and even holds the proposal) agrees nothing.
    send(mta, servers, customer_reply(proposal, "华东精密机械有限公司 CUST001 确认 10月20日-10月21日",
                                      sender="buyer@huadong-evil.example"))
    run_intake()
    assert order(order_no).shipment.window_state == "proposed"
    send(mta, servers, customer_reply(proposal, "10月16日-10月17日送货可以"))
    send(mta, servers, clients.foxmail(prepayment, FINANCE, "已收款 13,740.00"))
    run_intake()
    record = order(order_no)
    assert (str(record.shipment.window_start), record.shipment.window_state) == ("2023-10-16", "agreed")
    assert [str(p.amount) for p in record.payments] == ["13740.00"]
    ready = latest(mta, LOGISTICS, "待发货")
    assert "2023-10-16" in clients.plain(ready)

    # The warehouse may not report the shipment; a typo in the number goes back to logistics.
    send(mta, servers, clients.gmail(ready, WAREHOUSE, "承运商:顺丰速运 运单号:SF1234567890123 件数:2"))
    send(mta, servers, clients.outlook(ready, LOGISTICS, "承运商：顺丰速运\n运单号：SF12345\n件数：2"))
    run_intake()
    assert order(order_no).status == Status.PICKING
    assert "only logistics" in clients.plain(latest(mta, WAREHOUSE, "未执行"))
    assert "SF1234567890123" in clients.plain(latest(mta, LOGISTICS, "未执行"))  # the expected shape
    assert not any("已发货" in s for s in subjects(mta, CUSTOMER, order_no))

    send(mta, servers, clients.gmail(ready, LOGISTICS, "承运商:顺丰速运 运单号:SF1234567890123 件数:2"))
    run_intake()
    record = order(order_no)
    assert record.status == Status.SHIPPED and str(record.actual_ship_date) == "2023-10-01"
    shipped = latest(mta, CUSTOMER, "已发货")
    # The customer and the rep get the same shipping note: one version, rendered once.
    names = {p.get_filename() for m in (shipped, latest(mta, REP, "已发货")) for p in m.iter_attachments()}
    assert len(names) == 1, names
    text = pdf_text(shipped)
    assert "SF1234567890123" in text and "顺丰速运" in text and "2023-10-16" in text
    stock = json.loads(CliRunner().invoke(app, ["stock", "--json"]).output)
    assert {r["sku"]: (r["on_hand"], r["reserved"]) for r in stock}["P001"] == ("210", "0")
    trail = CliRunner().invoke(app, ["orders", "show", order_no, "--json"]).output
    assert trail.count('"refused"') >= 4  # the mismatch, the early shipment, the wrong role, the typo

    # On its way (step 5): logistics' delay goes to the customer with the new date.
    send(mta, servers, clients.outlook(ready, LOGISTICS, "延迟:暴雨封路,已改走陆运 预计送达:10月18日"))
    run_intake()
    record = order(order_no)
    assert str(record.estimated_arrival_date) == "2023-10-18" and str(record.shipment.window_start) == "2023-10-18"
    delay = clients.plain(latest(mta, CUSTOMER, "延迟"))
    assert "2023-10-18" in delay and "暴雨封路" in delay


def test_a_custom_order_goes_through_tech_and_production_before_picking(servers, mta):
    raw = sample_email("01-seed-order.eml").decode("utf-8")
    for old, new in (("P001", "P003"), ("A产品", "C型支架"), ("L-500×300", "定制 300×200×5mm"),
                     ("数量:100台", "数量:100件"), ("单价:500元", "单价:80元"), ("实付金额:50,800元", "实付金额:8,800元")):
        raw = raw.replace(old, new)
    raw = raw.replace("<hd-20231001-001@huadong.example>", "<hd-custom-1@huadong.example>")
    send(mta, servers, raw.encode("utf-8"))
    run_intake()
    requirements = latest(mta, CUSTOMER, "客户需求清单")
    order_no = str(requirements["Subject"]).split("]")[0].lstrip("[")
    send(mta, servers, customer_reply(requirements, "确认无误"))
    run_intake()
    assert order(order_no).status == Status.FEASIBILITY, order(order_no).problems
    check = latest(mta, TECH, "可行性")
    send(mta, servers, clients.foxmail(check, TECH, "不可行：孔距太小，最小只能做到8mm"))
    run_intake()
    assert order(order_no).status == Status.CLARIFYING
    assert "孔距太小" in clients.plain(latest(mta, CUSTOMER, "不可行"))
    assert "孔距太小" in clients.plain(latest(mta, REP, "不可行"))


def test_an_unanswered_pick_reminds_then_escalates_and_a_forged_shipment_is_refused(servers, mta, monkeypatch):
    order_no = effective(mta, servers)  # effective on Sunday 1 October 2023, National Day
    due = order(order_no).timer("picking").due_at
    assert due.isoformat() == "2023-10-07T10:00:00+08:00"  # one working day: the make-up Saturday
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-07T10:30:00+08:00")
    assert deadlines_flow()["chased"] == 1
    reminder = latest(mta, WAREHOUSE, "待办提醒")
    assert order_no in str(reminder["Subject"]) and "已备货" in clients.plain(reminder)
    listed = json.loads(CliRunner().invoke(app, ["orders", "list", "--overdue", "--json"]).output)
    assert [t["kind"] for t in listed[0]["overdue_timers"]] == ["picking"]
    assert deadlines_flow()["chased"] == 0  # once per deadline
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-08T11:00:00+08:00")
    assert deadlines_flow()["chased"] == 1
    assert order_no in str(latest(mta, MANAGER, "转办")["Subject"])  # the warehouse has no deputy

    # A shipment report whose envelope sender is not its From decides nothing, whoever it names.
    send(mta, servers, clients.outlook(latest(mta, WAREHOUSE, "出库"), WAREHOUSE, "已备货"))
    run_intake()
    forged = clients.gmail(latest(mta, WAREHOUSE, "出库"), LOGISTICS,
                           "承运商:顺丰速运 运单号:SF1234567890123 件数:2")
    send(mta, servers, forged, envelope_from="mallory@attacker.example")
    run_intake()
    record = order(order_no)
    assert record.status == Status.PICKING and record.shipment.carrier is None
    shown = json.loads(CliRunner().invoke(app, ["orders", "show", order_no, "--json"]).output)
    refused = [e["reason"] for e in shown["audit_trail"] if e["kind"] == "refused"]
    assert any("may be forged" in reason for reason in refused), refused


def test_a_verdict_that_mentions_a_payment_decides_and_the_window_link_agrees_without_threading(servers, mta):
    from email.message import EmailMessage
    from email.utils import make_msgid
    from urllib.parse import parse_qs, unquote, urlsplit

    order_no = to_manager_review(mta, servers, seed_order(100))  # 50,800: the manager, then finance
    send(mta, servers, clients.outlook(request_for(mta, MANAGER, order_no), MANAGER, "同意"))
    run_intake()
    send(mta, servers, clients.gmail(request_for(mta, FINANCE, order_no), FINANCE, "同意,客户预付款已收款 15240"))
    run_intake()
    record = order(order_no)
    assert record.status == Status.PICKING and record.payments == []  # an approval, not a payment report
    send(mta, servers, clients.outlook(latest(mta, WAREHOUSE, "出库"), WAREHOUSE, "已备货"))
    run_intake()
    proposal = latest(mta, CUSTOMER, "送货时间")
    html = proposal.get_body(("html",)).get_content().replace("&amp;", "&")
    link = next(l for l in clients.LINK_RE.findall(html) if "confirm" in unquote(l))
    query = {k: v[0] for k, v in parse_qs(urlsplit(link).query).items()}
    click = EmailMessage()  # what a mail client opens from the link: no In-Reply-To, no References
    click["From"], click["To"] = CUSTOMER, unquote(urlsplit(link).path)
    click["Subject"], click["Message-ID"] = query["subject"], make_msgid(domain="huadong.example")
    click.set_content(query.get("body", ""))
    send(mta, servers, click.as_bytes())
    run_intake()
    assert order(order_no).shipment.window_state == "agreed"
    assert "送货时间已确认" in str(latest(mta, CUSTOMER, "送货时间")["Subject"])


def test_a_feasible_custom_order_is_made_by_production_then_picked(servers, mta):
    raw = sample_email("01-seed-order.eml").decode("utf-8")
    for old, new in (("P001", "P003"), ("A产品", "C型支架"), ("L-500×300", "定制 300×200×5mm"),
                     ("数量:100台", "数量:100件"), ("单价:500元", "单价:80元"), ("实付金额:50,800元", "实付金额:8,800元"),
                     ("<hd-20231001-001@huadong.example>", "<hd-custom-2@huadong.example>")):
        raw = raw.replace(old, new)
    message = email.message_from_bytes(raw.encode("utf-8"), policy=email.policy.default)
    message.make_mixed()
    message.add_attachment(DRAWING, maintype="application", subtype="acad", filename="C型支架-图纸.dwg")
    send(mta, servers, message.as_bytes())
    run_intake()
    requirements = latest(mta, CUSTOMER, "客户需求清单")
    order_no = str(requirements["Subject"]).split("]")[0].lstrip("[")
    send(mta, servers, customer_reply(requirements, "确认无误"))
    run_intake()
    check = latest(mta, TECH, "可行性")
    assert drawing_in(check)  # tech gets the customer's drawing with the order
    send(mta, servers, clients.gmail(check, TECH, "Feasible, standard tooling."))
    run_intake()
    send(mta, servers, clients.outlook(request_for(mta, MANAGER, order_no), MANAGER, "同意"))
    run_intake()
    record = order(order_no)
    # Effective Sunday 1 October (National Day): 7 working days from the make-up Saturday → 13 October.
    assert record.status == Status.IN_PRODUCTION and str(record.fulfilment.production_due) == "2023-10-13"
    request = latest(mta, PRODUCTION, "生产任务")
    assert "2023-10-13" in clients.plain(request) and "C型支架" in pdf_text(request) and drawing_in(request)
    assert "2023-10-13" in clients.plain(latest(mta, CUSTOMER, "生产中"))
    send(mta, servers, clients.outlook(request, PRODUCTION, "已排产，完工日期 2023-10-12"))
    run_intake()
    assert str(order(order_no).fulfilment.production_due) == "2023-10-12"
    send(mta, servers, clients.foxmail(request, PRODUCTION, "已完工，已入库"))
    run_intake()
    record = order(order_no)
    assert record.status == Status.PICKING and record.fulfilment.production == "completed"
    assert "出库单" in pdf_text(latest(mta, WAREHOUSE, "出库"))


def test_two_approvals_in_one_poll_never_reserve_the_same_unit(servers, mta):
    first = to_manager_review(mta, servers, seed_order(90, message_id="hd-race-1@huadong.example"))
    second = to_manager_review(mta, servers, seed_order(90, message_id="hd-race-2@huadong.example"))
    for order_no in (first, second):  # 300 on hand; the stock on hand is set to 100 first
        assert order(order_no).status == Status.MANAGER_REVIEW
    take = CliRunner().invoke(app, ["import", "stock", str(write_stock_take("P001,100"))])
    assert take.exit_code == 0, take.output
    send(mta, servers, clients.outlook(request_for(mta, MANAGER, first), MANAGER, "同意"))
    send(mta, servers, clients.gmail(request_for(mta, MANAGER, second), MANAGER, "同意"))
    run_intake()  # both approvals in one batch
    held = {no: order(no).fulfilment.reservations[0].reserved for no in (first, second)}
    assert sorted(held.values()) == [10, 90]  # 100 on hand: 90 for the first approved, 10 for the other
    stock = json.loads(CliRunner().invoke(app, ["stock", "--json"]).output)
    assert {r["sku"]: (r["on_hand"], r["reserved"]) for r in stock}["P001"] == ("100", "100")
    short = next(no for no, q in held.items() if q == 10)
    assert order(short).status == Status.IN_PRODUCTION  # the other 80 are made
