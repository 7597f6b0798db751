"""Build the messages orderloop sends: deterministic bytes with threading headers.

The pipeline stores the bytes it means to send and a retry sends those bytes
again, so the same inputs must give the same bytes: the Date comes from the
caller and the MIME boundaries from the Message-ID, never from a random source.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from email import policy as email_policy
from email.encoders import encode_base64
from email.header import Header
from email.message import Message
from email.mime.base import MIMEBase
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr, getaddresses

from .addresses import wire_address

__all__ = ["make_message_id", "build_message", "add_attachments", "Attachment"]

Attachment = tuple[str, str, bytes]  # (filename, content type, content)

_ATOM = re.compile(r"^[A-Za-z0-9_+-]+(\.[A-Za-z0-9_+-]+)*$")
_DOMAIN = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$")


def make_message_id(order_no: str | None, purpose: str, seed: str, domain: str) -> str:
    """`<SO2023100001.clarification.1a2b3c4d5e6f@domain>`, the same for the same seed.

    The seed names the event that causes the message (say order number, step
    and version), so a retried send reuses the id and receivers can de-duplicate.
    """
    prefix = order_no or "orderloop"
    for part in (prefix, purpose):
        if not _ATOM.match(part):
            raise ValueError(f"not usable in a Message-ID: {part!r}")
    if not _DOMAIN.match(domain):
        raise ValueError(f"not a domain: {domain!r}")
    digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:12]
    return f"<{prefix}.{purpose}.{digest}@{domain}>"


def _fold_ids(ids: str, name: str, width: int = 76) -> str:
    """In-Reply-To and References folded between ids, never encoded: a long
    thread encoded as RFC 2047 words would no longer read as message ids."""
    lines, line = [], ""
    for msg_id in ids.split():
        if line and len(name) + 2 + len(line) + 1 + len(msg_id) > width:
            lines.append(line)
            line = ""
        line = f"{line} {msg_id}".strip()
    lines.append(line)
    return "\r\n ".join(lines)


def _address_list(addresses: Sequence[str] | str) -> str:
    """Addresses with any non-ASCII display name RFC 2047-encoded and any
    Unicode domain in its IDNA form; a Unicode local part, which has no
    ASCII form, is written as UTF-8 (RFC 6532: only SMTPUTF8 carries it)."""
    values = [addresses] if isinstance(addresses, str) else list(addresses)
    return ", ".join(_address(name, wire_address(address)) for name, address in getaddresses(values))


def _address(name: str, address: str) -> str:
    if address.isascii():
        return formataddr((name, address), charset="utf-8")
    if not name:
        return address
    placeholder = " <a@b>"  # formataddr refuses a non-ASCII address: encode the name alone
    return f"{formataddr((name, placeholder[2:-1]), charset='utf-8')[:-len(placeholder)]} <{address}>"


def _text_header(value: str, name: str) -> str:
    if value.isascii():
        return value
    return Header(value, "utf-8", maxlinelen=76, header_name=name).encode(linesep="\r\n")


# compat32 with CRLF: the email package's modern policy builds the same bytes
# but parses every header it sets, eight times slower (3.6 ms a message).
_POLICY = email_policy.compat32.clone(linesep="\r\n", max_line_length=998)  # we fold ourselves


def build_message(
    *,
    sender: str,
    recipients: Sequence[str],
    subject: str,
    text: str,
    html: str | None = None,
    message_id: str,
    in_reply_to: str | None = None,
    references: Iterable[str] = (),
    date: datetime,
    attachments: Iterable[Attachment] = (),
    attach_later: bool = False,
    extra_headers: Mapping[str, str] | None = None,
) -> bytes:
    """An RFC 5322 message (CRLF line ends) ready for `Mailer.send`.

    text alone is text/plain; with html it is multipart/alternative; with
    attachments the body is wrapped in multipart/mixed. `date` must carry a
    timezone. `extra_headers` replace headers of the same name.

    `attach_later` builds the message a PDF will join once it is rendered
    (flows/outgoing.py): the multipart/mixed of a message with attachments,
    holding the body alone; `add_attachments` then gives the very bytes
    build_message would have given with the attachments.

    Every message says `Auto-Submitted: auto-generated` (RFC 3834). Some of
    ours answer a customer's mail, but most are not replies at all (approval
    requests, reminders, surveys, notices of a status change); what matters is
    that vacation responders, ticket systems and other robots see that no
    human wrote it and do not answer, which both values achieve. One value
    keeps the rule simple. `X-Auto-Response-Suppress: All` asks the same of
    Exchange, which ignores Auto-Submitted.
    """
    if date.tzinfo is None:
        raise ValueError("date needs a timezone")
    headers = {"From": _address_list(sender), "To": _address_list(recipients)}
    headers["Subject"] = _text_header(subject, "Subject")
    headers["Date"] = format_datetime(date)
    headers["Message-ID"] = message_id
    if in_reply_to:
        headers["In-Reply-To"] = _fold_ids(in_reply_to, "In-Reply-To")
    refs = " ".join(references)
    if refs:
        headers["References"] = _fold_ids(refs, "References")
    headers["Auto-Submitted"] = "auto-generated"
    headers["X-Auto-Response-Suppress"] = "All"
    for name, value in (extra_headers or {}).items():
        headers = {k: v for k, v in headers.items() if k.casefold() != name.casefold()}
        headers[name] = _text_header(value, name)
    # The header block is written here, already encoded and folded: the email
    # package would re-fold every header through Header(), half the cost of a
    # message. Only the MIME body (with its Content-Type) comes from it.
    body = _body(text, html, list(attachments), message_id, mixed=attach_later).as_bytes(policy=_POLICY)
    # ASCII, except an address whose local part is Unicode (UTF-8, RFC 6532).
    return "".join(f"{name}: {value}\r\n" for name, value in headers.items()).encode("utf-8") + body


def add_attachments(raw: bytes, message_id: str, attachments: Iterable[Attachment]) -> bytes:
    """A message built with `attach_later` (or with attachments already) with
    these attachments added after the others: the bytes build_message gives
    with all of them, headers, body and boundaries unchanged."""
    boundary = _boundary(message_id, 0)
    closing = f"\r\n--{boundary}--\r\n".encode("ascii")
    mixed = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n'.encode("ascii")
    if mixed not in raw[:raw.find(b"\r\n\r\n") + 2] or not raw.endswith(closing):
        raise ValueError(f"{message_id}: not a message built to take attachments (attach_later)")
    parts = b"".join(closing[:-4] + b"\r\n" + _attachment(*attachment).as_bytes(policy=_POLICY)
                     for attachment in attachments)
    return raw[:-len(closing)] + parts + closing


def _boundary(message_id: str, depth: int) -> str:
    # Derived from the Message-ID: stable across retries, and unknown to
    # whoever wrote the text, so a body line cannot collide with it by design.
    digest = hashlib.sha256(f"{message_id}/{depth}".encode()).hexdigest()[:24]
    return f"=_ol{depth}_{digest}"


def _text_part(content: str, subtype: str) -> MIMEText:
    # Base64 for anything not ASCII: 7-bit output no relay has to downgrade,
    # so the stored bytes stay the sent bytes.
    return MIMEText(content, subtype, "us-ascii" if content.isascii() else "utf-8")


def _without_mime_version(part: Message) -> Message:
    del part["MIME-Version"]  # the stdlib repeats it on every part; once at the top is enough
    return part


def _body(text: str, html: str | None, attachments: list[Attachment], message_id: str, *,
          mixed: bool = False) -> Message:
    """The MIME body; `mixed`: the multipart/mixed of a message with
    attachments even when there are none yet."""
    mixed = mixed or bool(attachments)
    body: Message = _text_part(text, "plain")
    if html is not None:
        parts = [_without_mime_version(body), _without_mime_version(_text_part(html, "html"))]
        body = MIMEMultipart("alternative", _subparts=parts, boundary=_boundary(message_id, 1 if mixed else 0))
    if not mixed:
        return body
    wrapper = MIMEMultipart("mixed", _subparts=[_without_mime_version(body)], boundary=_boundary(message_id, 0))
    for attachment in attachments:
        wrapper.attach(_attachment(*attachment))
    return wrapper


def _attachment(filename: str, content_type: str, content: bytes) -> Message:
    maintype, _, subtype = content_type.partition("/")
    part = MIMEBase(maintype, subtype or "octet-stream")
    part.set_payload(content)
    encode_base64(part)
    name = filename if filename.isascii() else ("utf-8", "", filename)
    part.add_header("Content-Disposition", "attachment", filename=name)
    return _without_mime_version(part)
