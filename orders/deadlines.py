"""The 2-hour rule of the manager's review (初审需在订单提交后2小时内完成).

At the deadline the manager is reminded; when a second window passes too, the
review is escalated to the manager's deputy (staff table),
who gets a request and token of their own. The clock is passed in.
"""
from __future__ import annotations

from datetime import datetime

from orders.approval import Step
from orders.master import MasterData
from orders.notice import Outcome
from orders.model import SYSTEM, Order
from orders.review import ReviewRules, approver_notice, live_requests, request_notice, review_facts
from orders.status import Status
from orders.timers import Timer


def review_timer(order: Order, rules: ReviewRules | None = None) -> Timer | None:
    """The manager review's clock, on the generic timer rule (orders/timers.py)."""
    return order.timer("review") if order.status == Status.MANAGER_REVIEW else None


def overdue_timers(order: Order, now: datetime) -> list[Timer]:
    """Every clock of the order past its deadline, with its kind."""
    return [timer for timer in order.timers if timer.overdue(now)]


def is_overdue(order: Order, now: datetime) -> bool:
    return bool(overdue_timers(order, now))


def next_chase(order: Order, rules: ReviewRules) -> datetime | None:
    """When the next reminder or escalation is due: the deadline, then one window later."""
    timer = review_timer(order, rules)
    return timer.next_due() if timer else None


def chase_review(order: Order, *, now: datetime, rules: ReviewRules, master: MasterData) -> Outcome:
    """Remind at the deadline, escalate one window later, then leave it to people.
    The deadline itself stays: the review remains overdue until it is decided."""
    timer = review_timer(order, rules)
    due = timer.next_due() if timer else None
    firing = timer.fire(now) if timer else None
    if firing is None:
        return Outcome(order, acted=False, note="nothing due")
    asked = [n for n in live_requests(order, Step.MANAGER)
             if order.approval_requests[n].purpose == "approval_request"]
    managers = [order.approval_requests[n] for n in asked]
    if firing == "remind":
        order.note("reminder", at=now, actor=SYSTEM,
                   reason=f"manager review due {due.isoformat()} missed; reminder sent, escalation at "
                          f"{timer.next_due().isoformat()}")
        facts = review_facts(order, Step.MANAGER, master, now.date())
        notices = [approver_notice(order, n, "review_reminder", facts=facts,
                                   in_reply_to=order.approval_requests[n].message_id) for n in asked]
        return Outcome(order, notices, note="reminder sent")
    deputies = _deputies(master, [r.approver for r in managers])
    order.note("escalation", at=now, actor=SYSTEM,
               reason=f"manager review missed twice (due {timer.due_at.isoformat()}); escalated to "
                      f"{', '.join(deputies) or 'nobody: no deputy in the staff table'}")
    facts = review_facts(order, Step.MANAGER, master, now.date())
    notices = [request_notice(order, Step.MANAGER, deputy, at=now, rules=rules, facts=facts,
                              in_reply_to=managers[0].message_id if managers else None, purpose="escalation")
               for deputy in deputies]
    return Outcome(order, notices, note="escalated to the deputy")


def _deputies(master: MasterData, managers: list[str]) -> list[str]:
    found: list[str] = []
    for address in managers:
        member = master.staff_by_email(address)
        deputy = member.deputy_email if member else None
        if deputy and deputy.casefold() not in {a.casefold() for a in found + managers}:
            found.append(deputy)
    return found
