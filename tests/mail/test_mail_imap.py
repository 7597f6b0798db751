"""ImapMailbox against a real Dovecot."""
from __future__ import annotations

import socket
import time

import pytest
from imap_tools import MailBoxUnencrypted

from mail import ImapMailbox, UidValidityChanged, build_message, make_message_id

pytestmark = pytest.mark.integration

# Things a re-serialised message would not keep: folding, odd spacing, header
# case, an encoded word, an 8-bit GBK body without a transfer encoding.
AWKWARD = (
    b"Received: from mx.customer.example\r\n\tby mx.example.com;  Sun, 8 Oct 2023 09:30:00 +0800\r\n"
    b"from:   =?gb2312?B?1uzp1bv5?= <buyer@customer.example>\r\n"
    b"To: orders@example.com\r\n"
    b"Subject: PO-7781   A\xb2\xfa\xc6\xb7 100 \r\n"
    b"Message-ID: <po7781@customer.example>\r\n"
    b"Content-Type: text/plain; charset=gb2312\r\n"
    b"\r\n"
    b"\xd6\xec\xe9\xd5\xbb\xf9: 100 \xcc\xa8  \r\n"
    b"trailing spaces and a very long line " + b"x" * 300 + b"\r\n"
)


@pytest.fixture
def account(dovecot):
    return dovecot.new_account()


@pytest.fixture
def inbox(dovecot, account):
    with ImapMailbox(dovecot.host, dovecot.imap_port, account.user, account.password, ssl=False) as box:
        yield box


def raw_client(dovecot, account) -> MailBoxUnencrypted:
    return MailBoxUnencrypted(dovecot.host, dovecot.imap_port).login(account.user, account.password)


def test_fetch_returns_the_servers_bytes_exactly(inbox):
    inbox.append(AWKWARD)
    [message] = inbox.fetch_new()
    assert message.raw == AWKWARD
    validity, _, uid = message.uid.partition(":")
    assert uid.isdigit() and validity == str(inbox.uidvalidity)


def test_fetch_does_not_mark_messages_seen(dovecot, account, inbox):
    inbox.append(AWKWARD)
    inbox.fetch_new()
    with raw_client(dovecot, account) as client:
        [flags] = [m.flags for m in client.fetch(mark_seen=False, headers_only=True)]
    assert "\\Seen" not in flags


def test_file_moves_into_the_folders_it_created(dovecot, account, inbox):
    for n in range(5):
        inbox.append(b"Subject: order %d\r\n\r\nbody\r\n" % n)
    uids = [m.uid for m in inbox.fetch_new()]
    inbox.file({uids[0]: "processed", uids[1]: "processed", uids[2]: "ignored", uids[3]: "quarantine"})
    with raw_client(dovecot, account) as client:
        names = {f.name for f in client.folder.list()}
        counts = {n: client.folder.status(n, ["MESSAGES"])["MESSAGES"] for n in ("INBOX", "Processed", "Ignored", "Quarantine")}
        subscribed = {f.name for f in client.folder.list(subscribed_only=True)}
    assert {"Processed", "Ignored", "Quarantine"} <= names & subscribed
    assert counts == {"INBOX": 1, "Processed": 2, "Ignored": 1, "Quarantine": 1}


def test_folder_names_can_be_configured(dovecot, account):
    folders = {"processed": "Orders.Done", "ignored": "Orders.Skipped", "quarantine": "Orders.Failed"}
    with ImapMailbox(dovecot.host, dovecot.imap_port, account.user, account.password, ssl=False, folders=folders) as box:
        box.append(b"Subject: x\r\n\r\nbody\r\n")
        box.file({box.fetch_new()[0].uid: "quarantine"})
        assert box.folder_count("quarantine") == 1
    with raw_client(dovecot, account) as client:
        assert client.folder.status("Orders.Failed", ["MESSAGES"])["MESSAGES"] == 1


def test_without_move_the_fallback_expunges_only_the_filed_messages(dovecot, account, inbox):
    for n in range(3):
        inbox.append(b"Subject: order %d\r\n\r\nbody\r\n" % n)
    first, second, third = [m.uid.partition(":")[2] for m in inbox.fetch_new()]
    with raw_client(dovecot, account) as client:  # someone else's deleted, not yet expunged
        client.client.uid("STORE", third, "+FLAGS", r"(\Deleted)")
    inbox.fetch_new()  # connect
    inbox._box.client.capabilities = tuple(c for c in inbox._box.client.capabilities if c != "MOVE")
    inbox.file({first: "processed", second: "processed"})
    assert inbox.folder_count("processed") == 2
    with raw_client(dovecot, account) as client:
        assert client.uids("ALL") == [third]


def test_deleted_messages_are_not_new(dovecot, account, inbox):
    inbox.append(b"Subject: thrown away\r\n\r\nbody\r\n")
    with raw_client(dovecot, account) as client:
        client.flag(client.uids(), r"\Deleted", True)  # imap-tools' flag() also expunges
    assert inbox.fetch_new() == []


def test_a_dropped_connection_is_reopened_once(inbox):
    inbox.append(b"Subject: before\r\n\r\nbody\r\n")
    dropped = inbox._box
    dropped.client.sock.shutdown(socket.SHUT_RDWR)
    assert [m.raw for m in inbox.fetch_new()] == [b"Subject: before\r\n\r\nbody\r\n"]
    assert inbox._box is not dropped


def test_a_recreated_inbox_is_refused_rather_than_misread(dovecot, account, inbox):
    inbox.append(b"Subject: x\r\n\r\nbody\r\n")
    inbox.close()
    time.sleep(1.1)  # Dovecot derives UIDVALIDITY from the clock, in seconds
    dovecot.reset(account.user)
    with pytest.raises(UidValidityChanged):
        inbox.fetch_new()


def test_flag_changes_by_another_client_do_not_confuse_fetch(dovecot, account, inbox):
    for n in range(3):
        inbox.append(b"Subject: order %d\r\n\r\nbody\r\n" % n)
    before = inbox.fetch_new()
    with raw_client(dovecot, account) as client:  # a person reading mail in their client
        client.flag(client.uids(), [r"\Seen", r"\Flagged"], True)
    assert inbox.fetch_new() == before


def test_sees_mail_that_arrives_while_connected(dovecot, account, inbox):
    assert inbox.fetch_new() == []
    with raw_client(dovecot, account) as client:
        client.append(b"Subject: late\r\n\r\nbody\r\n", "INBOX")
    assert [m.raw for m in inbox.fetch_new()] == [b"Subject: late\r\n\r\nbody\r\n"]


def test_a_composed_message_survives_the_round_trip(inbox):
    from datetime import datetime, timedelta, timezone

    raw = build_message(
        sender="orders@example.com", recipients=["buyer@customer.example"], subject="[SO2023100001] 订单已生效",
        text="您的订单已生效。", html="<p>您的订单已生效。</p>",
        message_id=make_message_id("SO2023100001", "effective", "v1", "example.com"),
        date=datetime(2023, 10, 9, 10, 0, tzinfo=timezone(timedelta(hours=8))),
    )
    inbox.append(raw)
    assert inbox.fetch_new()[0].raw == raw


def test_a_uid_from_before_the_inbox_was_recreated_is_not_filed(inbox):
    inbox.append(b"Subject: order\r\n\r\nbody\r\n")
    [message] = inbox.fetch_new()
    uid = message.uid.partition(":")[2]
    inbox.file({f"{inbox.uidvalidity + 1}:{uid}": "processed"})
    assert inbox.folder_count("inbox") == 1 and inbox.folder_count("processed") == 0
