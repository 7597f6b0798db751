"""The repository contract: every test here runs on MemoryRepository and TinyRepository."""
from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest

from orders.status import Status


class Boom(Exception):
    pass


# --- orders and units of work ---------------------------------------------

def test_an_order_with_chinese_and_decimals_comes_back_exactly_as_saved(repo, make):
    with repo.unit_of_work() as uow:
        order = make.received(uow)
        order.lines[0].unit_price = Decimal("499.995")

    with repo.unit_of_work() as uow:
        uow.save_order(order)
    stored = repo.get_order(order.order_no)

    assert stored == order
    assert stored.customer.name == "华东精密机械有限公司"
    assert stored.lines[0].spec == "L-500×300"
    assert stored.lines[0].unit_price == Decimal("499.995")
    assert stored.total_payable == Decimal("50800.00")
    assert stored.payment_terms.prepayment_percent == Decimal("30")


def test_a_unit_of_work_that_raises_leaves_no_trace(repo, make):
    with pytest.raises(Boom):
        with repo.unit_of_work() as uow:
            order = make.received(uow)
            uow.mark_processed(make.processed("<po-1@huadong.example>"))
            uow.queue_mail(make.mail("<ask-1@orders.example.com>"))
            raise Boom

    assert repo.get_order(order.order_no) is None
    assert repo.find_processed("<po-1@huadong.example>") is None
    assert repo.audit_trail(order.order_no) == []
    with repo.unit_of_work() as uow:
        assert uow.pending_mail() == []


def test_reads_inside_a_unit_of_work_see_its_own_writes(repo, make):
    with repo.unit_of_work() as uow:
        order = make.received(uow, message_id="<po-1@huadong.example>")
        uow.mark_processed(make.processed("<po-1@huadong.example>"))

        # model_dump leaves out `events`, which a loaded order starts without.
        assert uow.get_order(order.order_no).model_dump() == order.model_dump()
        assert uow.order_for_message("<po-1@huadong.example>") == order.order_no
        assert uow.processed("<po-1@huadong.example>").folder == "processed"
        assert repo.get_order(order.order_no) is None  # not committed yet


def test_changing_a_loaded_order_without_saving_changes_nothing(repo, make):
    with repo.unit_of_work() as uow:
        no = make.received(uow).order_no
    with repo.unit_of_work() as uow:
        order = uow.get_order(no)
        order.customer.name = "别的公司"
        order.lines.clear()

    assert repo.get_order(no).customer.name == "华东精密机械有限公司"
    assert len(repo.get_order(no).lines) == 1


def test_a_unit_of_work_inside_another_is_refused(repo):
    with repo.unit_of_work():
        with pytest.raises(RuntimeError):
            with repo.unit_of_work():
                pass


def test_list_orders_filters_by_status_in_number_order(repo, make):
    with repo.unit_of_work() as uow:
        first, second, third = (make.received(uow) for _ in range(3))
        uow.save_order(make.cancelled(second, make.now))

    assert [o.order_no for o in repo.list_orders()] == [first.order_no, second.order_no, third.order_no]
    assert [o.order_no for o in repo.list_orders(Status.CANCELLED)] == [second.order_no]
    assert [o.order_no for o in repo.list_orders(Status.RECEIVED)] == [first.order_no, third.order_no]


# --- order numbers ---------------------------------------------------------

def test_order_numbers_count_up_within_a_month_and_restart_in_the_next(repo):
    with repo.unit_of_work() as uow:
        october = [uow.next_order_no(date(2023, 10, 31)) for _ in range(3)]
    with repo.unit_of_work() as uow:
        october.append(uow.next_order_no(date(2023, 10, 1)))
        november = uow.next_order_no(date(2023, 11, 1))

    assert october == ["SO2023100001", "SO2023100002", "SO2023100003", "SO2023100004"]
    assert november == "SO2023110001"


def test_a_discarded_unit_of_work_never_leads_to_a_duplicate_number(repo, make):
    with repo.unit_of_work() as uow:
        kept = make.received(uow).order_no
    with pytest.raises(Boom):
        with repo.unit_of_work() as uow:
            uow.next_order_no(make.now.date())
            raise Boom
    with repo.unit_of_work() as uow:
        after = uow.next_order_no(make.now.date())

    assert after != kept
    assert after > kept


