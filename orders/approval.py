"""Procedure step 3 (订单审批与生效): who must approve an order, in what order,
and the credit evidence finance decides on.

≤ 50,000 CNY payable: the sales manager alone; above it the manager, then
finance. No level is skipped: each step opens only when the one before it
has approved.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from orders.master import CustomerRecord
from orders.model import Order
from orders.money import ZERO, round_money

HUNDRED = Decimal("100")


class Step(StrEnum):
    MANAGER = "manager"
    FINANCE = "finance"

    @property
    def role(self) -> str:
        """The staff role that holds this step (the staff table's `role`)."""
        return {Step.MANAGER: "sales_manager", Step.FINANCE: "finance"}[self]


@dataclass(frozen=True)
class ApprovalPolicy:
    # Compared against the total payable (实付金额), as the procedure says.
    threshold: Decimal = Decimal("50000")

    def steps(self, order: Order) -> list[Step]:
        payable = order.total_payable if order.total_payable is not None else ZERO
        return [Step.MANAGER] if payable <= self.threshold else [Step.MANAGER, Step.FINANCE]

    def next_step(self, order: Order, approved: list[Step]) -> Step | None:
        """The step that may act now, given the steps approved so far (in order)."""
        required = self.steps(order)
        if approved != required[:len(approved)]:
            raise ValueError(f"approvals {approved} do not follow the levels {required}")
        return required[len(approved)] if len(approved) < len(required) else None


@dataclass(frozen=True)
class CreditEvidence:
    """What finance sees: the limit, what is owed, and what this order adds."""

    credit_limit: Decimal
    outstanding: Decimal
    overdue: Decimal
    order_total: Decimal
    prepayment_percent: Decimal
    on_credit: Decimal  # the part of this order not paid before shipping
    exposure_after: Decimal

    @property
    def over_limit(self) -> bool:
        """信用额度不足: the order goes to credit hold until the terms change."""
        return self.exposure_after > self.credit_limit


def credit_evidence(order: Order, customer: CustomerRecord) -> CreditEvidence:
    total = order.total_payable if order.total_payable is not None else ZERO
    prepaid = order.payment_terms.prepayment_percent or ZERO
    on_credit = round_money(total * (HUNDRED - min(prepaid, HUNDRED)) / HUNDRED)
    return CreditEvidence(credit_limit=customer.credit_limit, outstanding=customer.outstanding,
                          overdue=customer.overdue, order_total=total, prepayment_percent=prepaid,
                          on_credit=on_credit, exposure_after=customer.outstanding + on_credit)
