"""The intake flow through Prefect on the embedded defaults: a Maildir inbox,
an outbox folder and TinyDB under ORDERLOOP_HOME."""
from __future__ import annotations

import pytest

from flows.components import open_mailbox, open_repository
from flows.settings import Settings
from orders.status import Status

from tests.flows.conftest import run_intake, sample_email
from tests.flows.helpers import customer_reply, folder_size, outbox

pytestmark = pytest.mark.integration


@pytest.fixture
def deliver(home, prefect_api):
    def put(*raws: bytes) -> None:
        with open_mailbox(Settings()) as mailbox:
            for raw in raws:
                mailbox.append(raw)
    return put


def orders():
    return {o.order_no: o for o in open_repository(Settings()).list_orders()}


def test_a_complete_order_becomes_a_record_and_the_customer_gets_the_requirements_list(deliver, home):
    deliver(sample_email("01-seed-order.eml"))
    counts = run_intake()
    assert counts["processed"] == 1 and counts["sent"] == 1
    (order,) = orders().values()
    assert order.order_no == "SO2023100001" and order.status == Status.CONFIRMING
    assert str(order.total_payable) == "50800.00" and order.customer.code == "CUST001"
    (sent,) = outbox(home)
    assert sent["To"] == "purchase@huadong.example"
    assert "[SO2023100001]" in sent["Subject"] and "客户需求清单" in sent["Subject"]
    assert sent["In-Reply-To"] == "<hd-20231001-001@huadong.example>"
    assert "50,800.00" in sent.get_body(("plain",)).get_content()
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 1


def test_questions_answers_and_confirmation_carry_an_order_to_manager_review(deliver, home):
    deliver(sample_email("02-vague-custom.eml"))
    run_intake()
    (order,) = orders().values()
    assert order.status == Status.CLARIFYING
    assert {p.code for p in order.problems} >= {"vague", "needs_drawing"}
    (questions,) = outbox(home)
    text = questions.get_body(("plain",)).get_content()
    assert "尽快" in text and "图纸" in text

    deliver(customer_reply(questions, "要求交付日期:2023-10-20\n规格型号:定制 300×200×5mm"))
    run_intake()
    assert orders()[order.order_no].status == Status.CONFIRMING
    requirements = outbox(home)[-1]
    assert requirements["In-Reply-To"] != questions["In-Reply-To"]
    assert questions["Message-ID"] in requirements["References"]

    deliver(customer_reply(requirements, "确认无误"))
    run_intake()
    order = orders()[order.order_no]
    # A custom item: tech checks feasibility before the manager (procedure step 1).
    assert order.status == Status.FEASIBILITY and order.timer("feasibility") is not None
    check = outbox(home)[-1]
    assert len(outbox(home)) == 3 and check["To"] == "tech@example.com" and "可行" in check["Subject"] + \
        check.get_body(("plain",)).get_content()

    deliver(customer_reply(check, "可行,按图纸加工没问题", sender="tech@example.com"))
    run_intake()
    order = orders()[order.order_no]
    assert order.status == Status.MANAGER_REVIEW and order.timer("feasibility") is None
    trail = open_repository(Settings()).audit_trail(order.order_no)
    assert [e.to_status for e in trail if e.kind == "transition"] == [
        Status.RECEIVED, Status.CLARIFYING, Status.CONFIRMING, Status.FEASIBILITY, Status.MANAGER_REVIEW]
    # Every mail is on the record with its Message-ID: the questions, the list, tech's check, the request.
    mailed = [e for e in trail if e.kind == "notice"]
    assert [e.reason.split(" ")[0] for e in mailed] == ["clarification", "requirements_list", "feasibility_request",
                                                        "approval_request"]
    assert {e.message_id for e in mailed} == {m["Message-ID"] for m in outbox(home)}
    assert all(e.message_id for e in trail)
    # Tech's answer is not answered; it sends the approval request to the manager.
    request = outbox(home)[-1]
    assert len(outbox(home)) == 4 and request["To"] == "manager@example.com"
    assert f"[{order.order_no}]" in request["Subject"] and "审批" in request["Subject"]


def test_auto_replies_and_bounces_are_filed_and_never_answered(deliver, home):
    deliver(sample_email("04-out-of-office.eml"), sample_email("05-bounce.eml"))
    counts = run_intake()
    assert counts == {"messages": 2, "sent": 0, "ignored": 2}
    assert orders() == {} and outbox(home) == []
    assert folder_size(home, "Ignored") == 2


def test_polling_again_creates_nothing_twice(deliver, home):
    raw = sample_email("03-english-order.eml")
    deliver(raw)
    run_intake()
    deliver(raw)  # the same message delivered again
    assert run_intake()["sent"] == 0
    run_intake()
    assert len(orders()) == 1 and len(outbox(home)) == 1


def test_a_malformed_order_is_quarantined_with_the_reason(deliver, home):
    no_sender = b"Subject: order\r\nMessage-ID: <x1@nowhere>\r\n\r\n\xe5\x95\x86\xe5\x93\x81\xe5\x90\x8d\xe7\xa7\xb0:A\n\xe6\x95\xb0\xe9\x87\x8f:1\n"
    deliver(no_sender)
    counts = run_intake()
    assert counts.get("quarantine") == 1 and orders() == {}
    (record,) = open_repository(Settings()).quarantined()
    assert record.key == "<x1@nowhere>" and "sender" in record.reason
    assert folder_size(home, "Quarantine") == 1 and outbox(home) == []
