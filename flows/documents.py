"""The order documents as a service of the flows: render, archive, attach.

One renderer per process (fonts and stylesheet loaded once). A document whose
order has not changed since it was archived is read back from the archive
instead of being rendered again, so a retried poll or a reminder costs no
rendering and mails the same bytes.
"""
from __future__ import annotations

from functools import lru_cache

from mail.compose import Attachment
from orders.master import MasterData
from orders.model import Order
from store.documents import DocumentArchive, StoredDocument
from templates.documents import KINDS, DocumentRenderer, company_from

from flows.settings import Settings


@lru_cache(maxsize=4)
def _renderer(name: str, address: str | None, phone: str | None, logo) -> DocumentRenderer:
    return DocumentRenderer(company_from(name, address, phone, logo))


def renderer(settings: Settings) -> DocumentRenderer:
    return _renderer(settings.company, settings.company_address, settings.company_phone, settings.company_logo)


class Documents:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.archive = DocumentArchive(settings.archive_dir)

    def render(self, order: Order, key: str, master: MasterData | None, *, again: bool = False) -> StoredDocument:
        """The document for the order as it stands, archived; `again` records a new version."""
        if key not in KINDS:
            raise ValueError(f"no document {key!r}: one of {', '.join(KINDS)}")
        version, archived = self.archive.plan(order, key, again=again)
        if archived is not None:
            return archived
        rendered = renderer(self.settings).render(key, order, version=version, master=master)
        return self.archive.put_document(order, key, rendered.kind.filename, rendered.pdf, version=version,
                                         number=rendered.number, at=self.settings.current_time())

    def attachment(self, order: Order, key: str, master: MasterData | None) -> Attachment:
        stored = self.render(order, key, master)
        return f"{order.order_no}-{KINDS[key].template}-v{stored.version}.pdf", "application/pdf", stored.content


def archive_originals(settings: Settings, repository, messages, placements) -> None:
    """Each message that reached an order goes into its archive folder as .eml,
    with the order as stored now (order.json). Done after the batch is
    stored: a crash before this leaves the message in the inbox, and the
    next poll, which finds it processed already, files it here again."""
    by_order: dict[str, list[tuple[str, bytes]]] = {}
    for message, placement in zip(messages, placements):
        if placement.record.order_no:
            by_order.setdefault(placement.record.order_no, []).append((placement.record.key, message.raw))
    if not by_order:
        return
    archive = DocumentArchive(settings.archive_dir)
    orders = {o.order_no: o for o in repository.list_orders()}  # one read of the store for the batch
    for order_no, emails in by_order.items():
        archive.put_emails(order_no, emails, orders.get(order_no))
