"""Which domain operation a reply in an order's thread goes to.

A verdict (a token, or 同意/驳回 from staff or in an approval request's
thread) goes to the approval check, whoever sent it, so that a forged or
forwarded one is refused on the record. A sales rep's new terms release a
credit hold; a change asked for after confirmation is a change request;
everything else is the customer's answer of steps 1–2.
"""
from __future__ import annotations

import re
from datetime import datetime

from orders.changes import CHANGEABLE, request_change
from orders.intake import handle_customer_reply, is_customer
from orders.model import Order, PaymentTerms
from orders.notice import Outcome
from orders.review import answered_request, handle_verdict, renegotiate_terms, sales_rep
from orders.status import Status
from parsers.requests import change_reason, read_new_terms
from parsers.result import Envelope, ParseResult
from store.repository import UnitOfWork

from flows.components import approval_secret
from flows.settings import Settings

VERDICTS = ("approve", "reject")
# Verdicts of the receiving server in Authentication-Results (RFC 8601).
_AUTH_FAIL = re.compile(r"\b(spf|dkim|dmarc)\s*=\s*(fail|softfail|permerror)\b", re.IGNORECASE)


def dispatch_reply(uow: UnitOfWork, order: Order, parsed: ParseResult, settings: Settings,
                   now: datetime) -> Outcome:
    env, reply = parsed.envelope, parsed.reply
    sender = env.sender
    staff = uow.master.staff_by_email(sender)
    thread_ids = env.in_reply_to + list(reversed(env.references))
    rules = settings.review_rules()
    if staff is not None and order.status == Status.CREDIT_HOLD and not reply.token:
        terms = _terms(reply.answer.payment_terms if reply.answer else None) or read_new_terms(reply.text)
        if terms is not None and _may_renegotiate(order, sender, staff.role, uow):
            return renegotiate_terms(order, sender=sender, terms=terms, message_id=env.message_id, at=now,
                                     rules=rules, master=uow.master)
    if reply.token or (reply.intent in VERDICTS and (staff is not None or answered_request(order, thread_ids))):
        return handle_verdict(order, sender=sender, intent=reply.intent, reason=reply.reason, token=reply.token,
                              thread_ids=thread_ids, message_id=env.message_id, at=now, rules=rules,
                              secret=approval_secret(settings), master=uow.master, distrust=origin_doubt(env))
    if order.status in CHANGEABLE and reply.answer is not None and reply.intent in ("change", "answer") and (
            staff is not None or is_customer(order, sender)):
        return request_change(order, requester=sender, changes=reply.answer, reason=change_reason(reply.text),
                              message_id=env.message_id, at=now, rules=rules, master=uow.master)
    if staff is not None:
        return Outcome(order, acted=False, note=f"a reply from {staff.role} {sender} that decides nothing")
    return handle_customer_reply(order, intent=reply.intent, answer=reply.answer, parse_problems=parsed.problems,
                                 sender=sender, message_id=env.message_id, at=now, today=now.date(),
                                 master=uow.master, rules=rules)


def origin_doubt(env: Envelope) -> str | None:
    """Why the From address of a message cannot be believed, if the receiving
    server says so: its SMTP envelope sender differs, or SPF/DKIM/DMARC failed."""
    if env.return_path and env.sender and env.return_path.casefold() != env.sender.casefold():
        return (f"the message was sent by {env.return_path} (Return-Path), not by {env.sender} as its From "
                "says: the From address may be forged")
    failed = _AUTH_FAIL.search(env.authentication or "")
    if failed:
        return f"the receiving mail server reports {failed[0]} for the From address: it may be forged"
    return None


def _terms(terms: PaymentTerms | None) -> PaymentTerms | None:
    if terms is None or (terms.prepayment_percent is None and terms.credit_days is None):
        return None
    return terms


def _may_renegotiate(order: Order, sender: str, role: str, uow: UnitOfWork) -> bool:
    rep = sales_rep(order, uow.master)
    return (rep is not None and rep.casefold() == sender.casefold()) or role in ("sales_rep", "sales_manager")


