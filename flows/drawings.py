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


def customer_drawings(settings: Settings, order: Order) -> list[Attachment]:
    wanted = {attachment.filename for attachment in order.attachments}
    if not wanted:
        return []
    folder = DocumentArchive(settings.archive_dir).folder(order.order_no) / "mail"
    found: dict[str, Attachment] = {}
    total = 0
    for path in sorted(folder.glob("*.eml")) if folder.is_dir() else ():
        try:
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            parts = list(message.iter_attachments())
        except Exception as exc:  # an archived mail that does not parse: named in the log, the rest still goes
            log.warning("%s: attachments not readable (%s)", path, exc)
            continue
        for part in parts:
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
