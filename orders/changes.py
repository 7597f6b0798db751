"""Change requests (变更申请) under the same order number.

The number never changes. A change to quantity, date, address or terms needs
a written reason and the sales manager's approval, by reply like any other
approval. An approved change raises the order version, which voids every
token issued before, and sends the order through the approval levels again
for its new total.
"""
from __future__ import annotations

from datetime import datetime

from orders.approval import DecisionRefused, Step
from orders.customers import speaks_for
from orders.intake import merge_draft
from orders.master import MasterData
from orders.model import ChangeRequest, Order, OrderDraft
from orders.notice import Notice, Outcome
from orders.review import ReviewRules, open_review, pending_change, refuse, rep_and_customer
from orders.status import Status

# Before these the customer still edits the order itself (clarifying,
# confirming); after them goods are moving and a change is a phone call.
CHANGEABLE = frozenset({Status.MANAGER_REVIEW, Status.FINANCE_REVIEW, Status.CREDIT_HOLD, Status.EFFECTIVE,
                        Status.IN_PRODUCTION, Status.PICKING})

FIELD_LABELS = {
    "quantity": "数量 quantity", "unit_price": "单价 unit price", "spec": "规格 spec", "name": "商品 item",
    "sku": "商品编码 SKU", "unit": "单位 unit",
    "customer.address": "收货地址 address", "customer.contact": "联系人 contact", "customer.phone": "电话 phone",
    "requested_delivery_date": "要求交付日期 delivery date", "payment_terms.text": "付款方式 payment terms",
    "freight": "运费 freight", "discount": "折扣 discount", "special_requirements": "特殊需求 notes",
    "total_payable": "实付金额 total payable",
}
ORDER_FIELDS = ("customer.address", "customer.contact", "customer.phone", "requested_delivery_date",
                "payment_terms.text", "freight", "discount", "special_requirements", "total_payable")
LINE_FIELDS = ("sku", "name", "spec", "unit", "quantity", "unit_price")


def describe_changes(order: Order, draft: OrderDraft | None) -> list[str]:
    """What laying the draft over the order would change, as "label: old → new" lines."""
    if draft is None:
        return []
    trial = order.model_copy(deep=True)
    merge_draft(trial, draft)
    trial.recompute_totals()
    lines = [f"{FIELD_LABELS[name]}: {_show(_get(order, name))} → {_show(_get(trial, name))}"
             for name in ORDER_FIELDS if _get(order, name) != _get(trial, name)]
    before = {line.line_no: line for line in order.lines}
    for line in trial.lines:
        old = before.get(line.line_no)
        if old is None:
            lines.append(f"新增第{line.line_no}行 new line {line.line_no}: {line.name or line.sku} × {_show(line.quantity)}")
            continue
        lines += [f"{FIELD_LABELS[name]} (第{line.line_no}行 line {line.line_no}): "
                  f"{_show(getattr(old, name))} → {_show(getattr(line, name))}"
                  for name in LINE_FIELDS if getattr(old, name) != getattr(line, name)]
    return lines


def _get(order: Order, path: str):
    value = order
    for part in path.split("."):
        value = getattr(value, part)
    return value


def _show(value) -> str:
    return "—" if value in (None, "") else str(value)


def request_change(order: Order, *, requester: str, changes: OrderDraft | None, reason: str | None,
                   message_id: str | None, at: datetime, rules: ReviewRules, master: MasterData) -> Outcome:
    """The customer or the rep asks for a change: with a reason it goes to the manager."""
    if order.status not in CHANGEABLE:
        return Outcome(order, acted=False, note=f"no change request is taken in status {order.status}")
    summary = describe_changes(order, changes)
    if not summary:
        return Outcome(order, acted=False, note="the reply asks for no change the order does not already have")
    pending = pending_change(order)
    if pending is not None:
        return refuse(order, requester, f"change request #{pending.change_id} is still waiting for the manager; "
                                        "send this change after it is decided", message_id=message_id, at=at)
    if not reason:
        order.note("refused", at=at, actor=requester, message_id=message_id,
                   reason="change request without a reason (变更需说明原因)")
        notice = Notice("change_reason_needed", order.order_no, requester, message_id, audience="sender",
                        reason="; ".join(summary))
        return Outcome(order, [notice], acted=False, refused=True, note="change request without a reason")
    change = ChangeRequest(change_id=len(order.change_requests) + 1, requested_by=requester, reason=reason,
                           changes=changes, summary=summary, version=order.version, at=at, message_id=message_id)
    order.change_requests.append(change)
    order.join_thread(message_id)
    order.note("change_requested", at=at, actor=requester, message_id=message_id,
               reason=f"change request #{change.change_id} ({reason}): " + "; ".join(summary))
    notices = open_review(order, Step.CHANGE, at=at, rules=rules, master=master, in_reply_to=message_id,
                          change_id=change.change_id)
    return Outcome(order, notices, note=f"change request #{change.change_id} sent to the manager")


def decide_change(order: Order, *, verdict: str, approver: str, reason: str | None, message_id: str | None,
                  at: datetime, rules: ReviewRules, master: MasterData) -> Outcome:
    change = pending_change(order)
    if verdict == "reject" and not reason:
        raise DecisionRefused("a rejection needs a reason (驳回请写明原因)")
    if verdict == "approve" and order.status not in CHANGEABLE:
        raise DecisionRefused(f"{order.order_no} is {order.status} ({order.status.label}) now: the change can no "
                              "longer be made; reject it, or ask the customer for a new order")
    change.state = "approved" if verdict == "approve" else "rejected"
    change.decided_by, change.decided_at, change.decision_reason = approver, at, reason
    notices: list[Notice] = []
    if verdict == "reject":
        order.note("change_decided", at=at, actor=approver, message_id=message_id,
                   reason=f"change request #{change.change_id} rejected: {reason}")
    else:
        merge_draft(order, change.changes)
        order.recompute_totals()
        order.version += 1
        order.note("change_decided", at=at, actor=approver, message_id=message_id,
                   reason=f"change request #{change.change_id} approved: version {order.version}, "
                          f"payable {order.total_payable}")
        order.move_to(Status.MANAGER_REVIEW, at=at, actor=approver, message_id=message_id,
                      reason=f"changed order (version {order.version}) goes through approval again")
        notices += open_review(order, Step.MANAGER, at=at, rules=rules, master=master, in_reply_to=message_id)
    record = master.customer_by_code(order.customer.code) if order.customer.code else None
    requester = (change.requested_by, "customer" if speaks_for(order, record, change.requested_by) else "rep")
    told: set[str] = set()
    for to, audience in [requester] + rep_and_customer(order, master):
        if to.casefold() not in told:
            told.add(to.casefold())
            notices.append(Notice("change_outcome", order.order_no, to, message_id, audience=audience,
                                  change_id=change.change_id, reason=reason))
    return Outcome(order, notices, note=f"change request #{change.change_id} {change.state}")

