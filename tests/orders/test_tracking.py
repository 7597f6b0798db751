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
