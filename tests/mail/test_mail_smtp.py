"""SmtpMailer against aiosmtpd, and the whole MTA path into Dovecot."""
from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from mail import ImapMailbox, SmtpMailer, build_message, make_message_id

pytestmark = pytest.mark.integration


def reminder(n: int, to: str) -> tuple[str, bytes]:
    message_id = make_message_id("SO2023100001", "arrival_reminder", f"v{n}", "example.com")
    raw = build_message(
        sender="订单系统 <orders@example.com>", recipients=[to], subject=f"[SO2023100001] 明日到货提醒 {n}",
        text="您的货物预计明天到达，请安排签收。", message_id=message_id,
        date=datetime(2023, 10, 15, 9, 0, tzinfo=timezone(timedelta(hours=8))),
    )
    return message_id, raw


def test_a_batch_goes_over_one_connection(smtp_server):
    smtp_server.clear()
    batch = [reminder(n, "buyer@customer.example") for n in (1, 2, 3)]
    with SmtpMailer(smtp_server.host, smtp_server.port) as mailer:
        connections = set()
        for message_id, raw in batch:
            mailer.send(message_id, "orders@example.com", ["buyer@customer.example"], raw)
            connections.add(id(mailer._smtp))
        assert len(connections) == 1
    assert mailer._smtp is None
    assert [m.content for m in smtp_server.messages] == [raw for _, raw in batch]
    assert smtp_server.messages[0].mail_from == "orders@example.com"
    assert smtp_server.messages[0].rcpt_tos == ["buyer@customer.example"]


def test_bare_line_feeds_go_out_as_crlf(smtp_server):
    smtp_server.clear()
    with SmtpMailer(smtp_server.host, smtp_server.port) as mailer:
        mailer.send("<x@example.com>", "orders@example.com", ["a@customer.example"], b"Subject: lf\n\n.leading dot\nend\n")
    assert smtp_server.messages[0].content == b"Subject: lf\r\n\r\n.leading dot\r\nend\r\n"


def test_a_connection_the_server_dropped_is_reopened(smtp_server):
    smtp_server.clear()
    batch = [reminder(n, "a@customer.example") for n in (1, 2)]
    with SmtpMailer(smtp_server.host, smtp_server.port) as mailer:
        for message_id, raw in batch:
            mailer.send(message_id, "orders@example.com", ["a@customer.example"], raw)
            mailer._smtp.sock.close()  # as if the server had timed out the idle connection
    assert [m.content for m in smtp_server.messages] == [raw for _, raw in batch]


def test_mail_sent_over_smtp_arrives_in_the_imap_inbox(mta, dovecot):
    account = dovecot.new_account("approver")
    message_id, raw = reminder(1, account.user)
    with SmtpMailer(mta.host, mta.port) as mailer:
        mailer.send(message_id, "orders@example.com", [account.user, "customer@elsewhere.example"], raw)
    with ImapMailbox(dovecot.host, dovecot.imap_port, account.user, account.password, ssl=False) as inbox:
        deadline = time.monotonic() + 5
        while not (messages := inbox.fetch_new()) and time.monotonic() < deadline:
            time.sleep(0.02)
    [message] = messages
    assert message.raw.endswith(raw)  # the MTA path only prepends trace headers
    assert b"Delivered-To: " + account.user.encode() in message.raw
    assert mta.messages[0].rcpt_tos == [account.user, "customer@elsewhere.example"]
