"""Outgoing mail: the PDFs rendered after the commit, large bodies kept beside the store.

A mail that carries a PDF is composed inside the unit of work without it
(flows/notices.py compose): its headers and text are final, and it records
the document it waits for and the order as it described it. Nothing renders
under the store's lock. Once the unit of work has committed, `finish_waiting`
renders every waiting mail's PDF (flows/documents.py: in parallel worker
processes, archived as a rendered document always is), attaches it to the
stored message (mail.compose.add_attachments: the bytes a message built with
the PDF would have had) and stores the finished mail as ready, under a short
unit of work. Only ready mail is sent, and every sender renders first, so a
run killed between the commit and the render (crash point `before_render`),
or between the render and the mail being marked ready (`after_render`),
loses nothing: the next run renders it, or finds the PDF in the archive
unchanged and attaches the same bytes.

The store queues each message whole so that a retry sends the same bytes;
a message carrying a PDF is some 400 KB, and the live TinyDB file is
rewritten on every commit, so such a message is written once to
store/outgoing/<hash>.eml (before the unit of work that records it opens)
and the store keeps its name. The file goes when the send is recorded.
"""
from __future__ import annotations

import hashlib
import logging
from contextlib import suppress
from pathlib import Path

from mail.compose import add_attachments
from orders.model import Order
from store.atomic import atomic_write
from store.repository import OutgoingMail, Repository, UnitOfWork

from flows.crashpoints import crashpoint
from flows.documents import Documents, Products, attachment_for
from flows.settings import Settings

log = logging.getLogger("orderloop.outgoing")

INLINE_BYTES = 64 * 1024


def outgoing_dir(settings: Settings) -> Path:
    return settings.store_dir / "outgoing"


def store_body(mail: OutgoingMail, settings: Settings, *, variant: str = "") -> OutgoingMail:
    """The record to queue: a large message is written to store/outgoing/ and
    named (`variant`: another name for another body of the same mail)."""
    if len(mail.raw) > INLINE_BYTES:
        name = hashlib.sha256((mail.message_id + variant).encode("utf-8")).hexdigest() + ".eml"
        atomic_write(outgoing_dir(settings) / name, mail.raw.encode("utf-8"))
        mail = mail.model_copy(update={"raw": "", "raw_file": name})
    return mail


def queue(uow: UnitOfWork, mail: OutgoingMail, settings: Settings) -> None:
    uow.queue_mail(store_body(mail, settings))


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


def finish_waiting(pending: list[OutgoingMail], settings: Settings, repository: Repository) -> list[OutgoingMail]:
    """`pending` as it may be sent: each mail waiting for its PDF rendered,
    attached and stored as ready; a mail whose PDF could not be made is left
    out (it stays waiting, logged, and the next send tries again).

    Called with no unit of work open: the store's lock is taken only at the
    end, to record the finished mails (their bodies are written before)."""
    waiting = [mail for mail in pending if mail.waiting]
    if not waiting:
        return pending
    crashpoint("before_render")
    wanted = [(Order.model_validate(mail.document_order), mail.document,
               Products(mail.document_products) if mail.document_products is not None else None)
              for mail in waiting]
    results = Documents(settings).render_all(wanted)
    finished = []
    for mail, (order, key, _), result in zip(waiting, wanted, results):
        if isinstance(result, Exception):
            log.error("%s to %s waits: its %s PDF of %s could not be made: %s: %s", mail.message_id,
                      mail.recipients, key, order.order_no, type(result).__name__, result)
            continue
        raw = add_attachments(message_bytes(mail, settings), mail.message_id, [attachment_for(order, key, result)])
        done = mail.model_copy(update={"raw": raw.decode("utf-8"), "raw_file": None, "document": None,
                                       "document_order": None, "document_products": None})
        # A waiting body kept in a file stays as it is until the finished one is recorded.
        finished.append(store_body(done, settings, variant=" pdf" if mail.raw_file else ""))
    crashpoint("after_render")
    if finished:
        with repository.unit_of_work() as uow:
            for mail in finished:
                uow.queue_mail(mail)  # takes the place of the waiting one
        forget([mail for mail in waiting if mail.raw_file and mail.message_id in {m.message_id for m in finished}],
               settings)
    ready = {mail.message_id: mail for mail in finished}
    return [ready.get(mail.message_id, mail) for mail in pending if not mail.waiting or mail.message_id in ready]
