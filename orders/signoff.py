"""Proof of delivery (procedure step 5): the signed 签收单 the customer, or
logistics forwarding it, sends back as a photo or a scan.

A file counts as the signed form only when it is an image or a PDF that can
be read: a photo under 600 px on its short side is too small to read a
signature or a remark on. What the file is comes from its bytes, never from
its name or declared type (parsers.scans reads them; this module only
judges what was read). The carrier's 签收 and a text 已签收 are noted on the
delivery record but prove nothing alone.

Pure: no bytes here, only what was read from them.
"""
from __future__ import annotations

import re
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

__all__ = ["Scan", "SignedForm", "Remark", "Delivery", "MIN_SHORT_SIDE", "readable_scan", "ACCEPTED"]

MIN_SHORT_SIDE = 600  # px: below this a signature and a handwritten remark cannot be read
ACCEPTED = "JPG, PNG, HEIC, TIFF, WebP or PDF"  # what the sender is told to send


class Scan(BaseModel):
    """One attachment of a reply, as read from its bytes."""

    filename: str
    declared_type: str  # what the mail said it is
    size: int
    sha256: str
    kind: Literal["image", "pdf"] | None = None  # what the bytes are; None: neither
    format: str | None = None  # JPEG, PNG, HEIF, PDF ...
    width: int | None = None  # px (a PDF: its largest scanned image)
    height: int | None = None
    pages: int | None = None
    problem: str | None = None  # why it cannot be taken as the signed form, in words for the sender

    @property
    def extension(self) -> str:
        return {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "HEIF": "heic", "TIFF": "tif", "WEBP": "webp", "PDF": "pdf",
                "GIF": "gif", "BMP": "bmp"}.get((self.format or "").upper(), "bin")


_FORM_NAME = re.compile(r"签收|簽收|回单|回單|签字|sign|\bpod\b|delivery", re.IGNORECASE)


def readable_scan(scans: list[Scan]) -> Scan | None:
    """The attachment that is the signed form, readable: one named as the form (签收单.jpg,
    signed_POD.pdf) if any, else a PDF, else the largest image (a damage photo beside it is smaller)."""
    good = [scan for scan in scans if scan.problem is None and scan.kind is not None]
    named = [scan for scan in good if _FORM_NAME.search(scan.filename)]
    pdfs = [scan for scan in named or good if scan.kind == "pdf"]
    if pdfs:
        return pdfs[0]
    return max(named or good, key=lambda scan: min(scan.width or 0, scan.height or 0), default=None)


class SignedForm(BaseModel):
    """The signed 签收单 on file: kept in the order's archive under `file`, with its checksum."""

    file: str  # the name in the order's archive folder
    sha256: str
    format: str | None = None
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    size: int
    original_name: str
    sender: str
    message_id: str | None = None
    received_at: datetime


class Remark(BaseModel):
    """Damage, shortage or a wrong model, in the words of whoever wrote it."""

    text: str
    by: str
    at: datetime


class Delivery(BaseModel):
    """What is known of the goods' arrival: the carrier's 签收, the customer's word, the form."""

    carrier_signed_at: datetime | None = None
    customer_said_at: datetime | None = None  # a text 已签收 without the form
    form: SignedForm | None = None
    remarks: list[Remark] = Field(default_factory=list)
    scans_refused: int = 0  # replies whose attachments could not be taken
