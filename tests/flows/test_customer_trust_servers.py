"""Impersonated customers, through the real servers (aiosmtpd → Dovecot,
read over IMAP, answered by SMTP). An outsider who writes a customer's code
gets nothing of the customer record back, and cannot confirm, cancel or
change the customer's orders; the customer's rep decides who speaks for the
customer."""
from __future__ import annotations

import pytest

from orders.status import Status

from tests.flows import clients
from tests.flows.conftest import run_intake
from tests.flows.helpers import customer_reply
from tests.flows.test_approval_servers import (CUSTOMER, REP, latest, mails_to, order, refusals, seed_order, send,
                                               to_manager_review)
from tests.flows.test_intake_servers import servers  # noqa: F401  (the fixture)
from flows.components import open_repository
from flows.settings import Settings

pytestmark = pytest.mark.integration

OUTSIDER = "buyer@lookalike.example"
# What the customer record holds and the outsider's email does not say.
RECORD_ONLY = ("上海市浦东新区张江路100号", "13800000001", "预付30%", "purchase@huadong.example")


def outsider_order(message_id: str = "out-1@lookalike.example") -> bytes:
    """CUST001's code and name, from an address not on its record; nothing else of the record."""
    return ("From: Buyer <%s>\r\nTo: orders@example.com\r\nSubject: 订购单\r\nMessage-ID: <%s>\r\n"
            "Date: Sun, 01 Oct 2023 09:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "客户编码:CUST001\r\n客户名称:华东精密机械有限公司\r\n商品编码:P001\r\n数量:10台\r\n"
            "要求交付日期:2023-10-15\r\n" % (OUTSIDER, message_id)).encode("utf-8")


def everything_sent_to(mta, address: str) -> str:
    return "\n".join(m.as_string() + "".join(
        part.get_content() for part in m.walk() if part.get_content_type() in ("text/plain", "text/html"))
        for m in mails_to(mta, address))


def test_an_outsider_naming_a_customer_code_learns_nothing_and_the_order_waits_for_the_rep(servers, mta):
    send(mta, servers, outsider_order())
    run_intake()
    (record,) = open_repository(Settings()).list_orders()
    assert record.status == Status.RECEIVED and record.sender_check.state == "asked"
    told = everything_sent_to(mta, OUTSIDER)
    assert "核实" in told and not any(secret in told for secret in RECORD_ONLY)
    assert not any(m.get_content_type() == "application/pdf" for msg in mails_to(mta, OUTSIDER) for m in msg.walk())
    check = latest(mta, REP, "核实发件人")
    assert OUTSIDER in clients.plain(check) and "CUST001" in clients.plain(check)

    # Someone else answers the rep's question: refused, nothing moves.
    send(mta, servers, clients.outlook(check, "finance@example.com", "确认"))
    run_intake()
    assert order(record.order_no).status == Status.RECEIVED
    # The rep says 不是: the order is cancelled; the outsider still learns nothing.
    send(mta, servers, clients.outlook(check, REP, "不是，这不是客户的人"))
    run_intake()
    assert order(record.order_no).status == Status.CANCELLED
    told = everything_sent_to(mta, OUTSIDER)
    assert "cannot be taken" in told and not any(secret in told for secret in RECORD_ONLY)
    assert OUTSIDER not in open_repository(Settings()).master().customer_by_code("CUST001").addresses()


def test_the_reps_confirmation_registers_the_sender_and_the_order_goes_on(servers, mta):
    send(mta, servers, outsider_order())
    run_intake()
    check = latest(mta, REP, "核实发件人")
    send(mta, servers, clients.gmail(check, REP, "确认，是客户新的采购"))
    run_intake()
    (record,) = open_repository(Settings()).list_orders()
    assert record.status in (Status.CLARIFYING, Status.CONFIRMING)
    assert record.customer.address == "上海市浦东新区张江路100号"  # now linked to the record
    assert OUTSIDER in open_repository(Settings()).master().customer_by_code("CUST001").addresses()
    assert latest(mta, OUTSIDER, record.order_no)  # the questions or the requirements list go to the sender
    # A second order from the same address goes straight on.
    send(mta, servers, outsider_order("out-2@lookalike.example"))
    run_intake()
    second = [o for o in open_repository(Settings()).list_orders() if o.order_no != record.order_no][0]
    assert second.status in (Status.CLARIFYING, Status.CONFIRMING) and second.sender_check is None


def test_a_reply_to_outside_the_senders_domain_does_not_divert_the_answers(servers, mta):
    raw = seed_order(90).replace(b"Subject:", b"Reply-To: harvest@evil.example\r\nSubject:", 1)
    send(mta, servers, raw)
    run_intake()
    (record,) = open_repository(Settings()).list_orders()
    assert record.reply_to == CUSTOMER and not mails_to(mta, "harvest@evil.example")


