"""The intake service layer on the in-memory store: no servers, no Prefect."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import flows.handling as handling
from flows.handling import record_batch_safely
from flows.masterdata import read_rows
from flows.settings import Settings
from mail.base import IncomingMessage
from store import MemoryRepository

from tests.flows.conftest import SAMPLE, sample_email

NOW = datetime(2023, 10, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def repository_with_master() -> MemoryRepository:
    repository = MemoryRepository()
    with repository.unit_of_work() as uow:
        for kind in ("customers", "products", "staff"):
            uow.replace_master(kind, read_rows(kind, SAMPLE / f"{kind}.csv"))
    return repository


def test_one_message_that_cannot_be_stored_is_quarantined_and_the_rest_go_on(monkeypatch):
    repository = repository_with_master()
    poison = sample_email("03-english-order.eml")
    real = handling.record_messages

    def failing_on_poison(uow, messages, settings, now):
        if any(m.raw == poison for m in messages):
            raise ValueError("the store refused this document")
        return real(uow, messages, settings, now)

    monkeypatch.setattr(handling, "record_messages", failing_on_poison)
    batch = [IncomingMessage("1", sample_email("01-seed-order.eml")), IncomingMessage("2", poison),
             IncomingMessage("3", sample_email("02-vague-custom.eml"))]
    placements = record_batch_safely(repository, batch, Settings(), NOW)
    assert [(p.uid, p.folder) for p in placements] == [("1", "processed"), ("2", "quarantine"), ("3", "processed")]
    assert "the store refused" in placements[1].record.reason
    assert len(repository.list_orders()) == 2
    (quarantined,) = repository.quarantined()
    assert quarantined.key == "<nw-4410@northwind.example>"


def test_a_message_seen_before_is_filed_again_without_a_second_effect():
    repository = repository_with_master()
    message = IncomingMessage("7", sample_email("01-seed-order.eml"))
    first = record_batch_safely(repository, [message], Settings(), NOW)
    again = record_batch_safely(repository, [message, message], Settings(), NOW)
    assert [p.folder for p in first + again] == ["processed"] * 3
    assert len(repository.list_orders()) == 1
    with repository.unit_of_work() as uow:
        assert len(uow.pending_mail()) == 1


def test_an_order_a_sales_rep_forwards_is_answered_to_the_customer():
    forwarded = ("From: li.rep@example.com\r\nTo: orders@example.com\r\nSubject: Fwd: 订购单\r\n"
                 "Message-ID: <fwd-1@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                 "---------- Forwarded message ---------\r\nFrom: 王先生 <purchase@huadong.example>\r\n"
                 "Subject: 订购单\r\n\r\n客户名称:华东精密机械有限公司\r\n商品编码:P001\r\n数量:10台\r\n"
                 "单价:500元\r\n要求交付日期:2023-10-15\r\n").encode("utf-8")
    repository = repository_with_master()
    (placement,) = record_batch_safely(repository, [IncomingMessage("1", forwarded)], Settings(), NOW)
    assert placement.folder == "processed"
    (order,) = repository.list_orders()
    assert order.reply_to == "purchase@huadong.example"


def follow_up(body: str, references: str) -> bytes:
    return ("From: 王先生 <purchase@huadong.example>\r\nTo: orders@example.com\r\nSubject: Re: 订购单\r\n"
            f"Message-ID: <follow-{abs(hash(body))}@huadong.example>\r\nIn-Reply-To: {references}\r\n"
            f"References: {references}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}").encode("utf-8")


def test_a_follow_up_in_the_customers_own_thread_changes_that_order_instead_of_opening_another():
    repository = repository_with_master()
    first = IncomingMessage("1", sample_email("01-seed-order.eml"))
    record_batch_safely(repository, [first], Settings(), NOW)
    correction = follow_up("抱歉更正:\r\n商品编码:P001\r\n数量:120台\r\n单价:500元\r\n实付金额:60,800元\r\n",
                           "<hd-20231001-001@huadong.example>")
    (placement,) = record_batch_safely(repository, [IncomingMessage("2", correction)], Settings(), NOW)
    # It names only the customer's own Message-ID, which proves nothing: the
    # registered address is asked to confirm the change first.
    assert placement.record.order_no == "SO2023100001" and placement.folder == "ignored"
    (order,) = repository.list_orders()
    assert str(order.lines[0].quantity) == "100" and order.pending_action.intent == "change"
    check = next(m for m in order.mail_sent if ".action_check." in m)
    confirmation = follow_up("确认\r\n", f"<{check}>")
    (placement,) = record_batch_safely(repository, [IncomingMessage("3", confirmation)], Settings(), NOW)
    assert placement.folder == "processed"
    (order,) = repository.list_orders()
    assert str(order.lines[0].quantity) == "120" and order.version == 2 and order.pending_action is None


def test_a_reply_to_address_that_is_the_pipeline_itself_is_not_trusted():
    raw = sample_email("03-english-order.eml").replace(b"Subject:", b"Reply-To: orders@example.com\r\nSubject:", 1)
    repository = repository_with_master()
    record_batch_safely(repository, [IncomingMessage("1", raw)], Settings(), NOW)
    (order,) = repository.list_orders()
    assert order.reply_to == "alice@northwind.example"
