"""The local outbox: one file per Message-ID, bytes unchanged."""
from __future__ import annotations

import os

from mail import MaildirMailbox, MemoryMailer, OutboxMailer

MESSAGE_ID = "<SO2023100001.requirements_list.3f2a9c1b7d4e@example.com>"
RAW = b"Message-ID: <SO2023100001.requirements_list.3f2a9c1b7d4e@example.com>\r\nSubject: x\r\n\r\n\xe4\xbd\xa0\r\n"


def test_a_sent_message_is_stored_byte_for_byte_in_new(tmp_path):
    OutboxMailer(tmp_path).send(MESSAGE_ID, "orders@example.com", ["buyer@customer.example"], RAW)
    [stored] = (tmp_path / "new").iterdir()
    assert stored.read_bytes() == RAW
    assert list((tmp_path / "tmp").iterdir()) == []


def test_sending_the_same_message_id_again_writes_nothing(tmp_path):
    outbox = OutboxMailer(tmp_path)
    with outbox:
        outbox.send(MESSAGE_ID, "orders@example.com", ["buyer@customer.example"], RAW)
        outbox.send(MESSAGE_ID.strip("<>"), "orders@example.com", ["buyer@customer.example"], RAW + b"changed")
    assert [p.read_bytes() for p in (tmp_path / "new").iterdir()] == [RAW]


def test_a_message_a_client_already_read_is_not_sent_again(tmp_path):
    outbox = OutboxMailer(tmp_path)
    outbox.send(MESSAGE_ID, "orders@example.com", ["buyer@customer.example"], RAW)
    [stored] = (tmp_path / "new").iterdir()
    os.rename(stored, tmp_path / "cur" / f"{stored.name}:2,S")
    outbox.send(MESSAGE_ID, "orders@example.com", ["buyer@customer.example"], RAW)
    assert list((tmp_path / "new").iterdir()) == []
    assert outbox.path_of(MESSAGE_ID) == tmp_path / "cur" / f"{stored.name}:2,S"


def test_different_messages_get_different_files_and_read_back_as_a_mailbox(tmp_path):
    outbox = OutboxMailer(tmp_path)
    for n in (1, 2):
        outbox.send(f"<m{n}@example.com>", "orders@example.com", ["a@customer.example"], b"Subject: %d\r\n\r\n" % n)
    assert outbox.path_of("<m3@example.com>") is None
    assert sorted(m.raw for m in MaildirMailbox(tmp_path).fetch_new()) == [b"Subject: 1\r\n\r\n", b"Subject: 2\r\n\r\n"]


def test_the_memory_twin_also_keeps_one_copy_per_message_id():
    mailer = MemoryMailer()
    mailer.send(MESSAGE_ID, "orders@example.com", ["buyer@customer.example"], RAW)
    mailer.send(MESSAGE_ID, "orders@example.com", ["buyer@customer.example"], b"other")
    assert [m.raw for m in mailer.sent.values()] == [RAW]
    assert mailer.sent[MESSAGE_ID].recipients == ("buyer@customer.example",)
