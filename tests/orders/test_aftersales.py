"""Procedure step 6 as operations on the order: after-sales cases with their
24-hour clock, the survey 3 days after delivery, the balance falling due, and
closure only when delivered, signed, paid, no case open and the customer
satisfied."""
from datetime import date, datetime, timedelta
from decimal import Decimal
from itertools import count

import pytest

from orders.aftersales import CaseRefused, Remarks, case_named, customer_verdict, open_case, solution_reply
from orders.closure import (ClosureRefused, SurveyRefused, close_if_done, close_reply, closure_gaps, survey_reply)
from orders.deadlines import chase_timers
from orders.delivery import signoff_reply
from orders.master import StaffMember
from orders.payments import Payment, add_payment
from orders.review import ReviewRules
from orders.signoff import Scan
from orders.status import Status
from templates.render import render_mail
from tests.orders.fakes import STAFF, FakeMaster
from tests.orders.test_tracking import CST, T, shipped

MASTER = FakeMaster(staff=STAFF + (StaffMember(email="service@company.example", name="孙服", role="customer_service"),))
CUSTOMER, REP, SERVICE = "purchase@huadong.example", "rep@company.example", "service@company.example"
_numbers = count(1)


def new_case_no() -> str:
    return f"AS202310{next(_numbers):04d}"


def form() -> Scan:
    return Scan(filename="签收单.jpg", declared_type="image/jpeg", size=250_000, sha256="cd" * 32, kind="image",
                format="JPEG", width=1200, height=1600)


def delivered(remark: str | None = None, paid: bool = False):
    order = shipped()
    order.total_payable = Decimal("50800.00")
    order.payment_terms.credit_days = 30
    if paid:
        add_payment(order, Payment(amount=Decimal("50800.00"), paid_on=T.date(), recorded_by="finance@company.example",
                                   recorded_at=T))
    remarks = Remarks(text=remark, department="warehouse", photos=["破损.jpg"], new_case_no=new_case_no) \
        if remark else None
    outcome = signoff_reply(order, scans=[form()], says_received=True, remarks=remarks, sender=CUSTOMER, sent_at=T,
                            at=T, message_id="<form@huadong.example>", master=MASTER)
    return order, outcome


def fire(order, at):
    return chase_timers(order, now=at, rules=ReviewRules(), master=MASTER).notices


def mail(order, notice) -> str:
    return render_mail(notice.purpose, order=order, notice=notice, recipient=None, company="示例",
                       address="orders@example.com", mail_ref="abc", paid_total=Decimal(0), score_links=[],
                       case=next((c for c in order.cases if c.case_no == notice.case), None))[0]


def test_a_damage_remark_on_the_form_opens_a_case_and_the_order_is_in_after_sales():
    order, outcome = delivered(remark="第2箱外包装破损,少货3件")
    (case,) = order.cases
    assert order.status == Status.AFTER_SALES and case.case_no.startswith("AS202310") and case.source == "signoff"
    assert case.photos == ["破损.jpg"] and order.timer("aftersales").due_at == T + timedelta(hours=24)
    told = sorted((n.purpose, n.audience) for n in outcome.notices if n.purpose.startswith("case"))
    assert told == [("case_opened", "customer_service"), ("case_opened", "rep"), ("case_opened", "warehouse"),
                    ("case_received", "customer")]
    opened = next(n for n in outcome.notices if n.audience == "customer_service")
    assert case.case_no in mail(order, opened) and "少货3件" in mail(order, opened)


def test_no_solution_in_24_hours_reminds_customer_service_then_the_sales_manager():
    order, _ = delivered(remark="外箱破损")
    assert [(n.purpose, n.to) for n in fire(order, T + timedelta(hours=24))] == [("task_reminder", SERVICE)]
    assert [(n.purpose, n.to) for n in fire(order, T + timedelta(hours=48))] == [("task_escalation",
                                                                                 "manager@company.example")]


