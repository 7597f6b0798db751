"""Names the store files things under: keys, months, order numbers.

Both repositories use these, so the memory twin files a record in the same
month archive as TinyDB does.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

from orders.model import Event
from orders.text import normal_message_id  # noqa: F401  (the store keys threads by it)

# The natural key of each table; TinyDB's own document ids mean nothing outside
# one file, so every lookup goes through these.
KEYS = {
    "orders": "order_no",
    "processed": "key",
    "outbox": "message_id",
    "counters": "month",
    "pending_audit": "event_id",
    "held": "query_id",  # messages waiting for a rep's 是订单 / 不是 (flows.unplaced)
    "customers": "code",
    "products": "sku",
    "staff": "email",
    "stock": "sku",  # on hand and what each order holds (store.stock)
}

_ORDER_NO = re.compile(r"SO(\d{4})(0[1-9]|1[0-2])\d{4,}")


def format_order_no(month: date, seq: int) -> str:
    """SO + yyyymm + the sequence, 4 digits zero-padded; a 10,000th order gets 5 digits."""
    return f"SO{month:%Y%m}{seq:04d}"


def order_seq(order_no: str, month: str) -> int | None:
    """5 for SO2023100005 in month '202310'; None for another month's number or no number."""
    match = _ORDER_NO.fullmatch(order_no)
    return int(order_no[8:]) if match and order_no[2:8] == month else None


def order_month(order_no: str) -> str | None:
    """'2023-10' for SO2023100001; None for a number not issued by next_order_no."""
    match = _ORDER_NO.fullmatch(order_no)
    return f"{match[1]}-{match[2]}" if match else None


def order_sort_key(order_no: str) -> tuple[str, int, str]:
    # Within a month SO20231010000 comes after SO2023109999, which plain string
    # order gets wrong.
    return order_no[:8], len(order_no), order_no


def instant(value: datetime | str) -> datetime:
    """A comparable datetime; a naive one is taken as UTC so it can meet aware ones."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def month_of(value: datetime | str) -> str:
    return f"{instant(value):%Y-%m}"


def event_doc(event: Event) -> dict:
    """An audit line: the event as JSON with its id, so readers can dedupe."""
    return {"event_id": event.event_id, **event.model_dump(mode="json")}


def audit_month(doc: dict) -> str:
    # Never file an event before its order's month: audit_trail reads from the
    # order number's month onwards.
    return max(month_of(doc["at"]), order_month(doc["order_no"]) or "")

