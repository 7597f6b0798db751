"""What the pipeline does on its own after approval (procedure step 4), run
after everything that may move an order: a verdict, a staff reply, a payment,
a customer's answer, a clock.

- 已生效: the standard lines reserve stock; what stock cannot cover, and the
  custom lines, go to production with the lead time in working days; the
  order goes to production (生产中) or straight to picking (备货中). The
  customer and the rep hear of it in the same poll, and at once of a ready
  date that misses the date asked for (the shortage notice, with the options).
- 备货中, once the warehouse's pick matched: the customer is proposed a
  delivery window; finance is asked for a prepayment the terms require; when
  the window is agreed and the prepayment is on record, logistics is asked
  to ship.
- An order that leaves effective, production or picking any other way than
  by shipping (a change request back to the manager, a rejection) gives its
  reserved stock back.

Pure: the stock ledger and the master data are passed in.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from orders.fulfilment import Fulfilment, plan
from orders.closure import close_if_done
from orders.master import MasterData
from orders.model import SYSTEM, Order
from orders.notice import Notice
from orders.payments import prepayment_outstanding
from orders.review import pending_change, rep_and_customer
from orders.shipment import Shipment, propose_window
from orders.status import Status
from orders.stock import HOLDING, StockLedger
from orders.workdays import next_working_day, working_deadline

__all__ = ["advance", "enter_picking", "shortage_notices", "end_of_day", "STEP4_TIMERS"]

# The clocks of step 4: they stop when the order leaves it.
STEP4_TIMERS = ("production", "shortage", "picking", "prepayment", "window", "shipping")
DAY = timedelta(hours=24)
WITHDRAWN_ROLES = ("production", "warehouse", "finance", "logistics")  # told when the order leaves step 4


def advance(order: Order, *, ledger: StockLedger, master: MasterData, at: datetime) -> list[Notice]:
    """Take every step that needs nobody's answer; the notices they send."""
    if order.status not in HOLDING:
        return _release(order, ledger, master, at) + close_if_done(order, master, at)
    if order.status == Status.EFFECTIVE and (order.fulfilment is None or order.fulfilment.version != order.version):
        return start_fulfilment(order, ledger=ledger, master=master, at=at)
    if order.status == Status.PICKING:
        return _towards_shipping(order, master, at)
    return []


def _release(order: Order, ledger: StockLedger, master: MasterData, at: datetime) -> list[Notice]:
    """The order left step 4 other than by shipping: its stock goes back, its clocks stop,
    and whoever was still working on it (production, the warehouse, finance, logistics) is told."""
    if order.status == Status.SHIPPED:
        return []
    given = ledger.release(order.order_no)
    open_tasks = [t for t in order.timers if t.kind in STEP4_TIMERS and t.role in WITHDRAWN_ROLES]
    for kind in STEP4_TIMERS:
        order.stop_timer(kind)
    if given:
        listed = ", ".join(f"{sku} {q}" for sku, q in sorted(given.items()))
        order.note("note", at=at, actor=SYSTEM, reason=f"reserved stock released ({listed}): order {order.status}")
    why = f"{order.status.label} / {order.status.value}"
    return [Notice("task_withdrawn", order.order_no, member.email, None, audience=timer.role, timer=timer.kind,
                   reason=why) for timer in open_tasks for member in master.staff_with_role(timer.role)]


def start_fulfilment(order: Order, *, ledger: StockLedger, master: MasterData, at: datetime) -> list[Notice]:
    """已生效 → reserve, plan, and production or picking."""
    today = at.date()
    reservations = ledger.reserve(order.order_no, order.lines)
    planned = plan(order, reservations, master.product_by_sku, today)
    made = {line.line_no: line.to_make for line in planned.lines if line.made}
    order.shipment = None  # a new plan (after a change) agrees its window anew
    fulfilment = order.fulfilment = Fulfilment(
        version=order.version, effective_on=today, reservations=reservations, ready_on=planned.ready.value,
        ready_approximate=planned.ready.approximate, to_make=made)
    held = ", ".join(f"{r.sku} {r.reserved}" for r in reservations if r.reserved) or "nothing"
    order.note("note", at=at, actor=SYSTEM,
               reason=f"stock reserved: {held}; to make: {len(made)} line(s); ready {planned.ready.value}"
                      f"{' (counted Monday to Friday)' if planned.ready.approximate else ''}")
    notices: list[Notice] = []
    if made:
        fulfilment.production, fulfilment.production_due = "requested", planned.ready.value
        order.move_to(Status.IN_PRODUCTION, at=at, actor=SYSTEM,
                      reason=f"{len(made)} line(s) to produce, planned finish {planned.ready.value}")
        order.start_timer("production", end_of_day(planned.ready.value, at), DAY, role="production")
        notices += [Notice("production_request", order.order_no, m.email, None, audience="production")
                    for m in master.staff_with_role("production")]
        notices += [Notice("in_production", order.order_no, to, None, audience=audience)
                    for to, audience in rep_and_customer(order, master)]
    else:
        order.move_to(Status.PICKING, at=at, actor=SYSTEM, reason="all lines reserved from stock: to picking")
        notices += enter_picking(order, master, at)
    if planned.late:
        notices += shortage_notices(order, master, at)
    elif made and order.requested_delivery_date is not None:
        # Goods not ready 24 h before the requested date: the customer and the rep are told then at the latest.
        warn_at = datetime.combine(order.requested_delivery_date, datetime.min.time(), at.tzinfo) - DAY
        order.start_timer("shortage", max(warn_at, at), DAY, role="rep")
    return notices


