"""The unit of work, written once over a `Shelf` and shared by both repositories.

Every write goes to the shelf's in-memory books; the repository commits the
shelf when the `with` block ends cleanly. Orders are stored as their JSON dump,
so a caller who mutates an order object changes nothing until save_order.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime, timedelta

from pydantic import ValidationError

from orders.model import Event, Order
from orders.status import FINAL, Status
from orders.text import message_id_key, normal_address
from store.directory import Directory, master_docs
from store.errors import DamagedRecord
from store.keys import event_doc, format_order_no, instant, month_of, normal_message_id, order_month
from orders.stock import StockLedger
from orders.timers import Timer
from store.repository import HeldMessage, MasterKind, OutgoingMail, ProcessedMessage, UnitOfWork
from store.stock import read_ledger, write_ledger
from store.tables import Shelf

log = logging.getLogger("orderloop.store")


def archived_doc(shelf: Shelf, table: str, order_no: str) -> dict | None:
    """An order from the archive of its number's month (or any archive, newest
    first, for a number that does not carry its month)."""
    months = shelf.archive_months()
    month = order_month(order_no)
    for candidate in [month] if month else reversed(months):
        if candidate in months and (doc := shelf.archive(candidate).table(table).get(order_no)):
            return doc
    return None


def order_of(doc: dict, where: str) -> Order:
    """A stored order, or DamagedRecord naming it and `where` it is kept (every read of a stored
    order goes through here, so a damaged one stops the work instead of being blamed on a message)."""
    try:
        return Order.model_validate(doc)
    except ValidationError as exc:
        error = exc.errors()[0]
        problem = f"{'.'.join(map(str, error['loc']))}: {error['msg']}"
        raise DamagedRecord("order", str(doc.get("order_no", "?")), where, problem) from None


def next_due(doc: dict) -> datetime | None:
    """When a stored order's next reminder or escalation is due (None: no clock running)."""
    timers = order_of(doc, "the store").timers if "review_due_at" in doc else \
        [Timer.model_validate(t) for t in doc.get("timers") or ()]
    return min((due for t in timers if (due := t.next_due()) is not None), default=None, key=instant)


