"""The signed 签收单, and the photos of an after-sales case, into the order's
archive: taken from the reply that brought them, byte for byte, and named in
the manifest with their checksums (signoff/…, cases/<case_no>/…).

The order records which file it took (orders.signoff.SignedForm: its SHA-256);
the bytes come from the message itself when the batch is archived, after the
store committed. A crash in between leaves the message in the inbox; the next
poll finds it processed and files it, and the form, again.
"""
from __future__ import annotations

import hashlib
import re

from orders.model import Order

from flows.drawings import mail_parts

_SAFE = re.compile(r"[^\w.-]+")  # a customer's file name, as a file name in the archive


def customer_files(order: Order | None, emails: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """{archive name: bytes} of the signed form and the cases' photos that `emails` brought."""
    return signed_form_file(order, emails) | case_photos(order, emails)


def case_photos(order: Order | None, emails: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """Each case's photos, from the reply that opened it: cases/<case_no>/<name>."""
    found: dict[str, bytes] = {}
    for case in order.cases if order is not None else ():
        wanted = set(case.photos)
        for key, raw in emails if wanted and case.message_id else ():
            if key.split(" ")[0] != case.message_id:
                continue
            for part in mail_parts(raw, f"{key} of {order.order_no}"):
                name = part.get_filename()
                if name in wanted:
                    found[f"cases/{case.case_no}/{_SAFE.sub('_', name)[:120]}"] = part.get_payload(decode=True) or b""
    return found


def signed_form_file(order: Order | None, emails: list[tuple[str, bytes]]) -> dict[str, bytes]:
    """{archive name: bytes} of the order's signed form if one of `emails` (key, raw) brought it."""
    form = order.delivery.form if order is not None and order.delivery is not None else None
    if form is None:
        return {}
    for key, raw in emails:
        if form.message_id is not None and key.split(" ")[0] != form.message_id:
            continue
        for part in mail_parts(raw, f"{key} of {order.order_no}"):
            data = part.get_payload(decode=True)
            if data and hashlib.sha256(data).hexdigest() == form.sha256:
                return {form.file: data}
    return {}
