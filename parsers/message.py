"""Bytes of an email → its envelope, its body text and its attachments.

The structure comes from `email.message_from_bytes` with the default policy;
header values are decoded here from their raw text (RFC 2047 words, 8-bit
UTF-8 or GBK) so that a broken header costs its own value and nothing else.
Every decoding falls back to the declared charset, UTF-8 or GB18030 with
errors replaced: a message with broken MIME still yields what can be read.
"""
from __future__ import annotations

import email
import email.header
import email.headerregistry
import email.policy
import email.utils
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message

from orders.model import Attachment
from parsers.charsets import decode_bytes, install_aliases
from parsers.html_text import html_to_text
from parsers.result import Envelope

__all__ = ["MailMessage", "read_message", "decode_header_value"]

install_aliases()


class _CachedHeaderRegistry(email.headerregistry.HeaderRegistry):
    """The default policy's registry builds a new header class on every header
    lookup (a sixth of the parse); the class for a name never changes, so keep it."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type] = {}

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        found = self._classes.get(key)
        if found is None:
            found = self._classes[key] = super().__getitem__(name)
        return found


# email.policy.default in every respect but that cache.
POLICY = email.policy.default.clone(header_factory=_CachedHeaderRegistry())
MAX_DEPTH = 40  # nested multiparts deeper than this are not read (a crafted message could recurse)
MAX_HEADER = 8_000  # characters of a header value decoded; real ones are far shorter
_FOLD = re.compile(r"\r?\n[ \t]*+")
_MSG_ID = re.compile(r"<[^<>\s]+>")
_ADDRESS = re.compile(r"(?<![^\s<>\"'(),;:@])[^\s<>\"'(),;:@]+@[^\s<>\"'(),;:@]+")


@dataclass
class MailMessage:
    """A decoded email: what the classifier and the parsers read."""

    envelope: Envelope
    headers: dict[str, str]  # lower-case name → first raw value
    text: str = ""  # the body as plain text (from text/plain, else from text/html)
    from_html: bool = False
    html: str = ""  # the first HTML body, also when a plain one was preferred
    content_type: str = "text/plain"
    report_type: str | None = None
    part_types: set[str] = field(default_factory=set)
    attachments: list[Attachment] = field(default_factory=list)
    # Attachments sent as attachments (not inline pictures such as a logo in a signature).
    documents: list[Attachment] = field(default_factory=list)

    def header(self, name: str) -> str:
        """The first value of a header, decoded; "" when absent."""
        return decode_header_value(self.headers.get(name.lower()))


def _surrogates_to_text(value: str) -> str:
    # 8-bit header bytes arrive as surrogate escapes: read them as UTF-8 or GB18030.
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return decode_bytes(value.encode("utf-8", "surrogateescape"), "utf-8")


def decode_header_value(raw: str | None) -> str:
    """A header value with RFC 2047 words decoded; never raises."""
    if raw is None:
        return ""
    value = _surrogates_to_text(_FOLD.sub(" ", str(raw)[:MAX_HEADER])).strip()
    if "=?" not in value:
        return value
    try:
        chunks = email.header.decode_header(value)
    except Exception:  # a broken encoded word: keep the text as it stands
        return value
    parts = []
    for chunk, charset in chunks:
        if isinstance(chunk, bytes):
            parts.append(decode_bytes(chunk, charset) if charset else chunk.decode("raw-unicode-escape", "replace"))
        else:
            parts.append(chunk)
    return "".join(parts).strip()


def _raw_headers(msg: Message) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        key = str(name).strip().lower()
        if key not in headers:
            headers[key] = value if isinstance(value, str) else str(value)
    return headers


def _address(raw: str) -> tuple[str | None, str | None]:
    """(name, bare lower-case address) from a From or Reply-To value."""
    if not raw:
        return None, None
    try:
        name, addr = email.utils.parseaddr(_FOLD.sub(" ", raw[:MAX_HEADER]))
    except Exception:
        name, addr = "", ""
    if "@" not in addr:
        found = _ADDRESS.search(decode_header_value(raw))
        addr = found.group(0) if found else ""
    name = decode_header_value(name).strip().strip('"').strip() or None
    addr = decode_header_value(addr).strip().lower() or None
    return name, addr


def _date(raw: str) -> datetime | None:
    if not raw:
        return None
    try:
        found = email.utils.parsedate_to_datetime(decode_header_value(raw))
    except Exception:
        return None
    if found is None:
        return None
    return found if found.tzinfo else found.replace(tzinfo=timezone.utc)


def _envelope(raw: dict[str, str]) -> Envelope:
    message_id = decode_header_value(raw.get("message-id"))
    found = _MSG_ID.search(message_id)
    sender_name, sender = _address(raw.get("from", ""))
    return Envelope(
        message_id=found.group(0) if found else (message_id or None),
        in_reply_to=_MSG_ID.findall(decode_header_value(raw.get("in-reply-to"))),
        references=_MSG_ID.findall(decode_header_value(raw.get("references"))),
        subject=decode_header_value(raw.get("subject")),
        sender=sender,
        sender_name=sender_name,
        reply_to=_address(raw.get("reply-to", ""))[1],
        date=_date(raw.get("date", "")),
    )


def _safe(call, default):
    try:
        result = call()
    except Exception:
        return default
    return default if result is None else result


@dataclass
class _Part:
    """One content part, its MIME headers parsed once (each lookup in the
    default policy parses the header again, which costs more than the body)."""

    msg: Message
    ctype: str
    params: dict
    disposition: str | None
    filename: str | None


def _header_params(header) -> dict:
    params = _safe(lambda: dict(header.params), {})
    return {str(k).lower(): v for k, v in params.items()}


def _part(msg: Message) -> _Part:
    ctype_header = _safe(lambda: msg.get("content-type"), None)
    if ctype_header is None:
        ctype, params = _safe(msg.get_default_type, "text/plain"), {}
    else:
        ctype = str(ctype_header).split(";", 1)[0].strip().lower()
        ctype = ctype if ctype.count("/") == 1 else "text/plain"
        params = _header_params(ctype_header)
    disposition, filename = None, None
    disposition_header = _safe(lambda: msg.get("content-disposition"), None)
    if disposition_header is not None:
        disposition = str(disposition_header).split(";", 1)[0].strip().lower() or None
        filename = _header_params(disposition_header).get("filename")
    filename = filename or params.get("name")
    filename = decode_header_value(str(filename)).strip() if filename else None
    return _Part(msg, ctype, params, disposition, filename or None)


def _leaves(msg: Message, depth: int = 0, part: _Part | None = None):
    """The parts that hold content; attached messages are not opened."""
    if depth > MAX_DEPTH:
        return
    part = part or _part(msg)
    payload = _safe(msg.get_payload, None)
    if part.ctype.startswith("multipart/") and isinstance(payload, list):
        for sub in payload:
            if isinstance(sub, Message):
                yield from _leaves(sub, depth + 1)
        return
    yield part


def _payload_bytes(part: Message) -> bytes:
    data = _safe(lambda: part.get_payload(decode=True), b"")
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8", "surrogateescape")
    payload = _safe(part.get_payload, "")
    return str(payload).encode("utf-8", "surrogateescape") if not isinstance(payload, list) else b""


def _text_of(part: _Part) -> str:
    return decode_bytes(_payload_bytes(part.msg), part.params.get("charset"))


def _attachment(part: _Part, number: int) -> Attachment:
    if part.ctype.startswith("message/"):
        size = len(_safe(part.msg.as_bytes, b""))
        filename = part.filename or f"message-{number}.eml"
    else:
        size = len(_payload_bytes(part.msg))
        filename = part.filename or f"part-{number}.{part.ctype.split('/', 1)[-1] or 'bin'}"
    return Attachment(filename=filename, content_type=part.ctype, size=size)


def _read_parts(top: _Part, mail: MailMessage) -> None:
    plain: list[str] = []
    html: list[str] = []
    for number, part in enumerate(_leaves(top.msg, part=top), start=1):
        ctype = part.ctype
        mail.part_types.add(ctype)
        if ctype.startswith("message/") and ctype != "message/rfc822":
            continue  # delivery-status and disposition-notification reports: classify reads them
        is_text = ctype in ("text/plain", "text/html")
        if part.disposition == "attachment" or not is_text or (part.filename and part.disposition != "inline"):
            attachment = _attachment(part, number)
            mail.attachments.append(attachment)
            if part.disposition != "inline" and not ctype.startswith("message/"):
                mail.documents.append(attachment)
        elif ctype == "text/plain":
            plain.append(_text_of(part))
        else:
            html.append(_text_of(part))
    text = next((t for t in plain if t.strip()), "")
    mail.html = next((t for t in html if t.strip()), "")
    if not text and mail.html:
        text = html_to_text(mail.html)
        mail.from_html = True
    mail.text = text.replace("\r\n", "\n").replace("\r", "\n")


def read_message(raw: bytes) -> MailMessage:
    msg = email.message_from_bytes(raw, policy=POLICY)
    headers = _raw_headers(msg)
    mail = MailMessage(envelope=_envelope(headers), headers=headers)
    top = _part(msg)
    mail.content_type = top.ctype
    report_type = top.params.get("report-type")
    mail.report_type = str(report_type).strip().lower() if report_type else None
    _read_parts(top, mail)
    return mail
