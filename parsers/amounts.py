"""Money, quantities, prepayment percentages and credit days, read from text.

Every number becomes a Decimal from its digits, never a float. Text is NFKC
normalised first: full-width digits and commas become ASCII, and ￥ (U+FFE5,
how GBK writes the yuan sign) becomes ¥. A stated number keeps the precision
it was written with ("¥1,200.00" → 1200.00); a 万/千/k multiple is given as a
whole number where it is one ("1.2万" → 12000).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from parsers.text import normalize

__all__ = ["parse_amount", "parse_quantity", "parse_percent", "parse_credit_days",
           "is_vague_amount", "amount_unit"]

_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_MULTIPLIERS = {"万": Decimal(10000), "千": Decimal(1000), "百": Decimal(100),
                "k": Decimal(1000), "K": Decimal(1000)}
# A trailing note in brackets ("800元(含税)") does not change the amount.
_NOTE = r"(?:\s*+\([^()]*\))?"
_AMOUNT_RE = re.compile(
    rf"(?:人民币|RMB|CNY)?\s*+¥?\s*+(?P<num>{_NUMBER})\s*+(?P<mult>[万千百kK])?\s*+"
    rf"(?:元|块|圆|RMB|CNY|yuan)?(?:整)?\s*+(?:/\s*+(?P<per>[^\s\d/()]{{1,6}}))?{_NOTE}",
    re.IGNORECASE)
_QUANTITY_RE = re.compile(
    rf"(?P<num>{_NUMBER})\s*+(?P<mult>万)?\s*+(?P<unit>[^\s\d.,:;()+-][^\d:;()]{{0,9}}?)?{_NOTE}")
_VAGUE_AMOUNT_RE = re.compile(
    r"面议|待定|待确认|另议|按合同|再议|\bTBD\b|\bTBC\b|to be (?:confirmed|determined)|negotiable"
    r"|约|大约|大概|左右|上下|\babout\b|\bapprox|\baround\b|~", re.IGNORECASE)

_PERCENT_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*+%")
_PREPAY_WORDS = re.compile(r"预付|预付款|定金|订金|首付|先付|prepay|advance|deposit|upfront|up-front|in advance",
                           re.IGNORECASE)
_BALANCE_WORDS = re.compile(r"尾款|余款|balance|remaining|rest", re.IGNORECASE)
_FULL_PREPAY_RE = re.compile(r"全款|款到发货|先款后货|100%\s*(?:预付|prepay)|full (?:prepayment|payment in advance)",
                             re.IGNORECASE)
_CREDIT_RES = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"(?:账期|月结|信用期|付款期|结算期)\s*+(\d{1,3})\s*+(?:天|日)",
    r"(?<!\d)(\d{1,3})\s*+(?:天|日)\s*+(?:账期|月结|信用期|内付款|内付清|付款|结算)",
    r"货到\s*+(\d{1,3})\s*+(?:天|日)",
    r"\bnet\s*+-?\s*+(\d{1,3})\b",
    r"(?:credit|within|terms?)\D{0,12}?(\d{1,3})\s*+days?",
    r"(?<!\d)(\d{1,3})\s*+days?\s*+(?:credit|net|after|from|payment)",
))


def _number(digits: str) -> Decimal | None:
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None


def _times(value: Decimal, mult: str | None) -> Decimal:
    if not mult:
        return value
    value = value * _MULTIPLIERS[mult]
    # "1.2万" is 12000, not 12000.0: the multiple was a way of writing a whole number.
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def parse_amount(text: str) -> Decimal | None:
    """An amount of money, or None when the text is not one.

    "50,000元", "¥1,200.00", "RMB 3,600", "CNY 800", "5万元", "1.2万", "3千元",
    "0元", "800", "500元/台" (a price per unit: see `amount_unit`).
    """
    match = _AMOUNT_RE.fullmatch(normalize(text))
    if not match:
        return None
    value = _number(match["num"])
    return None if value is None else _times(value, match["mult"])


def amount_unit(text: str) -> str | None:
    """The unit of a price written per unit: "500元/台" → "台"."""
    match = _AMOUNT_RE.fullmatch(normalize(text))
    return match["per"] if match and match["per"] else None


def parse_quantity(text: str) -> tuple[Decimal, str | None] | None:
    """A quantity and its unit, or None: "100台", "100 pcs", "1,000件", "2.5吨", "1万件"."""
    match = _QUANTITY_RE.fullmatch(normalize(text))
    if not match:
        return None
    value = _number(match["num"])
    if value is None:
        return None
    unit = (match["unit"] or "").strip() or None
    return _times(value, match["mult"]), unit


def is_vague_amount(text: str) -> bool:
    """Words that stand for a number not yet fixed: 面议, 待定, 约100, about 100."""
    return bool(_VAGUE_AMOUNT_RE.search(normalize(text)))


def parse_percent(text: str) -> Decimal | None:
    """The prepayment percentage in payment terms: "预付30%", "30% prepayment",
    "30%预付，70%发货前付清" (the share next to a prepayment word wins)."""
    text = normalize(text)
    found = list(_PERCENT_RE.finditer(text))
    for match in found:
        around = text[max(0, match.start() - 8):match.end() + 12]
        if _PREPAY_WORDS.search(around) and not _BALANCE_WORDS.search(
                text[max(0, match.start() - 4):match.start()]):
            return _number(match[1])
    if len(found) == 1 and not _BALANCE_WORDS.search(text):
        return _number(found[0][1])
    if _FULL_PREPAY_RE.search(text):
        return Decimal(100)
    return None


def parse_credit_days(text: str) -> int | None:
    """The credit period in days: "账期30天", "月结60天", "net 30", "30天账期"."""
    text = normalize(text)
    for pattern in _CREDIT_RES:
        match = pattern.search(text)
        if match:
            return int(match[1])
    return None
