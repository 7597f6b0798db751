"""The end of the procedure (step 6): the satisfaction survey 3 days after
delivery, the balance falling due, and closure (已闭环).

An order closes only when it is delivered with the signed 签收单 on file, no
after-sales case is open, nothing is owed, and the customer is satisfied: the
survey's score is 4 or more (or its words say 满意), or every case was
resolved with the customer's 满意. When that holds the order closes by
itself; a survey unanswered for 7 days (or a lukewarm 3) is put to the rep,
whose 闭环 closes it if the rest holds, and is refused, saying exactly what is
missing, if it does not.

Pure: the clock and the answers are passed in.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta

from orders.aftersales import open_cases
from orders.cases import Survey
from orders.master import MasterData
from orders.model import SYSTEM, Order
from orders.money import ZERO
from orders.notice import Notice, Outcome
from orders.payments import balance_due
from orders.review import rep_and_customer, sales_rep, staff_and_rep
from orders.status import FINAL, Status

__all__ = ["SURVEY_AFTER", "SURVEY_ANSWER", "ClosureRefused", "start_after_delivery", "send_survey",
           "survey_reply", "closure_gaps", "satisfied", "close_if_done", "close_reply", "ask_rep_to_close",
           "balance_overdue", "SurveyRefused"]

SURVEY_AFTER = timedelta(days=3)  # 客服在交付后3天内联系客户
SURVEY_ANSWER = timedelta(days=7)  # unanswered this long: the rep is asked to confirm
SEND_AT = time(10, 0)
SATISFIED_SCORE = 4


class ClosureRefused(ValueError):
    """Why the order cannot close yet; said to the rep."""


class SurveyRefused(ValueError):
    """Why a survey answer cannot be read (two scores, a score out of 1–5); the customer is asked again."""


def start_after_delivery(order: Order, at: datetime) -> None:
    """Delivered: the survey 3 days on (not before), and the balance's due date by the terms
    (credit days after delivery, or on delivery without credit)."""
    delivered = order.actual_delivery_date or at.date()
    survey_due = datetime.combine(delivered + SURVEY_AFTER, SEND_AT, at.tzinfo)
    if order.survey is None:
        order.start_timer("survey", max(survey_due, at), timedelta(days=1), role="customer")
    if balance_due(order) > ZERO and order.timer("balance") is None:
        credit = order.payment_terms.credit_days or 0
        due = datetime.combine(delivered + timedelta(days=credit + 1), SEND_AT, at.tzinfo)  # the day after
        order.start_timer("balance", max(due, at), timedelta(days=1), role="finance")


def send_survey(order: Order, master: MasterData, at: datetime) -> list[Notice]:
    """Its timer fired: the survey goes to the customer, once; never while a case is open
    (the case's resolution is the customer's word then)."""
    order.stop_timer("survey")
    if order.survey is not None or order.status not in (Status.DELIVERED, Status.AFTER_SALES):
        return []
    if open_cases(order):
        order.survey = Survey(skipped=f"after-sales case {open_cases(order)[0].case_no} open at {at.isoformat()}")
        order.note("note", at=at, actor=SYSTEM, reason="survey not sent: an after-sales case is open; the "
                                                        "customer's word on its solution counts instead")
        return []
    order.survey = Survey(sent_at=at)
    order.start_timer("survey_answer", at + SURVEY_ANSWER, timedelta(days=1), role="rep")
    order.note("note", at=at, actor=SYSTEM, reason="satisfaction survey sent (3 days after delivery)")
    return [Notice("survey", order.order_no, order.reply_to, None)] if order.reply_to else []


def survey_reply(order: Order, *, scores: list[int], satisfied_words: bool | None, quality_ok: bool | None,
                 on_time: bool | None, words: str, sender: str, at: datetime, message_id: str | None,
                 off_scale: str | None = None) -> list[str]:
    """The customer's answer: the score (one, 1–5) and the words kept on the order. Returns
    what the answer says needs doing: "case" for a score of 2 or less, "rep" for a 3.
    `off_scale`: a score on another scale (10/10), asked again."""
    survey = order.survey
    if survey is None or survey.sent_at is None:
        raise SurveyRefused("no survey was sent for this order")
    if off_scale:
        raise SurveyRefused(f"评分 {off_scale} 不是 1–5 分制 / {off_scale} is not a score between 1 and 5")
    if len(set(scores)) > 1:
        raise SurveyRefused(f"两个评分 / two scores ({', '.join(map(str, sorted(set(scores))))}): 请只选一个 1–5")
    if scores and not 1 <= scores[0] <= 5:
        raise SurveyRefused(f"评分 {scores[0]} 不在 1–5 之间 / the score {scores[0]} is not between 1 and 5")
    survey.score = scores[0] if scores else None
    survey.quality_ok, survey.on_time = quality_ok, on_time
    survey.words, survey.by, survey.answered_at = words.strip()[:2000] or None, sender, at
    survey.satisfied = satisfied_words if survey.score is None else survey.score >= SATISFIED_SCORE
    order.stop_timer("survey_answer")
    order.join_thread(message_id)
    order.note("note", at=at, actor=sender, message_id=message_id,
               reason=f"survey answered: score {survey.score if survey.score is not None else '—'}"
                      + (f", {words.strip()[:200]}" if words.strip() else ""))
    low = (survey.score is not None and survey.score <= 2) or (survey.score is None and satisfied_words is False)
    if low:
        return ["case"]
    return [] if survey.satisfied else ["rep"]


def satisfied(order: Order) -> bool:
    """The survey says so (4 or more, or 满意), or, without an answered survey, every case was
    resolved with the customer's 满意."""
    survey = order.survey
    if survey is not None and survey.answered_at is not None:
        return bool(survey.satisfied)
    return bool(order.cases) and all(case.state == "resolved" for case in order.cases)


