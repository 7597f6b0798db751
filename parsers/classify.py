"""What kind of message this is: bounce, auto-reply, list mail, reply, order, other.

The order of the checks is the order of the rules that keep the pipeline from
looping: a bounce or an auto-reply is never answered, even when it quotes an
order number; list and bulk mail is "other" whatever it says; then a message
in one of our threads is a reply; then a new message that reads as an order.
"""
from __future__ import annotations

import re

from parsers.message import MailMessage
from parsers.order_text import Pair
from parsers.result import Envelope, Kind

__all__ = ["classify", "kind_from_headers", "order_no_from_subject", "order_no_from_ids", "thread_order_no",
           "looks_like_order"]

ORDER_TAG_RE = re.compile(r"\[(SO\d{10,})\]", re.IGNORECASE)
# The pipeline's own Message-IDs: <SO2023100001.<purpose>.<hex>@domain>.
OUR_MESSAGE_ID_RE = re.compile(r"^<?(SO\d{10,})\.[^@<>]*@[^<>]+>?$", re.IGNORECASE)

_DAEMON_RE = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.IGNORECASE)
_FAILURE_SUBJECT_RE = re.compile(
    r"undeliver|undelivered|delivery (?:status notification|failure|has failed|failed|problem)"
    r"|failure notice|returned mail|mail delivery (?:failed|failure|subsystem)|could not be delivered"
    r"|non-?delivery|delivery incomplete|退信|投递失败|发送失败|无法投递|未能送达|退回",
    re.IGNORECASE)
_AUTO_SUBJECT_RE = re.compile(
    r"自动回复|自动答复|自动回覆|休假|不在办公室|Auto[- ]?Reply|Auto[- ]?Response|Autoreply"
    r"|Out of (?:the )?Office|Automatic reply|Abwesenheit|On vacation|Vacation reply",
    re.IGNORECASE)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})
_ORDER_SUBJECT_RE = re.compile(
    r"订单|订购|采购|下单|订货|\border\b|\bpurchase\s+order\b|\bPO\b|\bP\.O\.", re.IGNORECASE)
_LINE_CORE = frozenset({"sku", "name", "quantity"})
# A request for a quotation names products and quantities too, but orders nothing yet.
_ENQUIRY_SUBJECT_RE = re.compile(r"询价|报价|询盘|\bRFQ\b|quotation|request for (?:a )?quote|price enquiry|price inquiry",
                                 re.IGNORECASE)


def order_no_from_subject(subject: str) -> str | None:
    found = ORDER_TAG_RE.search(subject or "")
    return found.group(1).upper() if found else None


def order_no_from_ids(ids: list[str]) -> str | None:
    """The order number of the newest of our own Message-IDs in the list."""
    for message_id in reversed(ids):
        found = OUR_MESSAGE_ID_RE.match(message_id.strip())
        if found:
            return found.group(1).upper()
    return None


def thread_order_no(envelope: Envelope) -> str | None:
    """Subject tag first, then In-Reply-To, then References."""
    return (order_no_from_subject(envelope.subject) or order_no_from_ids(envelope.in_reply_to)
            or order_no_from_ids(envelope.references))


def _is_bounce(mail: MailMessage) -> bool:
    if mail.content_type == "multipart/report" and (mail.report_type or "").lower() == "delivery-status":
        return True
    if "message/delivery-status" in mail.part_types or mail.header("x-failed-recipients"):
        return True
    return bool(_DAEMON_RE.match(mail.envelope.sender or "")
                and _FAILURE_SUBJECT_RE.search(mail.envelope.subject))


def _is_auto_reply(mail: MailMessage) -> bool:
    auto_submitted = mail.header("auto-submitted").strip().lower()
    if auto_submitted and auto_submitted != "no":
        return True
    if mail.header("x-autoreply") or mail.header("x-autorespond") or mail.header("x-autoresponder"):
        return True
    if mail.header("precedence").strip().lower() == "auto_reply":
        return True
    if mail.content_type == "multipart/report" or "message/disposition-notification" in mail.part_types:
        return True  # a read receipt or another machine report: never answered
    return bool(_AUTO_SUBJECT_RE.search(mail.envelope.subject))


def _is_list_mail(mail: MailMessage) -> bool:
    if mail.header("precedence").strip().lower() in _BULK_PRECEDENCE:
        return True
    return bool(mail.header("list-id") or mail.header("list-unsubscribe"))


def looks_like_order(pairs: list[Pair], subject: str) -> bool:
    """An item label with a value and one more order label with a value, or an
    order word in the subject and an item label with a value; not a request
    for a quotation (询价, RFQ) unless its subject also says order."""
    filled = {pair.label.field for pair in pairs if pair.value and pair.label.field not in ("ignore", "line")}
    if not filled & _LINE_CORE:
        return False
    ordered = bool(_ORDER_SUBJECT_RE.search(subject or ""))
    if _ENQUIRY_SUBJECT_RE.search(subject or "") and not ordered:
        return False
    return len(filled) >= 2 or ordered


def kind_from_headers(mail: MailMessage) -> Kind | None:
    """The kind the headers decide (bounce, auto-reply, list mail, reply), or
    None when only the body can tell an order from other mail."""
    if _is_bounce(mail):
        return "bounce"
    if _is_auto_reply(mail):
        return "auto_reply"
    if _is_list_mail(mail):
        return "other"
    if thread_order_no(mail.envelope):
        return "reply"
    return None


def classify(mail: MailMessage, pairs: list[Pair]) -> Kind:
    """The kind of message, given the label:value pairs of its body."""
    kind = kind_from_headers(mail)
    if kind is not None:
        return kind
    return "order" if looks_like_order(pairs, mail.envelope.subject) else "other"
