"""Procedure step 5 as domain operations: a shipment on its way.

- The carrier's tracking (fetched by tracking/, passed in): new events go on
  the shipment; an exception (疑难, 退签, 退回, 拒签, or an estimated arrival
  after the agreed window) tells logistics and the rep at once, with the
  carrier's words, and gives logistics 2 hours to answer (the timer reminds,
  then the sales manager).
- Logistics' 延迟:原因 预计送达:DATE goes to the customer as the delay notice
  with the new date; the window and the estimated arrival move.
- A tracking service that keeps failing for a shipment is reported to
  logistics once, after a day.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from orders.master import MasterData
from orders.model import SYSTEM, Order
from orders.notice import Notice, Outcome
from orders.review import rep_and_customer, sales_rep
from orders.status import Status
from orders.tracking import exception_in, failure_to_report, merge_events, record_failure
from orders.workdays import working_deadline

__all__ = ["apply_tracking", "tracking_failed", "delay_reply", "DeliveryRefused", "EXCEPTION_WINDOW",
           "set_arrival_reminder", "arrival_reminder"]

EXCEPTION_WINDOW = timedelta(hours=2)  # 物流异常需在2小时内响应


class DeliveryRefused(ValueError):
    """Why a delivery answer cannot be taken; said to the sender."""


def apply_tracking(order: Order, *, events, state: str | None, estimated_arrival: date | None, at: datetime,
                   master: MasterData) -> Outcome:
    """One answer of the tracking service for a shipped order."""
    shipment = order.shipment
    failure, shipment.tracking_failure = shipment.tracking_failure, None  # it answers again
    new = merge_events(shipment, events, state)
    moved = estimated_arrival is not None and estimated_arrival != order.estimated_arrival_date
    if moved:
        order.estimated_arrival_date = estimated_arrival
        set_arrival_reminder(order, at)
    words = exception_in(shipment, new, estimated_arrival)
    if any(event.state == "3" for event in new) or (new and state == "3"):
        # The carrier's 签收 is noted; delivery is proven by the signed form, which the rep chases in 2 working days.
        order.note("note", at=at, actor=SYSTEM, reason="the carrier reports 签收; the signed 签收单 is still asked for")
        if order.timer("signoff") is None:
            order.start_timer("signoff", working_deadline(at, 2), timedelta(days=1), role="rep")
    if not new and words is None:
        return Outcome(order, acted=failure is not None or moved, note="no news from the carrier")
    order.note("note", at=at, actor=SYSTEM,
               reason=f"carrier: {len(new)} new event(s)" + (f", latest: {new[-1].text}" if new else "")
               + (f"; tracking answers again after {failure.tries} failure(s)" if failure else ""))
    if words is None:
        return Outcome(order, note=f"{len(new)} carrier event(s)")
    order.start_timer("exception", at + EXCEPTION_WINDOW, EXCEPTION_WINDOW, role="logistics")
    order.note("note", at=at, actor=SYSTEM, reason=f"carrier exception: {words}; logistics has 2 h to answer")
    people = [(m.email, "logistics") for m in master.staff_with_role("logistics")]
    rep = sales_rep(order, master)
    people += [(rep, "rep")] if rep else []
    return Outcome(order, [Notice("carrier_exception", order.order_no, to, None, audience=audience, reason=words)
                           for to, audience in people], note=f"carrier exception: {words}")


def tracking_failed(order: Order, *, kind: str, detail: str, at: datetime, master: MasterData) -> Outcome:
    """A failed query: recorded (and retried next poll); after a day, logistics is told once."""
    record_failure(order.shipment, kind, detail, at)
    failure = failure_to_report(order.shipment, at)
    if failure is None:
        return Outcome(order, note=f"tracking failed ({kind}): retried next poll")
    order.note("note", at=at, actor=SYSTEM,
               reason=f"tracking has failed since {failure.since.isoformat()} ({failure.tries} tries, {kind}: "
                      f"{detail}): logistics told")
    return Outcome(order, [Notice("tracking_down", order.order_no, m.email, None, audience="logistics",
                                  reason=f"{kind}: {detail}") for m in master.staff_with_role("logistics")],
                   note="tracking failing for a day: logistics told")


def delay_reply(order: Order, *, reason: str | None, new_date: date | None, sender: str, at: datetime,
                message_id: str | None, master: MasterData) -> Outcome:
    """Logistics' 延迟:原因 预计送达:DATE: the customer is told, with the new date and what is being done."""
    if order.status != Status.SHIPPED or order.shipment is None:
        raise DeliveryRefused(f"{order.order_no} 不在运输中 / is not on its way (it is {order.status.label})")
    if new_date is None:
        raise DeliveryRefused("延迟回复需写明预计送达日期 / a delay needs the new date: 延迟:原因 预计送达:2023-10-18")
    if new_date < at.date():
        raise DeliveryRefused(f"预计送达 {new_date} 已过 / the new date {new_date} has passed")
    shipment = order.shipment
    shift = (new_date - shipment.window_start).days if shipment.window_start else 0
    shipment.window_start = new_date
    shipment.window_end = max(new_date, (shipment.window_end or new_date) + timedelta(days=max(shift, 0)))
    order.estimated_arrival_date = new_date
    order.stop_timer("exception")
    set_arrival_reminder(order, at)
    order.join_thread(message_id)
    order.note("note", at=at, actor=sender, message_id=message_id,
               reason=f"delay: {reason or 'no reason given'}; new date {new_date}, window {shipment.window_start} – "
                      f"{shipment.window_end}")
    return Outcome(order, [Notice("delay_notice", order.order_no, to, message_id, audience=audience,
                                  reason=reason) for to, audience in rep_and_customer(order, master)],
                   note=f"delay to {new_date}: the customer is told")


REMIND_AT = time(9, 0)  # the day before arrival, in the morning


def set_arrival_reminder(order: Order, at: datetime) -> None:
    """The customer's reminder the day before the goods arrive: the estimated arrival,
    else the window's first day; moved when either moves, never into the past."""
    shipment = order.shipment
    arrival = order.estimated_arrival_date or (shipment.window_start if shipment else None)
    if arrival is None:
        return
    due = datetime.combine(arrival - timedelta(days=1), REMIND_AT, at.tzinfo)
    order.start_timer("arrival", max(due, at), timedelta(days=1), role="customer")


def arrival_reminder(order: Order, at: datetime) -> list[Notice]:
    """Its timer fired: the customer gets the reminder with the 签收单, once."""
    order.stop_timer("arrival")
    if order.status != Status.SHIPPED or not order.reply_to:
        return []
    order.note("note", at=at, actor=SYSTEM, reason="the day before arrival: the customer is reminded, with the 签收单")
    return [Notice("arrival_reminder", order.order_no, order.reply_to, None)]
