"""An approver's reply, decided: a level of the approval or a change request.

Above both review (the levels) and changes (change requests, which build on
review and intake), so that neither has to reach up into the other.
"""
from __future__ import annotations

from datetime import datetime

from orders.approval import DecisionRefused, Step
from orders.changes import decide_change
from orders.feasibility import decide_feasibility
from orders.master import MasterData
from orders.model import Order
from orders.notice import Outcome
from orders.review import (ReviewRules, awaited_steps, claims_of, decide_level, pending_change, refuse,
                           verdict_claims)
from orders.tokens import Claims, TokenRefused, check_claims

__all__ = ["handle_verdict"]


def handle_verdict(order: Order, *, sender: str, intent: str, reason: str | None, token: str | None,
                   thread_ids: list[str], message_id: str | None, at: datetime, rules: ReviewRules,
                   secret: str, master: MasterData, distrust: str | None = None,
                   quoted_token: str | None = None) -> Outcome:
    """An approver's reply: decide the step its token or thread names, or refuse.

    `distrust` is why the message's origin cannot be believed (its envelope
    sender differs from From, say): then nothing is decided."""
    try:
        if distrust:
            raise DecisionRefused(distrust)
        claims = verdict_claims(order, token, thread_ids, secret, at, quoted_token=quoted_token)
        if claims.token_id in order.spent_tokens:
            raise TokenRefused("this approval was already used; each approval link and request decides once")
        check_claims(claims, order_no=order.order_no, version=order.version, awaited=awaited_steps(order),
                     sender=sender)
        if intent not in ("approve", "reject"):
            raise DecisionRefused("the reply says neither 同意/approve nor 驳回/reject (with a reason)")
        if claims.step is Step.FEASIBILITY:
            outcome = decide_feasibility(order, verdict=intent, approver=sender, reason=reason,
                                         message_id=message_id, at=at, rules=rules, master=master)
        elif claims.step is Step.CHANGE:
            _check_change(order, claims)
            outcome = decide_change(order, verdict=intent, approver=sender, reason=reason, message_id=message_id,
                                    at=at, rules=rules, master=master)
        else:
            outcome = decide_level(order, claims.step, verdict=intent, approver=sender, reason=reason,
                                    message_id=message_id, at=at, rules=rules, master=master)
    except (TokenRefused, DecisionRefused) as exc:
        return refuse(order, sender, str(exc), message_id=message_id, at=at)
    order.spent_tokens.append(claims.token_id)
    order.join_thread(message_id)
    return outcome


def _check_change(order: Order, claims: Claims) -> None:
    """A change token decides the change request it was issued for, not a later one."""
    request = next((r for r in order.approval_requests if claims_of(order, r) == claims), None)
    pending = pending_change(order)
    if request is None or pending is None or request.change_id != pending.change_id:
        asked = request.change_id if request is not None else "?"
        raise TokenRefused(f"the token is for change request #{asked}, which is already decided")
