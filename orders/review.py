"""Procedure step 3 by email: approval requests out, verdicts back.

An approver never logs in: each gets a request with a personal signed token
and answers by a mailto: link or a plain reply. A reply decides only when its
sender is the approver the token (or the request it answers) was issued to,
for the order's current version and the step the order awaits, and only once.
Anything else is refused: the refusal is an audit event and the sender is
told why, and the order does not change.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from orders.approval import (ApprovalPolicy, CreditEvidence, Step, awaited_step,
                             credit_evidence, decide)
from orders.master import CustomerRecord, MasterData
from orders.model import SYSTEM, ApprovalRequest, Order, PaymentTerms
from orders.notice import Notice, Outcome, ReportLine
from orders.status import Status
from orders.text import message_id_key
from orders.tokens import Claims, TokenRefused, read_token
from orders.validation import (check_amounts, check_arithmetic, check_custom_specs, check_customer,
                               check_dates, check_products, check_required)

@dataclass(frozen=True)
class ReviewRules:
    """The numbers of step 3, from the settings (defaults: the procedure's)."""

    policy: ApprovalPolicy = field(default_factory=ApprovalPolicy)
    review_window: timedelta = timedelta(hours=2)  # 初审需在订单提交后2小时内完成
    feasibility_days: int = 1  # working days tech has for a feasibility check
    token_life: timedelta = timedelta(days=7)


# ---------------------------------------------------------------- who is who

def customer_record(order: Order, master: MasterData) -> CustomerRecord | None:
    return master.customer_by_code(order.customer.code) if order.customer.code else None


def sales_rep(order: Order, master: MasterData) -> str | None:
    """The order's rep: as recorded, else the customer record's, else the staff table's first."""
    if order.sales_rep:
        return order.sales_rep
    record = customer_record(order, master)
    if record is not None and record.sales_rep_email:
        return record.sales_rep_email
    reps = master.staff_with_role("sales_rep")
    return reps[0].email if reps else None


def awaited_steps(order: Order) -> set[Step]:
    """The steps a reply may decide now: the order's approval level, and a pending change request."""
    steps = {awaited_step(order)} - {None}
    if pending_change(order) is not None:
        steps.add(Step.CHANGE)
    return steps


def pending_change(order: Order):
    return next((c for c in order.change_requests if c.state == "pending"), None)


# ---------------------------------------------------------------- requests out

def validation_report(order: Order, master: MasterData, today) -> tuple[ReportLine, ...]:
    """The checks of steps 1–2 as the approver sees them, each passed or with its findings."""
    record = customer_record(order, master)
    checks = (("必填项 Required fields", check_required(order)),
              ("金额计算 Arithmetic", check_arithmetic(order) + check_amounts(order)),
              ("客户档案 Customer master", check_customer(order, record)),
              ("商品档案 Product catalogue", check_products(order, master)),
              ("交付日期 Delivery date", check_dates(order, today)),
              ("定制规格 Custom specifications", check_custom_specs(order)))
    return tuple(ReportLine(name, tuple(found)) for name, found in checks)


def credit_for(order: Order, master: MasterData) -> CreditEvidence | None:
    record = customer_record(order, master)
    if record is None:
        return None
    return credit_evidence(order, record, master.receivable(record.code, besides=order.order_no))


def open_review(order: Order, step: Step, *, at: datetime, rules: ReviewRules, master: MasterData,
                in_reply_to: str | None, change_id: int | None = None) -> list[Notice]:
    """Send the step's request to everyone who holds its role; the manager's
    review starts the 2-hour clock."""
    if step is Step.MANAGER:
        order.start_timer("review", at + rules.review_window, rules.review_window, role=step.role)
    approvers = master.staff_with_role(step.role)
    if not approvers:
        order.note("note", at=at, actor=SYSTEM, message_id=in_reply_to,
                   reason=f"no staff member holds the role {step.role}: the {step} step waits for the staff table")
        return []
    facts = review_facts(order, step, master, at.date())
    return [request_notice(order, step, member.email, at=at, rules=rules, facts=facts, in_reply_to=in_reply_to,
                           change_id=change_id) for member in approvers]


@dataclass(frozen=True)
class ReviewFacts:
    """What every approver of a step is shown, worked out once for all of them."""

    report: tuple[ReportLine, ...]
    credit: CreditEvidence | None  # finance only


def review_facts(order: Order, step: Step, master: MasterData, today) -> ReviewFacts:
    return ReviewFacts(validation_report(order, master, today),
                       credit_for(order, master) if step is Step.FINANCE else None)


def request_notice(order: Order, step: Step, approver: str, *, at: datetime, rules: ReviewRules,
                   facts: ReviewFacts, in_reply_to: str | None, purpose: str = "approval_request",
                   change_id: int | None = None) -> Notice:
    """Record a request for one approver (its token is signed from it) and the notice that mails it."""
    order.approval_requests.append(ApprovalRequest(
        step=step.value, version=order.version, approver=approver.casefold(), sent_at=at,
        expires_at=at + rules.token_life, purpose=purpose, change_id=change_id))
    return approver_notice(order, len(order.approval_requests) - 1, purpose, facts=facts, in_reply_to=in_reply_to)


def approver_notice(order: Order, index: int, purpose: str, *, facts: ReviewFacts,
                    in_reply_to: str | None) -> Notice:
    request = order.approval_requests[index]
    return Notice(purpose, order.order_no, request.approver, in_reply_to, audience="approver", step=request.step,
                  request=index, credit=facts.credit, report=facts.report, change_id=request.change_id)


def live_requests(order: Order, step: Step) -> list[int]:
    """Indexes of the requests that can still decide `step` at the current version."""
    return [n for n, r in enumerate(order.approval_requests)
            if r.step == step.value and r.version == order.version]


def claims_of(order: Order, request: ApprovalRequest) -> Claims:
    return Claims(order.order_no, request.version, request.approver, Step(request.step), request.expires_at)


# ---------------------------------------------------------------- verdicts back

def refuse(order: Order, sender: str, why: str, *, message_id: str | None, at: datetime) -> Outcome:
    order.note("refused", at=at, actor=sender, reason=f"reply refused: {why}", message_id=message_id)
    return Outcome(order, [Notice("decision_refused", order.order_no, sender, message_id, audience="sender",
                                  reason=why)], acted=False, refused=True, note=f"refused: {why}")


def verdict_claims(order: Order, token: str | None, thread_ids: list[str], secret: str, now: datetime, *,
            quoted_token: str | None = None) -> Claims:
    """What the reply answers: the token it carries (subject or its own text),
    else the request its In-Reply-To or References name, else a token only in
    its quoted text (a client that drops In-Reply-To). Nothing else: the order
    number and the approver's address are no secret, so a reply that holds
    none of these proves nothing."""
    if token:
        return read_token(secret, token, now=now)
    request = answered_request(order, thread_ids)
    if request is None and quoted_token:
        return read_token(secret, quoted_token, now=now)
    if request is None:
        raise TokenRefused("the reply carries no approval token and answers no approval request sent to you: "
                           "reply to the request mail, or use its 同意/驳回 links")
    if now >= request.expires_at:
        raise TokenRefused(f"the approval request expired at {request.expires_at.isoformat()}")
    return claims_of(order, request)


def answered_request(order: Order, thread_ids: list[str]) -> ApprovalRequest | None:
    """The approval request a reply answers, by its In-Reply-To/References."""
    by_id = {message_id_key(r.message_id): r for r in order.approval_requests if r.message_id}
    return next((by_id[message_id_key(m)] for m in thread_ids if message_id_key(m) in by_id), None)



def decide_level(order: Order, step: Step, *, verdict: str, approver: str, reason: str | None,
                  message_id: str | None, at: datetime, rules: ReviewRules, master: MasterData) -> Outcome:
    credit = credit_for(order, master)
    result = decide(order, step=step, verdict=verdict, approver=approver, at=at, policy=rules.policy,
                    credit=credit, reason=reason, message_id=message_id)
    if step is Step.MANAGER:
        order.stop_timer("review")
    if result == "rejected":
        notices = [Notice("order_rejected", order.order_no, to, message_id, audience=audience, step=step.value,
                          reason=reason) for to, audience in rep_and_customer(order, master)]
    elif result == "effective":
        notices = effective_notices(order, master, message_id)
    elif result == "credit_hold":
        notices = hold_notices(order, credit, master, message_id)
    else:
        notices = open_review(order, Step.FINANCE, at=at, rules=rules, master=master, in_reply_to=message_id)
    return Outcome(order, notices, note=f"{step} {verdict}d by {approver}: {result}")


def staff_and_rep(order: Order, master: MasterData, *roles: str | None) -> list[tuple[str, str]]:
    """(address, audience) of everyone holding one of `roles` (None: skipped), then the order's rep."""
    rep = sales_rep(order, master)
    return [(m.email, role) for role in roles if role for m in master.staff_with_role(role)] + \
        ([(rep, "rep")] if rep else [])


def rep_and_customer(order: Order, master: MasterData) -> list[tuple[str, str]]:
    rep = sales_rep(order, master)
    return ([(rep, "rep")] if rep else []) + ([(order.reply_to, "customer")] if order.reply_to else [])


def effective_notices(order: Order, master: MasterData, message_id: str | None) -> list[Notice]:
    """已生效: the customer and the rep are told; the warehouse and production get
    their own requests in the same poll, once stock is reserved (orders.progress)."""
    return [Notice("order_effective", order.order_no, to, message_id, audience=audience)
            for to, audience in rep_and_customer(order, master)]


def hold_notices(order: Order, credit: CreditEvidence | None, master: MasterData,
                 message_id: str | None) -> list[Notice]:
    """信用额度不足: the rep renegotiates the terms; finance is told the order waits."""
    reason = (f"exposure {credit.exposure_after} over the credit limit {credit.credit_limit}"
              if credit else "over the credit limit")
    rep = sales_rep(order, master)
    people = [(rep, "rep")] if rep else [(m.email, "rep") for m in master.staff_with_role("sales_manager")]
    people += [(m.email, "finance") for m in master.staff_with_role("finance")]
    return [Notice("credit_hold", order.order_no, to, message_id, audience=audience, step=Step.FINANCE.value,
                   reason=reason, credit=credit) for to, audience in people]


# ---------------------------------------------------------------- credit hold

def renegotiate_terms(order: Order, *, sender: str, terms: PaymentTerms | None, message_id: str | None,
                      at: datetime, rules: ReviewRules, master: MasterData) -> Outcome:
    """The rep's reply with new terms (预付50%): a new version goes back to
    finance; the manager's approval stands, as only the terms changed."""
    if terms is None or _same_terms(order.payment_terms, terms):
        return Outcome(order, acted=False, note="the rep's reply states no new payment terms")
    old = order.version
    order.payment_terms = terms
    order.version += 1
    for decision in [d for d in order.decisions if d.version == old and d.verdict == "approve"]:
        order.decisions.append(decision.model_copy(update={
            "version": order.version, "reason": f"carried over from version {old}: only the payment terms changed"}))
    order.join_thread(message_id)
    order.move_to(Status.FINANCE_REVIEW, at=at, actor=sender, message_id=message_id,
                  reason=f"payment terms renegotiated ({terms.text}); version {order.version} back to finance")
    credit = credit_for(order, master)
    if credit is not None and credit.over_limit:
        order.move_to(Status.CREDIT_HOLD, at=at, actor=SYSTEM, message_id=message_id,
                      reason=f"still over the limit: exposure {credit.exposure_after} > {credit.credit_limit}")
        return Outcome(order, hold_notices(order, credit, master, message_id), note="still on credit hold")
    notices = open_review(order, Step.FINANCE, at=at, rules=rules, master=master, in_reply_to=message_id)
    return Outcome(order, notices, note=f"new terms {terms.text}: back to finance")


def _same_terms(have: PaymentTerms, new: PaymentTerms) -> bool:
    return (have.prepayment_percent, have.credit_days) == (new.prepayment_percent, new.credit_days)


# ---------------------------------------------------------------- into review

def submit_for_approval(order: Order, *, at: datetime, actor: str, reason: str, message_id: str | None,
                        rules: ReviewRules, master: MasterData) -> list[Notice]:
    """Into manager review (待经理审批), with the rep on record and the manager's request out."""
    order.sales_rep = order.sales_rep or sales_rep(order, master)
    order.move_to(Status.MANAGER_REVIEW, at=at, actor=actor, reason=reason, message_id=message_id)
    return open_review(order, Step.MANAGER, at=at, rules=rules, master=master, in_reply_to=message_id)

