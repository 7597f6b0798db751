"""Staff answers after approval (procedure step 4), and the customer's answer
to the proposed delivery window, as domain operations.

The flow reads the words (parsers.staff_words) and checks the sender (role or
deputy, origin, proof of the thread); these operations check that the order
is where the answer fits, change it, and return the notices. An answer that
does not fit raises TaskRefused with what is wrong, which the flow puts on the
record and tells the sender.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from orders.changes import request_change
from orders.delivery import set_arrival_reminder
from orders.fulfilment import pick_differences
from orders.master import MasterData
from orders.money import ZERO
from orders.model import DraftLine, Order, OrderDraft
from orders.notice import Notice, Outcome
from orders.payments import Payment, add_payment, balance_due, known_payment, prepayment_outstanding
from orders.progress import DAY, end_of_day, enter_picking, shortage_notices
from orders.review import pending_change, rep_and_customer, sales_rep, staff_and_rep
from orders.shipment import ShippingRefused, carrier_and_number
from orders.status import FINAL, Status
from orders.stock import StockLedger

__all__ = ["TaskRefused", "production_reply", "pick_reply", "payment_reply", "shipping_reply", "window_answer",
           "shortage_choice"]


class TaskRefused(ValueError):
    """Why a staff or customer answer cannot be taken; said to the sender."""


def production_reply(order: Order, *, state: str, finish: date | None, sender: str, at: datetime,
                     message_id: str | None, master: MasterData) -> Outcome:
    """已排产 [完工日期] moves the planned finish; 已完工 sends the order to picking."""
    if order.status != Status.IN_PRODUCTION or order.fulfilment is None:
        raise TaskRefused(f"{order.order_no} 不在生产中 / is not in production (it is {order.status.label})")
    fulfilment = order.fulfilment
    order.join_thread(message_id)
    if state == "completed":
        fulfilment.production = "completed"
        order.stop_timer("production")
        order.move_to(Status.PICKING, at=at, actor=sender, message_id=message_id, reason="production completed (已完工)")
        return Outcome(order, enter_picking(order, master, at), note="production completed: to picking")
    fulfilment.production = "scheduled"
    notices: list[Notice] = []
    if finish is not None and finish != fulfilment.production_due:
        fulfilment.production_due = fulfilment.ready_on = finish
        order.start_timer("production", end_of_day(finish, at), DAY, role="production")
        requested = order.requested_delivery_date
        if requested is not None and finish > requested:
            notices += shortage_notices(order, master, at)
    order.note("note", at=at, actor=sender, message_id=message_id,
               reason=f"production scheduled (已排产), planned finish {fulfilment.production_due}")
    return Outcome(order, notices, note=f"production scheduled, finish {fulfilment.production_due}")


def pick_reply(order: Order, *, quantities: dict[str, Decimal], sender: str, at: datetime,
               message_id: str | None, master: MasterData, specs: dict[str, str] | None = None) -> Outcome:
    """已备货: the pre-ship double check. A difference blocks shipping and the rep is told what differs."""
    if order.status != Status.PICKING or order.fulfilment is None:
        raise TaskRefused(f"{order.order_no} 不在备货中 / is not being picked (it is {order.status.label})")
    fulfilment = order.fulfilment
    if fulfilment.ship_asked_at is not None:
        raise TaskRefused(f"{order.order_no} 已交物流发货 / is with logistics already; the pick stands")
    order.join_thread(message_id)
    differences = pick_differences(order, quantities, specs)
    if differences:
        fulfilment.pick_differences, fulfilment.picked_at = differences, None
        order.note("refused", at=at, actor=sender, message_id=message_id,
                   reason="pick does not match the order: " + "; ".join(differences))
        rep = sales_rep(order, master)
        people = ([(rep, "rep")] if rep else []) + [(sender, "warehouse")]
        return Outcome(order, [Notice("pick_mismatch", order.order_no, to, message_id, audience=audience,
                                      details=tuple(differences)) for to, audience in people],
                       note="pick does not match: shipping blocked")
    fulfilment.pick_differences, fulfilment.picked_at, fulfilment.picked_by = [], at, sender
    order.stop_timer("picking")
    order.note("note", at=at, actor=sender, message_id=message_id,
               reason="picked (已备货)" + (" and checked line by line" if quantities else ""))
    return Outcome(order, note="picked: matches the order")


def payment_reply(order: Order, *, amount: Decimal, paid_on: date, reference: str | None, sender: str,
                  at: datetime, message_id: str | None, master: MasterData, source: str = "reply") -> Outcome:
    """已收款 AMOUNT (or a row of an imported bank file): into the order's ledger, once per reference."""
    if order.total_payable is None or order.status in (Status.RECEIVED, Status.CLARIFYING, Status.CONFIRMING):
        raise TaskRefused(f"{order.order_no} 尚未确认金额 / has no confirmed amount to pay yet")
    if order.status in FINAL:
        raise TaskRefused(f"{order.order_no} {order.status.label} / is {order.status}: no payment is taken")
    if known_payment(order, reference, amount, source):
        return Outcome(order, note=f"payment {reference} is on the order already")  # filed, nobody told again
    over = amount - max(balance_due(order), ZERO)  # money received is kept; finance settles the excess
    add_payment(order, Payment(amount=amount, paid_on=paid_on, reference=reference, recorded_by=sender,
                               recorded_at=at, source=source))
    order.join_thread(message_id)
    if prepayment_outstanding(order) == 0:
        order.stop_timer("prepayment")
    order.note("note", at=at, actor=sender, message_id=message_id,
               reason=f"payment {amount} recorded ({source}{', ' + reference if reference else ''}); "
                      f"balance due {balance_due(order)}")
    rep = sales_rep(order, master)
    people = [(sender, "finance")] if master.staff_by_email(sender) else []
    people += [(rep, "rep")] if rep else []
    notices = [Notice("payment_recorded", order.order_no, to, message_id, audience=audience) for to, audience in people]
    if over > ZERO:
        order.note("note", at=at, actor=sender, message_id=message_id,
                   reason=f"overpayment: {over:,.2f} more than was owed; finance and the rep told")
        notices += [Notice("overpayment", order.order_no, to, message_id, audience=audience, reason=f"{over:,.2f}")
                    for to, audience in staff_and_rep(order, master, "finance")]
    return Outcome(order, notices, note=f"payment {amount} recorded")


