from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from orders.approval import ApprovalPolicy, DecisionRefused, Step, credit_evidence, decide
from orders.master import CustomerRecord
from orders.model import Order, PaymentTerms
from orders.status import Status
from orders.tokens import Claims, TokenRefused, check_claims, issue_token, read_token

NOW = datetime(2023, 10, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
SECRET = "test-secret"


def order(payable: str, prepay: str | None = None) -> Order:
    o = Order.receive("SO2023100001", at=NOW, actor="c@x", message_id=None)
    o.total_payable = Decimal(payable)
    o.payment_terms = PaymentTerms(prepayment_percent=Decimal(prepay) if prepay else None)
    return o


def test_up_to_fifty_thousand_the_manager_alone_decides():
    assert ApprovalPolicy().steps(order("50000.00")) == [Step.MANAGER]


def test_above_fifty_thousand_finance_follows_the_manager():
    assert ApprovalPolicy().steps(order("50800.00")) == [Step.MANAGER, Step.FINANCE]
    assert ApprovalPolicy(threshold=Decimal("100000")).steps(order("50800.00")) == [Step.MANAGER]


def test_no_level_can_be_skipped():
    policy, big = ApprovalPolicy(), order("80000")
    assert policy.next_step(big, []) == Step.MANAGER
    assert policy.next_step(big, [Step.MANAGER]) == Step.FINANCE
    assert policy.next_step(big, [Step.MANAGER, Step.FINANCE]) is None
    with pytest.raises(ValueError):
        policy.next_step(big, [Step.FINANCE])


def test_steps_name_the_roles_of_the_staff_table():
    assert (Step.MANAGER.role, Step.FINANCE.role) == ("sales_manager", "finance")


def test_credit_evidence_counts_only_what_is_not_prepaid():
    customer = CustomerRecord(code="C1", name="甲", credit_limit=Decimal("100000"),
                              outstanding=Decimal("60000"), overdue=Decimal("5000"))
    evidence = credit_evidence(order("50800.00", prepay="30"), customer)
    assert evidence.on_credit == Decimal("35560.00") and evidence.exposure_after == Decimal("95560.00")
    assert not evidence.over_limit
    assert credit_evidence(order("50800.00"), customer).over_limit  # nothing prepaid: 110,800 > 100,000


def claims(**changes) -> Claims:
    values = dict(order_no="SO2023100001", version=1, approver="Manager@Example.com", step=Step.MANAGER,
                  expires_at=NOW + timedelta(days=3))
    return Claims(**(values | changes))


def test_a_token_reads_back_its_claims_and_binds_the_approver():
    token = issue_token(SECRET, claims())
    read = read_token(SECRET, token, now=NOW)
    assert (read.order_no, read.version, read.step, read.approver) == ("SO2023100001", 1, Step.MANAGER,
                                                                       "manager@example.com")
    check_claims(read, order_no="SO2023100001", version=1, awaited={Step.MANAGER}, sender="MANAGER@example.com")


@pytest.mark.parametrize("attack", ["altered", "expired", "other order", "old version", "wrong step",
                                    "forwarded", "other secret"])
def test_a_token_is_refused(attack):
    token = issue_token(SECRET, claims())
    order_no, version, step, sender, now, secret = "SO2023100001", 1, Step.MANAGER, "manager@example.com", NOW, SECRET
    if attack == "altered":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif attack == "expired":
        now = NOW + timedelta(days=3)
    elif attack == "other order":
        order_no = "SO2023100002"
    elif attack == "old version":
        version = 2
    elif attack == "wrong step":
        step = Step.FINANCE
    elif attack == "forwarded":
        sender = "customer@buyer.example"
    elif attack == "other secret":
        secret = "another-secret"
    with pytest.raises(TokenRefused):
        check_claims(read_token(secret, token, now=now), order_no=order_no, version=version, awaited={step} - {None}, sender=sender)

MANAGER, FINANCE = "manager@example.com", "finance@example.com"


def in_review(payable: str) -> Order:
    o = order(payable)
    o.move_to(Status.CONFIRMING, at=NOW, actor="c@x", reason="t")
    o.move_to(Status.MANAGER_REVIEW, at=NOW, actor="c@x", reason="t")
    return o


def evidence(limit: str):
    customer = CustomerRecord(code="C1", name="甲", credit_limit=Decimal(limit), outstanding=Decimal("0"))
    return credit_evidence(order("80000"), customer)


def test_a_small_order_is_effective_once_the_manager_approves():
    o = in_review("30000")
    assert decide(o, step=Step.MANAGER, verdict="approve", approver=MANAGER, at=NOW, policy=ApprovalPolicy()) \
        == "effective"
    assert o.status == Status.EFFECTIVE and o.decisions[0].version == 1


def test_a_large_order_needs_finance_after_the_manager():
    o, policy = in_review("80000"), ApprovalPolicy()
    with pytest.raises(DecisionRefused):
        decide(o, step=Step.FINANCE, verdict="approve", approver=FINANCE, at=NOW, policy=policy)
    assert decide(o, step=Step.MANAGER, verdict="approve", approver=MANAGER, at=NOW, policy=policy,
                  credit=evidence("200000")) == "finance_review"
    with pytest.raises(DecisionRefused):  # the manager cannot stand in for finance
        decide(o, step=Step.MANAGER, verdict="approve", approver=MANAGER, at=NOW, policy=policy)
    assert decide(o, step=Step.FINANCE, verdict="approve", approver=FINANCE, at=NOW, policy=policy) == "effective"


def test_exposure_over_the_limit_puts_the_order_on_credit_hold():
    o = in_review("80000")
    assert decide(o, step=Step.MANAGER, verdict="approve", approver=MANAGER, at=NOW, policy=ApprovalPolicy(),
                  credit=evidence("50000")) == "credit_hold"
    assert [e.to_status for e in o.events][-2:] == [Status.FINANCE_REVIEW, Status.CREDIT_HOLD]


def test_a_rejection_needs_a_reason_and_ends_the_order():
    o = in_review("30000")
    with pytest.raises(DecisionRefused):
        decide(o, step=Step.MANAGER, verdict="reject", approver=MANAGER, at=NOW, policy=ApprovalPolicy())
    assert o.status == Status.MANAGER_REVIEW and o.decisions == []
    decide(o, step=Step.MANAGER, verdict="reject", approver=MANAGER, at=NOW, policy=ApprovalPolicy(),
           reason="单价低于最低售价")
    assert o.status == Status.REJECTED and "单价低于最低售价" in o.events[-1].reason
