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

Relative dates are resolved against the reference date and are never exact
(the wording is kept beside the date):
- weekdays: 本周五/这周五/this Friday is the Friday of the reference's week
  (the next one if that is past); 下周五/next Friday is the Friday of the
  following week (next Friday means the week after, as 下周五 does);
  周五/Friday alone is the next Friday after the reference date;
- 月底/月末/end of the month: the last day of the reference's month (of the
  next month when that is the reference day itself); 月中/中旬/mid-month: the
  15th, likewise; 下月底, 下月中, 10月底, end of October, 年底 (31 December);
  本月20日/下月5号, and 20号前 (this month's 20th, or next month's when past);
- 两周内/within two weeks: reference + 14 days; 10天内/in 10 days/交期10天:
  + 10 days; 一个月内/within a month: the same day of the next month;
  今天/明天/后天, today/tomorrow.
Left vague (asked back): 月初/上旬/下旬/下月初 (a span of days, not a deadline),
下周/next week without a day, working days (工作日: holidays and make-up days
decide them), and a period counted from an event whose date is not known
(付款后15天, 收到图纸后10天, 10 days after payment).

Text that only looks like a date is not read as one: "10/15型" (a model),
phone numbers, "3.5寸".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from parsers.amounts import CN_NUMERAL, chinese_number
from parsers.text import normalize, quoted

__all__ = ["DateReading", "read_date", "VAGUE_DATE_RE"]

PAST_TOLERANCE = timedelta(days=30)
_DIGIT = re.compile(r"\d")
MAX_DATE_TEXT = 1_000  # characters read for a date; a delivery date is written near the start

_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<d>\d{1,2})(?:st|nd|rd|th)?"

# Months as buyers in Spain, Germany, France, the Netherlands and Italy write them: "16 de marzo de 2026",
# "28. November 2025", "3 juin 2025", "12 mei 2025".
_FOREIGN_MONTHS = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "août": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9, "ottobre": 10,
    "dicembre": 12,
}
_FOREIGN_MONTH = "|".join(sorted(_FOREIGN_MONTHS, key=len, reverse=True))

_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"(?<!\d)(?P<y>\d{4})\s*+(?:[-/.]|年)\s*+(?P<m>\d{1,2})\s*+(?:[-/.]|月)\s*+(?P<d>\d{1,2})(?:日|号)?(?!\d)",
    r"(?<!\d)(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?!\d)",
    r"(?<![\d.])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?!\d)",
    rf"(?<![a-z]){_MONTH}\s++{_DAY}(?:\s*+,\s*+|\s++)(?P<y>\d{{4}})(?!\d)",
    rf"(?<!\d){_DAY}(?:\s++of)?\s++{_MONTH},?\s++(?P<y>\d{{4}})(?!\d)",
    rf"(?<!\d)(?P<d>\d{{1,2}})\.?\s*+(?:de\s++)?(?P<fmon>{_FOREIGN_MONTH})\s*+(?:de\s++|,\s*+)?(?P<y>\d{{4}})(?!\d)",
    r"(?<!\d)(?P<m>\d{1,2})\s*+月\s*+(?P<d>\d{1,2})\s*+(?:日|号)?(?!\d)",
    rf"(?<![a-z]){_MONTH}\s++{_DAY}(?![\d:])",
    rf"(?<!\d){_DAY}(?:\s++of)?\s++{_MONTH}(?![a-z])",
    r"(?<![\d./-])(?P<m>\d{1,2})[-/](?P<d>\d{1,2})"
    r"(?![\d./-]|[a-z]|\s*+(?:天|个|工作日|周|days?|weeks?|型|款|系列|寸|英寸|mm|cm))",
))