def test_a_solution_goes_to_the_customer_whose_satisfaction_resolves_the_case():
    order, _ = delivered(remark="外箱破损")
    case = order.cases[0]
    sent = solution_reply(order, case, text="换货,10月20日前送到", sender=SERVICE, at=T + timedelta(hours=3),
                          message_id=None, master=MASTER)
    assert case.state == "solution_sent" and order.timer("aftersales") is None
    to_customer = next(n for n in sent.notices if n.audience == "customer")
    assert "换货" in mail(order, to_customer) and "满意" in mail(order, to_customer)
    again = customer_verdict(order, case, satisfied=False, text="还是不行,换来的也坏了", sender=CUSTOMER,
                             at=T + timedelta(days=2), message_id=None, master=MASTER)
    assert case.state == "open" and order.timer("aftersales").due_at == T + timedelta(days=3)
    assert {n.purpose for n in again.notices} == {"case_reopened"}
    solution_reply(order, case, text="派人上门维修", sender=SERVICE, at=T + timedelta(days=2, hours=2),
                   message_id=None, master=MASTER)
    done = customer_verdict(order, case, satisfied=True, text="满意", sender=CUSTOMER, at=T + timedelta(days=3),
                            message_id=None, master=MASTER)
    assert case.state == "resolved" and order.status == Status.DELIVERED
    assert {(n.purpose, n.audience) for n in done.notices} == {("case_resolved", "customer_service"),
                                                                ("case_resolved", "rep")}
    with pytest.raises(CaseRefused, match="resolved already"):
        solution_reply(order, case, text="再换一次", sender=SERVICE, at=T + timedelta(days=4), message_id=None,
                       master=MASTER)


def test_the_survey_goes_3_days_after_delivery_once_and_never_while_a_case_is_open():
    order, _ = delivered()
    due = order.timer("survey").due_at
    assert due == datetime(2023, 10, 5, 10, 0, tzinfo=CST)  # delivered 2 October, 3 days on
    assert fire(order, due - timedelta(minutes=1)) == []
    (survey,) = [n for n in fire(order, due) if n.purpose == "survey"]
    assert survey.to == CUSTOMER and order.survey.sent_at == due
    assert not [n for n in fire(order, due + timedelta(days=1)) if n.purpose == "survey"]
    troubled, _ = delivered(remark="少了2箱")
    assert not [n for n in fire(troubled, troubled.timer("survey").due_at) if n.purpose == "survey"]
    assert troubled.survey.skipped and troubled.survey.sent_at is None


def test_a_good_survey_closes_a_paid_order_and_an_owed_balance_keeps_it_open_naming_the_amount():
    order, _ = delivered(paid=True)
    fire(order, order.timer("survey").due_at)
    assert survey_reply(order, scores=[5], satisfied_words=True, quality_ok=True, on_time=True, words="很好",
                        sender=CUSTOMER, at=T + timedelta(days=4), message_id=None) == []
    closed = close_if_done(order, MASTER, T + timedelta(days=4))
    assert order.status == Status.CLOSED and sorted(n.audience for n in closed) == ["customer", "rep"]
    assert order.timers == []
    owing, _ = delivered()
    add_payment(owing, Payment(amount=Decimal("15240.00"), paid_on=T.date(), recorded_by="finance@company.example",
                               recorded_at=T))
    fire(owing, owing.timer("survey").due_at)
    survey_reply(owing, scores=[5], satisfied_words=None, quality_ok=None, on_time=None, words="5",
                 sender=CUSTOMER, at=T + timedelta(days=4), message_id=None)
    assert close_if_done(owing, MASTER, T + timedelta(days=4)) == [] and owing.status == Status.DELIVERED
    with pytest.raises(ClosureRefused, match="35,560.00 still owed"):
        close_reply(owing, sender=REP, at=T + timedelta(days=5), message_id=None, master=MASTER)


@pytest.mark.parametrize("scores, off_scale, why", [([4, 3], None, "two scores"), ([7], None, "not between 1 and 5"),
                                                     ([], "10/10", "10/10 is not a score between 1 and 5")])
def test_a_survey_answer_with_two_scores_a_7_or_a_10_of_10_is_asked_again(scores, off_scale, why):
    order, _ = delivered(paid=True)
    fire(order, order.timer("survey").due_at)
    with pytest.raises(SurveyRefused, match=why):
        survey_reply(order, scores=scores, satisfied_words=None, quality_ok=None, on_time=None, words="",
                     sender=CUSTOMER, at=T + timedelta(days=4), message_id=None, off_scale=off_scale)
    assert order.survey.answered_at is None


