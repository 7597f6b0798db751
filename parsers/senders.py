"""Who a message says it is from, read strictly enough to decide on.

The standard library is lenient where an attacker needs it to be: RFC 2047
words are decoded inside an address (`=?utf-8?q?...?=` becomes a plain
address, though RFC 2047 forbids encoded words there), `getaddresses`
returns two addresses for one From, and a second From header is simply a
second value. A decision must rest on one address the receiving server saw,
so here a From is accepted only as exactly one header holding exactly one
plain address (an encoded display name is fine: Chinese clients send one).
Anything else yields a problem, which the pipeline refuses to act on.

Authentication-Results (RFC 8601) are split into their authserv-id and
their method verdicts, every header whole: a verdict past the 500th
character counts like the first.
"""
from __future__ import annotations

import email.utils
import re
from dataclasses import dataclass

from orders.text import normal_address

__all__ = ["SenderReading", "read_sender", "AuthVerdict", "read_auth_results", "return_path_address"]

_FOLD = re.compile(r"\r?\n[ \t]*")
_ENCODED_WORD = re.compile(r"=\?[^?\s]*\?[bqBQ]\?[^?\s]*\?=")
# A plain addr-spec: no spaces, quotes, brackets, commas or control characters;
# one @; a dotted domain. Non-ASCII is allowed (RFC 6532 addresses, sent raw).
_PLAIN = re.compile(r"[^\s\"<>()\[\],;:@\\\x00-\x1f\x7f]+@[^\s\"<>()\[\],;:@\\\x00-\x1f\x7f.]+"
                    r"(?:\.[^\s\"<>()\[\],;:@\\\x00-\x1f\x7f.]+)+")
MAX_FROM = 2_000  # a From longer than this is not one person's address


@dataclass(frozen=True)
class SenderReading:
    address: str | None  # the bare address, lower-case; None when the From cannot be believed
    name: str | None
    problem: str | None = None  # why the From is refused


def read_sender(values: list[str], decode) -> SenderReading:
    """The one address of a message's From header(s) (raw values, in order).

    `decode` turns a raw header text into text (RFC 2047 words, 8-bit bytes):
    it is applied to the display name only, never to the address."""
    if not values:
        return SenderReading(None, None, "the message has no From header: no sender address to answer")
    if len(values) > 1:
        return SenderReading(None, None, f"the message has {len(values)} From headers; one is allowed")
    raw = _FOLD.sub(" ", str(values[0])).strip()
    if len(raw) > MAX_FROM:
        return SenderReading(None, None, f"the From header is {len(raw)} characters long")
    try:
        found = email.utils.getaddresses([raw], strict=True)
    except TypeError:  # Python before 3.11.10 has no strict flag
        found = email.utils.getaddresses([raw])
    found = [(name, addr) for name, addr in found if name or addr]
    if len(found) != 1:
        return SenderReading(None, None, f"the From header names {len(found) or 'no'} addresses; one is allowed")
    name, addr = found[0]
    if _ENCODED_WORD.search(_address_part(raw)) or _ENCODED_WORD.search(addr):
        return SenderReading(None, None, "the From address is RFC 2047-encoded, which mail addresses may not be")
    if not _PLAIN.fullmatch(addr or ""):
        return SenderReading(None, None, f"the From header holds no plain address: {raw[:120]!r}")
    name = decode(name).strip().strip('"').strip() if name else None
    return SenderReading(normal_address(addr), name or None)


def _address_part(raw: str) -> str:
    """The text inside <...> when there is one, else the whole value."""
    match = re.search(r"<([^<>]*)>\s*$", raw)
    return match[1] if match else raw


def return_path_address(value: str | None) -> str | None:
    """The SMTP envelope sender from the top Return-Path: "" for the null sender `<>`."""
    if value is None:
        return None
    text = _FOLD.sub(" ", str(value)).strip()
    if text in ("<>", ""):
        return ""
    addr = email.utils.parseaddr(text)[1]
    return normal_address(addr) if _PLAIN.fullmatch(addr or "") else ""


@dataclass(frozen=True)
class AuthVerdict:
    """One method's verdict in an Authentication-Results header."""

    authserv_id: str
    method: str  # spf | dkim | dmarc | ...
    result: str  # pass | fail | softfail | none | ...
    domain: str | None  # header.d / header.from / smtp.mailfrom: the domain the verdict is about


_COMMENT = re.compile(r"\([^()]*\)")
_METHOD = re.compile(r"^\s*([a-z0-9-]+)(?:/[0-9]+)?\s*=\s*([a-z]+)\b(.*)$", re.IGNORECASE | re.DOTALL)
_PROPERTY = re.compile(r"\b(header\.d|header\.i|header\.from|smtp\.mailfrom|smtp\.helo)\s*=\s*\"?([^\s;\"]+)",
                       re.IGNORECASE)


def read_auth_results(values: list[str]) -> list[AuthVerdict]:
    """Every method verdict of every Authentication-Results header, whole."""
    verdicts = []
    for value in values:
        text = _FOLD.sub(" ", str(value))
        for _ in range(3):  # comments nest rarely and shallowly
            text = _COMMENT.sub(" ", text)
        serv, _, rest = text.partition(";")
        authserv_id = serv.strip().split()[0].lower() if serv.strip() else ""
        for clause in rest.split(";"):
            match = _METHOD.match(clause)
            if not match:
                continue
            props = {k.lower(): v for k, v in _PROPERTY.findall(match[3])}
            domain = (props.get("header.d") or props.get("header.from") or props.get("smtp.mailfrom")
                      or props.get("header.i"))
            if domain and "@" in domain:
                domain = domain.rsplit("@", 1)[1]
            verdicts.append(AuthVerdict(authserv_id, match[1].lower(), match[2].lower(),
                                        domain.lower().strip(".") if domain else None))
    return verdicts
