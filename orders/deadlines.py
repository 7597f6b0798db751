"""Every clock of an order, fired on the one rule of orders.timers.

The 2-hour manager review (初审需在订单提交后2小时内完成): at the deadline the
manager is reminded; when a second window passes too, the review is escalated
to the manager's deputy (staff table), who gets a request and token of their
own. Tech's feasibility day escalates the same way (a request of their own).
Every other task (production's finish date, the warehouse's pick, finance's
prepayment, logistics' shipping, the customer's window through the rep)
reminds whoever it waits on, then goes to their deputy, else the sales
manager. The clock is passed in.
"""
from __future__ import annotations

from datetime import datetime

from orders.approval import Step
from orders.master import MasterData
from orders.notice import Notice, Outcome
from orders.closure import ask_rep_to_close, balance_overdue, send_survey
from orders.delivery import arrival_reminder
from orders.progress import shortage_notices
from orders.roles import deputies_of
from orders.model import SYSTEM, Order
from orders.review import ReviewRules, approver_notice, live_requests, request_notice, review_facts, sales_rep
from orders.status import Status
from orders.timers import LABELS, Timer


def review_timer(order: Order) -> Timer | None:
    """The manager review's clock, on the generic timer rule (orders/timers.py)."""
    return order.timer("review") if order.status == Status.MANAGER_REVIEW else None


def overdue_timers(order: Order, now: datetime) -> list[Timer]:
    """Every clock of the order past its deadline, with its kind."""
    return [timer for timer in order.timers if timer.overdue(now)]


def is_overdue(order: Order, now: datetime) -> bool:
    return bool(overdue_timers(order, now))


def chase_review(order: Order, *, now: datetime, rules: ReviewRules, master: MasterData) -> Outcome:
    """Remind at the deadline, escalate one window later, then leave it to people.
    The deadline itself stays: the review remains overdue until it is decided."""
    timer = review_timer(order)
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
        return Outcome(order, notices, note="reminder")
    deputies = deputies_of(master, [r.approver for r in managers])
    order.note("escalation", at=now, actor=SYSTEM,
               reason=f"manager review missed twice (due {timer.due_at.isoformat()}); escalated to "
                      f"{', '.join(deputies) or 'nobody: no deputy in the staff table'}")
    facts = review_facts(order, Step.MANAGER, master, now.date())
    notices = [request_notice(order, Step.MANAGER, deputy, at=now, rules=rules, facts=facts,
                              in_reply_to=managers[0].message_id if managers else None, purpose="escalation")
               for deputy in deputies]
    return Outcome(order, notices, note="escalated")


# Clocks that are no one's task: when they fire, something is said once, then they stop.
ANNOUNCEMENTS = {
    "shortage": lambda order, master, now: shortage_notices(order, master, now),  # 24 h before the requested date
    "arrival": lambda order, master, now: arrival_reminder(order, now),  # the day before the goods arrive
    "survey": send_survey,  # 3 days after delivery
    "survey_answer": ask_rep_to_close,  # the survey unanswered for 7 days
    "balance": balance_overdue,  # the balance's due date passed
}


def chase_timers(order: Order, *, now: datetime, rules: ReviewRules, master: MasterData) -> Outcome:
    """Every clock of the order that is due: the manager's review by its own
    rule (a new signed request for the deputy), an announcement once, and every
    other task by the generic one: a reminder to whoever it waits on, then one
    window later the deputy, else the sales manager."""
    outcome = chase_review(order, now=now, rules=rules, master=master)
    notices = list(outcome.notices)
    fired = [f"{LABELS['review']}: {outcome.note}"] if outcome.acted else []  # in words, for the run's summary
    for timer in [t for t in order.timers if t.kind != "review"]:
        firing = timer.fire(now)
        if firing is None:
            continue
        if timer.kind in ANNOUNCEMENTS:
            notices += ANNOUNCEMENTS[timer.kind](order, master, now)
            fired.append(f"{timer.label}: said")
        elif firing == "remind":
            notices += _remind(order, timer, master, now)
            fired.append(f"{timer.label}: reminder")
        else:
            notices += _escalate(order, timer, master, now, rules)
            fired.append(f"{timer.label}: escalated")
    return Outcome(order, notices, acted=bool(fired), note="; ".join(fired) or "nothing due")


def _remind(order: Order, timer, master: MasterData, now: datetime) -> list[Notice]:
    asked = _waiting_on(order, timer.role, master)
    order.note("reminder", at=now, actor=SYSTEM,
               reason=f"{timer.label}: due {timer.due_at.isoformat()} missed; {', '.join(asked) or 'nobody'} "
                      f"reminded, escalation at {timer.next_due().isoformat()}")
    return [Notice("task_reminder", order.order_no, to, None, audience=_audience(timer.role), timer=timer.kind)
            for to in asked]


def _escalate(order: Order, timer, master: MasterData, now: datetime, rules: ReviewRules) -> list[Notice]:
    asked = _waiting_on(order, timer.role, master)
    deputies = deputies_of(master, asked)
    audience = _audience(timer.role) if deputies else "sales_manager"
    deputies = deputies or [m.email for m in master.staff_with_role("sales_manager")]
    order.note("escalation", at=now, actor=SYSTEM,
               reason=f"{timer.label}: missed twice (due {timer.due_at.isoformat()}); escalated to "
                      f"{', '.join(deputies) or 'nobody: no deputy or sales manager in the staff table'}")
    if timer.kind == "feasibility":  # the verdict needs a signed request of their own
        facts = review_facts(order, Step.FEASIBILITY, master, now.date())
        return [request_notice(order, Step.FEASIBILITY, to, at=now, rules=rules, facts=facts, in_reply_to=None,
                               purpose="feasibility_request") for to in deputies]
    return [Notice("task_escalation", order.order_no, to, None, audience=audience, timer=timer.kind,
                   reason=", ".join(asked)) for to in deputies]


def _waiting_on(order: Order, role: str | None, master: MasterData) -> list[str]:
    if role in (None, "rep", "sales_rep"):
        rep = sales_rep(order, master)
        return [rep] if rep else []
    return [m.email for m in master.staff_with_role(role)]


def _audience(role: str | None) -> str:
    return "rep" if role in (None, "rep", "sales_rep") else role
