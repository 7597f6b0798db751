"""The records of after-sales (procedure step 6): a case (售后单) with its
solutions and the customer's word on them, and the satisfaction survey. The
operations on them are in orders/aftersales.py and orders/closure.py; these
records sit on the order (orders.model imports them).
"""
from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

__all__ = ["Case", "Solution", "CustomerWord", "Survey"]


class Solution(BaseModel):
    text: str
    by: str
    at: datetime


class CustomerWord(BaseModel):
    text: str
    satisfied: bool
    by: str
    at: datetime


class Case(BaseModel):
    case_no: str
    state: Literal["open", "solution_sent", "resolved"] = "open"
    source: Literal["signoff", "survey", "complaint"]
    problem: str
    photos: list[str] = Field(default_factory=list)  # the customer's pictures, by name: filed in cases/<case_no>/
    department: Literal["warehouse", "production"] | None = None  # who else must act on it
    opened_at: datetime
    opened_by: str
    message_id: str | None = None  # the reply that reported it (its photos are filed from it)
    due_at: datetime  # the solution's deadline; a new 24 h when the customer is not satisfied
    solutions: list[Solution] = Field(default_factory=list)
    answers: list[CustomerWord] = Field(default_factory=list)
    resolved_at: datetime | None = None

    def summary(self, order_no: str) -> dict:
        """The DESIGN.md shape of `orderloop cases list --json`."""
        return {"case_no": self.case_no, "order_no": order_no, "state": self.state,
                "opened_at": self.opened_at.isoformat(), "problem": self.problem}


class Survey(BaseModel):
    """The satisfaction survey 3 days after delivery, and the customer's answer."""

    sent_at: datetime | None = None
    skipped: str | None = None  # why it was not sent (an after-sales case was open)
    answered_at: datetime | None = None
    score: int | None = None  # 1–5
    quality_ok: bool | None = None  # 质量是否符合预期
    on_time: bool | None = None  # 交付是否及时
    words: str | None = None
    satisfied: bool | None = None  # a score of 4 or more, or words that say so
    by: str | None = None
    close_asked_at: datetime | None = None  # unanswered for 7 days: the rep was asked to confirm
