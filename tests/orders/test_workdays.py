"""Working days on China's official calendar: make-up days are worked, holiday
weekdays are not, and beyond the calendar's years Monday to Friday are counted
and the date is marked approximate."""
from datetime import date

import pytest

from orders.workdays import add_working_days, is_working_day, next_working_day


@pytest.mark.parametrize("day, worked", [
    (date(2023, 10, 7), True),    # Saturday made up for National Day 2023
    (date(2023, 10, 2), False),   # a Monday of the National Day holiday
    (date(2024, 2, 4), True),     # Sunday made up for Spring Festival 2024
    (date(2024, 2, 12), False),   # a Monday of Spring Festival 2024
    (date(2024, 2, 18), True),    # Sunday made up after Spring Festival 2024
    (date(2023, 1, 28), True),    # Saturday made up for Spring Festival 2023
    (date(2023, 1, 23), False),   # a Monday of Spring Festival 2023
    (date(2023, 9, 30), False),   # an ordinary Saturday
])
def test_the_official_calendar_decides(day, worked):
    assert is_working_day(day) is worked


def test_a_lead_time_across_national_day_2023_counts_the_make_up_saturday():
    # Thu 28 Sep is day 0; Fri 29 Sep – Fri 6 Oct are holidays; Sat 7 and Sun 8 Oct are made-up working days
    found = add_working_days(date(2023, 9, 28), 3)
    assert (found.value, found.approximate) == (date(2023, 10, 9), False)


def test_a_lead_time_across_spring_festival_2024():
    # Sat 10 Feb – Sat 17 Feb are off; Sun 4 Feb and Sun 18 Feb are worked
    assert add_working_days(date(2024, 2, 2), 1).value == date(2024, 2, 4)
    assert add_working_days(date(2024, 2, 9), 1).value == date(2024, 2, 18)


def test_the_next_working_day_after_an_order_became_effective_on_a_friday():
    assert next_working_day(date(2024, 3, 1)).value == date(2024, 3, 4)


def test_beyond_the_calendars_years_monday_to_friday_count_and_the_date_says_so():
    found = add_working_days(date(2030, 1, 4), 1)  # a Friday in a year the calendar does not know
    assert (found.value, found.approximate) == (date(2030, 1, 7), True)
    assert "Monday to Friday" in found.note()
    assert add_working_days(date(2024, 3, 1), 1).note() == ""


@pytest.mark.parametrize("days", [-1, 100_000])
def test_an_impossible_lead_time_is_refused(days):
    with pytest.raises(ValueError):
        add_working_days(date(2024, 3, 1), days)