VAGUE_DATE_RE = re.compile(
    r"尽快|越快越好|尽早|越早越好|马上|立即|立刻|急需|急用|加急|从速|近期|待定|另行通知|下周|下个月|下月|本周|这周|本月|月内"
    r"|月底|月初|月中|上旬|下旬|年底|年前|节前|年后|节后|每周|每月|每天|\bevery\b"
    r"|(?<!\d)\d+\s*+个?(?:工作日|天|周|星期|working days?|days?|weeks?)"
    r"|\bASAP\b|as soon as possible|\burgent|\bsoon\b|\bTBD\b|\bTBC\b|next (?:week|month)|this (?:week|month)"
    r"|end of (?:the )?month|early (?:next )?month|beginning of (?:next |the )?month|after (?:payment|receipt)",
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
    if groups.get("fmon"):
        return year, _FOREIGN_MONTHS[groups["fmon"].lower()], int(groups["d"])
    month = _MONTHS[groups["mon"][:3].lower()] if groups.get("mon") else int(groups["m"])
    return year, month, int(groups["d"])


class _Ambiguous(Exception):
    pass


def read_date(text: str, reference: date | None = None, *, day_first: bool | None = None) -> DateReading:
    """The first date in `text`, or why there is none (vague or invalid).

    `day_first` settles "03/06/2025" when the rest of the mail shows how its
    writer writes dates (a British or a US buyer); unsettled, it is vague."""
    clean = _cn_digits(normalize(text[:MAX_DATE_TEXT]))
    for pattern in _PATTERNS if _DIGIT.search(clean) else ():  # every written date has a digit
        match = pattern.search(clean)
        if match:
            return _reading(match, clean, reference, day_first)
    relative = _relative(clean, reference, text)
    if relative is not None:
        return relative
    if VAGUE_DATE_RE.search(clean):
        return DateReading("vague", detail=f"{quoted(text)} 不是具体日期,请给出确切日期 / not a date; which date exactly?")
    return DateReading("invalid", detail=f"无法识别日期 {quoted(text)},请写成 2024-03-15 / cannot read this date")


def _reading(match: re.Match, clean: str, reference: date | None, day_first: bool | None = None) -> DateReading:
    shown = match.group(0)
    try:
        year, month, day = _fields(match)
    except _Ambiguous:
        if day_first is not None:
            first, second = int(match["a"]), int(match["b"])
            year, month, day = (int(match["y"]), second, first) if day_first else (int(match["y"]), first, second)
            return _reading_of(year, month, day, shown, clean, reference)
        return DateReading("vague", detail=f"{quoted(shown)} 的日、月顺序不明,请写成 2024-03-15 / can be read day-first or month-first")
    return _reading_of(year, month, day, shown, clean, reference)


def _reading_of(year: int | None, month: int, day: int, shown: str, clean: str, reference: date | None) -> DateReading:
    try:
        found = date(year, month, day) if year else _with_year(month, day, reference)
    except ValueError:
        return DateReading("invalid", detail=f"没有这个日期:{quoted(shown)} / no such date")
    if found is None:
        return DateReading("vague", detail=f"{quoted(shown)} 没有年份,请写明 / has no year")
    return DateReading("date", found, exact=shown.strip() == clean.strip())


# --- dates relative to the reference date -------------------------------------------

MAX_OFFSET_DAYS = 3660  # "in 99999 days" is no delivery date
_CN_DATE_NUMBER = re.compile(rf"{CN_NUMERAL}(?=\s*+(?:年|月|日|号|天|周|个|星期|礼拜|工作日|days?|weeks?))")
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
             "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
             "sunday": 6}
_WEEKDAY_RE = re.compile(
    r"(?<!每)(?:(?P<which>下下个?|下个?|本|这个?|今|此)\s*+)?(?:周|星期|礼拜)\s*+(?P<wd>[一二三四五六日天1-7])(?![\d个])"
    r"|(?<![a-z])(?:(?P<ewhich>next|this|coming|the following)\s++)?(?P<ewd>monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b", re.IGNORECASE)
_WEEKDAY_SPAN = re.compile(
    r"(?:周|星期|礼拜)\s*+[一二三四五六日天1-7]\s*+[至到~～-]\s*+(?:周|星期|礼拜)"
    r"|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*+(?:-|to|through|till)\s*+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)", re.IGNORECASE)
_MONTH_PART_RE = re.compile(
    r"(?P<which>下下个?月|下个?月|次月|本月|这个?月|当月|(?:(?P<y>\d{4})\s*+年\s*+)?(?P<m>\d{1,2})\s*+月份?)\s*+(?P<part>底|末|中旬|中|上旬|初|下旬)"
    r"|(?<![\d年个])月(?P<bare>底|末|中旬|中|初)"
    r"|(?P<year>年底|年末|年终|end of (?:the |this )?year|year[- ]end)"
    rf"|(?:the\s++)?(?P<epart>end|middle|mid|beginning|start)(?:\s++of|-)?\s*+(?:(?P<ewhich>the|this|next)\s++)?"
    rf"(?:(?P<emonth>month)|{_MONTH.replace('?P<mon>', '?P<emon>')})(?![a-z])"
    r"|(?P<eend>(?:this |next )?month)[- ](?P<eend_part>end)",
    re.IGNORECASE)
# "本月20日", "下月5号", "20号前": a day of this or next month.
_DAY_OF_MONTH_RE = re.compile(
    r"(?P<which>下下个?月|下个?月|次月|本月|这个?月|当月)\s*+(?P<d>\d{1,2})\s*+(?:日|号)"
    r"|(?<![\d月/.\-])(?P<bd>\d{1,2})\s*+(?:日|号)\s*+(?=前|之前|以前)"
    r"|\bthe\s++(?P<ed>\d{1,2})(?:st|nd|rd|th)\b(?!\s++(?:of\s++)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
    re.IGNORECASE)
