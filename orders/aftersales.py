"""After-sales cases (售后单, procedure step 6): a problem with delivered goods
(damage, a shortage, a wrong item, goods that do not work) gets a case of its
own, numbered AS + yyyymm + 4 digits, several per order if need be.

Customer service has 24 hours to answer with a solution (处理方案: exchange,
repair, a credit); the timer reminds them, then the sales manager. The
solution goes to the customer, whose 满意 / 已解决 resolves the case; any other
answer opens it again and customer service is told again, with a new 24 hours.
The order is 售后中 (after_sales) while any case is open, and back to 已签收
when the last is resolved.

Pure: the case number is handed in (the store counts them).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from orders.cases import Case, CustomerWord, Solution
from orders.master import MasterData
from orders.model import Order
from orders.notice import Notice, Outcome
from orders.review import rep_and_customer, staff_and_rep
from orders.status import Status

__all__ = ["Remarks", "CaseRefused", "CASE_WINDOW", "open_cases", "open_case",
           "solution_reply", "customer_verdict", "case_named"]

CASE_WINDOW = timedelta(hours=24)  # 24小时内给出解决方案


@dataclass(frozen=True)
class Remarks:
    """Damage, a shortage or a wrong item reported with the delivery, and what opens its case."""

    text: str
    department: str | None  # warehouse (damage, shortage, wrong item) or production (does not work)
    photos: list[str]
    new_case_no: Callable[[], str]  # the store's next AS number


class CaseRefused(ValueError):
    """Why an answer about a case cannot be taken; said to the sender."""


def open_cases(order: Order) -> list[Case]:
    return [case for case in order.cases if case.state != "resolved"]


def case_named(order: Order, text: str) -> Case | None:
    """The case a reply is about: the one whose number it names, else the only one still open."""
    named = [case for case in order.cases if case.case_no in (text or "").upper()]
    if named:
        return named[0]
    still = open_cases(order)
    return still[0] if len(still) == 1 else None


def open_case(order: Order, remarks: Remarks, *, source: str, by: str, at: datetime, message_id: str | None,
              master: MasterData) -> list[Notice]:
    """A new case: customer service (and the warehouse or production) get it with its
    24 hours; the customer is told its number; the order is 售后中 while it is open."""
    case_no, department = remarks.new_case_no(), remarks.department
    case = Case(case_no=case_no, source=source, problem=remarks.text.strip()[:1000], photos=remarks.photos,
                department=department, opened_at=at, opened_by=by, message_id=message_id, due_at=at + CASE_WINDOW)
    order.cases.append(case)
    reason = f"after-sales case {case_no} opened ({source}): {case.problem[:200]}"
    if order.status == Status.DELIVERED:
        order.move_to(Status.AFTER_SALES, at=at, actor=by, reason=reason, message_id=message_id)
    else:  # shipped, the form not yet back (the order moves on once it is), or in after-sales already
        order.note("note", at=at, actor=by, reason=reason, message_id=message_id)
    _case_clock(order)
    notices = [Notice("case_opened", order.order_no, to, message_id, audience=audience, case=case_no)
               for to, audience in staff_and_rep(order, master, "customer_service", department)]
    if order.reply_to:
        notices.append(Notice("case_received", order.order_no, order.reply_to, message_id, case=case_no))
    return notices


def solution_reply(order: Order, case: Case, *, text: str, sender: str, at: datetime, message_id: str | None,
                   master: MasterData) -> Outcome:
    """Customer service's 处理方案: to the customer (and the rep), who is asked whether it settles it."""
    if case.state == "resolved":
        raise CaseRefused(f"售后单 {case.case_no} 已解决 / case {case.case_no} is resolved already")
    if not text.strip():
        raise CaseRefused("处理方案为空 / the solution is empty: 处理方案:换货,10月20日前送到")
    case.solutions.append(Solution(text=text.strip()[:2000], by=sender, at=at))
    case.state = "solution_sent"
    _case_clock(order)
    order.join_thread(message_id)
    order.note("note", at=at, actor=sender, message_id=message_id,
               reason=f"solution for {case.case_no}: {text.strip()[:200]}")
    return Outcome(order, [Notice("case_solution", order.order_no, to, message_id, audience=audience,
                                  case=case.case_no, reason=text.strip()[:2000])
                           for to, audience in rep_and_customer(order, master)],
                   note=f"solution for {case.case_no} sent to the customer")


def customer_verdict(order: Order, case: Case, *, satisfied: bool, text: str, sender: str, at: datetime,
                     message_id: str | None, master: MasterData) -> Outcome:
    """The customer's word on a solution: 满意/已解决 resolves the case; anything else opens it
    again, and customer service has another 24 hours."""
    case.answers.append(CustomerWord(text=text.strip()[:1000], satisfied=satisfied, by=sender, at=at))
    order.join_thread(message_id)
    told = staff_and_rep(order, master, "customer_service")
    if satisfied:
        case.state, case.resolved_at = "resolved", at
        _case_clock(order)
        reason = f"after-sales case {case.case_no} resolved: the customer is satisfied"
        if order.status == Status.AFTER_SALES and not open_cases(order):
            order.move_to(Status.DELIVERED, at=at, actor=sender, reason=reason + "; no case open",
                          message_id=message_id)
        else:
            order.note("note", at=at, actor=sender, reason=reason, message_id=message_id)
        return Outcome(order, [Notice("case_resolved", order.order_no, to, message_id, audience=audience,
                                      case=case.case_no) for to, audience in told],
                       note=f"{case.case_no} resolved")
    case.state, case.due_at = "open", at + CASE_WINDOW
    _case_clock(order)
    order.note("note", at=at, actor=sender, message_id=message_id,
               reason=f"the customer is not satisfied with the solution for {case.case_no}: {text.strip()[:200]}")
    return Outcome(order, [Notice("case_reopened", order.order_no, to, message_id, audience=audience,
                                  case=case.case_no, reason=text.strip()[:1000]) for to, audience in told],
                   note=f"{case.case_no} open again: customer service told")


def _case_clock(order: Order) -> None:
    """One clock for customer service: the earliest case still waiting for a solution."""
    waiting = [case.due_at for case in order.cases if case.state == "open"]
    if waiting:
        order.start_timer("aftersales", min(waiting), CASE_WINDOW, role="customer_service")
    else:
        order.stop_timer("aftersales")
