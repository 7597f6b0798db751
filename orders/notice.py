"""What a domain operation asks the flow to send, and what it did.

Operations change the order and return notices; they send and save nothing.
The flow turns each notice into an email in the order's thread.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from orders.approval import CreditEvidence
from orders.model import Order, Problem

NoticePurpose = Literal[
    "clarification", "requirements_list", "cancelled",      # to the customer, steps 1–2
    "approval_request", "review_reminder", "escalation",    # to an approver (a signed token inside)
    "decision_refused",                                     # to whoever sent a reply that cannot decide
    "order_rejected", "order_effective", "credit_hold",     # the outcome, to rep, customer and departments
    "change_outcome", "change_reason_needed",               # change requests (变更申请)
    "sender_pending", "sender_check", "sender_denied",      # an order from an address not on the record
    "action_check",                                         # a customer action that came without proof
    # After approval (procedure steps 1 and 4): one row each below.
    "feasibility_request", "infeasible",
    "production_request", "in_production", "shortage", "pick_request", "pick_mismatch",
    "prepayment_request", "payment_recorded", "window_proposal", "window_agreed", "ship_request", "shipped",
    "task_reminder", "task_escalation", "task_withdrawn",
    # Step 5: the shipment on its way.
    "carrier_exception", "tracking_down", "delay_notice", "arrival_reminder",
    "signoff_request", "signoff_again", "delivered",
    # Step 6: after-sales cases, the survey, the balance, closure.
    "case_opened", "case_received", "case_solution", "case_resolved", "case_reopened",
    "survey", "survey_again", "close_request", "closed", "balance_overdue", "overpayment",
]
Audience = Literal["customer", "approver", "sender", "rep", "warehouse", "production", "finance", "tech",
                   "logistics", "customer_service", "sales_manager"]
STAFF = ("tech", "warehouse", "production", "finance", "logistics", "customer_service", "sales_manager", "rep")


@dataclass(frozen=True)
class NoticeKind:
    """One row of the notice table: who may be told, the subject, the mail's
    template and the PDF it carries. A later step's notice is a row here."""

    audiences: tuple[Audience, ...]
    subject: str
    template: str | None = None  # templates/mail/<template>.{txt,html}.j2; default: the purpose
    attached: str | None = None  # the PDF (templates/pdf): requirements, order, outbound, shipping, signoff
    drawings: bool = False  # the customer's own attachments (drawings, specifications) go with it


