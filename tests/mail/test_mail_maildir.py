"""What only the Maildir inbox does: its layout on disk."""
from __future__ import annotations

import mailbox as stdlib_mailbox
import os

from mail import MaildirMailbox


def raw(subject: str) -> bytes:
    return f"From: buyer@customer.example\r\nSubject: {subject}\r\n\r\nbody\r\n".encode()


def test_creates_the_maildir_and_delivers_through_tmp(tmp_path):
    box = MaildirMailbox(tmp_path / "inbox")
    box.append(raw("PO-1"))
    assert {p.name for p in (tmp_path / "inbox").iterdir()} == {"new", "cur", "tmp"}
    assert list((tmp_path / "inbox" / "tmp").iterdir()) == []
    [delivered] = (tmp_path / "inbox" / "new").iterdir()
    assert delivered.read_bytes() == raw("PO-1")


def test_uid_is_the_file_name_and_survives_a_client_marking_it_read(tmp_path):
    box = MaildirMailbox(tmp_path)
    box.append(raw("PO-1"))
    [message] = box.fetch_new()
    assert (tmp_path / "new" / message.uid).exists()
    os.rename(tmp_path / "new" / message.uid, tmp_path / "cur" / f"{message.uid}:2,S")
    assert box.fetch_new() == [message]
    box.file({message.uid: "processed"})
    assert [p.name for p in (tmp_path / ".Processed" / "cur").iterdir()] == [f"{message.uid}:2,S"]


def test_oldest_first_is_by_modification_time(tmp_path):
    box = MaildirMailbox(tmp_path)
    for subject in ("written first", "written second"):
        box.append(raw(subject))
    first, second = sorted((tmp_path / "new").iterdir())
    os.utime(first, ns=(2_000_000_000_000_000_000, 2_000_000_000_000_000_000))
    assert [m.raw for m in box.fetch_new()] == [raw("written second"), raw("written first")]


def test_folders_are_maildir_plus_plus_subfolders_that_the_stdlib_reads(tmp_path):
    box = MaildirMailbox(tmp_path)
    box.append(raw("quarantined order"))
    box.file({box.fetch_new()[0].uid: "quarantine"})
    assert (tmp_path / ".Quarantine" / "maildirfolder").exists()
    [name] = os.listdir(tmp_path / ".Quarantine" / "cur")
    assert name.endswith(":2,")
    folder = stdlib_mailbox.Maildir(tmp_path, create=False).get_folder("Quarantine")
    assert [m["Subject"] for m in folder] == ["quarantined order"]


def test_files_left_by_other_tools_are_ignored(tmp_path):
    box = MaildirMailbox(tmp_path)
    (tmp_path / "cur" / ".hidden").write_bytes(b"not a message")
    (tmp_path / "tmp" / "half-written").write_bytes(b"From: x")
    assert box.fetch_new() == []
