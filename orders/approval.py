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

from datetime import datetime

from orders.master import CustomerRecord
from orders.model import SYSTEM, Decision, Order
from orders.money import ZERO, round_money
from orders.status import Status

HUNDRED = Decimal("100")


class Step(StrEnum):
    MANAGER = "manager"
    FINANCE = "finance"
    CHANGE = "change"  # a change request (变更申请), decided by the sales manager
    FEASIBILITY = "feasibility"  # tech's 可行 / 不可行 on custom or unknown items, before the manager

    @property
    def role(self) -> str:
        """The staff role that holds this step (the staff table's `role`)."""
        return {Step.MANAGER: "sales_manager", Step.FINANCE: "finance", Step.CHANGE: "sales_manager",
                Step.FEASIBILITY: "tech"}[self]

    @property
    def label(self) -> str:
        return STEP_LABELS[self]


STEP_LABELS = {Step.MANAGER: "销售经理审批 / Sales manager approval", Step.FINANCE: "财务审批 / Finance approval",
               Step.CHANGE: "订单变更审批 / Change request approval",
               Step.FEASIBILITY: "技术可行性评估 / Feasibility check"}


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


def credit_evidence(order: Order, customer: CustomerRecord, receivable: Decimal = ZERO) -> CreditEvidence:
    """`receivable`: what the customer's other approved orders still owe by the pipeline's ledger,
    on top of the outstanding balance the customer record was imported with."""
    total = order.total_payable if order.total_payable is not None else ZERO
    prepaid = order.payment_terms.prepayment_percent or ZERO
    on_credit = round_money(total * (HUNDRED - min(prepaid, HUNDRED)) / HUNDRED)
    outstanding = customer.outstanding + receivable
    return CreditEvidence(credit_limit=customer.credit_limit, outstanding=outstanding,
                          overdue=customer.overdue, order_total=total, prepayment_percent=prepaid,
                          on_credit=on_credit, exposure_after=outstanding + on_credit)


class DecisionRefused(ValueError):
    """Why a reply cannot decide; the order stays as it was."""


AWAITED = {Status.MANAGER_REVIEW: Step.MANAGER, Status.FINANCE_REVIEW: Step.FINANCE,
           Status.FEASIBILITY: Step.FEASIBILITY}
LEVELS = (Step.MANAGER, Step.FINANCE)  # the approval levels; tech's feasibility verdict is not one


def awaited_step(order: Order) -> Step | None:
    return AWAITED.get(order.status)


def approved_steps(order: Order) -> list[Step]:
    """The steps approved for the order's current version, in the order given."""
    return [Step(d.step) for d in order.decisions
            if d.version == order.version and d.verdict == "approve" and d.step in LEVELS]


def decide(order: Order, *, step: Step, verdict: str, approver: str, at: datetime, policy: ApprovalPolicy,
           credit: CreditEvidence | None = None, reason: str | None = None,
           message_id: str | None = None) -> str:
    """Record a verdict and move the order on; returns what happened:
    "rejected", "effective", "finance_review" or "credit_hold"."""
    if awaited_step(order) != step:
        raise DecisionRefused(f"{order.order_no} awaits {awaited_step(order) or 'no approval'}, not the {step} step")
    if verdict == "reject" and not reason:
        raise DecisionRefused("a rejection needs a reason (驳回请写明原因)")
    order.decisions.append(Decision(step=step.value, verdict=verdict, approver=approver, version=order.version,
                                    at=at, reason=reason, message_id=message_id))
    if verdict == "reject":
        order.move_to(Status.REJECTED, at=at, actor=approver, reason=f"{step} rejected: {reason}",
                      message_id=message_id)
        return "rejected"
    following = policy.next_step(order, approved_steps(order))
    if following is None:
        order.move_to(Status.EFFECTIVE, at=at, actor=approver, reason=f"{step} approved: 已生效",
                      message_id=message_id)
        return "effective"
    order.move_to(Status.FINANCE_REVIEW, at=at, actor=approver, reason=f"{step} approved; finance to review",
                  message_id=message_id)
    if credit is not None and credit.over_limit:
        order.move_to(Status.CREDIT_HOLD, at=at, actor=SYSTEM, message_id=message_id,
                      reason=f"exposure {credit.exposure_after} over the credit limit {credit.credit_limit}")
        return "credit_hold"
    return "finance_review"
