"""Dates as customers write them, and the vague words that are not dates.

Read: 2023-10-15, 2023/10/15, 2023.10.15, 2023年10月15日, 10月15日, 10-15, 10/15,
Oct 15, 2023, 15 October 2023, 15/10/2023 (day first when the day is over 12).

A date without a year takes the year of the reference date (the email's Date
header). If that puts it more than 30 days before the reference date, it is
taken to mean next year: an order written on 20 December for "1月5日" wants
5 January of the next year, while "10月15日" written on 20 October may still
be a date just past (an order date, say).

The first date in the text is the one read, so a range "10月15日-10月16日" gives
10 October 15; callers keep the wording whenever it was more than the date.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from parsers.text import normalize, quoted

__all__ = ["DateReading", "read_date", "VAGUE_DATE_RE"]

PAST_TOLERANCE = timedelta(days=30)

_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"

_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"(?<!\d)(?P<y>\d{4})\s*+(?:[-/.]|年)\s*+(?P<m>\d{1,2})\s*+(?:[-/.]|月)\s*+(?P<d>\d{1,2})(?:日|号)?(?!\d)",
    r"(?<!\d)(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)",
    r"(?<![\d.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})(?!\d)",
    rf"(?<![a-z]){_MONTH}\s++{_DAY}(?:\s*+,\s*+|\s++)(?P<y>\d{{4}})(?!\d)",
    rf"(?<!\d){_DAY}(?:\s++of)?\s++{_MONTH},?\s++(?P<y>\d{{4}})(?!\d)",
    r"(?<!\d)(?P<m>\d{1,2})\s*+月\s*+(?P<d>\d{1,2})\s*+(?:日|号)?(?!\d)",
    rf"(?<![a-z]){_MONTH}\s++{_DAY}(?![\d:])",
    rf"(?<!\d){_DAY}(?:\s++of)?\s++{_MONTH}(?![a-z])",
    r"(?<![\d./-])(?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?![\d./-]|\s*+(?:天|个|工作日|周|days?|weeks?))",
))

VAGUE_DATE_RE = re.compile(
    r"尽快|越快越好|尽早|越早越好|马上|立即|立刻|急需|急用|加急|从速|近期|待定|另行通知|下周|下个月|月底|月初|月中|年底|年前|节前"
    r"|(?<!\d)\d+\s*+个?(?:工作日|天|周|星期|working days?|days?|weeks?)"
    r"|\bASAP\b|as soon as possible|\burgent|\bsoon\b|\bTBD\b|\bTBC\b|next (?:week|month)|end of (?:the )?month",
    re.IGNORECASE)


@dataclass(frozen=True)
class DateReading:
    status: Literal["date", "vague", "invalid"]
    value: date | None = None
    detail: str = ""
    exact: bool = False  # the text was the date and nothing else


def _with_year(month: int, day: int, reference: date | None) -> date | None:
    if reference is None:
        return None
    found = date(reference.year, month, day)
    if found < reference - PAST_TOLERANCE:
        found = date(reference.year + 1, month, day)
    return found


def _fields(match: re.Match) -> tuple[int | None, int, int]:
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    if groups.get("a"):
        first, second = int(groups["a"]), int(groups["b"])
        if first > 12 >= second:
            return year, second, first
        if second > 12 >= first or first == second:
            return year, first, second
        raise _Ambiguous
    month = _MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["m"])
    return year, month, int(groups["d"])


class _Ambiguous(Exception):
    pass


def read_date(text: str, reference: date | None = None) -> DateReading:
    """The first date in `text`, or why there is none (vague or invalid)."""
    clean = normalize(text)
    for pattern in _PATTERNS:
        match = pattern.search(clean)
        if match:
            return _reading(match, clean, reference)
    if VAGUE_DATE_RE.search(clean):
        return DateReading("vague", detail=f"{quoted(text)} 不是具体日期,请给出确切日期 / not a date; which date exactly?")
    return DateReading("invalid", detail=f"无法识别日期 {quoted(text)},请写成 2024-03-15 / cannot read this date")


def _reading(match: re.Match, clean: str, reference: date | None) -> DateReading:
    shown = match.group(0)
    try:
        year, month, day = _fields(match)
    except _Ambiguous:
        return DateReading("vague", detail=f"{quoted(shown)} 的日、月顺序不明,请写成 2024-03-15 / can be read day-first or month-first")
    try:
        found = date(year, month, day) if year else _with_year(month, day, reference)
    except ValueError:
        return DateReading("invalid", detail=f"没有这个日期:{quoted(shown)} / no such date")
    if found is None:
        return DateReading("vague", detail=f"{quoted(shown)} 没有年份,请写明 / has no year")
    return DateReading("date", found, exact=shown.strip() == clean.strip())
