"""Staff answers after approval, and the customer's answer to the delivery
window, routed by what the reply says and who may say it.

A staff answer decides only when its sender acts for the role that answers it
(orders.roles: the role in the staff table, or the deputy of one who holds
it), its From is believed (flows.trust) and it answers mail we sent that
person (In-Reply-To/References). Anything else is refused on the record, and
the sender is told why; the order does not move.

    已排产 [完工日期] / 已完工            production
    已备货 [P001 100 ...]                warehouse (the pre-ship check)
    已收款 AMOUNT                         finance
    承运商:… 运单号:… 件数:…            logistics
    处理方案:…                           customer service (the after-sales case's solution)
"""
from __future__ import annotations

from datetime import datetime

from orders.aftersales import CaseRefused, case_named, open_cases, solution_reply
from orders.model import Order
from orders.notice import Outcome
from orders.review import refuse
from orders.stock import StockLedger
from orders.tasks import (TaskRefused, payment_reply, pick_reply, production_reply, shipping_reply,
                          shortage_choice, window_answer)
from parsers.result import ParseResult
from orders.delivery import DeliveryRefused, delay_reply
from parsers.staff_words import (Delay, read_delay, read_payment, read_picked, read_production, read_shipping,
                                 read_shortage_choice, read_solution, read_window)
from store.repository import UnitOfWork

__all__ = ["StockSession", "staff_answer", "window_reply", "shortage_reply", "refuse_unbelievable"]


class StockSession:
    """The stock ledger for one message: read when first needed, written with the message's other effects."""

    def __init__(self, uow: UnitOfWork):
        self._uow, self.ledger = uow, None

    def get(self) -> StockLedger:
        if self.ledger is None:
            self.ledger = self._uow.stock_ledger()
        return self.ledger

    def save(self) -> None:
        if self.ledger is not None:
            self._uow.save_stock_ledger(self.ledger)


def staff_answer(uow: UnitOfWork, order: Order, parsed: ParseResult, roles: set[str], *, doubt: str | None,
                 no_proof: str | None, stock: StockSession, now: datetime) -> Outcome | None:
    """The outcome of a staff answer of step 4, or None when the reply is none of them.
    `roles` are those the sender answers for (held or deputised); `doubt` is why its
    From cannot be believed, `no_proof` why it answers none of our mails to it."""
    env, text, today = parsed.envelope, parsed.reply.text, now.date()
    sender, master = env.sender, uow.master
    answer = _read(text, today)
    if answer is None:
        return None
    role, what, word = answer
    if doubt:
        return refuse_unbelievable(order, sender, doubt, message_id=env.message_id, at=now)
    if role not in roles:
        why = f"only {role} (or their deputy) reports {what}; {sender} answers for {', '.join(sorted(roles))}"
        return refuse(order, sender, why, message_id=env.message_id, at=now)
    if no_proof:
        return refuse(order, sender, no_proof, message_id=env.message_id, at=now)
    common = dict(sender=sender, at=now, message_id=env.message_id, master=master)
    try:
        if isinstance(word, Delay):
            return delay_reply(order, reason=word.reason, new_date=word.new_date, **common)
        if role == "logistics":
            return shipping_reply(order, carrier=word.carrier, tracking_no=word.tracking_no, packages=word.packages,
                                  ledger=stock.get(), **common)
        if role == "finance":  # the reply's Message-ID is the payment's reference: the same mail counts once
            return payment_reply(order, amount=word, paid_on=today, reference=env.message_id, **common)
        if role == "production":
            return production_reply(order, state=word.state, finish=word.finish, **common)
        if role == "customer_service":
            return _solution(order, text=word, subject=env.subject, **common)
        return pick_reply(order, quantities=word.quantities, specs=word.specs, **common)
    except (TaskRefused, DeliveryRefused, CaseRefused) as exc:
        return refuse(order, sender, str(exc), message_id=env.message_id, at=now)


def _solution(order: Order, *, text: str, subject: str, sender: str, at: datetime, message_id: str | None,
              master) -> Outcome:
    """Customer service's 处理方案: for the case the reply names, else the only one open."""
    case = case_named(order, f"{subject}\n{text}")
    if case is None:
        open_now = ", ".join(c.case_no for c in open_cases(order)) or "none"
        raise CaseRefused(f"请写明售后单号 / name the case (open: {open_now}): 售后单 AS… 处理方案:…")
    return solution_reply(order, case, text=text, sender=sender, at=at, message_id=message_id, master=master)


def refuse_unbelievable(order: Order, sender: str | None, doubt: str, *, message_id: str | None,
                        at: datetime) -> Outcome:
    """A From that may be forged decides nothing: the refusal is on the record, and
    nobody is mailed at an address that cannot be believed."""
    order.note("refused", at=at, actor=sender or "unknown sender", message_id=message_id,
               reason=f"reply refused: {doubt}")
    return Outcome(order, acted=False, refused=True, note=f"refused: {doubt}")


def _read(text: str, today):
    """(the role that answers it, what it reports, the words read) for the first answer the text gives."""
    # 处理方案: first: a solution may name the carrier and number of what is re-sent.
    for role, what, word in (("customer_service", "a solution (处理方案)", read_solution(text)),
                             ("logistics", "a delay (延迟/预计送达)", read_delay(text, today)),
                             ("logistics", "shipping (承运商/运单号)", read_shipping(text)),
                             ("finance", "payments (已收款)", read_payment(text)),
                             ("production", "production (已排产/已完工)", read_production(text, today)),
                             ("warehouse", "the pick (已备货)", read_picked(text))):
        if word is not None:
            return role, what, word
    return None


def shortage_reply(order: Order, parsed: ParseResult, *, now: datetime, master, rules) -> Outcome | None:
    """Wait, or ship what is in stock now (a change request); None for anything else
    (a substitute the customer names is a change like any other; words the pipeline
    cannot place go to the rep)."""
    env = parsed.envelope
    choice = read_shortage_choice(parsed.reply.text)
    if choice not in ("wait", "partial"):
        return None
    try:
        return shortage_choice(order, choice=choice, text=parsed.reply.text, sender=env.sender, at=now,
                               message_id=env.message_id, rules=rules, master=master)
    except TaskRefused as exc:
        return refuse(order, env.sender, str(exc), message_id=env.message_id, at=now)


def window_reply(order: Order, parsed: ParseResult, *, now: datetime, master) -> Outcome | None:
    """The customer's 确认 or another window, in answer to our proposal; None when the reply is neither."""
    env, reply = parsed.envelope, parsed.reply
    window = read_window(reply.text, now.date())
    if window is None and reply.intent not in ("confirm", "approve"):
        return None
    try:
        return window_answer(order, window=window, sender=env.sender, at=now, message_id=env.message_id,
                             master=master)
    except TaskRefused as exc:
        return refuse(order, env.sender, str(exc), message_id=env.message_id, at=now)