def shortage_notices(order: Order, master: MasterData, at: datetime) -> list[Notice]:
    """The new date misses the requested one: the rep and the customer now, with the options."""
    fulfilment = order.fulfilment
    fulfilment.late_told_at = at
    order.stop_timer("shortage")
    short = [f"{r.sku}: 订购 {r.quantity},现货 {r.reserved},需生产 {r.short} / ordered {r.quantity}, "
             f"in stock {r.reserved}, to make {r.short}" for r in fulfilment.reservations if r.short]
    short += [f"第{n}行 line {n}: 定制生产 {q} / made to order {q}" for n, q in fulfilment.to_make.items()
              if not any(r.line_no == n for r in fulfilment.reservations)]
    order.note("note", at=at, actor=SYSTEM,
               reason=f"ready {fulfilment.ready_on}, after the requested {order.requested_delivery_date}: "
                      "the rep and the customer are told")
    return [Notice("shortage", order.order_no, to, None, audience=audience, details=tuple(short),
                   reason=f"{order.requested_delivery_date} → {fulfilment.ready_on}")
            for to, audience in rep_and_customer(order, master)]


def enter_picking(order: Order, master: MasterData, at: datetime) -> list[Notice]:
    """The goods are there (in stock, or made): the warehouse gets the 出库单 and a working day."""
    order.stop_timer("shortage")
    order.start_timer("picking", working_deadline(at, 1), DAY, role="warehouse")
    return [Notice("pick_request", order.order_no, m.email, None, audience="warehouse")
            for m in master.staff_with_role("warehouse")]


def _towards_shipping(order: Order, master: MasterData, at: datetime) -> list[Notice]:
    fulfilment = order.fulfilment
    if fulfilment is None or fulfilment.picked_at is None:
        return []
    notices: list[Notice] = []
    shipment = order.shipment = order.shipment or Shipment()
    if shipment.window_state is None:
        earliest = next_working_day(at.date()).value
        shipment.window_start, shipment.window_end = propose_window(order.requested_delivery_date, earliest)
        shipment.window_state = "proposed"
        order.start_timer("window", at + DAY, DAY, role="rep")  # the rep follows up a customer who does not answer
        notices += [Notice("window_proposal", order.order_no, order.reply_to, None)] if order.reply_to else []
    owed = prepayment_outstanding(order)
    if owed and fulfilment.prepayment_asked_at is None:
        fulfilment.prepayment_asked_at = at
        order.start_timer("prepayment", at + DAY, DAY, role="finance")
        order.note("note", at=at, actor=SYSTEM, reason=f"goods ready: prepayment {owed} asked of finance")
        notices += [Notice("prepayment_request", order.order_no, m.email, None, audience="finance")
                    for m in master.staff_with_role("finance")]
    if not owed:
        order.stop_timer("prepayment")
    waiting_change = pending_change(order) is not None  # logistics is asked once the manager has decided
    if shipment.window_state == "agreed" and not owed and fulfilment.ship_asked_at is None and not waiting_change:
        fulfilment.ship_asked_at = at
        order.start_timer("shipping", working_deadline(at, 1), DAY, role="logistics")
        order.note("note", at=at, actor=SYSTEM, reason="picked, window agreed, paid as the terms ask: to logistics")
        notices += [Notice("ship_request", order.order_no, m.email, None, audience="logistics")
                    for m in master.staff_with_role("logistics")]
    return notices


def end_of_day(day, at: datetime) -> datetime:
    """The end of a working day in the order's time zone: when a planned finish is missed."""
    return datetime.combine(day, datetime.min.time(), at.tzinfo) + timedelta(hours=18)