_EN_COUNT = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
             "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "few": None}
_DURATION_RE = re.compile(
    r"(?P<n>\d{1,5}|半)\s*+个?\s*+(?P<u>天|日(?=\s*+(?:之内|以内|内))|周|星期|礼拜|月(?<=个月)|个月)(?P<within>\s*+(?:之内|以内|内))?"
    rf"|(?:(?P<en_pre>within|in|inside(?: of)?|during the next)\s++)?(?:the\s++next\s++)?(?<![a-z\d])(?P<en>\d{{1,5}}|{'|'.join(_EN_COUNT)})"
    r"\s++(?P<eu>days?|weeks?|months?)\b",
    re.IGNORECASE)
_WORKING = re.compile(r"工作日|working\s++days?|business\s++days?", re.IGNORECASE)
# A period counted from something whose date is not known cannot be resolved.
_UNKNOWN_START = re.compile(
    r"(?:付款|款到|到账|预付款?|定金|订金|确认|图纸|打样|样品|开票|合同|审批|通知|收到)[^\d]{0,8}后"
    r"|after\s++(?:(?:the|your|our)\s++)?(?:receipt|payment|deposit|confirmation|approval|drawing|sample|signing)",
    re.IGNORECASE)
_EVENT_AFTER = re.compile(
    r"\s*+(?:after|from|following)\s++(?:(?:the|your|our)\s++)?(?:receipt|payment|deposit|confirmation|approval"
    r"|drawing|sample|signing)", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"\d\s*+[-~～到至]\s*+$")
_APPROX = re.compile(r"左右|上下|大约|大概|约|about|around|approx", re.IGNORECASE)
_DAY_WORDS = re.compile(r"(?P<w>今天|今日|明天|明日|后天|the day after tomorrow|tomorrow|today)", re.IGNORECASE)
_DAY_OFFSETS = {"今天": 0, "今日": 0, "today": 0, "明天": 1, "明日": 1, "tomorrow": 1, "后天": 2,
                "the day after tomorrow": 2}


def _cn_digits(text: str) -> str:
    """Chinese numerals before a date word as digits: 十月十五日 → 10月15日, 两周 → 2周."""
    return _CN_DATE_NUMBER.sub(lambda m: _digits(m.group(0)), text)


def _digits(run: str) -> str:
    value = chinese_number(run)
    return run if value is None or value != value.to_integral_value() else str(int(value))


def _relative(clean: str, reference: date | None, text: str) -> DateReading | None:
    """A date written relative to the reference date, or None when there is none."""
    for reader in (_day_of_month, _weekday, _month_part, _duration, _day_word):  # "Friday the 19th" is the 19th
        found = reader(clean)
        if found is None:
            continue
        shown, resolve = found
        if isinstance(resolve, str):
            return DateReading("vague", detail=f"{quoted(text)} {resolve}")
        if reference is None:
            return DateReading("vague", detail=f"{quoted(text)} 没有参照日期,请给出确切日期 / relative to what date?")
        try:
            value = resolve(reference)
        except (ValueError, OverflowError):
            return DateReading("invalid", detail=f"没有这个日期:{quoted(text)} / no such date")
        return DateReading("date", value, detail=f"{quoted(shown)} → {value.isoformat()}")
    return None


def _weekday(clean: str):
    match = _WEEKDAY_RE.search(clean)
    if not match:
        return None
    if _WEEKDAY_SPAN.search(clean):  # 周一至周五: days of the week, not a date
        return match.group(0), "不是具体日期,请给出确切日期 / not a date; which date exactly?"
    if match["wd"]:
        wd = match["wd"]
        weekday = int(wd) - 1 if wd.isdigit() else _WEEKDAYS[wd]
        which = (match["which"] or "").rstrip("个")
        weeks = {"下下": 2, "下": 1}.get(which, 0)
        this = which in ("本", "这", "今", "此")
    else:
        weekday = _WEEKDAYS[match["ewd"].lower()]
        which = (match["ewhich"] or "").lower()
        weeks = 1 if which in ("next", "the following") else 0
        this = which in ("this", "coming")

    def resolve(reference: date) -> date:
        start = reference - timedelta(days=reference.weekday())
        found = start + timedelta(days=7 * weeks + weekday)
        if not weeks and (found < reference if this else found <= reference):
            found += timedelta(days=7)
        return found
    return match.group(0), resolve


