"""What a domain operation asks the flow to send, and what it did.

Operations change the order and return notices; they send and save nothing.
The flow turns each notice into an email in the order's thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from orders.approval import CreditEvidence
from orders.model import Order, Problem

NoticePurpose = Literal[
    "clarification", "requirements_list", "cancelled",      # to the customer, steps 1–2
    "approval_request", "review_reminder", "escalation",    # to an approver (a signed token inside)
    "decision_refused",                                     # to whoever sent a reply that cannot decide
    "order_rejected", "order_effective", "credit_hold",     # the outcome, to rep, customer and departments
    "change_outcome", "change_reason_needed",               # change requests (变更申请)
    "sender_pending", "sender_check", "sender_denied",      # an order from an address not on the record
    "action_check",                                         # a customer action that came without proof
]
Audience = Literal["customer", "approver", "sender", "rep", "warehouse", "production", "finance"]


@dataclass(frozen=True)
class ReportLine:
    """One line of the validation report in an approval request."""

    check: str
    problems: tuple[Problem, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Notice:
    """An email the flow must send about an order."""

    purpose: NoticePurpose
    order_no: str
    to: str
    in_reply_to: str | None  # the message this answers
    audience: Audience = "customer"
    step: str | None = None  # orders.approval.Step, for approval mail
    reason: str | None = None  # a refusal, a rejection, a hold: said in the mail
    request: int | None = None  # index into order.approval_requests: the token to sign
    credit: CreditEvidence | None = None
    report: tuple[ReportLine, ...] = ()
    change_id: int | None = None


@dataclass
class Outcome:
    order: Order | None
    notices: list[Notice] = field(default_factory=list)
    acted: bool = True  # False: the message changed nothing (filed as ignored)
    note: str = ""
    # A reply that tried to decide and was refused: nothing changed but the
    # audit trail (and an explanation to the sender), so the order is saved.
    refused: bool = False