def test_order_numbers_grow_to_five_digits_rather_than_wrap(repo):
    with repo.unit_of_work() as uow:
        numbers = [uow.next_order_no(date(2023, 12, 1)) for _ in range(10_000)]

    assert numbers[9_998] == "SO2023129999"
    assert numbers[9_999] == "SO20231210000"
    assert len(set(numbers)) == 10_000


def test_threads_sharing_one_repository_never_share_a_number(repo, make):
    def add_orders():
        for _ in range(10):
            with repo.unit_of_work() as uow:
                make.received(uow)
    threads = [threading.Thread(target=add_orders) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert [o.order_no for o in repo.list_orders()] == [f"SO202310{n:04d}" for n in range(1, 41)]


# --- threads, processed messages, outbox ------------------------------------

def test_any_message_id_in_the_thread_finds_its_order(repo, make):
    with repo.unit_of_work() as uow:
        order = make.received(uow, message_id="<po-1@huadong.example>")
        order.thread.append("<ask-1@orders.example.com>")
        uow.save_order(order)
    with repo.unit_of_work() as uow:
        assert uow.order_for_message("<ask-1@orders.example.com>") == order.order_no
        assert uow.order_for_message(" po-1@huadong.example ") == order.order_no
        assert uow.order_for_message("<stranger@spam.example>") is None


def test_the_thread_index_follows_saves_within_one_unit_of_work(repo, make):
    with repo.unit_of_work() as uow:
        first = make.received(uow, message_id="<po-1@huadong.example>")
        assert uow.order_for_message("<po-1@huadong.example>") == first.order_no
        second = make.received(uow, message_id="<po-2@huadong.example>")
        first.thread = ["<resent-1@huadong.example>"]
        uow.save_order(first)

        assert uow.order_for_message("<po-2@huadong.example>") == second.order_no
        assert uow.order_for_message("<resent-1@huadong.example>") == first.order_no
        assert uow.order_for_message("<po-1@huadong.example>") is None


def test_a_processed_message_is_remembered_with_its_outcome(repo, make):
    with repo.unit_of_work() as uow:
        assert uow.processed("<po-1@huadong.example>") is None
        uow.mark_processed(make.processed("<po-1@huadong.example>", folder="quarantine"))

    with repo.unit_of_work() as uow:
        assert uow.processed("<po-1@huadong.example>").reason == "附件无法读取"
    assert repo.find_processed("<po-1@huadong.example>").folder == "quarantine"
    assert [r.key for r in repo.quarantined()] == ["<po-1@huadong.example>"]


def test_queueing_the_same_mail_twice_keeps_the_first(repo, make):
    with repo.unit_of_work() as uow:
        uow.queue_mail(make.mail("<ask-1@orders.example.com>", order_no="SO2023100001"))
        uow.queue_mail(make.mail("<ask-1@orders.example.com>", order_no="SO2023100002"))
    with repo.unit_of_work() as uow:
        uow.queue_mail(make.mail("<ask-1@orders.example.com>", order_no="SO2023100003"))
        pending = uow.pending_mail()

    assert [m.subject for m in pending] == ["[SO2023100001] 请确认交货日期"]


def test_pending_mail_is_oldest_first_and_sent_mail_leaves_it(repo, make):
    with repo.unit_of_work() as uow:
        uow.queue_mail(make.mail("<late@orders.example.com>", at=make.now + timedelta(minutes=5)))
        uow.queue_mail(make.mail("<early@orders.example.com>", at=make.now))
        assert [m.message_id for m in uow.pending_mail()] == ["<early@orders.example.com>",
                                                              "<late@orders.example.com>"]
        uow.mark_sent("<early@orders.example.com>", make.now + timedelta(minutes=6))

    with repo.unit_of_work() as uow:
        assert [m.message_id for m in uow.pending_mail()] == ["<late@orders.example.com>"]
        with pytest.raises(KeyError):
            uow.mark_sent("<never-queued@orders.example.com>", make.now)


def test_refused_mail_leaves_the_pending_list_and_keeps_its_reason(repo, make):
    with repo.unit_of_work() as uow:
        uow.queue_mail(make.mail("<bad@orders.example.com>"))
        uow.queue_mail(make.mail("<good@orders.example.com>"))
    with repo.unit_of_work() as uow:
        uow.mark_failed("<bad@orders.example.com>", make.now, "550 no such user")
    with repo.unit_of_work() as uow:
        assert [m.message_id for m in uow.pending_mail()] == ["<good@orders.example.com>"]
        with pytest.raises(KeyError):
            uow.mark_failed("<never@orders.example.com>", make.now, "x")
