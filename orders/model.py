"""The standard order record (标准订单格式模板) and what it is built from.

`OrderDraft` is what a parser read out of an email: every field may be absent.
`Order` is the stored record: an order number from the moment it is received,
fields that fill in as the customer answers, and the events of every
transition. Field names are the stored names of DESIGN.md.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from orders.fulfilment import Fulfilment
from orders.money import ZERO, line_amount, payable
from orders.payments import Payment
from orders.cases import Case, Survey
from orders.shipment import Shipment
from orders.signoff import Delivery
from orders.status import Status, check_transition
from orders.text import message_id_key
from orders.timers import Timer, set_timer, stop_timer, timer_of

SYSTEM = "orderloop"  # the actor of what the pipeline does on its own

ProblemCode = Literal["missing", "vague", "invalid", "needs_drawing", "mismatch", "unknown"]


class Problem(BaseModel):
    """One thing to ask the customer about; `field` uses the record's names
    (`customer.address`, `lines[1].quantity`, `requested_delivery_date`)."""

    model_config = ConfigDict(frozen=True)
    field: str
    code: ProblemCode
    detail: str


class CustomerInfo(BaseModel):
    code: str | None = None
    name: str | None = None
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None


class PaymentTerms(BaseModel):
    text: str | None = None
    prepayment_percent: Decimal | None = None
    credit_days: int | None = None


class Attachment(BaseModel):
    filename: str
    content_type: str
    size: int


class DraftLine(BaseModel):
    line_no: int | None = None
    sku: str | None = None
    name: str | None = None
    spec: str | None = None
    unit: str | None = None
    quantity: Decimal | None = None
    unit_price: Decimal | None = None
    amount: Decimal | None = None  # as the customer stated it, if they did


class OrderDraft(BaseModel):
    """An order as read from one email; absent values are None."""

    customer: CustomerInfo = Field(default_factory=CustomerInfo)
    customer_po: str | None = None
    order_date: date | None = None
    lines: list[DraftLine] = Field(default_factory=list)
    freight: Decimal | None = None
    discount: Decimal | None = None
    stated_goods_total: Decimal | None = None
    stated_total: Decimal | None = None
    payment_terms: PaymentTerms = Field(default_factory=PaymentTerms)
    requested_delivery_date: date | None = None
    # The delivery wording when it was not a date ("尽快", "ASAP"), kept so the
    # question to the customer can quote it.
    requested_delivery_text: str | None = None
    special_requirements: str | None = None
    attachments: list[Attachment] = Field(default_factory=list)


class OrderLine(BaseModel):
    line_no: int
    sku: str | None = None
    name: str | None = None
    spec: str | None = None
    unit: str | None = None
    quantity: Decimal | None = None
    unit_price: Decimal | None = None
    amount: Decimal | None = None
    kind: Literal["standard", "custom"] | None = None

    def computed_amount(self) -> Decimal | None:
        if self.quantity is not None and self.unit_price is not None:
            return line_amount(self.quantity, self.unit_price)
        return self.amount


class Decision(BaseModel):
    """An approver's verdict on one step of one version of an order."""

    step: str  # orders.approval.Step
    verdict: Literal["approve", "reject"]
    approver: str
    version: int
    at: datetime
    reason: str | None = None
    message_id: str | None = None


EventKind = Literal["transition", "refused", "reminder", "escalation", "change_requested",
                    "change_decided", "note", "sender_check", "notice"]


class ApprovalRequest(BaseModel):
    """One approval request mailed to one approver; a reply in its thread, or
    its signed token, decides the step it names, for the version it names."""

    step: str  # orders.approval.Step
    version: int
    approver: str
    sent_at: datetime
    expires_at: datetime
    purpose: str = "approval_request"  # approval_request | escalation
    change_id: int | None = None
    message_id: str | None = None  # set when the mail is built


