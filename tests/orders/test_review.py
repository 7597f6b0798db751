"""Step 3 by email in the domain: requests, verdicts, refusals, credit hold,
the 2-hour rule and change requests. The clock and the secret are passed in."""
from datetime import timedelta
from decimal import Decimal

import pytest

from orders.approval import Step
from orders.changes import request_change
from orders.deadlines import chase_review, is_overdue
from orders.master import StaffMember
from orders.model import DraftLine, OrderDraft, PaymentTerms
from orders.decisions import handle_verdict
from orders.review import ReviewRules, claims_of, renegotiate_terms
from orders.status import Status
from orders.tokens import issue_token

from tests.orders.fakes import HUADONG, FakeMaster
from tests.orders.test_intake import CUSTOMER, NOW, receive, reply, seed_draft

SECRET = "review-secret"
MANAGER, DEPUTY, FINANCE, REP = ("manager@company.example", "deputy@company.example", "finance@company.example",
                                 "rep@company.example")
RULES = ReviewRules()


def in_review(payable_qty="100", master=None, **changes):
    """An order the customer confirmed: it awaits the manager; its requests carry Message-IDs."""
    master = master or FakeMaster()
    draft = seed_draft(lines=[DraftLine(sku="P001", name="A产品", spec="L-500×300", unit="台",
                                        quantity=Decimal(payable_qty), unit_price=Decimal("500"))],
                       stated_total=None, **changes)
    order = receive(draft, master=master).order
    outcome = reply(order, "confirm", master=master)
    assert outcome.order.status == Status.MANAGER_REVIEW
    mark_sent(outcome.order)
    return outcome.order


def mark_sent(order):
    for n, request in enumerate(order.approval_requests):
        request.message_id = request.message_id or f"<req{n}.v{request.version}@example.com>"


def token_for(order, approver, step=None):
    request = next(r for r in reversed(order.approval_requests)
                   if r.approver == approver and (step is None or r.step == step))
    return issue_token(SECRET, claims_of(order, request))


def verdict(order, sender, intent="approve", *, token=None, thread=(), reason=None, at=None, master=None,
            distrust=None, message_id="<v@x>", quoted_token=None):
    outcome = handle_verdict(order, sender=sender, intent=intent, reason=reason, token=token,
                             thread_ids=list(thread), message_id=message_id, at=at or NOW + timedelta(minutes=30),
                             rules=RULES, secret=SECRET, master=master or FakeMaster(), distrust=distrust,
                             quoted_token=quoted_token)
    mark_sent(outcome.order)
    return outcome


def test_the_manager_alone_approves_an_order_up_to_fifty_thousand():
    order = in_review("98")  # 49,000 + 800 freight = 49,800
    outcome = verdict(order, MANAGER, token=token_for(order, MANAGER))
    assert order.status == Status.EFFECTIVE
    told = sorted((n.purpose, n.audience, n.to) for n in outcome.notices)
    # The warehouse and production get their own requests once stock is reserved (orders.progress).
    assert told == [("order_effective", "customer", CUSTOMER), ("order_effective", "rep", REP)]
    assert order.timer("review") is None


def test_above_fifty_thousand_finance_gets_the_credit_evidence_after_the_manager():
    order = in_review("100")  # 50,800 payable
    outcome = verdict(order, MANAGER, thread=["<req0.v1@example.com>"])
    assert order.status == Status.FINANCE_REVIEW
    (request,) = outcome.notices
    assert (request.purpose, request.to, request.step) == ("approval_request", FINANCE, "finance")
    credit = request.credit
    assert credit.credit_limit == Decimal("200000") and credit.order_total == Decimal("50800.00")
    assert credit.on_credit == Decimal("35560.00") and not credit.over_limit  # 30% prepaid
    outcome = verdict(order, FINANCE, token=token_for(order, FINANCE))
    assert order.status == Status.EFFECTIVE
    assert [d.step for d in order.decisions] == ["manager", "finance"]


def test_a_rejection_tells_the_rep_and_the_customer_why():
    order = in_review()
    outcome = verdict(order, MANAGER, "reject", token=token_for(order, MANAGER), reason="价格低于底价")
    assert order.status == Status.REJECTED
    assert sorted((n.audience, n.reason) for n in outcome.notices) == [("customer", "价格低于底价"),
                                                                       ("rep", "价格低于底价")]


def test_a_rejection_without_a_reason_is_refused_and_the_token_stays_usable():
    order = in_review()
    token = token_for(order, MANAGER)
    outcome = verdict(order, MANAGER, "reject", token=token)
    assert outcome.refused and order.status == Status.MANAGER_REVIEW
    assert verdict(order, MANAGER, "reject", token=token, reason="客户资质不符").order.status == Status.REJECTED