def test_customer_actions_need_a_registered_address_and_proof_of_the_thread(servers, mta):
    order_no = to_manager_review(mta, servers, seed_order(90))
    effective_before = order(order_no).model_dump(exclude={"event_seq", "updated_at", "thread", "mail_sent",
                                                           "pending_action"})
    requirements = latest(mta, CUSTOMER, "客户需求清单")
    # An outsider replies in the customer's thread with a change: not a registered address.
    send(mta, servers, customer_reply(requirements, "请变更订单:\n数量:500台\n变更原因:追加", sender=OUTSIDER))
    # The customer's own address, but a fresh mail naming only the order number: no proof of the thread.
    fresh = ("From: purchase@huadong.example\r\nTo: orders@example.com\r\nSubject: [%s] 变更\r\n"
             "Message-ID: <fresh-1@huadong.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
             "请变更订单:\r\n数量:200台\r\n变更原因:项目扩大\r\n" % order_no).encode("utf-8")
    send(mta, servers, fresh)
    run_intake()
    record = order(order_no)
    assert record.model_dump(exclude={"event_seq", "updated_at", "thread", "mail_sent", "pending_action"}) == \
        effective_before
    assert record.pending_action.intent == "change" and not record.change_requests
    assert any("without proof of the thread" in r for r in refusals(order_no))
    assert not mails_to(mta, OUTSIDER)
    # The registered address is asked; its answer to that check is what acts.
    check = latest(mta, CUSTOMER, "请确认您的要求")
    assert "变更" in clients.plain(check)
    send(mta, servers, customer_reply(check, "确认"))
    run_intake()
    record = order(order_no)
    assert any("90 → 200" in line for line in record.change_requests[0].summary)
    assert record.pending_action is None


def test_a_customers_unplaceable_mail_reaches_the_rep_and_is_taken_in_on_shi_dingdan(servers, mta):
    colloquial = ("From: purchase@huadong.example\r\nTo: orders@example.com\r\nSubject: 关于上批货\r\n"
                  "Message-ID: <casual-1@huadong.example>\r\nDate: Sun, 01 Oct 2023 09:00:00 +0800\r\n"
                  "Content-Type: text/plain; charset=utf-8\r\n\r\n"
                  "上次那批A产品有三台外壳划伤了，价格上能不能给点补偿？\r\n").encode("utf-8")
    send(mta, servers, colloquial)
    run_intake()
    assert not open_repository(Settings()).list_orders()
    asked = latest(mta, REP, "是否订单")
    assert "外壳划伤" in clients.plain(asked) and not mails_to(mta, CUSTOMER)
    send(mta, servers, clients.foxmail(asked, REP, "是订单"))
    run_intake()
    (record,) = open_repository(Settings()).list_orders()
    assert record.reply_to == CUSTOMER and record.status == Status.CLARIFYING
    assert latest(mta, CUSTOMER, record.order_no)  # the customer is asked for what is missing


def _outsider_mail(subject: str, body: str, message_id: str) -> bytes:
    return ("From: Buyer <%s>\r\nTo: orders@example.com\r\nSubject: %s\r\nMessage-ID: <%s>\r\n"
            "Date: Sun, 01 Oct 2023 09:00:00 +0800\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s"
            % (OUTSIDER, subject, message_id, body.replace("\n", "\r\n"))).encode("utf-8")


# The parser reads more than it did (issue 10): a code said in a sentence or a colleague's note, a new order in
# an old order's thread, a forward naming the customer's own address as its sender. None of these lets an
# outsider speak for the customer: each waits for the rep, as the labelled form above does.
WIDER_READINGS = {
    "code in a colleague's note": ("订单", "请录入，客户代码应该是CUST001，电话里下的单：\n"
                                             "A产品要10台，单价500元，10月15日前送到。\n"),
    "new order in an old thread": ("Re: [SO2023100077] 发货通知", "上批货收到了。另外新下一单（我司新采购单号 HD-PO-1001），"
                                                               "客户编码CUST001：\n控制板，型号CB-24V，300块，单价360元\n"
                                                               "10月15日前送到。\n"),
    "forward naming the customer": ("Fwd: 订单", "请录入。\n\n---------- Forwarded message ---------\n"
                                                 "From: 王建国 <purchase@huadong.example>\nDate: Sat, Sep 30, 2023\n"
                                                 "Subject: 订单\nTo: orders@example.com\n\n客户编码：CUST001\n"
                                                 "商品编码：P001\n数量：10台\n要求交付日期：2023-10-15\n"),
}


@pytest.mark.parametrize("reading", sorted(WIDER_READINGS))
def test_an_outsiders_order_the_parser_reads_in_a_new_way_still_waits_for_the_rep(servers, mta, reading):
    subject, body = WIDER_READINGS[reading]
    send(mta, servers, _outsider_mail(subject, body, f"wide-{len(reading)}@lookalike.example"))
    run_intake()
    (record,) = open_repository(Settings()).list_orders()
    assert record.customer.code == "CUST001"
    assert record.status == Status.RECEIVED and record.sender_check.state == "asked"
    told = everything_sent_to(mta, OUTSIDER) + everything_sent_to(mta, "purchase@huadong.example")
    assert not any(secret in told for secret in RECORD_ONLY if secret != "purchase@huadong.example")
    assert not mails_to(mta, "purchase@huadong.example")  # the named customer's address is not written to
    assert OUTSIDER in clients.plain(latest(mta, REP, "核实发件人"))
