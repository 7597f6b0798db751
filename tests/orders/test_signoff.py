"""Proof of delivery as an operation on the order: the signed 签收单, read from
a photo or scan, makes the order 已签收; a file that cannot be read is refused
and the sender asked again, saying why; the carrier's 签收 and a text 已签收
are noted and the form asked for; remarks of damage reach the rep and
customer service."""
from datetime import date, datetime, timedelta

import pytest

from orders.deadlines import chase_timers
from orders.delivery import DeliveryRefused, apply_tracking, signoff_reply
from orders.master import StaffMember
from orders.review import ReviewRules
from orders.signoff import Scan, readable_scan
from orders.status import Status
from templates.render import render_mail
from tests.orders.fakes import STAFF, FakeMaster
from tests.orders.test_tracking import CST, T, Event, shipped

MASTER = FakeMaster(staff=STAFF + (StaffMember(email="logistics@company.example", name="周运", role="logistics"),
                                   StaffMember(email="service@company.example", name="孙服", role="customer_service")))
CUSTOMER = "purchase@huadong.example"


def scan(name="签收单.jpg", width=1200, height=1600, kind="image", fmt="JPEG", problem=None) -> Scan:
    return Scan(filename=name, declared_type="image/jpeg", size=250_000, sha256="ab" * 32, kind=kind, format=fmt,
                width=width, height=height, problem=problem)


def answer(order, *, scans=(), says_received=False, remarks=None, at=T, sent_at=None, sender=CUSTOMER):
    return signoff_reply(order, scans=list(scans), says_received=says_received, remarks=remarks, sender=sender,
                         sent_at=sent_at, at=at, message_id="<r1@huadong.example>", master=MASTER)


def mail(order, notice) -> str:
    return render_mail(notice.purpose, order=order, notice=notice, recipient=None, company="示例",
                       address="orders@example.com", mail_ref="abc")[0]


def test_a_readable_scan_delivers_the_order_on_the_carriers_day_and_tells_the_customer_and_rep():
    order = shipped()
    order.actual_ship_date = date(2023, 9, 30)
    apply_tracking(order, events=[Event(T - timedelta(days=1), "苏州", "已签收,签收人:前台", "3")], state="3",
                   estimated_arrival=None, at=T, master=MASTER)
    assert order.timer("signoff") is not None
    outcome = answer(order, scans=[scan()], at=T + timedelta(days=1), sent_at=T + timedelta(days=1))
    assert order.status == Status.DELIVERED
    assert order.actual_delivery_date == (T - timedelta(days=1)).date()  # the carrier's 签收, not the reply's day
    form = order.delivery.form
    assert form.file == "signoff/SO2023100001-signed.jpg" and form.sha256 == "ab" * 32 and form.sender == CUSTOMER
    assert order.timer("signoff") is None and order.timer("arrival") is None
    assert sorted((n.purpose, n.audience) for n in outcome.notices) == [("delivered", "customer"), ("delivered", "rep")]
    assert "已签收" in mail(order, outcome.notices[0])


def test_without_the_carriers_word_the_reply_dates_the_delivery_within_what_is_possible():
    order = shipped()
    order.actual_ship_date = date(2023, 10, 1)
    answer(order, scans=[scan()], sent_at=datetime(2023, 9, 1, tzinfo=CST), at=T)  # a Date before the goods left
    assert order.actual_delivery_date == date(2023, 10, 1)
    later = shipped()
    answer(later, scans=[scan()], sent_at=datetime(2030, 1, 1, tzinfo=CST), at=T)  # a Date in the future
    assert later.actual_delivery_date == T.date()


@pytest.mark.parametrize("bad", [scan(width=480, height=640, problem="签收单.jpg is 480×640 px: too small to read"),
                                 scan(name="签收单.jpg", kind=None, fmt=None, width=None, height=None,
                                      problem="签收单.jpg is not an image or a PDF (it is a Windows program)"),
                                 scan(name="empty.pdf", kind="pdf", fmt="PDF", problem="empty.pdf has no pages")])
