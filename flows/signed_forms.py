"""The signed 签收单 into the order's archive: taken from the reply that
brought it, byte for byte, and named in the manifest with its checksum.

The order records which file it took (orders.signoff.SignedForm: its SHA-256);
the bytes come from the message itself when the batch is archived, after the
store committed. A crash in between leaves the message in the inbox; the next
poll finds it processed and files it, and the form, again.
"""
from __future__ import annotations

import email
import email.policy
import hashlib
import logging

from orders.model import Order

log = logging.getLogger("orderloop.documents")


def signed_form_file(order: Order | None, emails: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """{archive name: bytes} of the order's signed form if one of `emails` (key, raw) brought it."""
    form = order.delivery.form if order is not None and order.delivery is not None else None
    if form is None:
        return {}
    for key, raw in emails:
        if form.message_id is not None and key.split(" ")[0] != form.message_id:
            continue
        try:
            parts = [p for p in email.message_from_bytes(raw, policy=email.policy.default).walk()
                     if not p.is_multipart()]
            for part in parts:
                data = part.get_payload(decode=True)
                if data and hashlib.sha256(data).hexdigest() == form.sha256:
                    return {form.file: data}
        except Exception as exc:  # parsed once already: a library's hiccup is logged, the emails are still filed
            log.warning("%s: the signed form of %s not read back (%s)", key, order.order_no, exc)
    return {}