NOTICES: dict[str, NoticeKind] = {
    "clarification": NoticeKind(("customer",), "订单信息待补充 / Order details needed"),
    "requirements_list": NoticeKind(("customer",), "客户需求清单待确认 / Please confirm your order",
                                    attached="requirements"),
    "cancelled": NoticeKind(("customer",), "订单已取消 / Order cancelled"),
    "approval_request": NoticeKind(("approver",), "订单审批 / Approval request", attached="order"),
    # Reminders and escalations carry the same request, links and token.
    "review_reminder": NoticeKind(("approver",), "审批提醒 / Approval reminder: deadline passed",
                                  template="approval_request", attached="order"),
    "escalation": NoticeKind(("approver",), "审批转办 / Approval escalated to you",
                             template="approval_request", attached="order"),
    "decision_refused": NoticeKind(("sender",), "回复未执行 / Your reply was not acted on"),
    "order_rejected": NoticeKind(("customer", "rep"), "订单已驳回 / Order rejected"),
    "order_effective": NoticeKind(("customer", "rep"),
                                  "订单已生效 / Order approved and effective"),
    "credit_hold": NoticeKind(("rep", "finance"), "信用待协商 / Credit hold: payment terms to renegotiate"),
    "change_outcome": NoticeKind(("customer", "rep"), "订单变更结果 / Change request decided"),  # and the requester
    "change_reason_needed": NoticeKind(("sender",), "变更需说明原因 / A change request needs a reason"),
    "sender_pending": NoticeKind(("sender",), "订单已收到,待核实 / Order received, being confirmed"),
    "sender_check": NoticeKind(("rep",), "请核实发件人 / Does this sender speak for the customer?"),
    "sender_denied": NoticeKind(("sender",), "订单无法受理 / Order not accepted from this address"),
    "action_check": NoticeKind(("customer",), "请确认您的要求 / Please confirm your request"),
    # Step 1: custom (定制) or unknown items are checked by tech before the manager reviews.
    "feasibility_request": NoticeKind(("approver",), "技术可行性评估 / Feasibility check", attached="order",
                                      drawings=True),
    "infeasible": NoticeKind(("customer", "rep"), "订单需调整:技术不可行 / Order needs changes: not feasible"),
    # Step 4: stock, production, picking, payment, delivery window, shipping.
    "production_request": NoticeKind(("production",), "生产任务 / Production request", attached="order",
                                     drawings=True),
    "in_production": NoticeKind(("customer", "rep"), "订单生产中 / Your order is in production"),
    "shortage": NoticeKind(("customer", "rep"), "交期延后 / Delivery date moves: the goods are short"),
    "pick_request": NoticeKind(("warehouse",), "出库备货 / Please pick the order", attached="outbound"),
    "pick_mismatch": NoticeKind(("rep", "warehouse"), "备货与订单不符 / The pick does not match the order"),
    "prepayment_request": NoticeKind(("finance",), "预付款待确认 / Prepayment to confirm before shipping"),
    "payment_recorded": NoticeKind(("finance", "rep"), "收款已登记 / Payment recorded"),
    "window_proposal": NoticeKind(("customer",), "请确认送货时间 / Please confirm the delivery window"),
    "window_agreed": NoticeKind(("customer", "rep"), "送货时间已确认 / Delivery window agreed"),
    "ship_request": NoticeKind(("logistics",), "待发货 / Ready to ship", attached="shipping"),
    "shipped": NoticeKind(("customer", "rep"), "订单已发货 / Your order has shipped", attached="shipping"),
    # Any clock of a staff task (orders.timers): the reminder, then the deputy or the sales manager.
    "task_reminder": NoticeKind(STAFF, "待办提醒 / Reminder: waiting on you"),
    "task_escalation": NoticeKind(STAFF, "待办转办 / Escalated: overdue task"),
    "task_withdrawn": NoticeKind(("production", "warehouse", "finance", "logistics"),
                                 "任务暂停 / Task on hold: the order changed"),
    # Step 5: the carrier's tracking and logistics' answers.
    "carrier_exception": NoticeKind(("logistics", "rep"), "物流异常 / Carrier exception: answer within 2 hours"),
    "tracking_down": NoticeKind(("logistics",), "物流跟踪失败 / Tracking has failed for a day"),
    "delay_notice": NoticeKind(("customer", "rep"), "送达延迟 / Delivery delayed: the new date"),
    "arrival_reminder": NoticeKind(("customer",), "明日到货,请准备签收 / Arriving tomorrow: please prepare to sign",
                                   attached="signoff"),
    # Proof of delivery: the signed 签收单 back as a photo or scan.
    "signoff_request": NoticeKind(("customer", "sender"), "请回传签收单 / Please send the signed delivery form",
                                  attached="signoff"),
    "signoff_again": NoticeKind(("sender",), "签收单无法识别,请重新发送 / The signed form could not be read: "
                                             "please send it again"),
    "delivered": NoticeKind(("customer", "rep"), "订单已签收 / Delivery confirmed"),
    # Step 6: after-sales cases (售后单), the survey, the balance, closure (已闭环).
    "case_opened": NoticeKind(("customer_service", "warehouse", "production", "rep"),
                              "售后单:24小时内给出方案 / After-sales case: a solution within 24 hours"),
    "case_received": NoticeKind(("customer",), "售后已受理 / We have your report"),
    "case_solution": NoticeKind(("customer", "rep"), "售后处理方案 / The solution to your report"),
    "case_resolved": NoticeKind(("customer_service", "rep"), "售后已解决 / Case resolved: the customer is satisfied"),
    "case_reopened": NoticeKind(("customer_service", "rep"),
                                "客户不满意,请重新处理 / Not settled: a new solution within 24 hours"),
    "survey": NoticeKind(("customer",), "满意度回访 / How was your order?"),
    "survey_again": NoticeKind(("sender",), "评分无法识别 / Your score could not be read"),
    "close_request": NoticeKind(("rep",), "请确认订单闭环 / Please confirm the order can close"),
    "closed": NoticeKind(("customer", "rep"), "订单已闭环 / Order completed"),
    "balance_overdue": NoticeKind(("finance", "rep"), "尾款逾期 / Balance overdue"),
    "overpayment": NoticeKind(("finance", "rep"), "超额收款 / Paid more than owed"),
}


