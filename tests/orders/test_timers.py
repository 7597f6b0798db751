"""The one rule of every clock: remind at the deadline, escalate one window later, then leave it to people."""
from datetime import datetime, timedelta, timezone

from orders.timers import Timer

T = datetime(2023, 10, 9, 10, 0, tzinfo=timezone(timedelta(hours=8)))


def test_a_timer_reminds_at_its_deadline_escalates_one_window_later_then_stays_overdue():
    timer = Timer(kind="review", due_at=T, window=timedelta(hours=2))
    assert timer.fire(T - timedelta(minutes=1)) is None and not timer.overdue(T - timedelta(minutes=1))
    assert timer.fire(T) == "remind" and timer.misses == 1
    assert timer.fire(T + timedelta(hours=1)) is None
    assert timer.next_due() == T + timedelta(hours=2)
    assert timer.fire(T + timedelta(hours=2)) == "escalate" and timer.misses == 2
    assert timer.next_due() is None and timer.fire(T + timedelta(days=1)) is None
    assert timer.overdue(T + timedelta(days=1)) and timer.age(T + timedelta(hours=3)) == timedelta(hours=3)


def test_every_later_clock_is_a_kind_and_a_window():
    shortage = Timer(kind="shortage", due_at=T, window=timedelta(hours=24))
    assert shortage.fire(T + timedelta(hours=25)) == "remind"
    assert Timer(kind="unheard_of", due_at=T, window=timedelta(days=3)).label == "unheard_of"  # no label: its name
    assert Timer(kind="survey", due_at=T, window=timedelta(days=1)).label.startswith("satisfaction survey")
    assert Timer(kind="review", due_at=T, window=timedelta(hours=2)).label.startswith("manager review")
