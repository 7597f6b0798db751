"""Step 6 against people who may not act (the embedded Maildir, the clock moved):
a stranger who answers the survey with the customer's code records nothing; a
闭环 whose From our mail server failed is refused on the record and nobody is
mailed; the survey unanswered for 7 days goes to the rep, whose own 闭环
closes the paid order."""
from __future__ import annotations

import pytest

from flows.components import open_mailbox, open_repository
from flows.deadlines import deadlines_flow
from flows.payments import import_payments
from flows.settings import Settings
from orders.status import Status

from tests.flows.conftest import run_intake
from tests.flows.helpers import customer_reply, outbox
from tests.flows.test_delivery_servers import photo, reply_with, seed_shipped

pytestmark = pytest.mark.integration

CUSTOMER, REP = "purchase@huadong.example", "li.rep@example.com"


def deliver(*raws: bytes) -> None:
    with open_mailbox(Settings()) as mailbox:
        for raw in raws:
            mailbox.append(raw)
    run_intake()


def last(home, address: str, word: str):
    return [m for m in outbox(home) if address in str(m["To"]) and word in str(m["Subject"])][-1]


def order(order_no: str):
    return open_repository(Settings()).get_order(order_no)


def test_only_the_customer_answers_the_survey_and_only_the_believed_rep_closes(home, prefect_api, monkeypatch):
    order_no = seed_shipped()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-04T09:00:00+08:00")
    deadlines_flow()
    deliver(reply_with(last(home, CUSTOMER, "明日到货"), "已签收,货物完好。", [("签收单.jpg", photo(1200, 1600))]))
    assert order(order_no).status == Status.DELIVERED
    bank = Settings().home / "bank.csv"
    bank.write_text(f"date,order_no,amount,reference\n2023-10-04,{order_no},45000.00,B1\n", encoding="utf-8")
    import_payments(open_repository(Settings()), bank, Settings(), Settings().current_time())
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-07T10:00:00+08:00")
    deadlines_flow()
    survey = last(home, CUSTOMER, "满意度回访")

    deliver(customer_reply(survey, "华东精密 CUST001 评分 5,满意", sender="buyer@huadong-evil.example"))
    assert order(order_no).survey.answered_at is None and order(order_no).status == Status.DELIVERED

    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-14T10:00:00+08:00")
    deadlines_flow()  # 7 days unanswered: the rep is asked
    ask = last(home, REP, "请确认订单闭环")
    before = len(outbox(home))
    forged = b"Authentication-Results: mx.example.com; dmarc=fail header.from=example.com\r\n" + \
        customer_reply(ask, "闭环", sender=REP)
    deliver(forged)
    assert order(order_no).status == Status.DELIVERED
    assert len(outbox(home)) == before  # a From that may be forged is told nothing
    trail = open_repository(Settings()).audit_trail(order_no)
    assert any(e.kind == "refused" and "dmarc=fail" in e.reason for e in trail)

    deliver(customer_reply(ask, "已与客户确认,闭环。", sender=REP))
    assert order(order_no).status == Status.CLOSED
    assert sorted(str(m["To"]) for m in outbox(home) if "已闭环" in str(m["Subject"])) == [REP, CUSTOMER]


FORGED = b"Authentication-Results: mx.example.com; dmarc=fail header.from=example.com\r\n"


def test_a_forged_solution_or_a_forged_satisfied_customer_settles_no_case(home, prefect_api, monkeypatch):
    order_no = seed_shipped()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-04T09:00:00+08:00")
    deadlines_flow()
    deliver(reply_with(last(home, CUSTOMER, "明日到货"), "已签收,第1箱破损。", [("签收单.jpg", photo(1200, 1600))]))
    (case,) = order(order_no).cases
    opened = last(home, "service@example.com", "售后单")
    before = len(outbox(home))
    deliver(FORGED + customer_reply(opened, "处理方案:不用处理了。", sender="service@example.com"))
    assert order(order_no).cases[0].state == "open" and len(outbox(home)) == before  # refused, nobody mailed
    deliver(customer_reply(opened, "处理方案:补发一箱,明天送到。", sender="service@example.com"))
    solution = last(home, CUSTOMER, "售后处理方案")
    assert order(order_no).cases[0].state == "solution_sent"
    deliver(FORGED + customer_reply(solution, "满意,已解决"))
    deliver(customer_reply(solution, "满意,已解决", sender="buyer@huadong-evil.example"))
    record = order(order_no)
    assert record.cases[0].state == "solution_sent" and record.status == Status.AFTER_SALES
    trail = open_repository(Settings()).audit_trail(order_no)
    assert sum(e.kind == "refused" and "dmarc=fail" in e.reason for e in trail) == 2
    assert case.case_no == record.cases[0].case_no
