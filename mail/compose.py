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
from email.headerregistry import HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.utils import format_datetime

__all__ = ["make_message_id", "build_message", "Attachment"]

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


class _MessageIdListHeader(UnstructuredHeader):
    """In-Reply-To and References folded between ids, never encoded.

    The stdlib treats these as unstructured text and turns a long line into
    RFC 2047 encoded words, which no mail client reads as message ids: the
    thread would break exactly when it grows long.
    """

    def fold(self, *, policy):
        lines, line, ids_on_line = [], f"{self.name}:", 0
        for msg_id in str(self).split():
            if ids_on_line and len(line) + 1 + len(msg_id) > policy.max_line_length:
                lines.append(line)
                line, ids_on_line = "", 0
            line += " " + msg_id
            ids_on_line += 1
        lines.append(line)
        return policy.linesep.join(lines) + policy.linesep


def _policy() -> email_policy.EmailPolicy:
    registry = HeaderRegistry()
    registry.map_to_type("in-reply-to", _MessageIdListHeader)
    registry.map_to_type("references", _MessageIdListHeader)
    # cte_type 7bit: bodies go out as base64 or quoted-printable, so no relay
    # has to downgrade 8-bit content and the stored bytes stay the sent bytes.
    return email_policy.SMTP.clone(cte_type="7bit", header_factory=registry)


_POLICY = _policy()


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
    extra_headers: Mapping[str, str] | None = None,
    cc: Sequence[str] = (),
    reply_to: str | None = None,
) -> bytes:
    """An RFC 5322 message (CRLF line ends) ready for `Mailer.send`.

    text alone is text/plain; with html it is multipart/alternative; with
    attachments the body is wrapped in multipart/mixed. `date` must carry a
    timezone. `extra_headers` replace headers of the same name.

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
    msg = EmailMessage(policy=_POLICY)
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    if cc:
        msg["Cc"] = ", ".join(cc)
    if reply_to:
        msg["Reply-To"] = reply_to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date)
    msg["Message-ID"] = message_id
    if in_reply_to:
        msg["In-Reply-To"] = in_reply_to
    refs = " ".join(references)
    if refs:
        msg["References"] = refs
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"
    for name, value in (extra_headers or {}).items():
        del msg[name]
        msg[name] = value
    _set_body(msg, text, html, attachments)
    _fix_boundaries(msg, message_id)
    return msg.as_bytes()


def _set_body(msg: EmailMessage, text: str, html: str | None, attachments: Iterable[Attachment]) -> None:
    msg.set_content(text)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for filename, content_type, content in attachments:
        maintype, _, subtype = content_type.partition("/")
        msg.add_attachment(content, maintype=maintype, subtype=subtype or "octet-stream", filename=filename)


def _fix_boundaries(msg: EmailMessage, message_id: str) -> None:
    # Derived from the Message-ID: stable across retries, and unknown to
    # whoever wrote the text, so a body line cannot collide with it by design.
    for depth, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        digest = hashlib.sha256(f"{message_id}/{depth}".encode()).hexdigest()[:24]
        part.set_boundary(f"=_ol{depth}_{digest}")
    for part in msg.walk():
        if part is not msg:
            del part["MIME-Version"]  # the stdlib repeats it on parts it adds