def shipping_reply(order: Order, *, carrier: str | None, tracking_no: str | None, packages: int | None,
                   sender: str, at: datetime, message_id: str | None, ledger: StockLedger,
                   master: MasterData) -> Outcome:
    """承运商/运单号/件数: shipped. The goods leave stock; the customer gets the 发货单."""
    fulfilment = order.fulfilment
    if order.status != Status.PICKING or fulfilment is None or fulfilment.ship_asked_at is None:
        raise TaskRefused(f"{order.order_no} 尚未可发货 / is not ready to ship yet ({_waiting_for(order)})")
    if pending_change(order) is not None:
        raise TaskRefused(f"{order.order_no} 有待审批的变更,暂停发货 / a change request waits for the manager: "
                          "do not ship until it is decided")
    try:
        name, code, number = carrier_and_number(carrier, tracking_no)
    except ShippingRefused as exc:
        raise TaskRefused(str(exc)) from None
    shipment = order.shipment
    shipment.carrier, shipment.carrier_code, shipment.tracking_no = name, code, number
    shipment.packages, shipment.shipped_at, shipment.shipped_by = packages, at, sender
    shipment.consignee = shipment.consignee or order.customer.contact
    order.actual_ship_date = at.date()
    set_arrival_reminder(order, at)
    left = ledger.ship(order.order_no)
    order.stop_timer("shipping")
    order.join_thread(message_id)
    taken = ", ".join(f"{sku} {q}" for sku, q in sorted(left.items())) or "nothing from stock"
    order.move_to(Status.SHIPPED, at=at, actor=sender, message_id=message_id,
                  reason=f"shipped by {name} {number}, {packages or '?'} package(s); off stock: {taken}")
    return Outcome(order, [Notice("shipped", order.order_no, to, message_id, audience=audience)
                           for to, audience in rep_and_customer(order, master)], note=f"shipped {name} {number}")


