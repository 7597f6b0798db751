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
- Proof of delivery: the signed 签收单, read from a photo or scan, makes the
  order 已签收 (delivered); a file that cannot be read is refused and its
  sender asked again, saying why; the carrier's 签收 or a text 已签收 alone
  is noted and the form asked for. Remarks of damage, shortage or a wrong
  model are kept and open an after-sales case (orders/aftersales.py).
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from orders.aftersales import Remarks, open_case, open_cases
from orders.closure import start_after_delivery
from orders.master import MasterData
from orders.model import SYSTEM, Order
from orders.notice import Notice, Outcome
from orders.review import rep_and_customer, staff_and_rep
from orders.signoff import Delivery, Remark, Scan, SignedForm, readable_scan
from orders.status import Status
from orders.tracking import exception_in, failure_to_report, merge_events, record_failure
from orders.workdays import working_deadline

__all__ = ["apply_tracking", "tracking_failed", "delay_reply", "DeliveryRefused", "EXCEPTION_WINDOW",
           "set_arrival_reminder", "arrival_reminder", "signoff_reply", "SIGNOFF_CHASE_DAYS", "DELIVERING"]

EXCEPTION_WINDOW = timedelta(hours=2)  # 物流异常需在2小时内响应
# Where answers about the goods' arrival (the signed form, 已签收, remarks of damage) are taken.
DELIVERING = frozenset({Status.SHIPPED, Status.DELIVERED, Status.AFTER_SALES})


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
    asked = []
    signed = next((event for event in new if event.state == "3"), None) or (new[-1] if new and state == "3" else None)
    if signed is not None:
        asked = _carrier_signed(order, signed.at, at)
    if not new and words is None:
        return Outcome(order, acted=failure is not None or moved, note="no news from the carrier")
    order.note("note", at=at, actor=SYSTEM,
               reason=f"carrier: {len(new)} new event(s)" + (f", latest: {new[-1].text}" if new else "")
               + (f"; tracking answers again after {failure.tries} failure(s)" if failure else ""))
    if words is None:
        return Outcome(order, asked, note=f"{len(new)} carrier event(s)")
    order.start_timer("exception", at + EXCEPTION_WINDOW, EXCEPTION_WINDOW, role="logistics")
    order.note("note", at=at, actor=SYSTEM, reason=f"carrier exception: {words}; logistics has 2 h to answer")
    return Outcome(order, asked + [Notice("carrier_exception", order.order_no, to, None, audience=audience,
                                          reason=words) for to, audience in staff_and_rep(order, master, "logistics")],
                   note=f"carrier exception: {words}")



SIGNOFF_CHASE_DAYS = 2  # working days after the carrier's 签收 before the rep is reminded of the form


def _carrier_signed(order: Order, signed_at: datetime, at: datetime) -> list[Notice]:
    """The carrier's 签收 is noted, once; it proves nothing alone: the customer is asked
    for the signed form, and the rep is reminded if it has not come in 2 working days."""
    delivery = order.delivery = order.delivery or Delivery()
    if delivery.carrier_signed_at is not None:
        return []
    delivery.carrier_signed_at = signed_at
    if delivery.form is not None:
        return []
    order.note("note", at=at, actor=SYSTEM, reason=f"the carrier reports 签收 at {signed_at.isoformat()}; "
                                                    "the signed 签收单 is asked for")
    _chase_form(order, at)
    return [Notice("signoff_request", order.order_no, order.reply_to, None)] if order.reply_to else []


def _chase_form(order: Order, at: datetime) -> None:
    if order.timer("signoff") is None:
        order.start_timer("signoff", working_deadline(at, SIGNOFF_CHASE_DAYS), timedelta(days=1), role="rep")