def test_a_scan_that_cannot_be_read_is_refused_and_the_sender_asked_again_saying_why(bad):
    order = shipped()
    outcome = answer(order, scans=[bad], says_received=True)
    assert order.status == Status.SHIPPED and order.delivery.form is None and order.delivery.scans_refused == 1
    (notice,) = outcome.notices
    assert (notice.purpose, notice.to) == ("signoff_again", CUSTOMER) and notice.details == (bad.problem,)
    assert bad.problem in mail(order, notice) and "600" in mail(order, notice)
    assert order.events[-1].kind == "refused"


def test_words_alone_are_noted_the_form_asked_for_and_the_rep_reminded_two_working_days_later():
    order = shipped()
    outcome = answer(order, says_received=True)
    assert order.status == Status.SHIPPED and order.delivery.customer_said_at == T
    assert [(n.purpose, n.to) for n in outcome.notices] == [("signoff_request", CUSTOMER)]
    assert "签收单" in mail(order, outcome.notices[0])
    due = order.timer("signoff").due_at
    fired = chase_timers(order, now=due, rules=ReviewRules(), master=MASTER)
    assert [(n.purpose, n.audience) for n in fired.notices] == [("task_reminder", "rep")]


def test_the_carriers_signature_asks_the_customer_for_the_form_once():
    order = shipped()
    signed = [Event(T, "苏州", "已签收", "3")]
    first = apply_tracking(order, events=signed, state="3", estimated_arrival=None, at=T, master=MASTER)
    assert [(n.purpose, n.to) for n in first.notices] == [("signoff_request", CUSTOMER)]
    assert "承运商显示" in mail(order, first.notices[0])
    again = apply_tracking(order, events=signed + [Event(T + timedelta(hours=1), "苏州", "已签收(补录)", "3")],
                           state="3", estimated_arrival=None, at=T + timedelta(hours=1), master=MASTER)
    assert not [n for n in again.notices if n.purpose == "signoff_request"]
    assert order.status == Status.SHIPPED


def test_damage_remarks_are_kept_and_open_a_case_and_the_form_still_counts():
    from orders.aftersales import Remarks

    order = shipped()
    numbers = iter(["AS2023100001", "AS2023100002"])
    remarks = Remarks(text="第2箱外包装破损，少货3件", department="warehouse", photos=[],
                      new_case_no=lambda: next(numbers))
    outcome = answer(order, scans=[scan()], remarks=remarks)
    assert order.status == Status.AFTER_SALES  # delivered, with a case open
    assert [r.text for r in order.delivery.remarks] == ["第2箱外包装破损，少货3件"]
    assert [(c.case_no, c.source) for c in order.cases] == [("AS2023100001", "signoff")]
    told = sorted((n.purpose, n.to) for n in outcome.notices)
    assert ("delivered", CUSTOMER) in told and ("case_opened", "service@company.example") in told
    assert ("case_received", CUSTOMER) in told
    # After delivery a new remark opens another case; the form stays the first one.
    later = answer(order, scans=[scan(name="another.jpg")], remarks=Remarks(
        text="型号不符", department="warehouse", photos=[], new_case_no=lambda: next(numbers)),
        at=T + timedelta(days=1))
    assert [c.case_no for c in order.cases] == ["AS2023100001", "AS2023100002"]
    assert {n.purpose for n in later.notices} == {"case_opened", "case_received"}
    assert order.delivery.form.original_name == "签收单.jpg"


def test_the_largest_readable_image_or_a_pdf_is_the_form_and_nothing_before_shipping():
    small, big = scan(name="a.jpg", width=800, height=900), scan(name="b.jpg", width=2000, height=3000)
    assert readable_scan([small, big]).filename == "b.jpg"
    assert readable_scan([big, scan(name="s.pdf", kind="pdf", fmt="PDF", width=None, height=None)]).filename == "s.pdf"
    assert readable_scan([scan(problem="too small")]) is None
    damage, form = scan(name="IMG_2001.jpg", width=3000, height=4000), scan(name="签收单.jpg", width=900, height=1200)
    assert readable_scan([damage, form]).filename == "签收单.jpg"  # the one named as the form, though smaller
    order = shipped()
    order.status = Status.PICKING
    with pytest.raises(DeliveryRefused, match="has not shipped"):
        answer(order, scans=[scan()])
    assert answer(shipped()) is None  # nothing about the delivery: the reply goes elsewhere
