"""The Mailbox contract, run against every implementation."""
from __future__ import annotations

import pytest

from mail import ImapMailbox, MaildirMailbox, MemoryMailbox


def order_email(n: int) -> bytes:
    return (
        f"From: buyer{n}@customer.example\r\nTo: orders@example.com\r\n"
        f"Subject: PO-{n} A产品 100台\r\nMessage-ID: <po{n}@customer.example>\r\n\r\n"
        f"Please deliver 100 units of P001 by 2023-10-15 (order {n}).\r\n"
    ).encode()


@pytest.fixture(params=["memory", "maildir", pytest.param("imap", marks=pytest.mark.integration)])
def mailbox(request, tmp_path):
    if request.param == "memory":
        yield MemoryMailbox()
    elif request.param == "maildir":
        yield MaildirMailbox(tmp_path / "inbox")
    else:
        dovecot = request.getfixturevalue("dovecot")
        account = dovecot.new_account()
        with ImapMailbox(dovecot.host, dovecot.imap_port, account.user, account.password, ssl=False) as box:
            yield box


def test_an_empty_inbox_has_nothing_new(mailbox):
    assert mailbox.fetch_new() == []
    assert mailbox.folder_count("inbox") == 0


def test_fetch_returns_appended_messages_oldest_first_and_byte_for_byte(mailbox):
    for n in (1, 2, 3):
        mailbox.append(order_email(n))
    assert [m.raw for m in mailbox.fetch_new()] == [order_email(1), order_email(2), order_email(3)]


def test_fetch_leaves_the_messages_in_the_inbox(mailbox):
    mailbox.append(order_email(1))
    first = mailbox.fetch_new()
    assert mailbox.fetch_new() == first
    assert mailbox.folder_count("inbox") == 1


def test_limit_takes_the_oldest(mailbox):
    for n in (1, 2, 3):
        mailbox.append(order_email(n))
    assert [m.raw for m in mailbox.fetch_new(limit=2)] == [order_email(1), order_email(2)]


def test_file_moves_each_message_to_its_folder(mailbox):
    for n in (1, 2, 3, 4):
        mailbox.append(order_email(n))
    uids = [m.uid for m in mailbox.fetch_new()]
    mailbox.file({uids[0]: "processed", uids[1]: "processed", uids[2]: "quarantine"})
    assert [m.raw for m in mailbox.fetch_new()] == [order_email(4)]
    counts = {f: mailbox.folder_count(f) for f in ("inbox", "processed", "ignored", "quarantine")}
    assert counts == {"inbox": 1, "processed": 2, "ignored": 0, "quarantine": 1}


def test_filing_twice_or_filing_an_unknown_uid_changes_nothing(mailbox):
    mailbox.append(order_email(1))
    uid = mailbox.fetch_new()[0].uid
    mailbox.file({uid: "ignored"})
    mailbox.file({uid: "ignored", "999999": "processed", "no-such-message": "quarantine"})
    assert mailbox.folder_count("ignored") == 1
    assert mailbox.folder_count("processed") == mailbox.folder_count("quarantine") == 0


def test_an_unknown_folder_is_a_bug(mailbox):
    mailbox.append(order_email(1))
    uid = mailbox.fetch_new()[0].uid
    with pytest.raises(ValueError):
        mailbox.file({uid: "trash"})
    assert mailbox.folder_count("inbox") == 1