def signoff_reply(order: Order, *, scans: list[Scan], says_received: bool, remarks: Remarks | None, sender: str,
                  sent_at: datetime | None, at: datetime, message_id: str | None,
                  master: MasterData) -> Outcome | None:
    """The customer's (or logistics') answer about the goods' arrival: the signed form as a
    photo or scan, a text 已签收, remarks of damage; None when the reply is none of them."""
    if not (scans or says_received or remarks):
        return None
    if order.status not in DELIVERING:
        raise DeliveryRefused(f"{order.order_no} 尚未发货 / has not shipped (it is {order.status.label})")
    delivery = order.delivery = order.delivery or Delivery()
    order.join_thread(message_id)
    # With the form on file already, a problem is a complaint about delivered goods, not a remark on the form.
    notices = _remarks(order, remarks, "complaint" if delivery.form else "signoff", sender, at, message_id, master)
    form = readable_scan(scans)
    if form is not None and delivery.form is None:
        return Outcome(order, notices + _delivered(order, form, sender, sent_at, at, message_id, master),
                       note=f"signed form received: {order.order_no} delivered")
    if form is not None:
        order.note("note", at=at, actor=sender, message_id=message_id,
                   reason=f"another signed form ({form.filename}); the first is on file")
        return Outcome(order, notices, acted=bool(notices), note="the signed form is on file already")
    if scans and delivery.form is None:
        delivery.scans_refused += 1
        why = tuple(scan.problem or f"{scan.filename} is not an image or a PDF" for scan in scans)
        order.note("refused", at=at, actor=sender, message_id=message_id,
                   reason="the signed form could not be taken: " + "; ".join(why))
        return Outcome(order, notices + [Notice("signoff_again", order.order_no, sender, message_id,
                                                audience="sender", details=why)],
                       note="scan refused: the sender is asked again")
    if says_received and delivery.form is None:
        delivery.customer_said_at = delivery.customer_said_at or at
        order.note("note", at=at, actor=sender, message_id=message_id,
                   reason="已签收 in words; the signed 签收单 is asked for")
        _chase_form(order, at)
        return Outcome(order, notices + [Notice("signoff_request", order.order_no, sender, message_id,
                                                audience="sender")], note="已签收 noted; the form is asked for")
    return Outcome(order, notices, acted=bool(notices), note="nothing new about the delivery")


def _delivered(order: Order, scan: Scan, sender: str, sent_at: datetime | None, at: datetime,
               message_id: str | None, master: MasterData) -> list[Notice]:
    """已签收: the form on file, the delivery date from the carrier's 签收, else the reply's date."""
    delivery = order.delivery
    delivery.form = SignedForm(file=f"signoff/{order.order_no}-signed.{scan.extension}", sha256=scan.sha256,
                               format=scan.format, width=scan.width, height=scan.height, pages=scan.pages,
                               size=scan.size, original_name=scan.filename, sender=sender, message_id=message_id,
                               received_at=at)
    order.actual_delivery_date = _delivery_date(order, sent_at, at)
    for kind in ("signoff", "arrival", "exception"):
        order.stop_timer(kind)
    order.move_to(Status.DELIVERED, at=at, actor=sender, message_id=message_id,
                  reason=f"signed 签收单 received ({scan.filename}, {scan.format}"
                         + (f" {scan.width}×{scan.height} px" if scan.width else "")
                         + f", sha256 {scan.sha256[:12]}…); delivered on {order.actual_delivery_date}")
    if open_cases(order):  # opened by remarks before the form came back
        order.move_to(Status.AFTER_SALES, at=at, actor=SYSTEM, message_id=message_id,
                      reason=f"after-sales case {open_cases(order)[0].case_no} open")
    start_after_delivery(order, at)
    return [Notice("delivered", order.order_no, to, message_id, audience=audience)
            for to, audience in rep_and_customer(order, master)]


def _delivery_date(order: Order, sent_at: datetime | None, at: datetime) -> date:
    """The carrier's 签收 day; else the day the reply was written, never before the goods
    left nor after it arrived (a Date header is the sender's word)."""
    if order.delivery.carrier_signed_at is not None:
        return order.delivery.carrier_signed_at.date()
    written = sent_at.astimezone(at.tzinfo).date() if sent_at and sent_at.tzinfo else at.date()
    return max(min(written, at.date()), order.actual_ship_date or date.min)


def _remarks(order: Order, remarks: Remarks | None, source: str, sender: str, at: datetime,
             message_id: str | None, master: MasterData) -> list[Notice]:
    """Damage, shortage or a wrong model: kept on the delivery, and an after-sales case opened
    for it (customer service has 24 hours for a solution)."""
    if remarks is None or not remarks.text.strip():
        return []
    text = remarks.text.strip()[:500]
    order.delivery.remarks.append(Remark(text=text, by=sender, at=at))
    return open_case(order, remarks, source=source, by=sender, at=at, message_id=message_id, master=master)


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