def window_answer(order: Order, *, window: tuple[date, date] | None, sender: str, at: datetime,
                  message_id: str | None, master: MasterData) -> Outcome:
    """The customer's 确认 (the proposed window) or another window: agreed."""
    shipment = order.shipment
    if order.status != Status.PICKING or shipment is None or shipment.window_state != "proposed":
        raise TaskRefused(f"{order.order_no} 没有待确认的送货时间 / has no delivery window waiting for an answer")
    earliest = at.date() + timedelta(days=1)  # the goods are picked: they can leave tomorrow
    if window is None and shipment.window_start is not None and shipment.window_start < earliest:
        shipment.window_state = shipment.window_start = shipment.window_end = None  # proposed anew (orders.progress)
        order.note("note", at=at, actor=sender, message_id=message_id,
                   reason="the proposed window had passed when the customer confirmed it: a new one is proposed")
        return Outcome(order, note="window passed: proposed anew")
    if window is not None:
        start, end = window
        if start < earliest:
            raise TaskRefused(f"送货时间 {start} 早于最早可送达的 {earliest} / the window {start} is before the goods can "
                              f"arrive ({earliest}): please choose a later one")
        shipment.window_start, shipment.window_end = start, end
    shipment.window_state = "agreed"
    order.stop_timer("window")
    order.join_thread(message_id)
    order.note("note", at=at, actor=sender, message_id=message_id,
               reason=f"delivery window agreed: {shipment.window_start} – {shipment.window_end}")
    return Outcome(order, [Notice("window_agreed", order.order_no, to, message_id, audience=audience)
                           for to, audience in rep_and_customer(order, master)],
                   note=f"window {shipment.window_start} – {shipment.window_end} agreed")


def _waiting_for(order: Order) -> str:
    fulfilment, shipment = order.fulfilment, order.shipment
    if order.status == Status.SHIPPED:
        return "已发货 / shipped already"
    if fulfilment is None or order.status != Status.PICKING:
        return f"{order.status.label} / {order.status.value}"
    if fulfilment.picked_at is None:
        return "待仓库备货 / waiting for the warehouse's pick"
    waits = []
    if shipment is None or shipment.window_state != "agreed":
        waits.append("待客户确认送货时间 / the customer has not agreed a delivery window")
    if prepayment_outstanding(order):
        waits.append(f"待预付款 {prepayment_outstanding(order)} / prepayment {prepayment_outstanding(order)} not on record")
    return "; ".join(waits) or "—"


def shortage_choice(order: Order, *, choice: str, text: str, sender: str, at: datetime, message_id: str | None,
                    rules, master: MasterData) -> Outcome:
    """The customer's answer to a shortage notice. Waiting is noted and the rep told
    nothing new; shipping what is in stock now is a change request (issue 4's
    rules: the manager decides, under the same order number) that cuts the short
    lines to what stock holds. A substitute is a change the customer names itself."""
    fulfilment = order.fulfilment
    if fulfilment is None or fulfilment.late_told_at is None or order.status not in (Status.IN_PRODUCTION,
                                                                                     Status.PICKING):
        raise TaskRefused(f"{order.order_no} 没有待回复的缺货通知 / has no shortage notice waiting for an answer")
    order.join_thread(message_id)
    if choice == "wait":
        order.note("note", at=at, actor=sender, message_id=message_id,
                   reason=f"the customer waits for the new date {fulfilment.ready_on}: {text.strip()[:200]}")
        return Outcome(order, note="the customer waits for the new date")
    # By line number: two lines of one SKU are two lines; a short line with nothing in stock is not cut to 0.
    in_stock = [DraftLine(line_no=r.line_no, quantity=r.reserved) for r in fulfilment.reservations
                if r.short and r.reserved]
    if not in_stock:
        raise TaskRefused("缺货的商品没有现货可先发 / none of the short items is in stock to ship now: "
                          "please wait for the new date or name a substitute")
    return request_change(order, requester=sender, changes=OrderDraft(lines=in_stock),
                          reason=f"ship what is in stock now (shortage notice): {text.strip()[:200]}",
                          message_id=message_id, at=at, rules=rules, master=master)
