"""Nothing a customer sends is silently dropped: what the pipeline cannot
place goes to the rep with 是订单 / 不是; mail clearly not for us stays ignored.
On the in-memory store, through the intake service layer."""
from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

import pytest

from flows.handling import record_batch_safely
from flows.settings import Settings
from mail.base import IncomingMessage
from orders.status import Status
from parsers import parse_email

from tests.flows.test_handling import NOW, repository_with_master

CUSTOMER, REP = "purchase@huadong.example", "li.rep@example.com"
COLLOQUIAL = "老样子，A产品再来一百台，价格按上次的，下周五前送到"
# Business talk the parser cannot place: a customer's question about goods and money.
UNPLACEABLE = "上次那批A产品有三台外壳划伤了，价格上能不能给点补偿？"


def mail(body: str, sender: str = CUSTOMER, subject: str = "", **headers: str) -> bytes:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, "orders@example.com", subject
    message["Message-ID"] = f"<m{abs(hash((body, sender, subject)))}@client.example>"
    message["Date"] = "Sun, 01 Oct 2023 09:00:00 +0800"
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message.as_bytes()


def run(repository, *raws: bytes):
    batch = [IncomingMessage(str(n), raw) for n, raw in enumerate(raws)]
    return record_batch_safely(repository, batch, Settings(), NOW)


def text_of(outgoing) -> str:
    message = email.message_from_string(outgoing.raw, policy=email.policy.default)
    return message.get_body(("plain",)).get_content()


def sent_to(repository, address: str):
    with repository.unit_of_work() as uow:
        return [m for m in uow.pending_mail() if address in m.recipients]


def test_the_colloquial_order_is_read_as_an_order_and_the_question_is_not():
    assert parse_email(mail(COLLOQUIAL, subject="订货")).kind == "order"
    assert parse_email(mail(UNPLACEABLE, subject="关于上批货")).kind == "other"  # what the rep is asked about


def test_a_customers_unplaceable_mail_goes_to_the_rep_with_what_was_read():
    repository = repository_with_master()
    (placement,) = run(repository, mail(UNPLACEABLE, subject="关于上批货"))
    assert placement.folder == "processed" and "held for the rep li.rep@example.com" in placement.record.reason
    (asked,) = sent_to(repository, REP)
    assert asked.purpose == "unplaced" and UNPLACEABLE in text_of(asked) and "是订单" in text_of(asked)
    assert not sent_to(repository, CUSTOMER)  # nothing goes back to the writer


def reply_to_query(repository, body: str, sender: str = REP) -> bytes:
    (asked,) = sent_to(repository, REP)
    return mail(body, sender=sender, subject="Re: " + asked.subject, In_Reply_To=asked.message_id,
                References=asked.message_id)


def test_the_reps_shi_dingdan_takes_it_in_as_an_order_clarified_with_the_customer():
    repository = repository_with_master()
    run(repository, mail(UNPLACEABLE, subject="关于上批货"))
    (placement,) = run(repository, reply_to_query(repository, "是订单，请跟进"))
    assert placement.folder == "processed" and placement.record.order_no
    (order,) = repository.list_orders()
    assert order.reply_to == CUSTOMER and order.customer.code == "CUST001"
    # What a question about goods does not say (quantities, prices, a date) the customer is asked for.
    assert order.status == Status.CLARIFYING and order.problems
    assert any("taken in as an order by li.rep@example.com" in e.reason for e in repository.audit_trail(order.order_no))
    assert [m.purpose for m in sent_to(repository, CUSTOMER)] == ["clarification"]
    # A second answer decides nothing more.
    (again,) = run(repository, reply_to_query(repository, "是订单!"))
    assert "already decided" in again.record.reason and len(repository.list_orders()) == 1


def test_the_reps_bu_shi_files_it_and_someone_else_cannot_decide():
    repository = repository_with_master()
    run(repository, mail(UNPLACEABLE, subject="关于上批货"))
    (other,) = run(repository, reply_to_query(repository, "是订单", sender="warehouse@example.com"))
    assert "may not decide" in other.record.reason and not repository.list_orders()
    (placement,) = run(repository, reply_to_query(repository, "不是，是询价"))
    assert placement.folder == "processed" and placement.record.reason.startswith("filed:")
    assert not repository.list_orders()


def test_business_talk_from_an_unknown_address_goes_to_a_rep():
    repository = repository_with_master()
    (placement,) = run(repository, mail(UNPLACEABLE, sender="new.buyer@unknown.example", subject="上批货"))
    assert "held for the rep" in placement.record.reason


@pytest.mark.parametrize("raw", [
    mail("Thanks for your newsletter, see you at the fair.", sender="friend@unknown.example", subject="hello"),
    mail(f"{UNPLACEABLE}\n退订 unsubscribe", subject="特价促销 newsletter", List_Unsubscribe="<mailto:u@list.example>"),
    mail(UNPLACEABLE, subject="自动回复: 订货", Auto_Submitted="auto-replied"),
], ids=["chat-from-a-stranger", "newsletter", "auto-reply"])
def test_mail_clearly_not_for_us_stays_ignored(raw):
    repository = repository_with_master()
    (placement,) = run(repository, raw)
    assert placement.folder == "ignored" and not sent_to(repository, REP)


def test_a_customer_reply_in_a_thread_that_changes_nothing_reaches_the_rep():
    repository = repository_with_master()
    run(repository, mail("客户编码:CUST001\n商品编码:P001\n数量:100台\n单价:500元\n要求交付日期:2023-10-15\n",
                         subject="订购单"))
    (order,) = repository.list_orders()
    ours = next(iter(order.mail_sent))
    (placement,) = run(repository, mail("请问能否顺便寄一份产品目录?", subject=f"Re: [{order.order_no}] 客户需求清单",
                                        In_Reply_To=f"<{ours}>", References=f"<{ours}>"))
    assert "held for the rep" in placement.record.reason and placement.record.order_no == order.order_no
    (asked,) = sent_to(repository, REP)
    assert f"[{order.order_no}]" in asked.subject and "产品目录" in text_of(asked)
