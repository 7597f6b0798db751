"""The shipment of an order (procedure steps 4–5): the delivery window agreed
with the customer, then the carrier, tracking number and packages logistics
reports, as the shipping note (发货单) shows them.

The window is proposed from the date the customer asked for (never before the
goods can leave), and the customer answers 确认 or another window. Logistics'
carrier is named as people write it and its tracking number is checked for
the carrier's shape (orders.carriers): a typo goes back to logistics.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from orders.carriers import carrier_named, check_tracking_number
from orders.tracking import TrackedEvent, TrackingFailure

__all__ = ["Shipment", "propose_window", "ShippingRefused", "carrier_and_number"]


class Shipment(BaseModel):
    """What the shipping note (发货单) says about the delivery; blank until logistics fills it in."""

    carrier: str | None = None
    carrier_code: str | None = None  # the tracking services' code (Kuaidi100 com), when the carrier is known
    tracking_no: str | None = None
    packages: int | None = None
    window_start: date | None = None  # the delivery window agreed with the customer
    window_end: date | None = None
    window_state: Literal["proposed", "agreed"] | None = None
    consignee: str | None = None  # default: the customer's contact
    shipped_at: datetime | None = None
    shipped_by: str | None = None
    # What the carrier's tracking says (orders/tracking.py, procedure step 5).
    events: list[TrackedEvent] = Field(default_factory=list)
    carrier_state: str | None = None  # Kuaidi100's state code: 0 在途 … 3 签收 … 14 拒签
    tracking_failure: TrackingFailure | None = None  # the service failing for this shipment, since when


class ShippingRefused(ValueError):
    """Why logistics' shipping reply cannot be taken; said back to logistics."""


def propose_window(requested: date | None, earliest: date) -> tuple[date, date]:
    """Two days from the date the customer asked for, or from the first day the goods can arrive."""
    start = max(requested or earliest, earliest)
    return start, start + timedelta(days=1)


def carrier_and_number(carrier_text: str | None, tracking_no: str | None) -> tuple[str, str | None, str]:
    """The carrier's name and code and the cleaned tracking number; ShippingRefused when either is wrong."""
    if not carrier_text:
        raise ShippingRefused("回复缺少承运商 / the reply names no carrier: 承运商:顺丰速运 运单号:SF1234567890123 件数:2")
    carrier = carrier_named(carrier_text)
    why = check_tracking_number(carrier, tracking_no or "")
    if why:
        raise ShippingRefused(why)
    number = "".join((tracking_no or "").split()).upper()
    return (carrier.name if carrier else carrier_text.strip()), (carrier.code if carrier else None), number