def _month_end(year: int, month: int) -> date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def _month_day(year: int, month: int, part: str) -> date:
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    return _month_end(year, month) if part == "end" else date(year, month, 15)


_PARTS = {"底": "end", "末": "end", "中": "mid", "中旬": "mid", "end": "end", "middle": "mid",
          "mid": "mid"}
_SPAN = "是一段日子而非具体日期,请给出确切日期 / a span of days, not a date: which date exactly?"


def _month_part(clean: str):
    match = _MONTH_PART_RE.search(clean)
    if not match:
        return None
    shown = match.group(0)
    if match["year"]:
        return shown, lambda reference: date(reference.year, 12, 31)
    part = match["part"] or match["bare"] or (match["epart"] or "").lower() or match["eend_part"].lower()
    if part not in _PARTS:
        return shown, _SPAN
    part = _PARTS[part]
    which = (match["which"] or match["ewhich"] or match["eend"] or "").lower().replace("个", "")
    which = which.replace(" month", "").replace("month", "").strip()
    named, year = match["m"] or match["emon"], match["y"]

    def resolve(reference: date) -> date:
        if named:
            month = int(named) if named.isdigit() else _MONTHS[named[:3].lower()]
            if not 1 <= month <= 12:
                raise ValueError(named)
            if year:
                return _month_day(int(year), month, part)
            found = _month_day(reference.year, month, part)
            return _month_day(reference.year + 1, month, part) if found < reference - PAST_TOLERANCE else found
        ahead = {"下下月": 2, "下月": 1, "次月": 1, "next": 1}.get(which, 0)
        found = _month_day(reference.year, reference.month + ahead, part)
        if not ahead and which not in ("本月", "这月", "当月", "this") and found <= reference:
            found = _month_day(reference.year, reference.month + 1, part)
        return found
    return shown, resolve


def _day_of_month(clean: str):
    match = _DAY_OF_MONTH_RE.search(clean)
    if not match:
        return None
    which = (match["which"] or "").replace("个", "")
    ahead = {"下下月": 2, "下月": 1, "次月": 1}.get(which, 0)
    day = int(match["d"] or match["bd"] or match["ed"])

    def resolve(reference: date) -> date:
        months = reference.month - 1 + ahead
        found = date(reference.year + months // 12, months % 12 + 1, day)
        if not which and found < reference:  # "20号前" said on the 25th: next month's 20th
            months += 1
            found = date(reference.year + months // 12, months % 12 + 1, day)
        return found
    return match.group(0), resolve


def _duration(clean: str):
    for match in _DURATION_RE.finditer(clean):
        if match["n"] is None and match["en"] is None:
            continue
        if match["en"] and not match["en_pre"] and match["en"].lower() in ("a", "an"):
            continue  # "a day" alone is not a delivery period
        shown = match.group(0).strip()
        before, after = clean[:match.start()], clean[match.end():match.end() + 40]
        if _WORKING.match(after.lstrip()) or _WORKING.search(shown):
            return shown, "按工作日计,请给出确切日期 / working days: which date exactly?"
        if _RANGE_BEFORE.search(before) or _APPROX.search(before[-6:] + after[:4]):
            return shown, "不是具体日期,请给出确切日期 / not a date; which date exactly?"
        if _UNKNOWN_START.search(before[-30:]) or _EVENT_AFTER.match(after):
            return shown, "从何时起算不明,请给出确切日期 / counted from when? which date exactly?"
        if match["n"]:
            count = 0.5 if match["n"] == "半" else int(match["n"])
            unit = match["u"]
        else:
            count = _EN_COUNT.get(match["en"].lower()) if not match["en"].isdigit() else int(match["en"])
            unit = match["eu"].lower()
            if count is None:
                return shown, "不是具体日期,请给出确切日期 / not a date; which date exactly?"
        return shown, _offset(count, unit)
    return None


def _offset(count: float, unit: str):
    def resolve(reference: date) -> date:
        if unit.startswith("month") or unit.endswith("月"):
            if count == 0.5:
                return reference + timedelta(days=15)
            months = reference.month - 1 + int(count)
            year, month = reference.year + months // 12, months % 12 + 1
            return min(date(year, month, 1) + timedelta(days=reference.day - 1), _month_end(year, month))
        days = count * (7 if unit in ("周", "星期", "礼拜") or unit.startswith("week") else 1)
        if days > MAX_OFFSET_DAYS:
            raise ValueError(unit)
        return reference + timedelta(days=int(days) if days == int(days) else days)
    return resolve


def _day_word(clean: str):
    match = _DAY_WORDS.search(clean)
    if not match:
        return None
    offset = _DAY_OFFSETS[match["w"].lower()]
    return match.group(0), lambda reference: reference + timedelta(days=offset)
