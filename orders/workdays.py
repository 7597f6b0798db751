"""Working days on China's calendar: production lead times and review deadlines
count the days the company works.

The official calendar (chinesecalendar, from the State Council's yearly notice)
moves working days: a make-up Saturday before National Day is worked, the
Spring Festival weekdays are not. Beyond the years the calendar knows (the
notice for a year comes out in the November before), Monday to Friday are
counted instead, and the result says so, so that a planner can check a date
the calendar could not confirm.

    add_working_days(date(2023, 9, 28), 3) -> WorkingDate(date(2023, 10, 7), approximate=False)
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import chinese_calendar

__all__ = ["WorkingDate", "is_working_day", "add_working_days", "next_working_day", "working_deadline",
           "MAX_WORKING_DAYS"]

MAX_WORKING_DAYS = 3_660  # a lead time longer than this is no lead time


@dataclass(frozen=True)
class WorkingDate:
    value: date
    approximate: bool = False  # some day on the way was beyond the calendar: counted Monday to Friday

    def note(self) -> str:
        """What a notice says about how the date was counted."""
        if not self.approximate:
            return ""
        return "按周一至周五推算(国务院该年放假安排尚未发布) / counted Monday to Friday: the official calendar for that year is not out yet"


def _is_working_day(day: date) -> tuple[bool, bool]:
    """(worked, known): whether the company works that day, and whether the official calendar says so."""
    try:
        return chinese_calendar.is_workday(day), True
    except NotImplementedError:  # a year the calendar has no data for
        return day.weekday() < 5, False


def is_working_day(day: date) -> bool:
    return _is_working_day(day)[0]


def next_working_day(day: date) -> WorkingDate:
    """The first working day after `day` (production starts the working day after the order is effective)."""
    return add_working_days(day, 1)


def add_working_days(start: date, days: int) -> WorkingDate:
    """The date `days` working days after `start` (`start` itself not counted)."""
    if not 0 <= days <= MAX_WORKING_DAYS:
        raise ValueError(f"a lead time of {days} working days is out of range (0 to {MAX_WORKING_DAYS})")
    day, counted, approximate = start, 0, False
    while counted < days:
        day += timedelta(days=1)
        worked, known = _is_working_day(day)
        approximate = approximate or not known
        counted += worked
    return WorkingDate(day, approximate)


def working_deadline(at: datetime, days: int) -> datetime:
    """The same time of day `days` working days after `at`: a 1-working-day review
    asked on Friday afternoon is due on Monday afternoon (or after a holiday)."""
    return datetime.combine(add_working_days(at.date(), days).value, at.timetz())
