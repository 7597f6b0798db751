"""Procedure step 1's technical feasibility check (技术可行性评估): a confirmed
order with custom (定制) or unknown items goes to tech before the manager.

Tech gets a request of its own, with a signed token like an approver's, and
answers 可行 (→ the manager's review) or 不可行 with a reason (→ the customer
is asked, with tech's reason, to change the order). The answer is due in one
working day (configurable); the timer reminds tech, then escalates to tech's
deputy, else the sales manager.
"""
from __future__ import annotations

from datetime import datetime

from orders.approval import DecisionRefused, Step
from orders.master import MasterData
from orders.model import SYSTEM, Decision, Order, Problem
from orders.notice import Notice, Outcome
from orders.review import ReviewRules, rep_and_customer, request_notice, review_facts, submit_for_approval
from orders.status import Status
from orders.validation import is_custom
from orders.workdays import working_deadline

__all__ = ["needs_feasibility", "submit_confirmed", "decide_feasibility"]


def needs_feasibility(order: Order, master: MasterData) -> bool:
    """Custom items, or items the product catalogue (when there is one) does not know."""
    known = master.has_products()
    return any(is_custom(line) or (known and line.kind is None) for line in order.lines)


def submit_confirmed(order: Order, *, at: datetime, actor: str, reason: str, message_id: str | None,
                     rules: ReviewRules, master: MasterData) -> list[Notice]:
    """The customer confirmed: to tech first when the order needs it, else to the manager."""
    if not needs_feasibility(order, master):
        return submit_for_approval(order, at=at, actor=actor, reason=reason, message_id=message_id, rules=rules,
                                   master=master)
    order.move_to(Status.FEASIBILITY, at=at, actor=actor, message_id=message_id,
                  reason=f"{reason}; custom or unknown items: tech checks feasibility first")
    return open_feasibility(order, at=at, rules=rules, master=master, in_reply_to=message_id)


def open_feasibility(order: Order, *, at: datetime, rules: ReviewRules, master: MasterData,
                     in_reply_to: str | None) -> list[Notice]:
    techs = master.staff_with_role(Step.FEASIBILITY.role)
    due = working_deadline(at, rules.feasibility_days)
    order.start_timer("feasibility", due, due - at, role=Step.FEASIBILITY.role)
    if not techs:
        order.note("note", at=at, actor=SYSTEM, message_id=in_reply_to,
                   reason="no staff member holds the role tech: the feasibility check waits for the staff table")
        return []
    facts = review_facts(order, Step.FEASIBILITY, master, at.date())
    return [request_notice(order, Step.FEASIBILITY, member.email, at=at, rules=rules, facts=facts,
                           in_reply_to=in_reply_to, purpose="feasibility_request") for member in techs]


def decide_feasibility(order: Order, *, verdict: str, approver: str, reason: str | None, message_id: str | None,
                       at: datetime, rules: ReviewRules, master: MasterData) -> Outcome:
    """可行 → the manager's review; 不可行 (with the reason, which the customer reads) → clarifying."""
    if order.status != Status.FEASIBILITY:
        raise DecisionRefused(f"{order.order_no} is not waiting for a feasibility check (it is {order.status})")
    if verdict == "reject" and not reason:
        raise DecisionRefused("不可行请写明原因,客户会看到 / say why it is not feasible: the customer is told")
    order.decisions.append(Decision(step=Step.FEASIBILITY.value, verdict=verdict, approver=approver,
                                    version=order.version, at=at, reason=reason, message_id=message_id))
    order.stop_timer("feasibility")
    if verdict == "approve":
        notices = submit_for_approval(order, at=at, actor=approver, message_id=message_id, rules=rules,
                                      master=master, reason="feasible (可行) per tech")
        return Outcome(order, notices, note=f"feasible per {approver}: to the manager")
    order.problems = [Problem(field="lines", code="invalid", detail=f"技术评估不可行 / not feasible: {reason}")]
    order.move_to(Status.CLARIFYING, at=at, actor=approver, message_id=message_id,
                  reason=f"not feasible (不可行) per tech: {reason}")
    notices = [Notice("infeasible", order.order_no, to, message_id, audience=audience, reason=reason)
               for to, audience in rep_and_customer(order, master)]
    return Outcome(order, notices, note=f"not feasible per {approver}: the customer is asked")
