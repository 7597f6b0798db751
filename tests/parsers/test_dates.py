from datetime import date

import pytest

from parsers.dates import read_date

REF = date(2023, 10, 1)


@pytest.mark.parametrize("text, expected", [
    ("2023-10-15", date(2023, 10, 15)),
    ("2023/10/15", date(2023, 10, 15)),
    ("2023.10.15", date(2023, 10, 15)),
    ("2023年10月15日", date(2023, 10, 15)),
    ("２０２３年１０月１５日", date(2023, 10, 15)),
    ("10月15日", date(2023, 10, 15)),
    ("10月15号", date(2023, 10, 15)),
    ("10-15", date(2023, 10, 15)),
    ("Oct 15, 2023", date(2023, 10, 15)),
    ("October 15th, 2023", date(2023, 10, 15)),
    ("15 October 2023", date(2023, 10, 15)),
    ("15 Oct", date(2023, 10, 15)),
    ("20231015", date(2023, 10, 15)),
    ("15/10/2023", date(2023, 10, 15)),
])
def test_reads_exact_dates(text, expected):
    reading = read_date(text, REF)
    assert (reading.status, reading.value, reading.exact) == ("date", expected, True)


def test_a_date_without_year_takes_the_reference_year():
    assert read_date("10月15日", date(2023, 9, 20)).value == date(2023, 10, 15)


def test_a_date_just_past_keeps_the_reference_year():
    # 25 days before the email: an order date, say; still this year.
    assert read_date("9月10日", date(2023, 10, 5)).value == date(2023, 9, 10)


def test_a_date_long_past_means_next_year():
    # Written on 20 December, "1月5日" is January of the next year.
    assert read_date("1月5日", date(2023, 12, 20)).value == date(2024, 1, 5)


def test_a_range_gives_its_first_date_and_is_not_exact():
    reading = read_date("10月15日-10月16日", REF)
    assert reading.value == date(2023, 10, 15)
    assert not reading.exact


def test_a_date_with_a_note_is_read_but_not_exact():
    reading = read_date("2023-10-15前送达", REF)
    assert reading.value == date(2023, 10, 15) and not reading.exact


@pytest.mark.parametrize("text", ["尽快", "越快越好", "尽早", "越早越好", "马上", "急需", "ASAP",
                                  "as soon as possible", "urgent", "soon", "下单后7个工作日内",
                                  "月底", "next week"])
def test_vague_words_are_not_dates(text):
    reading = read_date(text, REF)
    assert reading.status == "vague" and reading.value is None


@pytest.mark.parametrize("text", ["abc", "2023-13-45", "2月30日", "明年某时"])
def test_unreadable_dates_are_invalid(text):
    reading = read_date(text, REF)
    assert reading.status == "invalid" and reading.value is None


def test_a_date_without_year_and_no_reference_is_vague():
    assert read_date("10月15日", None).status == "vague"


def test_day_and_month_that_could_be_either_way_round_are_vague():
    assert read_date("05/06/2023", REF).status == "vague"


def test_working_days_are_not_a_month_and_day():
    assert read_date("10-15天", REF).status == "vague"
