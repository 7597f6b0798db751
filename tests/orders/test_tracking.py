"""A carrier's tracking kept on the shipment: events without duplicates, the
exceptions of procedure step 5 recognised, a failing service reported once."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from orders.shipment import Shipment
from orders.tracking import exception_in, failure_to_report, merge_events, record_failure

CST = timezone(timedelta(hours=8))
T = datetime(2023, 10, 2, 9, 0, tzinfo=CST)


@dataclass(frozen=True)
class Event:  # what tracking/ hands over
    at: datetime
    place: str | None
    text: str
    state: str | None


def shipment() -> Shipment:
    return Shipment(carrier="顺丰速运", carrier_code="shunfeng", tracking_no="SF1234567890123",
                    window_start=date(2023, 10, 15), window_end=date(2023, 10, 16))


def test_new_events_are_added_once_oldest_first_and_the_state_kept():
    s = shipment()
    first = [Event(T + timedelta(hours=2), "上海", "快件已到达上海转运中心", "0"), Event(T, "上海", "已揽收", "1")]
    assert [e.text for e in merge_events(s, first, "0")] == ["已揽收", "快件已到达上海转运中心"]
    again = first + [Event(T + timedelta(hours=20), "苏州", "派件中", "5")]
    assert [e.text for e in merge_events(s, again, "5")] == ["派件中"]
    assert [e.text for e in s.events] == ["已揽收", "快件已到达上海转运中心", "派件中"] and s.carrier_state == "5"


def test_an_exception_state_a_refusal_or_a_late_arrival_is_recognised_with_the_carriers_words():
    s = shipment()
    new = merge_events(s, [Event(T, "苏州", "收件人拒收，原因：包装破损", "14")], "14")
    assert exception_in(s, new, None) == "拒签 refused: 收件人拒收，原因：包装破损"
    calm = shipment()
    new = merge_events(calm, [Event(T, "上海", "运输中", "0")], "0")
    assert exception_in(calm, new, date(2023, 10, 16)) is None
    assert "after the agreed window (2023-10-16)" in exception_in(calm, new, date(2023, 10, 18))
    assert exception_in(calm, [], None) is None  # nothing new, nothing to tell


def test_a_failing_service_is_reported_once_after_a_day():
    s = shipment()
    record_failure(s, "timeout", "tracking.example: no answer in 10 s", T)
    assert failure_to_report(s, T + timedelta(hours=23)) is None
    record_failure(s, "garbage", "tracking.example: not JSON", T + timedelta(hours=24))
    reported = failure_to_report(s, T + timedelta(hours=24))
    assert reported is not None and reported.tries == 2 and reported.since == T
    assert failure_to_report(s, T + timedelta(hours=48)) is None  # once, not every poll


# ---------------------------------------------------------------- step 5 as operations on the order

from decimal import Decimal  # noqa: E402

import pytest  # noqa: E402

from orders.delivery import DeliveryRefused, apply_tracking, delay_reply, tracking_failed  # noqa: E402
from orders.model import Order, OrderLine  # noqa: E402
from orders.status import Status  # noqa: E402
from templates.render import render_mail  # noqa: E402
from tests.orders.fakes import STAFF, FakeMaster  # noqa: E402
from orders.master import StaffMember  # noqa: E402

MASTER = FakeMaster(staff=STAFF + (StaffMember(email="logistics@company.example", name="周运", role="logistics"),))


def shipped() -> Order:
    order = Order.receive("SO2023100001", at=T - timedelta(days=2), actor="purchase@huadong.example", message_id=None)
    order.reply_to, order.sales_rep, order.status = "purchase@huadong.example", "rep@company.example", Status.SHIPPED
    order.lines = [OrderLine(line_no=1, sku="P001", quantity=Decimal(100))]
    order.shipment = shipment()
    return order


def test_an_exception_tells_logistics_and_the_rep_at_once_and_starts_the_two_hour_clock():
    order = shipped()
    outcome = apply_tracking(order, events=[Event(T, "苏州", "收件人拒收，原因：包装破损", "14")], state="14",
                             estimated_arrival=None, at=T, master=MASTER)
    assert sorted((n.purpose, n.audience) for n in outcome.notices) == [("carrier_exception", "logistics"),
                                                                       ("carrier_exception", "rep")]
    assert "包装破损" in outcome.notices[0].reason and order.timer("exception").due_at == T + timedelta(hours=2)
    quiet = apply_tracking(order, events=[Event(T, "苏州", "收件人拒收，原因：包装破损", "14")], state="14",
                           estimated_arrival=None, at=T + timedelta(minutes=30), master=MASTER)
    assert not quiet.acted and quiet.notices == []  # the same news again tells nobody twice


def test_logistics_delay_reply_tells_the_customer_the_new_date_and_moves_the_window():
    order = shipped()
    apply_tracking(order, events=[Event(T, "苏州", "问题件：地址不详", "2")], state="2", estimated_arrival=None, at=T,
                   master=MASTER)
    outcome = delay_reply(order, reason="暴雨封路，已改走陆运", new_date=date(2023, 10, 18),
                          sender="logistics@company.example", at=T, message_id="<d1@company.example>", master=MASTER)
    assert (order.shipment.window_start, order.shipment.window_end) == (date(2023, 10, 18), date(2023, 10, 19))
    assert order.estimated_arrival_date == date(2023, 10, 18) and order.timer("exception") is None
    assert sorted(n.audience for n in outcome.notices) == ["customer", "rep"]
    text, _ = render_mail("delay_notice", order=order, notice=outcome.notices[0], recipient=None, company="示例",
                          address="orders@example.com")
    assert "2023-10-18" in text and "暴雨封路" in text
    with pytest.raises(DeliveryRefused, match="needs the new date"):
        delay_reply(order, reason="堵车", new_date=None, sender="logistics@company.example", at=T, message_id=None,
                    master=MASTER)


def test_a_tracking_service_down_for_a_day_is_told_to_logistics_once():
    order = shipped()
    assert tracking_failed(order, kind="timeout", detail="no answer", at=T, master=MASTER).notices == []
    told = tracking_failed(order, kind="timeout", detail="no answer", at=T + timedelta(days=1), master=MASTER)
    assert [(n.purpose, n.to) for n in told.notices] == [("tracking_down", "logistics@company.example")]
    assert tracking_failed(order, kind="timeout", detail="no answer", at=T + timedelta(days=2),
                           master=MASTER).notices == []
    back = apply_tracking(order, events=[Event(T + timedelta(days=2), "上海", "运输中", "0")], state="0",
                          estimated_arrival=None, at=T + timedelta(days=2), master=MASTER)
    assert back.acted and order.shipment.tracking_failure is None


def test_the_day_before_arrival_the_customer_is_reminded_once_and_a_delay_moves_the_reminder():
    from orders.deadlines import chase_timers
    from orders.delivery import set_arrival_reminder
    from orders.review import ReviewRules

    order = shipped()
    set_arrival_reminder(order, T)
    assert order.timer("arrival").due_at == datetime(2023, 10, 14, 9, 0, tzinfo=CST)  # window from the 15th
    delay_reply(order, reason="暴雨", new_date=date(2023, 10, 18), sender="logistics@company.example", at=T,
                message_id=None, master=MASTER)
    due = order.timer("arrival").due_at
    assert due == datetime(2023, 10, 17, 9, 0, tzinfo=CST)
    fired = chase_timers(order, now=due, rules=ReviewRules(), master=MASTER)
    assert [(n.purpose, n.to) for n in fired.notices] == [("arrival_reminder", "purchase@huadong.example")]
    assert order.timer("arrival") is None
    assert chase_timers(order, now=due + timedelta(days=1), rules=ReviewRules(), master=MASTER).notices == []
    text, _ = render_mail("arrival_reminder", order=order, notice=fired.notices[0], recipient=None, company="示例",
                          address="orders@example.com", mail_ref="abc")
    assert "2023-10-18" in text and "外观" in text and "签收单" in text


def test_the_carriers_signature_is_noted_and_the_rep_is_reminded_of_the_form_two_working_days_later():
    from orders.deadlines import chase_timers
    from orders.review import ReviewRules

    order = shipped()
    apply_tracking(order, events=[Event(T, "上海", "快件已签收,签收人:前台", "3")], state="3", estimated_arrival=None,
                   at=T, master=MASTER)
    assert order.status == Status.SHIPPED  # the carrier's word alone is not the proof of delivery
    assert any("签收单 is asked for" in e.reason for e in order.events)
    due = order.timer("signoff").due_at
    assert due.date() == date(2023, 10, 8)  # 2 working days from Monday 2 October: the make-up 7th and 8th
    fired = chase_timers(order, now=due, rules=ReviewRules(), master=MASTER)
    assert [(n.purpose, n.to) for n in fired.notices if n.timer == "signoff"] == [("task_reminder", "rep@company.example")]