def test_a_low_score_asks_for_a_case_a_3_for_the_rep_and_words_alone_count():
    for scores, words, needs in (([2], None, ["case"]), ([3], None, ["rep"]), ([], True, []), ([], False, ["case"])):
        order, _ = delivered(paid=True)
        fire(order, order.timer("survey").due_at)
        assert survey_reply(order, scores=scores, satisfied_words=words, quality_ok=None, on_time=None, words="x",
                            sender=CUSTOMER, at=T + timedelta(days=4), message_id=None) == needs


def test_an_unanswered_survey_goes_to_the_rep_after_7_days_whose_close_closes_when_the_rest_holds():
    order, _ = delivered(paid=True)
    sent_at = order.timer("survey").due_at
    fire(order, sent_at)
    (ask,) = [n for n in fire(order, sent_at + timedelta(days=7)) if n.purpose == "close_request"]
    assert ask.to == REP and ask.details == ()
    assert "闭环" in mail(order, ask)
    closing = close_reply(order, sender=REP, at=sent_at + timedelta(days=8), message_id=None, master=MASTER)
    assert order.status == Status.CLOSED and {n.purpose for n in closing.notices} == {"closed"}


def test_the_balance_falls_due_credit_days_after_delivery_and_finance_and_the_rep_are_told_once():
    order, _ = delivered()
    due = order.timer("balance").due_at
    assert due.date() == date(2023, 11, 2)  # 30 days' credit from 2 October: overdue the day after
    told = [n for n in fire(order, due) if n.purpose == "balance_overdue"]
    assert sorted((n.audience, n.reason) for n in told) == [("finance", "50,800.00"), ("rep", "50,800.00")]
    assert not [n for n in fire(order, due + timedelta(days=1)) if n.purpose == "balance_overdue"]


def test_the_gaps_say_exactly_what_is_missing_and_a_case_is_found_by_its_number():
    order, _ = delivered(remark="型号不符")
    gaps = closure_gaps(order)
    assert any(order.cases[0].case_no in gap for gap in gaps) and any("50,800.00 still owed" in gap for gap in gaps)
    open_case(order, Remarks(text="少了一箱", department=None, photos=[], new_case_no=lambda: "AS2023109999"),
              source="complaint", by=CUSTOMER, at=T, message_id=None, master=MASTER)
    assert case_named(order, "关于 as2023109999 的处理").case_no == "AS2023109999"
    assert case_named(order, "处理方案:换货") is None  # two open: the reply must name one


def test_a_customer_visible_change_whose_notice_took_over_24_hours_or_never_came_is_late():
    from orders.model import Event
    from orders.notice import late_notices

    order, _ = delivered()

    def event(seq, hours, kind, to, reason):
        return Event(order_no=order.order_no, seq=seq, at=T + timedelta(hours=hours), actor="x", from_status=None,
                     to_status=to, reason=reason, kind=kind)

    trail = [event(1, 0, "transition", Status.SHIPPED, "shipped"),
             event(2, 0, "notice", Status.SHIPPED, f"shipped mailed to {CUSTOMER} (customer)"),
             event(3, 30, "note", Status.SHIPPED, "delay: 暴雨; new date 2023-10-18"),
             event(4, 60, "notice", Status.SHIPPED, f"delay_notice mailed to {CUSTOMER} (customer)"),
             event(5, 70, "transition", Status.DELIVERED, "signed 签收单 received"),
             event(6, 70, "notice", Status.DELIVERED, f"delivered mailed to {REP} (rep)")]
    late = late_notices(order, trail, now=T + timedelta(hours=100))
    assert [(row["change"], row["hours"], row["never_sent"]) for row in late] == [("delay_notice", 30.0, False),
                                                                               ("delivered", 30.0, True)]
    assert late_notices(order, trail, now=T + timedelta(hours=80))[1:] == []  # not 24 h yet: not late
