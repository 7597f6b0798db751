"""Procedure steps 1–2 as domain operations: receive an order, ask back, merge
answers, get the customer's confirmation.

Each operation changes the order, records events, and returns the notices
the flow must send; it sends and saves nothing itself.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from orders.master import CustomerRecord, MasterData
from orders.notice import Notice, Outcome
from orders.model import SYSTEM, Attachment, CustomerInfo, DraftLine, Order, OrderDraft, OrderLine, Problem
from orders.customers import ask_rep_about_sender, hold_action, needs_sender_check, proves_thread, speaks_for
from orders.feasibility import submit_confirmed
from orders.review import ReviewRules, customer_record
from orders.status import Status
from orders.validation import (check_amounts, check_arithmetic, check_custom_specs, check_dates,
                               check_required, combine, dedupe, is_custom, review)

def find_customer(info: CustomerInfo, sender: str | None, master: MasterData) -> CustomerRecord | None:
    """Link to the customer record (关联客户档案): by code, then address, then name."""
    for lookup, key in ((master.customer_by_code, info.code), (master.customer_by_email, info.email),
                        (master.customer_by_email, sender), (master.customer_by_name, info.name)):
        record = lookup(key) if key else None
        if record is not None:
            return record
    return None


def receive_order(order_no: str, draft: OrderDraft, parse_problems: list[Problem], *,
                  sender: str, message_id: str | None, at: datetime, today: date,
                  master: MasterData) -> Outcome:
    order = Order.receive(order_no, at=at, actor=sender, message_id=message_id)
    order.reply_to = sender
    order.thread = [message_id] if message_id else []
    merge_draft(order, draft, first=True)
    return assess(order, parse_problems, actor=sender, message_id=message_id, at=at,
                   today=today, master=master, why="order email read")


def handle_customer_reply(order: Order, *, intent: str, answer: OrderDraft | None,
                          parse_problems: list[Problem], sender: str, message_id: str | None,
                          at: datetime, today: date, master: MasterData, rules: ReviewRules,
                          thread_ids: list[str] = ()) -> Outcome:
    """A reply can only move an order forward by changing it or confirming it;
    anything else changes nothing and sends nothing, so an auto-responder that
    says "OK" cannot start a loop of questions.

    It acts only from the customer's registered addresses, and only as a reply
    to our mail (proof of the thread); without that proof a cancel, change or
    confirmation waits for the registered address to confirm it."""
    record = customer_record(order, master)
    if not speaks_for(order, record, sender):
        return Outcome(order, acted=False, note=f"{sender} is not a registered address of the customer of "
                                                f"{order.order_no}")
    if order.status not in (Status.CLARIFYING, Status.CONFIRMING):
        return Outcome(order, acted=False, note=f"no customer reply is acted on in status {order.status}")
    changes = _changes(order, answer, confirming=intent in ("confirm", "approve"))
    acts = intent == "cancel" or changes is not None or (
        intent in ("confirm", "approve") and order.status == Status.CONFIRMING)
    if acts and not proves_thread(order, record, list(thread_ids)):
        action = "cancel" if intent == "cancel" else "change" if changes is not None else "confirm"
        return hold_action(order, record, intent=action, sender=sender, answer=answer, reason=None, at=at,
                           message_id=message_id)
    order.join_thread(message_id)
    if intent == "cancel":
        order.move_to(Status.CANCELLED, at=at, actor=sender, reason="customer cancelled by reply",
                      message_id=message_id)
        return Outcome(order, [Notice("cancelled", order.order_no, order.reply_to, message_id)],
                       note="cancelled by the customer")
    if changes is not None:
        merge_draft(order, changes)
        order.version += 1
        return assess(order, parse_problems, actor=sender, message_id=message_id, at=at,
                       today=today, master=master, why="customer answered")
    if intent in ("confirm", "approve") and order.status == Status.CONFIRMING:
        notices = submit_confirmed(order, at=at, actor=sender, message_id=message_id, rules=rules, master=master,
                                   reason=f"customer confirmed the requirements list (version {order.version})")
        return Outcome(order, notices, note="confirmed by the customer")
    return Outcome(order, acted=False, note=f"reply ({intent}) changed nothing; the order stays {order.status}")


# In a confirmation these are the writer's signature, not a correction.
SIGNATURE_FIELDS = {"contact", "phone", "email"}


def _changes(order: Order, answer: OrderDraft | None, confirming: bool) -> OrderDraft | None:
    """The answer, if laying it over the order would change anything."""
    if answer is None:
        return None
    if confirming:
        answer = answer.model_copy(update={"customer": answer.customer.model_copy(
            update=dict.fromkeys(SIGNATURE_FIELDS))})
    trial = order.model_copy(deep=True)
    merge_draft(trial, answer)
    return answer if trial.model_dump() != order.model_dump() else None


def assess(order: Order, parse_problems: list[Problem], *, actor: str, message_id: str | None,
           at: datetime, today: date, master: MasterData, why: str) -> Outcome:
    """Check the order against the masters and ask back, or send the requirements
    list; from an address not registered for the customer named, ask the rep first."""
    customer = find_customer(order.customer, order.reply_to, master)
    if needs_sender_check(order, customer):
        rep = customer.sales_rep_email or next((m.email for role in ("sales_rep", "sales_manager")
                                                for m in master.staff_with_role(role)), None)
        return ask_rep_about_sender(order, customer, rep, at=at, message_id=message_id)
    link_customer(order, customer)
    enrich_lines(order, master)
    order.recompute_totals()
    still_open = [p for p in parse_problems if _is_empty(order, p.field)]
    order.problems = combine(still_open, review(order, customer=customer, master=master, today=today))
    order.needs_feasibility = any(is_custom(line) for line in order.lines)
    if order.problems:
        target, purpose = Status.CLARIFYING, "clarification"
        reason = f"{why}: {len(order.problems)} question(s) for the customer"
    else:
        target, purpose = Status.CONFIRMING, "requirements_list"
        reason = f"{why}: complete, requirements list (version {order.version}) sent for confirmation"
    order.move_to(target, at=at, actor=actor, reason=reason, message_id=message_id)
    return Outcome(order, [Notice(purpose, order.order_no, order.reply_to, message_id)], note=reason)


def link_customer(order: Order, record: CustomerRecord | None) -> None:
    """Fill what the email left out from the customer record; never overwrite what it said."""
    if record is None:
        return
    info = order.customer
    info.code = record.code
    for name in ("name", "contact", "phone", "email", "address"):
        if not getattr(info, name):
            setattr(info, name, getattr(record, name))
    if not order.payment_terms.text and record.payment_terms:
        order.payment_terms.text = record.payment_terms


def enrich_lines(order: Order, master: MasterData) -> None:
    """Take name, unit, kind and list price from the product catalogue where the email is silent."""
    for line in order.lines:
        product = (master.product_by_sku(line.sku) if line.sku else None) or \
                  (master.product_by_name(line.name) if line.name else None)
        if product is None:
            continue
        line.sku = product.sku  # the catalogue's spelling ("p001" → "P001"): stock is kept under it
        line.name = line.name or product.name
        line.unit = line.unit or product.unit
        line.kind = product.kind
        if line.unit_price is None and line.amount is None:
            line.unit_price = product.unit_price


def merge_draft(order: Order, draft: OrderDraft, first: bool = False) -> None:
    """Lay what an email says over the record: stated values win, silence keeps.
    The first email's lines are taken as they are; an answer's lines are matched
    to the lines they correct."""
    for name, value in draft.customer.model_dump(exclude_none=True).items():
        setattr(order.customer, name, value)
    for name in ("customer_po", "freight", "discount", "stated_goods_total", "stated_total",
                 "special_requirements"):
        value = getattr(draft, name)
        if value is not None:
            setattr(order, name, value)
    if draft.requested_delivery_date is not None or draft.requested_delivery_text:
        order.requested_delivery_date = draft.requested_delivery_date
        order.requested_delivery_text = None if draft.requested_delivery_date else draft.requested_delivery_text
    for name, value in draft.payment_terms.model_dump(exclude_none=True).items():
        setattr(order.payment_terms, name, value)
    order.attachments.extend(_new_attachments(order.attachments, draft.attachments))
    for draft_line in draft.lines:
        _merge_line(order, draft_line, first)


def _new_attachments(have: list[Attachment], incoming: list[Attachment]) -> list[Attachment]:
    names = {a.filename for a in have}
    return [a for a in incoming if a.filename not in names]


def _merge_line(order: Order, incoming: DraftLine, first: bool) -> None:
    values = incoming.model_dump(exclude_none=True, exclude={"line_no"})
    target = None if first else _matching_line(order.lines, incoming)
    if target is None:
        target = OrderLine(line_no=len(order.lines) + 1)
        order.lines.append(target)
    for name, value in values.items():
        setattr(target, name, value)


def _matching_line(lines: list[OrderLine], incoming: DraftLine) -> OrderLine | None:
    """An answer names its line by number, code or name; a lone line needs no name."""
    for line in lines:
        if incoming.sku and line.sku and incoming.sku.casefold() == line.sku.casefold():
            return line
        if incoming.name and line.name and incoming.name == line.name and not incoming.sku:
            return line
    if incoming.line_no is not None and not (incoming.sku or incoming.name):
        return next((line for line in lines if line.line_no == incoming.line_no), None)
    if len(lines) == 1 and not (incoming.sku or incoming.name):
        return lines[0]
    return None


FIELD_PATH = re.compile(r"^lines\[(\d+)\]\.(\w+)$")


def _is_empty(order: Order, path: str) -> bool:
    """Whether the record still lacks the value a parse problem was about."""
    match = FIELD_PATH.match(path)
    if match:
        line = next((l for l in order.lines if l.line_no == int(match[1])), None)
        return line is None or getattr(line, match[2], None) is None
    target = order
    for part in path.split("."):
        target = getattr(target, part, None)
        if target is None:
            return True
    return target in ("", [], {})


def draft_problems(draft: OrderDraft, parse_problems: list[Problem], today: date) -> list[Problem]:
    """The checks that need no master data, for a draft on its own (`orderloop parse`):
    what the email itself gets wrong or leaves out of the required fields."""
    order = Order.receive("SO000000000", at=datetime.combine(today, datetime.min.time()),
                          actor=SYSTEM, message_id=None)
    merge_draft(order, draft, first=True)
    order.recompute_totals()
    found = (check_required(order) + check_amounts(order) + check_dates(order, today)
             + check_custom_specs(order) + check_arithmetic(order))
    return combine([p for p in parse_problems if _is_empty(order, p.field)], dedupe(found))
