"""Outgoing mail with PDFs attached is kept beside the store, not in it.

The store queues each message whole so that a retry sends the same bytes;
a message carrying a PDF is some 400 KB, and the live TinyDB file is
rewritten on every commit, so such a message is written once to
store/outgoing/<hash>.eml and the store keeps its name. The file goes when
the send is recorded.
"""
from __future__ import annotations

import hashlib
from contextlib import suppress
from pathlib import Path

from store.atomic import atomic_write
from store.repository import OutgoingMail, UnitOfWork

from flows.settings import Settings

INLINE_BYTES = 64 * 1024


def outgoing_dir(settings: Settings) -> Path:
    return settings.store_dir / "outgoing"


def queue(uow: UnitOfWork, mail: OutgoingMail, settings: Settings) -> None:
    if len(mail.raw) > INLINE_BYTES:
        name = hashlib.sha256(mail.message_id.encode("utf-8")).hexdigest() + ".eml"
        atomic_write(outgoing_dir(settings) / name, mail.raw.encode("utf-8"))
        mail = mail.model_copy(update={"raw": "", "raw_file": name})
    uow.queue_mail(mail)


def message_bytes(mail: OutgoingMail, settings: Settings) -> bytes:
    if mail.raw_file:
        return (outgoing_dir(settings) / mail.raw_file).read_bytes()
    return mail.raw.encode("utf-8")


def forget(mails: list[OutgoingMail], settings: Settings) -> None:
    """Remove the files of mail whose send is recorded."""
    for mail in mails:
        if mail.raw_file:
            with suppress(FileNotFoundError):
                (outgoing_dir(settings) / mail.raw_file).unlink()
