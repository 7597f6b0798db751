"""The repository interface: what the flows may ask of persistence.

Work happens in a unit of work that commits once, when its `with` block ends
without an exception, and discards everything otherwise. A batch of messages is
one unit of work, so the TinyDB file is rewritten once per batch, not once per
message.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel

from orders.master import CustomerRecord, MasterData, ProductRecord, StaffMember
from orders.model import Event, Order
from orders.stock import StockLedger
from orders.status import Status

Folder = Literal["processed", "ignored", "quarantine"]
MasterKind = Literal["customers", "products", "staff"]


class ProcessedMessage(BaseModel):
    """What became of one incoming message; written in the same commit as its effects."""

    key: str  # the Message-ID, or "sha256:<hex>" of the bytes when there is none
    folder: Folder
    kind: str  # order | reply | auto_reply | bounce | other
    at: datetime
    order_no: str | None = None
    reason: str | None = None  # why it was ignored or quarantined
    subject: str | None = None
    sender: str | None = None
    # SHA-256 of the message's main headers and body (mail.fingerprint): another
    # message reusing a known Message-ID has another one. None on older records.
    content_hash: str | None = None


class OutgoingMail(BaseModel):
    """A message the pipeline sends, built once so that a retry sends the same bytes."""

    message_id: str
    order_no: str | None = None
    purpose: str  # clarification | requirements_list | ...
    sender: str
    recipients: list[str]
    subject: str
    raw: str  # the whole RFC 5322 message, UTF-8 text ("" when it is kept in raw_file)
    raw_file: str | None = None  # a large message (a PDF attached) kept beside the store
    created_at: datetime
    sent_at: datetime | None = None
    failure: str | None = None  # a permanent refusal: the mail is kept, not sent again
    # Waiting for its PDF (rendered after the unit of work commits, flows/outgoing.py):
    # the document to attach (a key of templates.documents.KINDS), the order as
    # the mail describes it (its JSON dump when the mail was composed) and the
    # products its lines name (by SKU), so the PDF shows what the mail says.
    # `raw` is then the message without the PDF (mail.compose attach_later).
    document: str | None = None
    document_order: dict | None = None
    document_products: dict[str, dict] | None = None

    @property
    def waiting(self) -> bool:
        """Whether it still waits for its PDF: it is not sent before it has it."""
        return self.document is not None


class HeldMessage(BaseModel):
    """A customer's message the pipeline could not place (not an order it
    reads, not a reply it understands), waiting for the rep's 是订单 / 不是."""

    query_id: str  # the Message-ID of our mail to the rep, bare and lower-case: the rep's reply names it
    message_key: str  # the ProcessedMessage key of the customer's message
    message_id: str | None = None
    sender: str
    subject: str = ""
    text: str = ""  # what was read, for the rep and, on 是订单, for the order
    sent_at: datetime | None = None  # the message's Date: relative dates are read against it
    rep: str
    order_no: str | None = None  # the order in whose thread it came
    customer_code: str | None = None
    why: str = ""  # why the pipeline could not place it
    received_at: datetime
    state: Literal["asked", "taken", "filed"] = "asked"
    decided_by: str | None = None
    new_order_no: str | None = None


class StaffDirectory(MasterData):
    def staff_by_email(self, email: str) -> StaffMember | None: ...
    def staff_with_role(self, role: str) -> list[StaffMember]: ...


