"""Carrier tracking (procedure step 5): what a tracking service says about one
shipment, behind a small interface so the pipeline does not care which service
answers.

A `TrackingService` takes a carrier code (Kuaidi100's `com`, see
orders/carriers.py), a tracking number and optionally the consignee's phone, and
returns a `TrackingResult`: the overall state code, whether it is signed for,
the carrier's events oldest first, and the estimated arrival when the service
gives one. Anything that goes wrong is a `TrackingError` with a `kind` the
caller can record and retry on; the pipeline never sees an HTTP exception.

Pure of the rest of the pipeline: no settings, no store, no mail.
tracking/kuaidi100.py is the Kuaidi100 implementation.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

__all__ = ["CarrierEvent", "TrackingResult", "TrackingError", "TrackingService", "ERROR_KINDS"]

# unreachable: connection refused, DNS, the service's own server errors
# timeout: no answer in time; garbage: not JSON, or not the shape expected
# rejected: the service refuses our signature, account or request
# unknown_number: the service has no such shipment (yet)
ERROR_KINDS = frozenset({"unreachable", "timeout", "garbage", "rejected", "unknown_number"})


@dataclass(frozen=True)
class CarrierEvent:
    """One event of the carrier's: when, where (if the service says), what, and its state code."""

    at: datetime  # timezone-aware; Asia/Shanghai when the service gives no offset
    place: str | None
    text: str
    state: str | None  # Kuaidi100's state code as a string ("0", "3", "14"), or None


@dataclass(frozen=True)
class TrackingResult:
    state: str | None  # the overall state code ("0" 在途 … "3" 签收 … "14" 拒签), or None
    signed: bool  # state "3" (签收)
    events: tuple[CarrierEvent, ...]  # oldest first, no two with the same time and text
    estimated_arrival: date | None  # when the service gives one


class TrackingError(Exception):
    """A query that failed; `kind` is one of ERROR_KINDS. The message names the host and
    what was wrong, never the key."""

    def __init__(self, kind: str, message: str):
        if kind not in ERROR_KINDS:
            raise ValueError(f"unknown tracking error kind {kind!r}")
        super().__init__(message)
        self.kind = kind


class TrackingService(Protocol):
    def query(self, carrier_code: str, number: str, phone: str | None = None) -> TrackingResult: ...
