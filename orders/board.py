"""The order board ops read (issue 14): every open order by status, whom it
waits on and since when, and every clock past its deadline with its kind and
age. Pure: the orders and the clock are passed in; flows/board.py adds the
quarantined messages and refused mail and publishes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from orders.model import Order
from orders.status import Status
from orders.timers import LABELS as TIMER_LABELS

__all__ = ["BoardRow", "OverdueClock", "board_rows", "STATUS_EN", "WHO", "FINISHED"]

FINISHED = frozenset({Status.CLOSED, Status.REJECTED, Status.CANCELLED})
STATUS_EN = {
    Status.RECEIVED: "received", Status.CLARIFYING: "questions to the customer",
    Status.CONFIRMING: "customer to confirm", Status.FEASIBILITY: "feasibility check",
    Status.MANAGER_REVIEW: "manager review", Status.FINANCE_REVIEW: "finance review",
    Status.CREDIT_HOLD: "credit hold", Status.EFFECTIVE: "effective", Status.PICKING: "picking",
    Status.IN_PRODUCTION: "in production", Status.SHIPPED: "shipped", Status.DELIVERED: "delivered",
    Status.AFTER_SALES: "after-sales", Status.CLOSED: "closed", Status.REJECTED: "rejected",
    Status.CANCELLED: "cancelled",
}
# Whom an order waits on when no clock says otherwise.
BY_STATUS = {Status.RECEIVED: "rep", Status.CLARIFYING: "customer", Status.CONFIRMING: "customer",
             Status.FEASIBILITY: "tech", Status.MANAGER_REVIEW: "manager", Status.FINANCE_REVIEW: "finance",
             Status.CREDIT_HOLD: "rep", Status.EFFECTIVE: "warehouse", Status.PICKING: "warehouse",
             Status.IN_PRODUCTION: "production", Status.SHIPPED: "logistics", Status.DELIVERED: "customer",
             Status.AFTER_SALES: "customer service"}
# A timer's role as ops name it.
WHO = {"sales_manager": "manager", "customer_service": "customer service", "rep": "rep", "sales_rep": "rep",
       None: "rep"}


@dataclass(frozen=True)
class OverdueClock:
    kind: str
    label: str
    due_at: datetime
    age_minutes: int


@dataclass(frozen=True)
class BoardRow:
    order_no: str
    status: Status
    customer: str | None
    waits_on: tuple[str, ...]
    since: datetime
    overdue: tuple[OverdueClock, ...] = field(default_factory=tuple)

    @property
    def status_label(self) -> str:
        return f"{self.status.label} / {STATUS_EN[self.status]}"

    def as_dict(self) -> dict:
        return {"order_no": self.order_no, "status": self.status.value, "status_label": self.status_label,
                "customer": self.customer, "waits_on": list(self.waits_on), "since": self.since.isoformat(),
                "overdue": [{"kind": c.kind, "label": c.label, "due_at": c.due_at.isoformat(),
                             "age_minutes": c.age_minutes} for c in self.overdue]}


def board_rows(orders: list[Order], now: datetime) -> list[BoardRow]:
    """The open orders, the most overdue first, then by status and number."""
    rows = [_row(order, now) for order in orders if order.status not in FINISHED]
    order_of = {status: i for i, status in enumerate(Status)}
    return sorted(rows, key=lambda r: (-max((c.age_minutes for c in r.overdue), default=-1),
                                       order_of[r.status], r.order_no))


def _row(order: Order, now: datetime) -> BoardRow:
    who = list(dict.fromkeys(WHO.get(t.role, (t.role or "rep").replace("_", " ")) for t in order.timers))
    who = who or [BY_STATUS.get(order.status, "rep")]
    # Since when: the earliest running clock's start, else the order's last change.
    started = [t.due_at - t.window for t in order.timers]
    since = min(started) if started else order.updated_at
    overdue = tuple(OverdueClock(t.kind, TIMER_LABELS.get(t.kind, t.kind), t.due_at,
                                 int((now - t.due_at).total_seconds() // 60))
                    for t in order.timers if t.overdue(now))
    return BoardRow(order.order_no, order.status, order.customer.name, tuple(who), since, overdue)