@dataclass(frozen=True)
class ReportLine:
    """One line of the validation report in an approval request."""

    check: str
    problems: tuple[Problem, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class Notice:
    """An email the flow must send about an order."""

    purpose: NoticePurpose
    order_no: str
    to: str
    in_reply_to: str | None  # the message this answers
    audience: Audience = "customer"
    step: str | None = None  # orders.approval.Step, for approval mail
    reason: str | None = None  # a refusal, a rejection, a hold: said in the mail
    request: int | None = None  # index into order.approval_requests: the token to sign
    credit: CreditEvidence | None = None
    report: tuple[ReportLine, ...] = ()
    change_id: int | None = None
    details: tuple[str, ...] = ()  # lines the mail lists: differences, options, a timer's task
    timer: str | None = None  # the clock a reminder or escalation is about (orders.timers.LABELS)
    case: str | None = None  # the after-sales case (售后单) it is about


@dataclass
class Outcome:
    order: Order | None
    notices: list[Notice] = field(default_factory=list)
    acted: bool = True  # False: the message changed nothing (filed as ignored)
    note: str = ""
    # A reply that tried to decide and was refused: nothing changed but the
    # audit trail (and an explanation to the sender), so the order is saved.
    refused: bool = False


# The 24-hour rule: each status change the customer sees, and the notice that tells them.
CUSTOMER_VISIBLE = {"effective": "order_effective", "in_production": "in_production", "shipped": "shipped",
                    "delivered": "delivered", "closed": "closed"}
NOTICE_WITHIN_HOURS = 24


def late_notices(order: Order, trail: list, now) -> list[dict]:
    """Each customer-visible change of the order (its audit trail: effective, in production,
    shipped, a delay, delivered, closed) whose notice to the customer took more than 24 hours,
    or was never sent and 24 hours have passed."""
    found, told = [], [e for e in trail if e.kind == "notice" and e.reason.endswith("(customer)")]
    reached = set()  # a status reached again (已签收 once a case is resolved) is no news to the customer
    for event in trail:
        purpose = CUSTOMER_VISIBLE.get(event.to_status) if event.kind == "transition" else None
        if purpose is not None:
            if purpose in reached:
                continue
            reached.add(purpose)
        elif event.kind == "note" and event.reason.startswith("delay:"):
            purpose = "delay_notice"  # every delay is news
        else:
            continue
        notice = next((n for n in told if n.reason.startswith(f"{purpose} mailed to ") and n.at >= event.at), None)
        waited = (notice.at if notice else now) - event.at
        if waited.total_seconds() > NOTICE_WITHIN_HOURS * 3600:
            found.append({"order_no": order.order_no, "change": purpose, "changed_at": event.at.isoformat(),
                          "notice_at": notice.at.isoformat() if notice else None,
                          "hours": round(waited.total_seconds() / 3600, 1), "never_sent": notice is None})
    return found
