"""Bytes of an email → a typed result: an order draft, a reply, an auto-reply,
a bounce or "other". Pure functions: no file or network I/O, and no exception
for any input (a message that cannot be read at all is "other" with a problem).

A message the parser refuses (a header over its cap, a text part labelled with
a codec that is no mail charset: parsers.message) or that runs out of memory is
"other" with a problem on the field "message", which the intake quarantines.
Time and memory are bounded from outside, by flows.parse_budget.

    parse_email(raw) -> ParseResult
    parse_order_text(text, reference_date=...) -> (OrderDraft, [Problem])
"""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache

from orders.model import OrderDraft, Problem
from parsers.classify import (buyer_orders, enquiry_subject, is_complete_order, kind_from_headers,
                              looks_like_order, new_order_in_thread, new_text, not_for_us, orders_again,
                              subject_orders)
from parsers.attachments import attachment_texts
from parsers.html_text import html_to_text
from parsers.labels import ITEM_FIELDS
from parsers.identity import fill_identity
from parsers.message import MailMessage, read_message
from parsers.order_text import Pair, build_draft, count_items, order_body, parse_order_text, read_pairs
from parsers.ordering import only_asks, places_order
from parsers.prose import prose_pairs
from parsers.quotes import forwarded_part
from parsers.reply import parse_reply
from parsers.result import Envelope, ParseResult, Reply
from parsers.scans import inspect_scan
from parsers.simplified import simplified

_TABLE_TAG = re.compile(r"<table", re.IGNORECASE)

__all__ = ["parse_email", "parse_order_text", "read_order_anyway", "ParseResult", "Envelope", "Reply", "OUT_OF_MEMORY"]

# The problem's detail when a parse raised MemoryError (under a memory budget, flows.parse_budget).
OUT_OF_MEMORY = "out of memory while parsing"
MAX_BODY = 6_000  # characters of an unplaced message's text kept for the rep


def _order_pairs(mail: MailMessage) -> tuple[list[Pair], str | None, bool]:
    """The label:value pairs of a new message, for a forwarded order the
    forwarded message's sender, and whether the pairs read as an order.

    Read in turn until one reads as an order: the subject and the new text;
    the HTML body when the plain one is a stub ("see the HTML version"); the
    forwarded message of a "Fwd:".
    """
    subject = mail.envelope.subject
    subject_pairs = read_pairs(subject)

    @cache
    def html_pairs() -> list[Pair]:  # read at most once, and only if needed
        return read_pairs(order_body(html_to_text(mail.html)))

    body = order_body(mail.text)
    labelled = _with_attachments(subject_pairs + _body_pairs(mail, body, html_pairs), mail)
    pairs = _with_prose(labelled, body)
    if looks_like_order(pairs, subject) and not _only_asked(labelled, body):
        return pairs, None, True
    if mail.html and not mail.from_html:
        candidate = subject_pairs + html_pairs()
        if looks_like_order(candidate, subject):
            return candidate, None, True
    if orders_again(simplified(body)):  # a repeat order: no items of its own, the clarification asks for them
        return pairs, None, True
    forwarded = forwarded_part(mail.text, subject)
    if forwarded:
        text, sender = forwarded
        forwarded_body = order_body(text)
        candidate = subject_pairs + _with_prose(read_pairs(forwarded_body), forwarded_body)  # "Fwd: 订单 NW-PO-5521"
        if looks_like_order(candidate, subject) or _places_order(forwarded_body, subject, candidate):
            return candidate, sender, True
    if _places_order(body, subject, pairs):  # its items written in a way no reader takes apart
        return pairs, None, True
    return pairs, None, False


def _only_asked(labelled: list[Pair], body: str) -> bool:
    """Items only the sentences name, each in a question or a supposition ("A产品要100台的话
    什么价？"): a price or stock question, not an order. (Labelled items are a form's.)"""
    if any(p.label.field in ITEM_FIELDS for p in labelled):
        return False
    return only_asks(simplified(body))


def _places_order(body: str, subject: str, pairs: list[Pair]) -> bool:
    text, subject = simplified(body), simplified(subject)
    if enquiry_subject(subject):
        return False
    return places_order(text, subject, pairs, ordering=buyer_orders(text) or subject_orders(subject))


