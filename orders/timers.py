"""One rule for every clock of the procedure: a deadline, a reminder when it
passes, an escalation one window later, then people decide.

The 2-hour manager review is the first clock on it; the later ones (24 h
shortage warning, 2 h carrier exception, the day-before reminder, the 3-day
survey, the 24 h after-sales solution, the 24 h status notice) are each a
kind and a window, not a module of their own.

    timer = Timer(kind="review", due_at=..., window=timedelta(hours=2))
    timer.next_due()        # the deadline, then one window later, then None
    timer.fire(now)         # "remind", "escalate" or None, and counts the miss
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Literal

from pydantic import BaseModel

__all__ = ["Timer", "Firing", "ESCALATED", "LABELS", "KINDS", "timer_of", "set_timer", "stop_timer"]

ESCALATED = 2  # deadlines missed before the escalation: the reminder, then the deputy or the manager
Firing = Literal["remind", "escalate"]

# What ops read for each kind (orders list --overdue, notices).
LABELS = {
    "review": "manager review 2 h / 经理审核2小时",
    "feasibility": "feasibility 1 working day / 技术评估1个工作日",
    "production": "production finish date / 生产完工日期",
    "shortage": "goods not ready 24 h before the requested date / 交期前24小时未备齐",
    "picking": "warehouse picking 1 working day / 备货1个工作日",
    "prepayment": "prepayment 24 h / 预付款24小时",
    "window": "delivery window answer 24 h / 送货时间确认24小时",
    "shipping": "shipping 1 working day / 发货1个工作日",
    "exception": "carrier exception 2 h / 物流异常2小时",
    "arrival": "the day before arrival / 到货前一天提醒",
    "signoff": "signed form 2 working days after the carrier's 签收 / 签收单回传2个工作日",
    "aftersales": "after-sales solution 24 h / 售后24小时内给出方案",
    "survey": "satisfaction survey 3 days after delivery / 交付后3天满意度回访",
    "survey_answer": "survey unanswered 7 days: the rep confirms / 回访7天未答复",
    "balance": "balance due (credit days after delivery) / 尾款到期",
}
KINDS = tuple(LABELS)


class Timer(BaseModel):
    kind: str
    due_at: datetime
    window: timedelta
    misses: int = 0  # deadlines missed so far: 1 after the reminder, 2 after the escalation
    role: str | None = None  # whom it waits on: a staff role ("rep" for the order's own rep)

    @property
    def label(self) -> str:
        return LABELS.get(self.kind, self.kind)

    def overdue(self, now: datetime) -> bool:
        """Past its deadline; it stays overdue until the matter is settled (the timer removed)."""
        return now >= self.due_at

    def age(self, now: datetime) -> timedelta:
        """How long past the deadline (zero before it)."""
        return max(now - self.due_at, timedelta(0))

    def next_due(self) -> datetime | None:
        """When the next reminder or escalation is due: the deadline, then one window later."""
        if self.misses >= ESCALATED:
            return None
        return self.due_at + self.misses * self.window

    def fire(self, now: datetime) -> Firing | None:
        """What is due at `now`, counted as a miss: the reminder first, then the escalation."""
        due = self.next_due()
        if due is None or now < due:
            return None
        self.misses += 1
        return "remind" if self.misses < ESCALATED else "escalate"


def timer_of(timers: list[Timer], kind: str) -> Timer | None:
    return next((t for t in timers if t.kind == kind), None)


def set_timer(timers: list[Timer], timer: Timer) -> None:
    """Start a clock; one of the same kind is replaced (a new deadline starts afresh)."""
    stop_timer(timers, timer.kind)
    timers.append(timer)


def stop_timer(timers: list[Timer], kind: str) -> bool:
    """The matter is settled: its clock goes. Whether there was one."""
    before = len(timers)
    timers[:] = [t for t in timers if t.kind != kind]
    return len(timers) != before