class UnitOfWork(ABC):
    """Reads see this unit's own writes; nothing is visible to others before commit."""

    master: StaffDirectory

    @abstractmethod
    def get_order(self, order_no: str) -> Order | None: ...

    @abstractmethod
    def order_numbers(self, status: Status) -> list[str]:
        """The live orders in a status (the deadline flow's work list)."""

    @abstractmethod
    def orders_with_timers_due(self, now: datetime) -> list[str]:
        """The live orders with a clock whose reminder or escalation is due (the timers flow's work list)."""

    @abstractmethod
    def save_order(self, order: Order) -> None:
        """Insert or replace; the order's new `events` go to the audit log on commit."""

    @abstractmethod
    def order_for_message(self, message_id: str) -> str | None:
        """The order whose thread holds this Message-ID (ours or the customer's)."""

    @abstractmethod
    def next_case_no(self, month: date) -> str:
        """The next after-sales case number of the month: AS + yyyymm + 4 digits."""

    @abstractmethod
    def next_order_no(self, month: date) -> str:
        """SO + yyyymm + 4-digit sequence; a number is issued once and never again."""

    @abstractmethod
    def processed(self, key: str) -> ProcessedMessage | None: ...

    @abstractmethod
    def mark_processed(self, record: ProcessedMessage) -> None: ...

    @abstractmethod
    def queue_mail(self, mail: OutgoingMail) -> None:
        """Queue once: a second call with the same message_id changes nothing."""

    @abstractmethod
    def pending_mail(self) -> list[OutgoingMail]:
        """Mail neither sent nor refused, oldest first."""

    @abstractmethod
    def mark_sent(self, message_id: str, at: datetime) -> None:
        """Record the send; the stored body is dropped (the sent copy is in the mail store)."""

    @abstractmethod
    def mark_failed(self, message_id: str, at: datetime, reason: str) -> None:
        """Record a permanent refusal: the mail leaves the pending list and keeps its body."""

    @abstractmethod
    def replace_master(self, kind: MasterKind,
                       records: list[CustomerRecord] | list[ProductRecord] | list[StaffMember]) -> None: ...

    @abstractmethod
    def hold_message(self, held: HeldMessage) -> None:
        """Keep a message for the rep's decision, under our query's Message-ID."""

    @abstractmethod
    def held_message(self, message_ids: list[str]) -> HeldMessage | None:
        """The held message whose query one of these Message-IDs names."""

    @abstractmethod
    def remove_customer_address(self, address: str) -> list[str]:
        """Take a confirmed address off every customer; the codes it was on."""

    @abstractmethod
    def add_customer_address(self, code: str, address: str) -> None:
        """Register an address as speaking for a customer (kept across imports)."""

    @abstractmethod
    def stock_ledger(self) -> StockLedger:
        """On hand per SKU and what each effective order holds (a copy: change it, then save it)."""

    @abstractmethod
    def save_stock_ledger(self, ledger: StockLedger) -> None:
        """Keep the ledger; it commits with the orders that reserved, shipped or released."""

    @abstractmethod
    def archive_finished(self, now: datetime, keep_days: int = 30) -> int:
        """Move finished orders (closed, rejected, cancelled), processed-message
        records and sent mail older than keep_days to the per-month archives.
        Returns how many records moved."""


class Repository(ABC):
    @abstractmethod
    def unit_of_work(self) -> AbstractContextManager[UnitOfWork]: ...

    # Claims, for several workers on one store. A store one process holds at a time (TinyDB's
    # lock, the memory twin) gives every message and every mail to whoever asks.
    def claim_messages(self, fingerprints: list[str], holder: str | None = None,
                       limit: int | None = None) -> set[str]:
        """Up to `limit` of the incoming messages (by content fingerprint) this worker may handle."""
        return set(fingerprints)

    def claim_mail(self, holder: str | None = None, limit: int | None = None) -> list["OutgoingMail"]:
        """Mail to send, oldest first, that no other sender holds."""
        with self.unit_of_work() as uow:
            return uow.pending_mail()[:limit]

    def release_mail(self, message_ids: list[str]) -> None:
        """Give claimed mail back unsent."""

    # Read-only views outside a unit of work; they see archives too.
    @abstractmethod
    def get_order(self, order_no: str) -> Order | None: ...

    @abstractmethod
    def list_orders(self, status: Status | None = None, include_archived: bool = False) -> list[Order]: ...

    def get_orders(self, order_nos: set[str]) -> dict[str, Order]:
        """These orders by number: the live ones in one read (one file read for TinyDB), an
        archived one by itself."""
        found = {order.order_no: order for order in self.list_orders() if order.order_no in order_nos}
        for order_no in set(order_nos) - found.keys():
            if (order := self.get_order(order_no)) is not None:
                found[order_no] = order
        return found

    @abstractmethod
    def audit_trail(self, order_no: str) -> list[Event]: ...

    @abstractmethod
    def find_processed(self, key: str) -> ProcessedMessage | None: ...

    @abstractmethod
    def quarantined(self, *, archived: bool = True) -> list[ProcessedMessage]: ...

    @abstractmethod
    def refused_mail(self, *, archived: bool = True) -> list[OutgoingMail]:
        """Mail the server refused for good (kept, never sent again), oldest first."""

    @abstractmethod
    def master(self) -> StaffDirectory: ...

    @abstractmethod
    def stock_ledger(self) -> StockLedger: ...
