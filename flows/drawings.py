"""The customer's own attachments (drawings, specifications) for tech and
production: read back from the order's archived emails, where the intake
filed them, so they travel with the feasibility check and the production
request as the customer sent them.

Only the files the order lists (Order.attachments: what the parser kept of the
customer's mail) are taken, once each, up to MAX_BYTES in all; the rest is
named in the mail, not attached.
"""
from __future__ import annotations

import email
import email.policy
import logging

from mail.compose import Attachment
from orders.model import Order
from store.documents import DocumentArchive

from flows.settings import Settings

log = logging.getLogger("orderloop.documents")
MAX_BYTES = 15 * 1024 * 1024  # what mail servers take in one message, with room for the PDF


def mail_parts(raw: bytes, where: str) -> list:
    """The leaf parts of an email the pipeline has read before (it was parsed once already):
    a library's hiccup on it is logged and yields none, so the rest still goes."""
    try:
        message = email.message_from_bytes(raw, policy=email.policy.default)
        return [part for part in message.walk() if not part.is_multipart()]
    except Exception as exc:
        log.warning("%s: attachments not readable (%s)", where, exc)
        return []


def customer_drawings(settings: Settings, order: Order) -> list[Attachment]:
    wanted = {attachment.filename for attachment in order.attachments}
    if not wanted:
        return []
    folder = DocumentArchive(settings.archive_dir).folder(order.order_no) / "mail"
    found: dict[str, Attachment] = {}
    total = 0
    for path in sorted(folder.glob("*.eml")) if folder.is_dir() else ():
        for part in mail_parts(path.read_bytes(), str(path)):
            name = part.get_filename()
            if name not in wanted or name in found:
                continue
            content = part.get_payload(decode=True) or b""
            if total + len(content) > MAX_BYTES:
                log.warning("%s of %s not attached: over %d bytes in all", name, order.order_no, MAX_BYTES)
                continue
            found[name] = (name, part.get_content_type(), content)
            total += len(content)
    return list(found.values())