class SenderCheck(BaseModel):
    """An order from an address not on the customer record waits while the
    customer's rep is asked whether the sender speaks for the customer."""

    address: str  # the sender, lower-case
    customer_code: str
    rep: str | None
    asked_at: datetime
    state: Literal["asked", "confirmed", "denied"] = "asked"
    decided_by: str | None = None


class PendingAction(BaseModel):
    """A customer's cancel, change or confirmation that came without proof of
    the thread: it waits for the registered address to answer our check."""

    intent: Literal["cancel", "change", "confirm"]
    requested_by: str
    at: datetime
    answer: OrderDraft | None = None
    reason: str | None = None
    message_id: str | None = None
    version: int = 1  # the order version it was asked against: a later change voids it
    check_id: str | None = None  # our confirmation request's Message-ID: only the answer to it acts


class ChangeRequest(BaseModel):
    """变更申请: a change to an order under the same number, with its reason,
    decided by the sales manager."""

    change_id: int
    requested_by: str
    reason: str
    changes: OrderDraft
    summary: list[str]  # what would change, old → new, for the manager and the customer
    version: int  # the order version the change was asked against
    at: datetime
    message_id: str | None = None
    state: Literal["pending", "approved", "rejected"] = "pending"
    decided_by: str | None = None
    decided_at: datetime | None = None
    decision_reason: str | None = None


class Event(BaseModel):
    """One entry of the audit trail: who, when, from, to, why, source message.

    A transition changes the status; the other kinds (a refused reply, a
    reminder, an escalation, a change request) leave it as it was and record
    from_status == to_status."""

    order_no: str
    seq: int
    at: datetime
    actor: str
    from_status: Status | None
    to_status: Status
    reason: str
    message_id: str | None = None
    kind: EventKind = "transition"

    @property
    def event_id(self) -> str:
        return f"{self.order_no}#{self.seq}"


