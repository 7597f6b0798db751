"""Who speaks for a customer (客户身份核实).

Anyone can write a customer code into an email. What is on the customer
record (contact, phone, address, agreed terms) is sent only to the record's
registered addresses; an order from any other address waits while the
customer's rep is asked, by email, whether the sender speaks for the
customer. The rep's 确认 registers the address; 不是 cancels the order and
the sender learns nothing of the record.

A customer's confirm, cancel or change acts only from a registered address
and only with proof of the thread: In-Reply-To/References naming a mail we
sent to the customer. Without that proof the action waits, and the
registered address is asked to confirm it; only the answer to that check
acts.
"""
from __future__ import annotations

from datetime import datetime

from orders.master import CustomerRecord, MasterData
from orders.model import SYSTEM, Order, OrderDraft, PendingAction, SenderCheck
from orders.notice import Notice, Outcome
from orders.status import Status
from orders.text import message_id_key, normal_address


def registered(record: CustomerRecord | None, address: str | None) -> bool:
    return bool(record and address and normal_address(address) in record.addresses())


def customer_addresses(order: Order, record: CustomerRecord | None) -> set[str]:
    """Where the customer's mail may go and whom the customer's actions may come from."""
    if record is None:  # no record, nothing to reveal: the address the order came from
        return {normal_address(order.reply_to)} if order.reply_to else set()
    addresses = record.addresses()
    check = order.sender_check
    if check is not None and check.state == "confirmed" and check.customer_code == record.code:
        addresses.add(check.address)
    return addresses


def speaks_for(order: Order, record: CustomerRecord | None, sender: str | None) -> bool:
    return bool(sender) and normal_address(sender) in customer_addresses(order, record)


def proves_thread(order: Order, record: CustomerRecord | None, thread_ids: list[str]) -> bool:
    """The reply names a mail we sent to one of the customer's addresses."""
    return order.answered_mail(thread_ids, customer_addresses(order, record) | {order.reply_to or ""}) is not None


# ---------------------------------------------------------------- sender check

def needs_sender_check(order: Order, record: CustomerRecord | None) -> bool:
    """The order names a customer on record but came from an address not registered for it."""
    if record is None or order.reply_to is None:
        return False
    if registered(record, order.reply_to):
        return False
    check = order.sender_check
    return not (check is not None and check.state == "confirmed" and check.customer_code == record.code
                and check.address == normal_address(order.reply_to))


def ask_rep_about_sender(order: Order, record: CustomerRecord, rep: str | None, *, at: datetime,
                         message_id: str | None) -> Outcome:
    """The order waits in 已接收; the rep is asked; the sender is told only that it waits."""
    check = order.sender_check
    if check is not None and check.state == "asked" and (check.customer_code, check.address) == (
            record.code, normal_address(order.reply_to)):
        return Outcome(order, note=f"sender {order.reply_to} still to be confirmed by the rep")  # asked once
    order.sender_check = SenderCheck(address=normal_address(order.reply_to), customer_code=record.code,
                                     rep=normal_address(rep) if rep else None, asked_at=at)
    order.note("sender_check", at=at, actor=SYSTEM, message_id=message_id,
               reason=f"{order.reply_to} is not a registered address of customer {record.code}: "
                      f"the order waits until the rep ({rep or 'no rep on record'}) confirms the sender")
    notices = [Notice("sender_pending", order.order_no, order.reply_to, message_id, audience="sender")]
    if rep:
        notices.append(Notice("sender_check", order.order_no, rep, message_id, audience="rep",
                              reason=order.reply_to))
    return Outcome(order, notices, note=f"sender {order.reply_to} to be confirmed by the rep")


def awaits_sender_check(order: Order) -> bool:
    """The rep was asked about the sender (on receipt, or when a later answer named a customer on record)."""
    return (order.status in (Status.RECEIVED, Status.CLARIFYING) and order.sender_check is not None
            and order.sender_check.state == "asked")


def newly_confirmed_address(order: Order, record: CustomerRecord | None) -> tuple[str, str] | None:
    """(customer code, address) the rep confirmed that the record does not hold yet: the flow registers it."""
    check = order.sender_check
    if check is None or check.state != "confirmed" or record is None or record.code != check.customer_code:
        return None
    return None if registered(record, check.address) else (check.customer_code, check.address)


def deny_sender(order: Order, *, rep: str, at: datetime, message_id: str | None) -> Outcome:
    check = order.sender_check
    check.state, check.decided_by = "denied", rep
    order.join_thread(message_id)
    order.move_to(Status.CANCELLED, at=at, actor=rep, message_id=message_id,
                  reason=f"the rep says {check.address} does not speak for customer {check.customer_code}")
    return Outcome(order, [Notice("sender_denied", order.order_no, order.reply_to, message_id, audience="sender")],
                   note=f"sender {check.address} denied by {rep}")


def confirm_sender(order: Order, *, rep: str, at: datetime, message_id: str | None) -> None:
    """Mark the sender confirmed; the caller registers the address and goes on with the order."""
    check = order.sender_check
    check.state, check.decided_by = "confirmed", rep
    order.join_thread(message_id)
    order.note("sender_check", at=at, actor=rep, message_id=message_id,
               reason=f"the rep confirms {check.address} speaks for customer {check.customer_code}")


# ---------------------------------------------------------------- actions without proof

def hold_action(order: Order, record: CustomerRecord | None, *, intent: str, sender: str,
                answer: OrderDraft | None, reason: str | None, at: datetime,
                message_id: str | None) -> Outcome:
    """A cancel, change or confirmation without proof of the thread: the
    registered address is asked to confirm it, and only the answer acts."""
    order.pending_action = PendingAction(intent=intent, requested_by=normal_address(sender), at=at, answer=answer,
                                         reason=reason, message_id=message_id, version=order.version)
    order.note("refused", at=at, actor=sender, message_id=message_id,
               reason=f"{intent} without proof of the thread (not a reply to our mail): "
                      "the registered address is asked to confirm it")
    to = order.reply_to if speaks_for(order, record, order.reply_to) else sender
    return Outcome(order, [Notice("action_check", order.order_no, to, message_id, audience="customer",
                                  reason=intent)], acted=False, refused=True, note=f"{intent} awaits confirmation")


def confirmed_action(order: Order, record: CustomerRecord | None, sender: str | None,
                     thread_ids: list[str]) -> PendingAction | None:
    """The held action this reply confirms, taken off the order: only from a
    registered address, only in answer to the confirmation request for that
    very action (a later held action has its own), at the same order version."""
    action = order.pending_action
    if action is None or action.check_id is None or action.version != order.version:
        return None
    if not speaks_for(order, record, sender):
        return None
    if message_id_key(action.check_id) not in {message_id_key(m) for m in thread_ids}:
        return None
    order.pending_action = None
    return action