class BookUnitOfWork(UnitOfWork):
    def __init__(self, shelf: Shelf):
        self._shelf = shelf
        live = shelf.live()
        self._orders, self._processed = live.table("orders"), live.table("processed")
        self._outbox, self._counters = live.table("outbox"), live.table("counters")
        self._events: dict[str, Event] = {}
        self._saved: dict[int, Order] = {}  # by identity: the objects whose events reach the audit trail
        self._threads: dict[str, str] | None = None
        self._directory: Directory | None = None
        self._evidence_seen: set[str] = set()
        self._stock: StockLedger | None = None

    @property
    def master(self) -> Directory:
        if self._directory is None:
            self._directory = Directory.from_book(self._shelf.master(), orders=lambda code: self._orders.values())
        return self._directory

    def get_order(self, order_no: str) -> Order | None:
        doc = self._orders.get(order_no) or archived_doc(self._shelf, "orders", order_no)
        return None if doc is None else order_of(doc, self._shelf.where)

    def order_numbers(self, status: Status) -> list[str]:
        return [key for key, doc in self._orders.items() if doc["status"] == status]

    def orders_with_timers_due(self, now: datetime) -> list[str]:
        return [key for key, doc in self._orders.items() if (due := next_due(doc)) is not None and due <= now]

    def save_order(self, order: Order) -> None:
        old = self._orders.get(order.order_no)
        self._orders.put(order.order_no, order.model_dump(mode="json"))
        if self._threads is not None:
            self._index_thread(order.order_no, old["thread"] if old else [], order.thread)
        # Keyed by event id, so saving the same order twice queues each event once.
        self._events.update((e.event_id, e.model_copy()) for e in order.events)
        self._saved[id(order)] = order

    def order_for_message(self, message_id: str) -> str | None:
        """Open (live) orders only: an archived order's thread is closed."""
        if self._threads is None:  # built on first use, then kept current by save_order
            self._threads = {}
            for doc in self._orders.values():
                self._index_thread(doc["order_no"], [], doc["thread"])
        return self._threads.get(normal_message_id(message_id))

    def _index_thread(self, order_no: str, old: list[str], new: list[str]) -> None:
        for mid in old:
            if self._threads.get(normal_message_id(mid)) == order_no:
                del self._threads[normal_message_id(mid)]
        self._threads.update((normal_message_id(mid), order_no) for mid in new)

    def next_order_no(self, month: date) -> str:
        """The month's counter plus one, and never a number the audit trail or
        the document archive already holds, even when the live file (and so the
        counter) was lost or put back from an older generation.

        The evidence is looked at once per month per unit of work (later
        numbers of the same unit follow the counter), and the TinyDB shelf
        reads only the audit bytes appended since the counter last looked."""
        key = f"{month:%Y%m}"
        counter = dict(self._counters.get(key) or {"month": key, "last": 0})
        if key not in self._evidence_seen:
            self._evidence_seen.add(key)
            seen, keep = self._shelf.issued(key, counter)
            counter.update(keep)
            if seen > counter["last"]:
                log.warning("order counter %s stood at %d but number %d was issued already (audit trail or "
                            "document archive): continuing from %d", key, counter["last"], seen, seen + 1)
                counter["last"] = seen
        counter["last"] += 1
        self._counters.put(key, counter)
        return format_order_no(month, counter["last"])

    def next_case_no(self, month: date) -> str:
        """The month's case counter plus one, and never a number an open order's case holds
        already (a counter put back from an older generation of the file)."""
        key = f"AS{month:%Y%m}"
        counter = dict(self._counters.get(key) or {"month": key, "last": 0})
        counter["last"] += 1
        taken = {case.get("case_no") for doc in self._orders.values() for case in doc.get("cases") or []}
        while f"{key}{counter['last']:04d}" in taken:
            counter["last"] += 1
        self._counters.put(key, counter)
        return f"{key}{counter['last']:04d}"

    def processed(self, key: str) -> ProcessedMessage | None:
        """Live records only; archived ones are older than keep_days and their
        messages have long left the inbox (Repository.find_processed sees all)."""
        doc = self._processed.get(key)
        return None if doc is None else ProcessedMessage.model_validate(doc)

    def mark_processed(self, record: ProcessedMessage) -> None:
        self._processed.put(record.key, record.model_dump(mode="json"))

    def forget_processed(self, keys: list[str]) -> int:
        """Drop these message records, live and archived, so that the messages,
        once back in the inbox, are handled afresh (`orderloop doctor --requeue`
        for mail quarantined by a failure of ours). Returns how many went."""
        wanted, gone = set(keys), 0
        books = [self._shelf.live()] + [self._shelf.archive(m) for m in self._shelf.archive_months()]
        for book in books:
            table = book.table("processed")
            present = [key for key in wanted if table.get(key) is not None]
            table.remove(present)
            gone += len(present)
        return gone

    def queue_mail(self, mail: OutgoingMail) -> None:
        """Queue once: the same Message-ID again changes nothing, except that
        the finished mail (its PDF attached) takes the place of the unsent one
        waiting for it (flows/outgoing.py)."""
        doc = self._outbox.get(mail.message_id)
        if doc is None or (doc.get("document") and doc["sent_at"] is None and not doc.get("failure")
                           and not mail.waiting):
            self._outbox.put(mail.message_id, mail.model_dump(mode="json"))

    def pending_mail(self) -> list[OutgoingMail]:
        unsent = [OutgoingMail.model_validate(d) for d in self._outbox.values()
                  if d["sent_at"] is None and not d.get("failure")]
        return sorted(unsent, key=lambda mail: instant(mail.created_at))

    def mark_sent(self, message_id: str, at: datetime) -> None:
        """Record the send and drop the body: sent mail with PDFs would swell the
        live file, and the sent copy lives in the mail store. Marking twice keeps
        the first time. Raises KeyError for mail that was never queued."""
        doc = self._outbox.get(message_id)
        if doc is None:
            raise KeyError(f"no queued mail with Message-ID {message_id}")
        if doc["sent_at"] is None:
            sent = OutgoingMail.model_validate({**doc, "raw": "", "sent_at": at})
            self._outbox.put(message_id, sent.model_dump(mode="json"))

    def mark_failed(self, message_id: str, at: datetime, reason: str) -> None:
        doc = self._outbox.get(message_id)
        if doc is None:
            raise KeyError(f"no queued mail with Message-ID {message_id}")
        self._outbox.put(message_id, {**doc, "failure": f"{instant(at).isoformat()} {reason}"})

    def replace_master(self, kind: MasterKind, records) -> None:
        """All or nothing: a wrong record or a duplicate key raises and keeps the old table."""
        docs = master_docs(kind, records)
        if kind == "customers":  # addresses confirmed by email survive a new customer list
            for code, old in self._shelf.master().table(kind).items():
                if code in docs and old.get("confirmed_emails"):
                    kept = docs[code].get("confirmed_emails") or []
                    docs[code]["confirmed_emails"] = kept + [a for a in old["confirmed_emails"] if a not in kept]
        if kind == "products":  # the list's stock column is a count of what is on hand
            ledger = self.stock_ledger()
            for product in records:
                if product.kind == "standard":
                    ledger.set_on_hand(product.sku, product.stock)
            self.save_stock_ledger(ledger)
        self._shelf.master().table(kind).replace_all(docs)
        self._directory = None

    def stock_ledger(self) -> StockLedger:
        """The ledger as this unit sees it: a copy to change and save."""
        if self._stock is None:
            self._stock = read_ledger(self._shelf.master(), self._orders)
        return self._stock.model_copy(deep=True)

    def save_stock_ledger(self, ledger: StockLedger) -> None:
        self._stock = ledger.model_copy(deep=True)
        write_ledger(self._shelf.master(), self._stock)

    def hold_message(self, held: HeldMessage) -> None:
        self._shelf.live().table("held").put(held.query_id, held.model_dump(mode="json"))

    def held_message(self, message_ids: list[str]) -> HeldMessage | None:
        table = self._shelf.live().table("held")
        for message_id in message_ids:
            doc = table.get(message_id_key(message_id))
            if doc is not None:
                return HeldMessage.model_validate(doc)
        return None

    def remove_customer_address(self, address: str) -> list[str]:
        """Take a confirmed address off every customer; the codes it was on."""
        table, gone = self._shelf.master().table("customers"), normal_address(address)
        codes = []
        for code, doc in list(table.items()):
            kept = [a for a in doc.get("confirmed_emails") or [] if normal_address(a) != gone]
            if len(kept) != len(doc.get("confirmed_emails") or []):
                table.put(code, {**doc, "confirmed_emails": kept})
                codes.append(code)
        self._directory = None
        return codes

    def add_customer_address(self, code: str, address: str) -> None:
        """Register an address for a customer (the rep confirmed it speaks for them)."""
        table = self._shelf.master().table("customers")
        doc = table.get(code)
        if doc is None:
            raise KeyError(f"no customer {code} in the customer master")
        have = list(doc.get("confirmed_emails") or [])
        if normal_address(address) not in {normal_address(a) for a in have}:
            table.put(code, {**doc, "confirmed_emails": have + [normal_address(address)]})
            self._directory = None

    def archive_finished(self, now: datetime, keep_days: int = 30) -> int:
        cutoff = instant(now) - timedelta(days=keep_days)

        def older(value: str | None) -> bool:
            return value is not None and instant(value) < cutoff

        moved = self._archive(self._orders, "orders", lambda d: d["status"] in FINAL and older(d["updated_at"]),
                              lambda d: order_month(d["order_no"]) or month_of(d["updated_at"]))
        moved += self._archive(self._processed, "processed", lambda d: older(d["at"]),
                               lambda d: month_of(d["at"]))
        moved += self._archive(self._outbox, "outbox", lambda d: older(d["sent_at"]),
                               lambda d: month_of(d["sent_at"]))
        return moved

    def _archive(self, table, name, due, month) -> int:
        batches: dict[str, dict[str, dict]] = defaultdict(dict)
        for key, doc in table.items():
            if due(doc):
                batches[month(doc)][key] = doc
        for target, docs in batches.items():
            self._shelf.archive(target).table(name).put_many(docs)
            table.remove(docs)
        if name == "orders":
            self._threads = None  # archived orders' threads are closed
        return sum(len(docs) for docs in batches.values())

    def new_events(self) -> list[Event]:
        """The events this unit of work adds to the audit trail."""
        return list(self._events.values())

    def audit_docs(self) -> list[dict]:
        return [event_doc(event) for event in self._events.values()]

    def committed(self) -> None:
        """Forget the events that reached the audit trail, so saving again adds none."""
        done = self._events.keys()
        for order in self._saved.values():
            order.events = [e for e in order.events if e.event_id not in done]
