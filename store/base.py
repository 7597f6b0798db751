"""What both repositories share: the unit-of-work protocol and the read views.

A backend supplies `_reader()` (a snapshot shelf for reads outside a unit of
work) and `_writer()` (a locked shelf for one unit of work); everything else
is here, so the memory twin and TinyDB answer every question the same way.
"""
from __future__ import annotations

import logging
import threading
from abc import abstractmethod
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

from orders.model import Event, Order
from orders.status import Status
from store.directory import Directory
from store.errors import StoreCorrupt, StoreError  # noqa: F401  (re-exported: store.base.StoreCorrupt)
from store.keys import instant, order_sort_key
from orders.stock import StockLedger
from store.repository import OutgoingMail, ProcessedMessage, Repository
from store.stock import read_ledger
from store.tables import Book, Shelf
from store.unit import BookUnitOfWork, archived_doc, order_of

log = logging.getLogger("orderloop.store")


class BookRepository(Repository):
    unit_class = BookUnitOfWork  # the PostgreSQL store's replaces its scans with queries

    def __init__(self) -> None:
        self._local = threading.local()
        self._listeners: list[Callable[[list[Event]], None]] = []

    def on_commit(self, listener: Callable[[list[Event]], None]) -> None:
        """Call `listener` with the events each unit of work committed (after the commit: a
        listener's failure is logged and changes nothing stored)."""
        self._listeners.append(listener)

    @abstractmethod
    def _reader(self) -> Shelf: ...

    @abstractmethod
    def _writer(self) -> AbstractContextManager[Shelf]: ...

    @contextmanager
    def unit_of_work(self) -> Iterator[BookUnitOfWork]:
        # A nested unit would read state its parent has not committed yet and
        # its commit would then be overwritten by the parent's: refuse it.
        if getattr(self._local, "open", False):
            raise RuntimeError("a unit of work is already open in this thread; do not nest them")
        self._local.open = True
        try:
            with self._writer() as shelf:
                uow = self.unit_class(shelf)
                yield uow
                shelf.commit(uow.audit_docs())
                events = uow.new_events()
                uow.committed()
        finally:
            self._local.open = False
        for listener in self._listeners:
            try:
                listener(events)
            except Exception:  # told after the commit: the store is right whatever a listener does
                log.exception("a listener of committed events failed")

    def check(self) -> None:
        """Read the live file and the master data as a unit of work would:
        a file that does not parse raises StoreCorrupt now, before any work
        starts (`orderloop poll` stops with its one line). The month archives
        are read when they are needed and raise then."""
        shelf = self._reader()
        for name in ("orders", "processed", "outbox", "counters", "pending_audit"):
            shelf.live().table(name)
        Directory.from_book(shelf.master())

    def get_order(self, order_no: str) -> Order | None:
        shelf = self._reader()
        doc = shelf.live().table("orders").get(order_no) or archived_doc(shelf, "orders", order_no)
        return None if doc is None else order_of(doc, shelf.where)

    def list_orders(self, status: Status | None = None, include_archived: bool = False) -> list[Order]:
        """Orders by number; with include_archived, finished ones from every archive too."""
        shelf = self._reader()
        docs: dict[str, dict] = {}
        # Live first: an order caught half-way through archiving counts once, as live.
        for book in self._books_newest_first(shelf) if include_archived else [shelf.live()]:
            for key, doc in book.table("orders").items():
                docs.setdefault(key, doc)
        orders = [order_of(d, shelf.where) for d in docs.values() if status is None or d["status"] == status]
        return sorted(orders, key=lambda order: order_sort_key(order.order_no))

    def audit_trail(self, order_no: str) -> list[Event]:
        events: dict[str, Event] = {}
        for doc in self._reader().audit(order_no):
            if doc.get("order_no") == order_no:
                events.setdefault(doc["event_id"], Event.model_validate(doc))
        return sorted(events.values(), key=lambda event: event.seq)

    def find_processed(self, key: str) -> ProcessedMessage | None:
        for book in self._books_newest_first(self._reader()):
            if doc := book.table("processed").get(key):
                return ProcessedMessage.model_validate(doc)
        return None

    def quarantined(self, *, archived: bool = True) -> list[ProcessedMessage]:
        """Quarantined messages, live and (unless `archived` is False) archived, oldest first."""
        found = [ProcessedMessage.model_validate(d) for d in self._docs("processed", archived)
                 if d["folder"] == "quarantine"]
        return sorted(found, key=lambda record: instant(record.at))

    def refused_mail(self, *, archived: bool = True) -> list[OutgoingMail]:
        """Mail the server refused for good, live and (unless `archived` is False) archived, oldest first."""
        found = [OutgoingMail.model_validate(d) for d in self._docs("outbox", archived) if d.get("failure")]
        return sorted(found, key=lambda mail: instant(mail.created_at))

    def _docs(self, table: str, archived: bool) -> list[dict]:
        """A table's records, the newest copy of each: the live book, then the archives newest first."""
        shelf, docs = self._reader(), {}
        for book in self._books_newest_first(shelf) if archived else [shelf.live()]:
            for key, doc in book.table(table).items():
                docs.setdefault(key, doc)
        return list(docs.values())

    def master(self) -> Directory:
        return Directory.from_book(self._reader().master())

    def stock_ledger(self) -> StockLedger:
        shelf = self._reader()
        return read_ledger(shelf.master(), shelf.live().table("orders"))

    @staticmethod
    def _books_newest_first(shelf: Shelf) -> Iterator[Book]:
        yield shelf.live()
        for month in reversed(shelf.archive_months()):
            yield shelf.archive(month)
