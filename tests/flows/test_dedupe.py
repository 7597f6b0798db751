"""Messages are told apart by Message-ID and content (issue 9, part 7): a
different message reusing a Message-ID is handled, not silently dropped; the
same message delivered again, with the trace headers a server adds, is not
handled twice."""
from __future__ import annotations

from flows.components import open_mailbox, open_repository
from flows.settings import Settings
from mail.fingerprint import content_fingerprint
from store.repository import ProcessedMessage

from tests.flows.conftest import run_intake, sample_email
from tests.flows.helpers import folder_size, outbox

SEED_ID = b"<hd-20231001-001@huadong.example>"


def deliver(raw: bytes) -> None:
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(raw)


def with_trace_headers(raw: bytes) -> bytes:
    return (b"Return-Path: <purchase@huadong.example>\r\nDelivered-To: orders@example.com\r\n"
            b"Received: from mx.huadong.example by mail.example.com; Sun, 1 Oct 2023 09:12:05 +0800\r\n"
            b"X-Spam-Status: No\r\n" + raw.replace(b"\r\n", b"\n"))


def test_a_different_message_reusing_a_message_id_is_handled(home):
    deliver(sample_email("01-seed-order.eml"))
    run_intake()
    other = sample_email("03-english-order.eml").replace(b"<nw-4410@northwind.example>", SEED_ID)
    deliver(other)
    counts = run_intake()
    assert counts["processed"] == 1
    orders = open_repository(Settings()).list_orders()
    assert sorted(o.customer.code for o in orders) == ["CUST001", "CUST002"]
    assert len(outbox(home)) == 2
    repository = open_repository(Settings())
    first, second = (repository.find_processed(SEED_ID.decode()),
                     repository.find_processed(f"{SEED_ID.decode()} sha256:{content_fingerprint(other)[:24]}"))
    assert first.content_hash == content_fingerprint(sample_email("01-seed-order.eml"))
    assert second.content_hash == content_fingerprint(other) and second.order_no != first.order_no
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 2


def test_the_same_message_delivered_again_with_trace_headers_is_not_handled_twice(home):
    deliver(sample_email("01-seed-order.eml"))
    run_intake()
    deliver(with_trace_headers(sample_email("01-seed-order.eml")))
    counts = run_intake()
    assert counts["messages"] == 1 and counts["sent"] == 0
    assert len(open_repository(Settings()).list_orders()) == 1 and len(outbox(home)) == 1
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 2


def test_a_record_kept_before_content_hashes_counts_as_the_same_message(home):
    with open_repository(Settings()).unit_of_work() as uow:
        uow.mark_processed(ProcessedMessage(key=SEED_ID.decode(), folder="processed", kind="order",
                                            at=Settings().current_time()))
    deliver(sample_email("01-seed-order.eml"))
    assert run_intake()["sent"] == 0
    assert open_repository(Settings()).list_orders() == []
