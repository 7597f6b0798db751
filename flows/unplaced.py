"""Nothing a customer sends is silently dropped.

A message the pipeline cannot place (not an order it reads, not a reply it
understands) goes to a sales rep with what was read, when it comes from a
customer's registered address, in an order's thread, or talks business
(quantities with products, prices or amounts). The rep answers 是订单 (it is
taken in as an order and clarified with the customer) or 不是 (filed).
Mail that is clearly not for us (auto-replies, bounces, lists, newsletters)
stays ignored, and nothing is ever sent back to the writer from here.
"""
from __future__ import annotations

import re
from datetime import datetime

from mail.compose import build_message, make_message_id
from orders.intake import receive_order
from orders.model import Order
from orders.notice import Outcome
from orders.review import sales_rep
from orders.text import message_id_key, normal_message_id
from parsers import read_order_anyway
from parsers.answers import read_yes_no
from parsers.business import talks_business
from parsers.result import ParseResult
from store.repository import HeldMessage, OutgoingMail, UnitOfWork
from templates.render import render_mail

from flows.components import approval_secret
from flows.settings import Settings
from flows.trust import origin_doubt

SUBJECT = "请判断是否订单 / Is this an order?"


def hold_for_rep(uow: UnitOfWork, parsed: ParseResult, key: str, why: str, settings: Settings,
                 now: datetime, order: Order | None = None) -> tuple[HeldMessage, OutgoingMail] | None:
    """Ask the rep about a message nobody would otherwise read; None when it
    is not the customer's, not in a thread and not business, or nobody can be asked."""
    env = parsed.envelope
    if not env.sender or env.sender_problem or uow.master.staff_by_email(env.sender) is not None:
        return None
    customer = uow.master.customer_by_email(env.sender)
    text = parsed.body or (parsed.reply.text if parsed.reply else "")
    if customer is None and order is None and not talks_business(f"{env.subject}\n{text}"):
        return None
    rep = ((customer.sales_rep_email if customer else None) or (sales_rep(order, uow.master) if order else None)
           or next((m.email for m in uow.master.staff_with_role("sales_rep")), None)
           or next((m.email for m in uow.master.staff_with_role("sales_manager")), None))
    if rep is None:
        return None
    secret = approval_secret(settings)
    query_id = make_message_id(None, "unplaced", seed=f"{secret}|{key}", domain=settings.mail_domain)
    held = HeldMessage(query_id=message_id_key(query_id), message_key=key, message_id=env.message_id,
                       sender=env.sender, subject=env.subject[:300], text=text, sent_at=env.date, rep=rep.casefold(),
                       order_no=order.order_no if order else None, customer_code=customer.code if customer else None,
                       why=why, received_at=now)
    body, html = render_mail("unplaced", held=held, customer=customer, company=settings.company,
                             address=settings.address)
    # The query's reference rides in the subject too, for clients that drop In-Reply-To (Foxmail, QQ).
    subject = (f"[{order.order_no}] " if order else "") + f"{SUBJECT} [H:{_digest(query_id)}]: {env.subject[:80]}"
    raw = build_message(sender=settings.address, recipients=[rep], subject=subject, text=body, html=html,
                        message_id=query_id, in_reply_to=None, date=now)
    return held, OutgoingMail(message_id=query_id, order_no=order.order_no if order else None, purpose="unplaced",
                              sender=settings.address, recipients=[rep], subject=subject, raw=raw.decode("utf-8"),
                              created_at=now)


_REFERENCE = re.compile(r"\[H:([0-9a-f]{12})\]")


def _digest(query_id: str) -> str:
    return normal_message_id(query_id).split("@")[0].rsplit(".", 1)[1]


def held_ids(parsed: ParseResult, settings: Settings) -> list[str]:
    """The queries a reply may answer: its In-Reply-To/References, and the reference in its subject."""
    env = parsed.envelope
    found = [f"<orderloop.unplaced.{digest}@{settings.mail_domain}>" for digest in _REFERENCE.findall(env.subject)]
    return env.in_reply_to + env.references + found


def decide_held(uow: UnitOfWork, held: HeldMessage, parsed: ParseResult, settings: Settings,
                now: datetime) -> tuple[Outcome | str, HeldMessage | None]:
    """The rep's 是订单 / 不是 on a held message: what it caused (a string says
    why no order came of it) and the held message as it now stands, to store."""
    env = parsed.envelope
    staff = uow.master.staff_by_email(env.sender)
    if held.state != "asked":
        return f"the message held as {held.query_id} was already decided ({held.state})", None
    allowed = {held.rep} | {m.email.casefold() for m in uow.master.staff_with_role("sales_manager")}
    if staff is None or env.sender not in allowed:
        return f"{env.sender} may not decide a message held for {held.rep}", None
    doubt = origin_doubt(env, settings.authserv_id)
    if doubt:
        return f"refused: {doubt}", None
    text = parsed.reply.text if parsed.reply else parsed.body
    answer = read_yes_no(text)
    if answer is None:
        return "the rep's reply says neither 是订单 nor 不是; the message stays held", None
    if answer == "no":
        return (f"filed: {env.sender} says the held message from {held.sender} is not an order",
                held.model_copy(update={"state": "filed", "decided_by": env.sender}))
    draft, problems = read_order_anyway(held.text, reference_date=(held.sent_at or now).date())
    order_no = uow.next_order_no(now.date())
    outcome = receive_order(order_no, draft, problems, sender=held.sender, message_id=held.message_id, at=now,
                            today=now.date(), master=uow.master)
    outcome.order.note("note", at=now, actor=env.sender, message_id=env.message_id,
                       reason=f"taken in as an order by {env.sender} from a message the pipeline could not place "
                              f"({held.why})")
    return outcome, held.model_copy(update={"state": "taken", "decided_by": env.sender, "new_order_no": order_no})

