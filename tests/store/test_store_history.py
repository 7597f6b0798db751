"""Audit trail and archiving, on both repositories."""
from __future__ import annotations

from datetime import timedelta

from orders.status import Status

DAY = timedelta(days=1)


def _statuses(trail):
    return [event.to_status for event in trail]


# --- audit trail -------------------------------------------------------------

def test_every_event_reaches_the_audit_trail_once_even_when_saved_twice(repo, make):
    with repo.unit_of_work() as uow:
        order = make.received(uow)
        uow.save_order(order)
        order.move_to(Status.CONFIRMING, at=make.now, actor="rep@example.com", reason="清单已发出")
        uow.save_order(order)
    with repo.unit_of_work() as uow:
        uow.save_order(order)  # the committed events were cleared from the object
        uow.save_order(uow.get_order(order.order_no))

    trail = repo.audit_trail(order.order_no)
    assert _statuses(trail) == [Status.RECEIVED, Status.CONFIRMING]
    assert [event.seq for event in trail] == [1, 2]
    assert order.events == []


def test_events_of_later_units_of_work_join_the_trail_in_order(repo, make):
    with repo.unit_of_work() as uow:
        no = make.received(uow).order_no
    with repo.unit_of_work() as uow:
        order = uow.get_order(no)
        order.move_to(Status.CLARIFYING, at=make.now + DAY, actor="rep@example.com", reason="交货期写的是尽快")
        uow.save_order(order)
    with repo.unit_of_work() as uow:
        order = uow.get_order(no)
        order.move_to(Status.CONFIRMING, at=make.now + 40 * DAY, actor="rep@example.com",
                      reason="客户确认 2023-11-20 交货", message_id="<reply-2@huadong.example>")
        uow.save_order(order)

    trail = repo.audit_trail(no)
    assert _statuses(trail) == [Status.RECEIVED, Status.CLARIFYING, Status.CONFIRMING]
    assert trail[2].message_id == "<reply-2@huadong.example>"
    assert trail[1].reason == "交货期写的是尽快"


def test_a_discarded_unit_of_work_leaves_the_events_on_the_order_to_retry(repo, make):
    with repo.unit_of_work() as uow:
        no = make.received(uow).order_no
    with repo.unit_of_work() as uow:
        order = uow.get_order(no)
    order.move_to(Status.CANCELLED, at=make.now, actor="wang@huadong.example", reason="客户取消")
    try:
        with repo.unit_of_work() as uow:
            uow.save_order(order)
            raise ValueError("SMTP down")
    except ValueError:
        pass
    assert len(order.events) == 1
    with repo.unit_of_work() as uow:
        uow.save_order(order)

    assert _statuses(repo.audit_trail(no)) == [Status.RECEIVED, Status.CANCELLED]


# --- archive -------------------------------------------------------------------

def test_archiving_moves_old_finished_orders_and_get_order_still_finds_them(repo, make):
    with repo.unit_of_work() as uow:
        old_cancelled = make.cancelled(make.received(uow), make.now)
        uow.save_order(old_cancelled)
        still_open = make.received(uow)
        recent_cancelled = make.cancelled(make.received(uow), make.now + 20 * DAY)
        uow.save_order(recent_cancelled)

    with repo.unit_of_work() as uow:
        moved = uow.archive_finished(make.now + 35 * DAY, keep_days=30)
        assert uow.get_order(old_cancelled.order_no).status == Status.CANCELLED  # own write

    assert moved == 1
    assert repo.get_order(old_cancelled.order_no) == old_cancelled
    live = [o.order_no for o in repo.list_orders()]
    assert live == [still_open.order_no, recent_cancelled.order_no]
    everything = [o.order_no for o in repo.list_orders(include_archived=True)]
    assert everything == [old_cancelled.order_no, still_open.order_no, recent_cancelled.order_no]
    assert [o.order_no for o in repo.list_orders(Status.CANCELLED, include_archived=True)] == [
        old_cancelled.order_no, recent_cancelled.order_no]
    assert _statuses(repo.audit_trail(old_cancelled.order_no)) == [Status.RECEIVED, Status.CANCELLED]


def test_archiving_twice_moves_nothing_more(repo, make):
    with repo.unit_of_work() as uow:
        uow.save_order(make.cancelled(make.received(uow), make.now))
    with repo.unit_of_work() as uow:
        first = uow.archive_finished(make.now + 31 * DAY)
    with repo.unit_of_work() as uow:
        second = uow.archive_finished(make.now + 31 * DAY)

    assert (first, second) == (1, 0)


def test_archiving_moves_old_processed_records_and_sent_mail_but_not_unsent(repo, make):
    with repo.unit_of_work() as uow:
        uow.mark_processed(make.processed("<old@huadong.example>", at=make.now, folder="quarantine"))
        uow.mark_processed(make.processed("<new@huadong.example>", at=make.now + 30 * DAY))
        uow.queue_mail(make.mail("<sent@orders.example.com>", at=make.now))
        uow.queue_mail(make.mail("<stuck@orders.example.com>", at=make.now))
        uow.mark_sent("<sent@orders.example.com>", make.now + timedelta(minutes=1))

    with repo.unit_of_work() as uow:
        moved = uow.archive_finished(make.now + 40 * DAY, keep_days=30)
        assert uow.processed("<new@huadong.example>") is not None
        assert [m.message_id for m in uow.pending_mail()] == ["<stuck@orders.example.com>"]

    assert moved == 2
    assert repo.find_processed("<old@huadong.example>").folder == "quarantine"
    assert [r.key for r in repo.quarantined()] == ["<old@huadong.example>"]


def test_processed_records_in_different_months_are_all_found_after_archiving(repo, make):
    with repo.unit_of_work() as uow:
        for days in (0, 31, 62):
            uow.mark_processed(make.processed(f"<po-{days}@huadong.example>", at=make.now + days * DAY))
    with repo.unit_of_work() as uow:
        uow.archive_finished(make.now + 200 * DAY)

    for days in (0, 31, 62):
        assert repo.find_processed(f"<po-{days}@huadong.example>").at == make.now + days * DAY
