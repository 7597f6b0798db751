"""Signed approval tokens for reply-to-approve mailto: links.

A token binds order number, order version, approver, step and expiry, and is
signed with the pipeline's secret (itsdangerous), so a changed character, a
token for another order or from before a change, or one past its expiry is
refused. Single use is the store's to enforce: it records the tokens spent.
The clock is passed in, never read here.
"""
from __future__ import annotations

import hmac
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from itsdangerous import BadSignature, URLSafeSerializer

from orders.approval import Step

SALT = "orderloop.approval"


class TokenRefused(ValueError):
    """Why a token cannot decide anything; the text goes back to the sender."""


@dataclass(frozen=True)
class Claims:
    order_no: str
    version: int
    approver: str
    step: Step
    expires_at: datetime

    @property
    def token_id(self) -> str:
        """What single use is recorded by: one request (a reminder repeats its token)."""
        return f"{self.order_no}/v{self.version}/{self.step}/{self.approver}/{self.expires_at.isoformat()}"


def issue_token(secret: str, claims: Claims) -> str:
    payload = [claims.order_no, claims.version, claims.approver.casefold(), claims.step.value,
               claims.expires_at.isoformat()]
    return URLSafeSerializer(secret, salt=SALT).dumps(payload)


def read_token(secret: str, token: str, *, now: datetime) -> Claims:
    """The claims of a genuine, unexpired token; TokenRefused otherwise."""
    try:
        order_no, version, approver, step, expires = URLSafeSerializer(secret, salt=SALT).loads(token)
        claims = Claims(order_no, int(version), approver, Step(step), datetime.fromisoformat(expires))
        # Base64's last character carries unused bits, so a different character
        # can still decode to the same signature: only the exact token counts.
        if not hmac.compare_digest(issue_token(secret, claims), token):
            raise BadSignature("not the token as issued")
    except (BadSignature, ValueError, TypeError) as exc:
        raise TokenRefused("the approval token is not one the pipeline issued (altered or mistyped)") from exc
    if now >= claims.expires_at:
        raise TokenRefused(f"the approval token expired at {claims.expires_at.isoformat()}")
    return claims


def check_claims(claims: Claims, *, order_no: str, version: int, awaited: Collection[Step], sender: str) -> None:
    """A token decides only for its approver, on this order, at its current
    version, for a step the order awaits now."""
    if claims.order_no != order_no:
        raise TokenRefused(f"the token is for order {claims.order_no}, not {order_no}")
    if claims.version != version:
        raise TokenRefused(f"the token is for version {claims.version}; the order is at version {version}")
    if claims.step not in awaited:
        waiting = " or ".join(sorted(awaited)) or "no approval"
        raise TokenRefused(f"the token is for the {claims.step} step; the order awaits {waiting}")
    if claims.approver != sender.casefold():
        raise TokenRefused(f"the token was issued to {claims.approver}, not {sender}")
