"""What a parser hands back: a typed result, never an exception."""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from orders.model import OrderDraft, Problem
from orders.signoff import Scan

Kind = Literal["order", "reply", "auto_reply", "bounce", "other"]
Intent = Literal["approve", "reject", "confirm", "answer", "change", "cancel",
                 "signoff", "survey", "complaint"]


class Envelope(BaseModel):
    """The headers the pipeline acts on, decoded."""

    message_id: str | None = None
    in_reply_to: list[str] = Field(default_factory=list)
    references: list[str] = Field(default_factory=list)
    subject: str = ""
    sender: str | None = None  # the bare address, lower-case; None when the From is refused
    sender_name: str | None = None
    # Why the From cannot be believed: not exactly one header with exactly one
    # plain address (parsers.senders). Nothing is decided on such a message.
    sender_problem: str | None = None
    reply_to: str | None = None
    date: datetime | None = None
    # Added by the receiving mail server: the SMTP envelope sender ("" for the
    # null sender <>) and every Authentication-Results header, whole, top first.
    # A decision needs them to agree with From (flows.trust).
    return_path: str | None = None
    authentication: list[str] = Field(default_factory=list)


class Reply(BaseModel):
    order_no: str | None = None  # from the [SO…] subject tag or our own Message-IDs in the thread
    intent: Intent = "answer"
    reason: str | None = None
    score: int | None = None  # 1–5 for a survey answer
    token: str | None = None  # in the subject or the reply's own text
    quoted_token: str | None = None  # only in the quoted text (orders.review: proof when nothing else is)
    text: str = ""  # the reply with quoted text removed
    # Label:value data in the reply (an answer to our questions), merged into the order.
    answer: OrderDraft | None = None


class ParseResult(BaseModel):
    kind: Kind
    envelope: Envelope = Field(default_factory=Envelope)
    draft: OrderDraft | None = None
    reply: Reply | None = None
    problems: list[Problem] = Field(default_factory=list)
    # For "other" and "order": the writer's own text (quotes removed, capped),
    # which a rep reads when the pipeline cannot place the message; for "other",
    # whether it is clearly not for us (list mail, a newsletter, an invitation).
    body: str = ""
    bulk: bool = False
    # For "reply": each attached file as read from its bytes (a photo or scan of the signed 签收单).
    scans: list[Scan] = Field(default_factory=list)

    def contract(self) -> dict:
        """The `orderloop parse --json` shape of DESIGN.md."""
        reply = None
        if self.reply is not None:
            reply = self.reply.model_dump(mode="json", include={"order_no", "intent", "reason", "score", "token"})
        return {
            "kind": self.kind,
            "draft": self.draft.model_dump(mode="json") if self.draft else None,
            "reply": reply,
            "problems": [p.model_dump(mode="json") for p in self.problems],
        }
