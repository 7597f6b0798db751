import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
                                  "next week", "下周", "下个月", "月初", "下月初", "上旬", "下旬",
                                  "10 working days", "每周五送货", "周一至周五送货", "Monday to Friday",
                                  "in a few days"])
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


# Monday 2 October 2023: the Date header of the email the relative dates are read against.
MONDAY = date(2023, 10, 2)


@pytest.mark.parametrize("text, expected", [
    ("next Friday", date(2023, 10, 13)),  # the Friday of next week, as 下周五
    ("this Friday", date(2023, 10, 6)),
    ("by Friday", date(2023, 10, 6)),
    ("下周五", date(2023, 10, 13)),
    ("下个星期五", date(2023, 10, 13)),
    ("下周五前送到", date(2023, 10, 13)),
    ("本周五", date(2023, 10, 6)),
    ("这周五", date(2023, 10, 6)),
    ("周五前", date(2023, 10, 6)),
    ("下下周一", date(2023, 10, 16)),
    ("星期天", date(2023, 10, 8)),
    ("月底前", date(2023, 10, 31)),
    ("月底", date(2023, 10, 31)),
    ("本月底", date(2023, 10, 31)),
    ("下月底", date(2023, 11, 30)),
    ("下个月底", date(2023, 11, 30)),
    ("月中", date(2023, 10, 15)),
    ("下月中", date(2023, 11, 15)),
    ("10月底", date(2023, 10, 31)),
    ("10月中旬", date(2023, 10, 15)),
    ("2024年2月底", date(2024, 2, 29)),
    ("年底前", date(2023, 12, 31)),
    ("end of the month", date(2023, 10, 31)),
    ("by the end of next month", date(2023, 11, 30)),
    ("end of October", date(2023, 10, 31)),
    ("mid-November", date(2023, 11, 15)),
    ("month-end", date(2023, 10, 31)),
    ("10月15日前", date(2023, 10, 15)),
    ("十月十五日前", date(2023, 10, 15)),
    ("两周内", date(2023, 10, 16)),
    ("一周内", date(2023, 10, 9)),
    ("within two weeks", date(2023, 10, 16)),
    ("within 2 weeks", date(2023, 10, 16)),
    ("in 10 days", date(2023, 10, 12)),
    ("10天内", date(2023, 10, 12)),
    ("10日内", date(2023, 10, 12)),
    ("交期15天", date(2023, 10, 17)),
    ("下单后10天内交货", date(2023, 10, 12)),
    ("一个月内", date(2023, 11, 2)),
    ("within a month", date(2023, 11, 2)),
    ("半个月内", date(2023, 10, 17)),
    ("明天", date(2023, 10, 3)),
    ("tomorrow", date(2023, 10, 3)),
    ("本月20日前", date(2023, 10, 20)),
    ("下月5号", date(2023, 11, 5)),
    ("20号前送到", date(2023, 10, 20)),
    ("1号前", date(2023, 11, 1)),  # the 1st is past: next month's
    ("十五天内交货", date(2023, 10, 17)),
    ("by next Monday", date(2023, 10, 9)),
])
def test_relative_dates_are_resolved_against_the_email_date(text, expected):
    reading = read_date(text, MONDAY)
    assert (reading.status, reading.value) == ("date", expected)
    assert not reading.exact  # the wording is kept beside the date


def test_the_month_end_on_its_last_day_means_the_next_one():
    assert read_date("月底前", date(2023, 10, 31)).value == date(2023, 11, 30)
    assert read_date("月中", date(2023, 10, 20)).value == date(2023, 11, 15)


def test_a_weekday_already_past_this_week_is_the_next_one():
    saturday = date(2023, 10, 7)
    assert read_date("本周五", saturday).value == date(2023, 10, 13)
    assert read_date("周五", date(2023, 10, 6)).value == date(2023, 10, 13)  # said on a Friday: the next one


def test_a_month_long_past_means_next_year():
    assert read_date("1月底", date(2023, 12, 20)).value == date(2024, 1, 31)


def test_a_day_that_the_month_does_not_have_is_invalid():
    assert read_date("下月31号", MONDAY).status == "invalid"


def test_relative_dates_without_a_reference_are_vague():
    for text in ("下周五", "月底", "两周内", "in 10 days"):
        assert read_date(text, None).status == "vague"


@pytest.mark.parametrize("text", ["10-15天", "15天左右", "付款后15天", "收到图纸后10天", "预付款到账后20天交货",
                                  "10 days after payment", "about 10 days"])
def test_periods_without_a_known_start_or_end_are_vague(text):
    reading = read_date(text, MONDAY)
    assert reading.status == "vague" and reading.value is None
    assert text in reading.detail


def test_day_first_only_when_the_first_number_is_over_12():
    assert read_date("15/10/2023", MONDAY).value == date(2023, 10, 15)
    assert read_date("10/15/2023", MONDAY).value == date(2023, 10, 15)
    assert read_date("05/06/2023", MONDAY).status == "vague"


@pytest.mark.parametrize("text", ["型号 2023-10", "10/15 型", "10/15型", "021-5555 0101", "13800138000",
                                  "+86 138 0013 8000", "0512-66668888", "3.5寸", "HP-200", "DN50",
                                  "送到张江路8号", "4-20mA"])
def test_what_only_looks_like_a_date_is_no_date(text):
    assert read_date(text, MONDAY).value is None


def test_long_text_is_read_in_bounded_time():
    start = time.perf_counter()
    for text in (" " * 100_000, "一" * 100_000, "1 " * 50_000, "下周" * 50_000, "within " * 20_000, "万" * 100_000):
        read_date(text, MONDAY)
    assert time.perf_counter() - start < 1



@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80), st.dates())
def test_never_raises(text, reference):
    for candidate in (text, "下月" + text, text + "号前", "within " + text + " days", "周" + text):
        reading = read_date(candidate, reference)
        assert reading.status in ("date", "vague", "invalid")