def _body_pairs(mail: MailMessage, body: str, html_pairs: Callable[[], list[Pair]]) -> list[Pair]:
    """The plain body's pairs, or the HTML part's when its table gives more
    items (Gmail's plain part flattens a table and loses columns)."""
    pairs = read_pairs(body)
    if mail.html and not mail.from_html and _TABLE_TAG.search(mail.html):
        from_html = html_pairs()
        if count_items(from_html) > count_items(pairs):
            return from_html
    return pairs


def _with_attachments(pairs: list[Pair], mail: MailMessage) -> list[Pair]:
    """An attached order file's items replace any the body names ("品名：见附件");
    the body's other fields stay and come first."""
    attached = [pair for text in attachment_texts(mail) for pair in read_pairs(text)]
    if not any(p.label.field in ITEM_FIELDS for p in attached):
        return pairs + attached
    return [p for p in pairs if p.label.field not in ITEM_FIELDS] + attached


def _with_prose(pairs: list[Pair], body: str) -> list[Pair]:
    """Add what sentences say: the items too when no label named one, else
    only order-level facts ("Please deliver by the end of this month")."""
    has_items = any(p.label.field in ITEM_FIELDS for p in pairs)
    return pairs + prose_pairs(body, items=not has_items)


def read_order_anyway(text: str, reference_date: date | None = None) -> tuple[OrderDraft, list[Problem]]:
    """What an order reading finds in a text that did not read as an order
    (a rep said it is one): labelled pairs and sentences, for the questions."""
    body = order_body(text)
    return build_draft(_with_prose(read_pairs(body), body), reference_date=reference_date)


def _reference_date(mail: MailMessage) -> date | None:
    return mail.envelope.date.date() if mail.envelope.date else None


def _parse(raw: bytes) -> ParseResult:
    mail = read_message(raw)
    if mail.refused:
        return _unreadable(mail.refused, mail.envelope)
    kind = kind_from_headers(mail)
    if kind is None:  # only then is the body read for an order
        pairs, forwarded_from, is_order = _order_pairs(mail)
        kind = "order" if is_order else "other"
    elif kind == "reply" and new_order_in_thread(mail):  # a new order sent in an old order's thread
        pairs, forwarded_from, is_order = _order_pairs(mail)
        kind = "order" if is_order and is_complete_order(pairs) else "reply"
    result = ParseResult(kind=kind, envelope=mail.envelope)
    if kind in ("other", "order"):  # for a rep to read, should nobody else place it
        result.body = new_text(mail)[:MAX_BODY]
        result.bulk = kind == "other" and not_for_us(mail)
    if kind == "order":
        result.draft, result.problems = build_draft(pairs, reference_date=_reference_date(mail))
        result.draft.customer.email = result.draft.customer.email or forwarded_from
        fill_identity(result.draft, mail.text, mail.envelope)
        result.draft.attachments = mail.attachments
        order_files = {f.filename for f in mail.order_files}
        if any(d.filename not in order_files for d in mail.documents):  # a drawing may be attached
            result.problems = [p for p in result.problems if p.code != "needs_drawing"]
    elif kind == "reply":
        result.reply, result.problems = parse_reply(mail.text, mail.envelope, reference_date=_reference_date(mail),
                                                    attachments=mail.attachments)
        result.scans = [inspect_scan(a.filename, a.content_type, data) for a, data in mail.scan_files]
        if mail.attachments:  # a drawing sent in answer to 定制规格 travels with the answer
            result.reply.answer = result.reply.answer or OrderDraft()
            result.reply.answer.attachments = mail.attachments
    return result


def _unreadable(detail: str, envelope: Envelope | None = None) -> ParseResult:
    return ParseResult(kind="other", envelope=envelope or Envelope(),
                       problems=[Problem(field="message", code="invalid", detail=detail[:500])])


def parse_email(raw: bytes) -> ParseResult:
    """Classify and read one email. Never raises."""
    try:
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        return _parse(bytes(raw))
    except MemoryError:  # what the parse held is freed by now
        return _unreadable(OUT_OF_MEMORY)
    except Exception as exc:  # the contract: a result for every input, the bug reported in it
        return _unreadable(f"unreadable message ({type(exc).__name__}: {exc})")