class Order(BaseModel):
    order_no: str
    order_date: date
    status: Status = Status.RECEIVED
    version: int = 1  # bumped when the content changes; approval tokens bind it
    customer: CustomerInfo = Field(default_factory=CustomerInfo)
    customer_po: str | None = None
    lines: list[OrderLine] = Field(default_factory=list)
    goods_total: Decimal | None = None
    freight: Decimal = ZERO
    discount: Decimal = ZERO
    total_payable: Decimal | None = None
    stated_goods_total: Decimal | None = None
    stated_total: Decimal | None = None
    payment_terms: PaymentTerms = Field(default_factory=PaymentTerms)
    requested_delivery_date: date | None = None
    requested_delivery_text: str | None = None
    actual_ship_date: date | None = None
    estimated_arrival_date: date | None = None
    actual_delivery_date: date | None = None
    special_requirements: str | None = None
    shipment: Shipment | None = None
    delivery: Delivery | None = None  # the carrier's 签收, the customer's word, the signed form (step 5)
    cases: list[Case] = Field(default_factory=list)  # after-sales cases (售后单), step 6
    survey: Survey | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    problems: list[Problem] = Field(default_factory=list)
    needs_feasibility: bool = False
    decisions: list[Decision] = Field(default_factory=list)
    sales_rep: str | None = None  # the rep's address (customer record, else the staff table)
    approval_requests: list[ApprovalRequest] = Field(default_factory=list)
    spent_tokens: list[str] = Field(default_factory=list)  # claims already used: single use
    # Every clock running on the order (orders.timers): the manager's 2-hour
    # review, tech's feasibility day, production's finish date, ...
    timers: list[Timer] = Field(default_factory=list)
    # The stages after approval, each a record of its own (procedure steps 4–6).
    fulfilment: Fulfilment | None = None
    payments: list[Payment] = Field(default_factory=list)
    change_requests: list[ChangeRequest] = Field(default_factory=list)
    # Where answers go, and every Message-ID of the thread (ours and theirs),
    # so that a reply can be matched by In-Reply-To/References.
    reply_to: str | None = None
    thread: list[str] = Field(default_factory=list)
    # Our own Message-IDs (bare) and whom each mail went to: a reply that names
    # one proves its sender received that mail (proof of thread).
    mail_sent: dict[str, str] = Field(default_factory=dict)
    sender_check: SenderCheck | None = None
    pending_action: PendingAction | None = None
    created_at: datetime
    updated_at: datetime
    event_seq: int = 0
    # Events recorded since the order was loaded; the store appends them to the
    # audit log on commit, so they are not part of the stored record.
    events: list[Event] = Field(default_factory=list, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _review_clock_as_timer(cls, data):
        """Records stored before timers kept the review's deadline in two fields of their own."""
        if isinstance(data, dict) and "review_due_at" in data:
            data = dict(data)
            due, misses = data.pop("review_due_at"), data.pop("review_misses", 0)
            if due and not any(t.get("kind") == "review" for t in data.get("timers", [])
                               if isinstance(t, dict)):
                data["timers"] = [*data.get("timers", []), {"kind": "review", "due_at": due, "window": "PT2H",
                                                            "misses": misses, "role": "sales_manager"}]
        return data

    def timer(self, kind: str) -> Timer | None:
        return timer_of(self.timers, kind)

    def start_timer(self, kind: str, due_at: datetime, window, role: str | None) -> Timer:
        timer = Timer(kind=kind, due_at=due_at, window=window, role=role)
        set_timer(self.timers, timer)
        return timer

    def stop_timer(self, kind: str) -> bool:
        return stop_timer(self.timers, kind)

    def recompute_totals(self) -> None:
        amounts = [line.computed_amount() for line in self.lines]
        if self.lines and all(a is not None for a in amounts):
            self.goods_total = sum(amounts, ZERO)
            self.total_payable = payable(self.goods_total, self.freight, self.discount)
        else:
            self.goods_total = self.total_payable = None

    def move_to(self, target: Status, *, at: datetime, actor: str, reason: str,
                message_id: str | None = None) -> Event:
        """Change status through the transition table and record the event."""
        check_transition(self.status, target)
        return self._record(target, at=at, actor=actor, reason=reason, message_id=message_id)

    def join_thread(self, message_id: str | None) -> None:
        """Take a message into the order's thread, so replies to it find the order."""
        if message_id and message_id not in self.thread:
            self.thread.append(message_id)

    def record_mail(self, message_id: str, recipient: str) -> None:
        """One of our mails, in the thread and remembered with its recipient."""
        self.join_thread(message_id)
        self.mail_sent[message_id_key(message_id)] = recipient.casefold()

    def answered_mail(self, thread_ids: list[str], recipients: set[str]) -> str | None:
        """The first of our Message-IDs that a reply names (In-Reply-To, then
        References) among mail we sent to one of `recipients`, or None."""
        wanted = {r.casefold() for r in recipients if r}
        for message_id in thread_ids:
            to = self.mail_sent.get(message_id_key(message_id))
            if to is not None and to in wanted:
                return message_id
        return None

    def note(self, kind: EventKind, *, at: datetime, actor: str, reason: str,
             message_id: str | None = None) -> Event:
        """Record an event that leaves the status as it is (a refusal, a reminder...)."""
        return self._record(self.status, at=at, actor=actor, reason=reason, message_id=message_id, kind=kind)

    def _record(self, target: Status, *, at: datetime, actor: str, reason: str,
                message_id: str | None, kind: EventKind = "transition") -> Event:
        self.event_seq += 1
        event = Event(order_no=self.order_no, seq=self.event_seq, at=at, actor=actor,
                      from_status=None if self.event_seq == 1 else self.status,
                      to_status=target, reason=reason, message_id=message_id, kind=kind)
        self.status = target
        self.updated_at = at
        self.events.append(event)
        return event

    @classmethod
    def receive(cls, order_no: str, *, at: datetime, actor: str, message_id: str | None) -> "Order":
        """A new record in status `received`, with its first event."""
        order = cls(order_no=order_no, order_date=at.date(), created_at=at, updated_at=at)
        order._record(Status.RECEIVED, at=at, actor=actor, reason="order email received",
                      message_id=message_id)
        return order
