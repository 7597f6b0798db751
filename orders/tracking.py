"""What a carrier's tracking says about a shipment (procedure step 5), kept on
the shipment and judged: new events are added without duplicates, the
carrier's state is kept, and an exception is recognised so that logistics and
the rep can be told at once and logistics given its 2 hours to answer.

Kuaidi100's states (DESIGN.md): 0 在途, 1 揽收, 2 疑难, 3 签收, 4 退签, 5 派件,
6 退回, 14 拒签; 2, 4, 6 and 14 are exceptions. An estimated arrival after the
agreed window is one too.

Pure: the service's answer is passed in (tracking/ fetches it).
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from pydantic import BaseModel

if TYPE_CHECKING:
    from orders.shipment import Shipment

__all__ = ["TrackedEvent", "TrackingFailure", "STATES", "EXCEPTIONS", "merge_events", "exception_in",
           "record_failure", "failure_to_report", "REPORT_AFTER"]

STATES = {"0": "在途 in transit", "1": "揽收 picked up", "2": "疑难 problem", "3": "签收 delivered",
          "4": "退签 refused, returning", "5": "派件 out for delivery", "6": "退回 returned", "14": "拒签 refused"}
EXCEPTIONS = frozenset({"2", "4", "6", "14"})
REPORT_AFTER = timedelta(days=1)  # a tracking service down this long is reported to logistics, once


class TrackedEvent(BaseModel):
    """One event of the carrier's, as the tracking service gave it."""

    at: datetime
    place: str | None = None
    text: str
    state: str | None = None

    @property
    def key(self) -> tuple:
        return self.at, self.text.strip()


class TrackingFailure(BaseModel):
    """The tracking service has failed for this shipment since `since`; reported once."""

    since: datetime
    last_at: datetime
    kind: str  # unreachable | timeout | garbage | rejected | unknown_number
    detail: str
    tries: int = 1
    reported_at: datetime | None = None


def merge_events(shipment: Shipment, events, state: str | None) -> list[TrackedEvent]:
    """Add the events not on the shipment yet (oldest first); the new ones. The carrier's
    overall state is kept as the service gives it."""
    known = {event.key for event in shipment.events}
    new = []
    for event in sorted((TrackedEvent(at=e.at, place=e.place, text=e.text, state=e.state) for e in events),
                        key=lambda e: e.at):
        if event.key not in known:
            known.add(event.key)
            new.append(event)
    shipment.events.extend(new)
    shipment.events.sort(key=lambda e: e.at)
    if state is not None:
        shipment.carrier_state = state
    return new


def exception_in(shipment: Shipment, new: list[TrackedEvent], estimated_arrival: date | None) -> str | None:
    """The carrier's words for an exception this answer brings, or None: an exception
    state (疑难, 退签, 退回, 拒签) in a new event or as the overall state, or an estimated
    arrival after the agreed window."""
    for event in reversed(new):
        if event.state in EXCEPTIONS:
            return f"{STATES[event.state]}: {event.text}"
    if new and shipment.carrier_state in EXCEPTIONS:
        return f"{STATES[shipment.carrier_state]}: {new[-1].text}"
    if estimated_arrival and shipment.window_end and estimated_arrival > shipment.window_end:
        return (f"预计送达 {estimated_arrival} 晚于约定的 {shipment.window_end} / estimated arrival {estimated_arrival} "
                f"is after the agreed window ({shipment.window_end})")
    return None


def record_failure(shipment: Shipment, kind: str, detail: str, at: datetime) -> TrackingFailure:
    """A failed query: a running failure counts one more try, a new one starts."""
    failure = shipment.tracking_failure
    if failure is None:
        failure = shipment.tracking_failure = TrackingFailure(since=at, last_at=at, kind=kind, detail=detail)
    else:
        failure.last_at, failure.kind, failure.detail, failure.tries = at, kind, detail, failure.tries + 1
    return failure


def failure_to_report(shipment: Shipment, at: datetime) -> TrackingFailure | None:
    """A failure that has lasted a day and was not reported yet: report it now, once."""
    failure = shipment.tracking_failure
    if failure is None or failure.reported_at is not None or at - failure.since < REPORT_AFTER:
        return None
    failure.reported_at = at
    return failure
