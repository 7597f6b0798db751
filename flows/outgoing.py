"""Outgoing mail: the PDFs rendered after the commit, large bodies kept beside the store.

A mail that carries a PDF is composed inside the unit of work without it
(flows/notices.py compose): its headers and text are final, and it records
the document it waits for and the order as it described it. Nothing renders
under the store's lock. Once the unit of work has committed, the intake
hands the PDFs to the render workers (`start_rendering`: flows/documents.py,
parallel worker processes) and archives the batch's emails meanwhile; the
send (`finish_waiting`) takes them up, or renders every waiting mail's PDF
itself, archives each as a rendered document always is, attaches it to the
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
from dataclasses import dataclass, field
from pathlib import Path

from mail.compose import add_attachments
from orders.model import Order
from store.atomic import atomic_write
from store.documents import DocumentArchive, StoredDocument
from store.repository import OutgoingMail, Repository, UnitOfWork

from flows.crashpoints import crashpoint
from flows.documents import Documents, Products, RenderPass, attachment_for
from flows.settings import Settings

log = logging.getLogger("orderloop.outgoing")

INLINE_BYTES = 64 * 1024


def outgoing_dir(settings: Settings) -> Path:
    return settings.store_dir / "outgoing"


def store_body(mail: OutgoingMail, settings: Settings, *, variant: str = "") -> OutgoingMail:
    """The record to queue: a large message is written to store/outgoing/ and
    named (`variant`: another name for another body of the same mail). In
    PostgreSQL every body stays in the database: the worker that sends it may
    run on another machine."""
    if len(mail.raw) > INLINE_BYTES and not settings.database_url:
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


@dataclass
class _Started:
    """PDFs a batch handed to the render workers right after its commit."""

    mails: list[OutgoingMail]
    wanted: list[tuple[Order, str, Products | None]]
    rendering: RenderPass
    stored: dict[str, Order] = field(default_factory=dict)  # the orders as the batch stored them
    finished: list[OutgoingMail] | None = None  # once rendered: the mails with their PDFs, not yet recorded


_started: dict[Path, _Started] = {}  # by store folder


def start_rendering(settings: Settings, repository: Repository) -> None:
    """Right after a batch is stored: hand the PDFs its mails wait for to the
    render workers, so they render while the batch's emails are archived;
    `finish_waiting` (the send) takes them up. With no unit of work open."""
    with repository.unit_of_work() as uow:  # a read: the lock for as long as the live file takes to load
        waiting = [mail for mail in uow.pending_mail() if mail.waiting]
    if not waiting:
        return
    crashpoint("before_render")
    waiting, wanted = _wanted(waiting)
    _started[settings.store_dir] = _Started(waiting, wanted, Documents(settings).start(wanted))


def settle_started(settings: Settings) -> None:
    """Wait for the PDFs a batch started, archive them and attach them, before
    the send opens a unit of work: the store's lock is never held while one
    renders."""
    started = _started.get(settings.store_dir)
    if started is not None and started.finished is None:
        started.finished = _finish(started, settings)


def rendering_for(settings: Settings) -> set[str]:
    """The orders whose PDFs the batch handed to the render workers."""
    started = _started.get(settings.store_dir)
    return {order.order_no for order, _, _ in started.wanted} if started is not None else set()


def stored_orders(settings: Settings, orders: dict[str, Order]) -> None:
    """The orders as the batch stored them (flows.documents.archive_originals
    read them): once a PDF of theirs is archived, order.json is put back to
    the stored order (archiving a PDF writes the order it shows)."""
    started = _started.get(settings.store_dir)
    if started is not None:
        started.stored.update(orders)


def finish_waiting(pending: list[OutgoingMail], settings: Settings, repository: Repository) -> list[OutgoingMail]:
    """`pending` as it may be sent: each mail waiting for its PDF rendered,
    attached and stored as ready; a mail whose PDF could not be made is left
    out (it stays waiting, logged, and the next send tries again).

    The PDFs a batch started (start_rendering) are taken up first, then any
    other mail waits for is rendered (mail a killed run left, the deadline
    flow's). Called with no unit of work open: the store's lock is taken only
    at the end, to record the finished mails (their bodies are written before)."""
    waiting = {mail.message_id: mail for mail in pending if mail.waiting}
    finished: list[OutgoingMail] = []
    started = _started.pop(settings.store_dir, None)
    if started is not None:  # finished first: a later pass plans its versions on what this one archives
        if started.finished is None:
            started.finished = _finish(started, settings)
        finished += [mail for mail in started.finished if mail.message_id in waiting]  # not sent meanwhile
    rest = [mail for mail in waiting.values()
            if started is None or mail.message_id not in {m.message_id for m in started.mails}]
    if rest:
        crashpoint("before_render")
        rest, wanted = _wanted(rest)
        finished += _finish(_Started(rest, wanted, Documents(settings).start(wanted)), settings)
    if not waiting:
        return pending
    crashpoint("after_render")
    if finished:
        with repository.unit_of_work() as uow:
            for mail in finished:
                uow.queue_mail(mail)  # takes the place of the waiting one
        done = {mail.message_id for mail in finished}
        forget([mail for mail in waiting.values() if mail.raw_file and mail.message_id in done], settings)
    ready = {mail.message_id: mail for mail in finished}
    return [ready.get(mail.message_id, mail) for mail in pending if not mail.waiting or mail.message_id in ready]


def _wanted(mails: list[OutgoingMail]) -> tuple[list[OutgoingMail], list[tuple[Order, str, Products | None]]]:
    """The mails whose snapshot can be read, and for each what to render:
    the order as the mail described it, the document, the products it names.
    A snapshot that does not read (a bug, a model changed under it) keeps
    its mail waiting, logged, without holding up the others."""
    kept, wanted = [], []
    for mail in mails:
        try:
            wanted.append((Order.model_validate(mail.document_order), mail.document,
                           Products(mail.document_products) if mail.document_products is not None else None))
        except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
            log.error("%s to %s waits: the order it describes cannot be read to render its %s PDF: %s",
                      mail.message_id, mail.recipients, mail.document, exc)
            continue
        kept.append(mail)
    return kept, wanted


def _finish(started: _Started, settings: Settings) -> list[OutgoingMail]:
    """The mails of a render pass, each with its PDF attached and its body
    written (not yet recorded) as soon as that PDF is archived, while the
    others still render; a mail whose PDF could not be made is logged and
    left out. Then order.json is put back to the stored order where a PDF
    was archived (it wrote the order as the mail described it)."""
    finished, touched = [], set()

    def attach(index: int, result: StoredDocument | Exception) -> None:
        mail, (order, key, _) = started.mails[index], started.wanted[index]
        if isinstance(result, Exception):
            log.error("%s to %s waits: its %s PDF of %s could not be made: %s: %s", mail.message_id,
                      mail.recipients, key, order.order_no, type(result).__name__, result)
            return
        if result.new:
            touched.add(order.order_no)
        try:
            raw = add_attachments(message_bytes(mail, settings), mail.message_id,
                                  [attachment_for(order, key, result)])
            done = mail.model_copy(update={"raw": raw.decode("utf-8"), "raw_file": None, "document": None,
                                           "document_order": None, "document_products": None})
            # A waiting body kept in a file stays as it is until the finished one is recorded.
            finished.append(store_body(done, settings, variant=" pdf" if mail.raw_file else ""))
        except (OSError, ValueError) as exc:  # its body gone or not built to take the PDF, the disk full
            log.error("%s to %s waits: its %s PDF could not be attached: %s: %s", mail.message_id,
                      mail.recipients, key, type(exc).__name__, exc)

    started.rendering.finish(attach)
    archive = DocumentArchive(settings.archive_dir)
    for order_no in sorted(touched):
        if order_no in started.stored:
            archive.put_order(started.stored[order_no])
    return finished