ATTACKS = ["forged from", "replayed", "other order", "before a change", "expired", "finance first",
           "manager on the finance step", "customer with the token", "altered", "doubtful origin", "no verdict"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_each_attack_is_refused_on_the_record_and_changes_nothing(attack):
    order = in_review("100")
    sender, token, kwargs = MANAGER, token_for(order, MANAGER), {}
    if attack == "forged from":
        sender = "wangqiang@evil.example"
    elif attack == "replayed":
        verdict(order, MANAGER, token=token)
        assert order.status == Status.FINANCE_REVIEW
    elif attack == "other order":
        other = in_review("100")
        other.order_no = "SO2023100002"
        token = token_for(other, MANAGER)
    elif attack == "before a change":
        order.version += 1
    elif attack == "expired":
        kwargs["at"] = NOW + RULES.token_life + timedelta(hours=1)
    elif attack == "finance first":
        sender, token = FINANCE, None
        kwargs["thread"] = ["<req0.v1@example.com>"]
    elif attack == "manager on the finance step":
        verdict(order, MANAGER, token=token)
        token = None
        kwargs["thread"] = [order.approval_requests[-1].message_id]  # the finance request, forwarded
    elif attack == "customer with the token":
        sender = CUSTOMER
    elif attack == "altered":
        token = token[:20] + ("x" if token[20] != "x" else "y") + token[21:]
    elif attack == "doubtful origin":
        kwargs["distrust"] = "the From address may be forged"
    elif attack == "no verdict":
        kwargs["reason"] = None
    before = order.model_dump(exclude={"event_seq", "updated_at"})
    outcome = verdict(order, sender, "answer" if attack == "no verdict" else "approve", token=token, **kwargs)
    assert outcome.refused and not outcome.acted
    assert order.model_dump(exclude={"event_seq", "updated_at"}) == before
    assert order.events[-1].kind == "refused" and order.events[-1].message_id == "<v@x>"
    (explanation,) = outcome.notices
    assert (explanation.purpose, explanation.to) == ("decision_refused", sender)
    assert explanation.reason and explanation.reason in order.events[-1].reason


def test_over_the_credit_limit_the_order_waits_for_new_terms_from_the_rep():
    master = FakeMaster(customers=[HUADONG.model_copy(update={"credit_limit": Decimal("40000"),
                                                             "outstanding": Decimal("10000")})])
    order = in_review("100", master=master)
    outcome = verdict(order, MANAGER, token=token_for(order, MANAGER), master=master)
    assert order.status == Status.CREDIT_HOLD
    assert sorted((n.purpose, n.audience) for n in outcome.notices) == [("credit_hold", "finance"),
                                                                        ("credit_hold", "rep")]
    assert outcome.notices[0].credit.exposure_after == Decimal("45560.00")  # 10,000 + 70% of 50,800
    outcome = renegotiate_terms(order, sender=REP, terms=PaymentTerms(text="预付50%", prepayment_percent=Decimal("50")),
                                message_id="<r@rep>", at=NOW + timedelta(hours=1), rules=RULES, master=master)
    assert order.status == Status.FINANCE_REVIEW and order.version == 2
    assert [(n.purpose, n.to) for n in outcome.notices] == [("approval_request", FINANCE)]
    assert outcome.notices[0].credit.exposure_after == Decimal("35400.00")
    mark_sent(order)
    # The old finance-free version's tokens are void; finance decides on version 2.
    verdict(order, FINANCE, token=token_for(order, FINANCE), master=master)
    assert order.status == Status.EFFECTIVE


def test_the_two_hour_rule_reminds_then_escalates_to_the_deputy():
    order = in_review()
    due = order.timer("review").due_at
    assert due == order.approval_requests[0].sent_at + timedelta(hours=2)
    assert not chase_review(order, now=due - timedelta(minutes=1), rules=RULES, master=FakeMaster()).acted
    first = chase_review(order, now=due, rules=RULES, master=FakeMaster())
    assert [(n.purpose, n.to) for n in first.notices] == [("review_reminder", MANAGER)]
    assert order.events[-1].kind == "reminder" and order.timer("review").due_at == due  # still overdue
    assert not chase_review(order, now=due + timedelta(hours=1), rules=RULES, master=FakeMaster()).acted
    second = chase_review(order, now=due + timedelta(hours=2), rules=RULES, master=FakeMaster())
    assert [(n.purpose, n.to) for n in second.notices] == [("escalation", DEPUTY)]
    assert order.events[-1].kind == "escalation" and DEPUTY in order.events[-1].reason
    assert is_overdue(order, due + timedelta(hours=5))
    assert not chase_review(order, now=due + timedelta(hours=5), rules=RULES, master=FakeMaster()).acted
    mark_sent(order)
    verdict(order, DEPUTY, thread=[order.approval_requests[-1].message_id], at=due + timedelta(hours=3))
    assert order.status == Status.FINANCE_REVIEW and order.decisions[-1].approver == DEPUTY


def test_an_approved_change_raises_the_version_voids_old_tokens_and_goes_through_approval_again():
    order = in_review("90")  # 45,800: the manager alone
    verdict(order, MANAGER, token=token_for(order, MANAGER))
    assert order.status == Status.EFFECTIVE
    old_token = token_for(order, MANAGER)
    asked = request_change(order, requester=CUSTOMER, reason="项目扩大",
                           changes=OrderDraft(lines=[DraftLine(sku="P001", quantity=Decimal("120"))]),
                           message_id="<c@huadong>", at=NOW + timedelta(days=1), rules=RULES, master=FakeMaster())
    mark_sent(order)
    assert [(n.purpose, n.step, n.change_id) for n in asked.notices] == [("approval_request", "change", 1)]
    assert order.change_requests[0].summary == ["实付金额 total payable: 45800.00 → 60800.00",
                                                "数量 quantity (第1行 line 1): 90 → 120"]
    assert order.events[-1].kind == "change_requested"
    decided = verdict(order, MANAGER, token=token_for(order, MANAGER, step="change"), at=NOW + timedelta(days=1))
    assert order.version == 2 and order.lines[0].quantity == Decimal("120")
    assert order.status == Status.MANAGER_REVIEW and order.total_payable == Decimal("60800.00")
    assert {(n.purpose, n.audience) for n in decided.notices} == {
        ("approval_request", "approver"), ("change_outcome", "customer"), ("change_outcome", "rep")}
    assert verdict(order, MANAGER, token=old_token, message_id="<old@x>").refused
    verdict(order, MANAGER, token=token_for(order, MANAGER, step="manager"), at=NOW + timedelta(days=1))
    assert order.status == Status.FINANCE_REVIEW  # 60,800 > 50,000: finance now


def test_a_change_without_a_reason_is_sent_back_and_not_filed():
    order = in_review()
    outcome = request_change(order, requester=CUSTOMER, reason=None,
                             changes=OrderDraft(requested_delivery_date=NOW.date() + timedelta(days=30)),
                             message_id="<c@huadong>", at=NOW, rules=RULES, master=FakeMaster())
    assert outcome.refused and order.change_requests == []
    assert [(n.purpose, n.to) for n in outcome.notices] == [("change_reason_needed", CUSTOMER)]


def test_a_rejected_change_leaves_the_order_as_it_was():
    order = in_review()
    request_change(order, requester=REP, reason="客户要求", changes=OrderDraft(
        customer={"address": "北京市朝阳区1号"}), message_id="<c@rep>", at=NOW, rules=RULES, master=FakeMaster())
    mark_sent(order)
    outcome = verdict(order, MANAGER, "reject", token=token_for(order, MANAGER, step="change"), reason="地址无法配送")
    assert order.customer.address == "上海市浦东新区张江路100号" and order.version == 1
    assert order.change_requests[0].state == "rejected"
    assert {(n.purpose, n.to) for n in outcome.notices} == {("change_outcome", REP), ("change_outcome", CUSTOMER)}
    assert order.status == Status.MANAGER_REVIEW


def test_a_token_for_a_decided_change_cannot_decide_the_next_one():
    master = FakeMaster(staff=[*FakeMaster().staff, StaffMember(email="manager2@company.example", name="二经理",
                                                               role="sales_manager")])
    order = in_review(master=master)

    def ask(reason, when):
        request_change(order, requester=CUSTOMER, reason=reason, message_id=f"<{reason}@huadong>", at=when,
                       rules=RULES, master=master, changes=OrderDraft(special_requirements=f"{reason}包装"))
        mark_sent(order)

    ask("防潮", NOW)
    second_managers_token = token_for(order, "manager2@company.example", step="change")
    verdict(order, MANAGER, "reject", token=token_for(order, MANAGER, step="change"), reason="不需要",
            master=master)
    ask("加固", NOW + timedelta(minutes=5))
    outcome = verdict(order, "manager2@company.example", token=second_managers_token, master=master)
    assert outcome.refused and "change request #1" in outcome.note
    assert order.change_requests[1].state == "pending"
    verdict(order, MANAGER, "reject", token=token_for(order, MANAGER, step="change"), reason="同上", master=master)
    assert order.change_requests[1].state == "rejected"


def test_proof_is_the_token_or_the_request_answered_and_nothing_else():
    order = in_review("98")
    # The approver's address and the order number alone: refused.
    outcome = verdict(order, MANAGER)
    assert outcome.refused and "answers no approval request sent to you" in outcome.note
    # A bogus token quoted from the customer's text does not outweigh the request answered.
    request_id = order.approval_requests[0].message_id
    assert verdict(order, MANAGER, thread=[request_id], quoted_token="x" * 20 + "." + "y" * 20).acted
    assert order.status == Status.EFFECTIVE


def test_a_token_only_in_the_quoted_request_proves_receipt_when_in_reply_to_is_missing():
    order = in_review("98")
    assert verdict(order, MANAGER, quoted_token=token_for(order, MANAGER)).acted
    assert order.status == Status.EFFECTIVE