def closure_gaps(order: Order) -> list[str]:
    """What keeps the order from closing, in words for the rep."""
    gaps = []
    if order.status not in (Status.DELIVERED, Status.AFTER_SALES):
        gaps.append(f"未签收 / not delivered (it is {order.status.label})")
    if order.delivery is None or order.delivery.form is None:
        gaps.append("签收单未回传 / the signed 签收单 is not on file")
    gaps += [f"售后单 {case.case_no} 未解决 / after-sales case {case.case_no} is {case.state.replace('_', ' ')}"
             for case in open_cases(order)]
    owed = balance_due(order)
    if owed > ZERO:
        gaps.append(f"尚欠 {owed:,.2f} / {owed:,.2f} still owed")
    return gaps


def close_if_done(order: Order, master: MasterData, at: datetime) -> list[Notice]:
    """Close the order when the gate holds and the customer said they are satisfied."""
    if order.status != Status.DELIVERED or closure_gaps(order) or not satisfied(order):
        return []
    return _close(order, SYSTEM, at, None, master, "delivered, signed, paid, no case open, the customer satisfied")


def close_reply(order: Order, *, sender: str, at: datetime, message_id: str | None, master: MasterData) -> Outcome:
    """The rep's 闭环: closes when the gate holds (the rep vouches for the customer's
    satisfaction); refused, with what is missing, when it does not."""
    gaps = closure_gaps(order)
    if gaps:
        raise ClosureRefused("不能闭环 / cannot close: " + "; ".join(gaps))
    order.join_thread(message_id)
    return Outcome(order, _close(order, sender, at, message_id, master, "closed by the rep (闭环)"),
                   note=f"{order.order_no} closed by {sender}")


def ask_rep_to_close(order: Order, master: MasterData, at: datetime) -> list[Notice]:
    """The survey went unanswered for 7 days (its timer fired), or was lukewarm: the rep confirms."""
    order.stop_timer("survey_answer")
    if order.status not in (Status.DELIVERED, Status.AFTER_SALES) or order.survey is None:
        return []
    order.survey.close_asked_at = at
    rep = sales_rep(order, master)
    order.note("note", at=at, actor=SYSTEM, reason=f"the rep is asked to confirm closure ({rep or 'no rep'})")
    return [Notice("close_request", order.order_no, rep, None, audience="rep",
                   details=tuple(closure_gaps(order)))] if rep else []


def balance_overdue(order: Order, master: MasterData, at: datetime) -> list[Notice]:
    """The balance's due date passed (its timer fired): finance and the rep are told, once."""
    order.stop_timer("balance")
    owed = balance_due(order)
    if owed <= ZERO or order.status in FINAL:
        return []
    order.note("note", at=at, actor=SYSTEM, reason=f"balance {owed:,.2f} overdue: finance and the rep told")
    return [Notice("balance_overdue", order.order_no, to, None, audience=audience, reason=f"{owed:,.2f}")
            for to, audience in staff_and_rep(order, master, "finance")]


def _close(order: Order, actor: str, at: datetime, message_id: str | None, master: MasterData,
           why: str) -> list[Notice]:
    for timer in list(order.timers):
        order.stop_timer(timer.kind)
    order.move_to(Status.CLOSED, at=at, actor=actor, reason=f"已闭环: {why}", message_id=message_id)
    return [Notice("closed", order.order_no, to, message_id, audience=audience)
            for to, audience in rep_and_customer(order, master)]
