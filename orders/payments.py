"""Payments received for an order (procedure steps 4 and 6): a ledger per
order, from finance's 已收款 reply or an imported bank file, and what is still
owed against it.

With prepayment terms (预付30%, 款到发货 = 100%) the goods ship only once the
prepayment is on record; balance due = total payable − payments. A payment
with a reference already on the order is the same payment reported twice and
counts once.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel

from orders.money import ZERO, round_money

if TYPE_CHECKING:
    from orders.model import Order

__all__ = ["Payment", "paid", "balance_due", "prepayment_due", "prepayment_outstanding", "add_payment",
           "known_payment"]

HUNDRED = Decimal("100")


class Payment(BaseModel):
    amount: Decimal
    paid_on: date
    reference: str | None = None  # the bank's or finance's reference: the same one counts once
    bank_reference: str | None = None  # finance's 已收款 matched to its line in an imported bank file
    recorded_by: str
    recorded_at: datetime
    source: Literal["reply", "import"] = "reply"


def paid(order: Order) -> Decimal:
    return sum((p.amount for p in order.payments), ZERO)


def balance_due(order: Order) -> Decimal:
    return (order.total_payable or ZERO) - paid(order)


def prepayment_due(order: Order) -> Decimal:
    """What the terms ask for before shipping (0 without prepayment)."""
    share = order.payment_terms.prepayment_percent or ZERO
    return round_money((order.total_payable or ZERO) * min(share, HUNDRED) / HUNDRED)


def prepayment_outstanding(order: Order) -> Decimal:
    """What is still missing of the prepayment; shipping waits while it is above zero."""
    return max(prepayment_due(order) - paid(order), ZERO)


def add_payment(order: Order, payment: Payment) -> bool:
    """Record a payment; False when its reference is on the order already (reported twice)."""
    if payment.amount <= ZERO:
        raise ValueError(f"a payment must be positive, not {payment.amount}")
    if payment.reference and any(p.reference == payment.reference for p in order.payments):
        return False
    order.payments.append(payment)
    return True


def known_payment(order: Order, reference: str | None, amount: Decimal, source: str) -> bool:
    """Whether the payment is on the order already: its reference is, or (a bank
    file's line) finance reported the same amount by 已收款 and no bank line has
    been matched to it yet, which this line then is."""
    if reference and any(reference in (p.reference, p.bank_reference) for p in order.payments):
        return True
    if source == "import":
        reported = next((p for p in order.payments
                         if p.source == "reply" and p.bank_reference is None and p.amount == amount), None)
        if reported is not None:
            reported.bank_reference = reference
            return True
    return False
