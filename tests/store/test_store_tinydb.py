"""What only the TinyDB repository promises: files, atomic writes, crashes, processes."""
from __future__ import annotations

import json
import multiprocessing
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from tinydb import TinyDB

from orders.model import Order
from orders.status import Status
from store import TinyRepository
from store.audit import AuditLog

DAY = timedelta(days=1)


@pytest.fixture
def replaced(monkeypatch):
    """The file names os.replace put in place, in order."""
    names: list[str] = []
    real = os.replace

    def counting(src, dst, *args, **kwargs):
        real(src, dst, *args, **kwargs)
        names.append(Path(dst).name)
    monkeypatch.setattr(os, "replace", counting)
    return names


def audit_lines(tiny: TinyRepository) -> list[dict]:
    lines = []
    for path in sorted((tiny.home / "audit").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                lines.append(json.loads(line))
            except ValueError:
                pass  # a line torn by a crash
    return lines


def event_ids(tiny: TinyRepository) -> list[str]:
    return [line["event_id"] for line in audit_lines(tiny)]


# --- one read, one write -----------------------------------------------------

def test_the_live_file_is_rewritten_once_for_a_whole_batch(tiny, make, replaced):
    with tiny.unit_of_work() as uow:
        make.received(uow)
    inode = tiny.live_path.stat().st_ino
    replaced.clear()

    with tiny.unit_of_work() as uow:
        orders = [make.received(uow, message_id=f"<po-{i}@huadong.example>") for i in range(5)]
        for order in orders:
            uow.mark_processed(make.processed(order.thread[0]))
            uow.queue_mail(make.mail(f"<ask-{order.order_no}@orders.example.com>", order_no=order.order_no))
            uow.save_order(make.cancelled(order, make.now))
        uow.mark_sent(f"<ask-{orders[0].order_no}@orders.example.com>", make.now)

    assert replaced == ["orders.json"]
    assert tiny.live_path.stat().st_ino != inode  # a new file took the old one's place


def test_a_unit_of_work_that_changes_nothing_writes_nothing(tiny, make, replaced):
    with tiny.unit_of_work() as uow:
        no = make.received(uow).order_no
    replaced.clear()
    before = tiny.live_path.stat()

    with tiny.unit_of_work() as uow:
        uow.get_order(no)
        uow.pending_mail()
        uow.order_for_message("<nothing@example.com>")
        assert uow.master.customer_by_code("CUST001") is None

    assert replaced == []
    assert (tiny.live_path.stat().st_ino, tiny.live_path.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert not (tiny.home / "master.json").exists()
    assert event_ids(tiny) == [f"{no}#1"]


def test_the_files_keep_chinese_readable_and_amounts_as_strings(tiny, make):
    with tiny.unit_of_work() as uow:
        no = make.received(uow).order_no

    text = tiny.live_path.read_text(encoding="utf-8")
    assert "华东精密机械有限公司" in text and "需防潮包装" in text
    [order] = TinyDB(tiny.live_path, encoding="utf-8").table("orders").all()  # plain TinyDB reads it
    assert order["order_no"] == no
    assert order["total_payable"] == "50800.00"
    assert order["lines"][0]["quantity"] == "100"
    assert "events" not in order
    assert "order email received" in (tiny.home / "audit" / "2023-10.jsonl").read_text(encoding="utf-8")


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary_file(tiny, make, monkeypatch):
    with tiny.unit_of_work() as uow:
        no = make.received(uow).order_no
    before = tiny.live_path.read_bytes()

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        with tiny.unit_of_work() as uow:
            uow.save_order(make.cancelled(uow.get_order(no), make.now))
    monkeypatch.undo()

    assert tiny.live_path.read_bytes() == before
    assert list(tiny.home.glob(".*.tmp")) == []
    assert tiny.get_order(no).status == Status.RECEIVED


def test_a_second_repository_on_the_same_folder_sees_every_commit(tiny, make):
    other = TinyRepository(tiny.home)
    with tiny.unit_of_work() as uow:
        first = make.received(uow).order_no
    with other.unit_of_work() as uow:
        assert uow.get_order(first) is not None
        second = make.received(uow).order_no
    with tiny.unit_of_work() as uow:
        third = make.received(uow).order_no

    assert [first, second, third] == ["SO2023100001", "SO2023100002", "SO2023100003"]
    assert len(other.list_orders()) == 3


# --- the audit trail survives crashes ---------------------------------------

def test_a_crash_between_commit_and_audit_append_loses_no_event_and_doubles_none(tiny, make, monkeypatch):
    def crash(self, docs):
        raise SystemExit("power cut")
    monkeypatch.setattr(AuditLog, "append", crash)
    with pytest.raises(SystemExit):
        with tiny.unit_of_work() as uow:
            no = make.received(uow).order_no
    monkeypatch.undo()

    assert tiny.get_order(no) is not None  # the live file was committed
    assert event_ids(tiny) == []
    assert [e.seq for e in tiny.audit_trail(no)] == [1]  # read from pending_audit meanwhile

    with tiny.unit_of_work():
        pass
    assert event_ids(tiny) == [f"{no}#1"]
    with tiny.unit_of_work() as uow:
        make.received(uow)
    with tiny.unit_of_work():
        pass
    assert event_ids(tiny) == [f"{no}#1", "SO2023100002#1"]


def test_an_audit_append_torn_half_way_is_completed_without_doubles(tiny, make, monkeypatch):
    real_write = AuditLog._write

    def torn(self, path, data):
        real_write(self, path, data[: len(data) // 2])  # mid-way through the second line
        raise SystemExit("power cut")
    monkeypatch.setattr(AuditLog, "_write", torn)
    with pytest.raises(SystemExit):
        with tiny.unit_of_work() as uow:
            numbers = [make.received(uow).order_no for _ in range(3)]
    monkeypatch.undo()

    with tiny.unit_of_work():
        pass
    assert sorted(event_ids(tiny)) == [f"{no}#1" for no in numbers]
    for _ in range(2):  # the repair must leave nothing for later units to repeat
        with tiny.unit_of_work():
            pass
    assert sorted(event_ids(tiny)) == [f"{no}#1" for no in numbers]
    assert all(len(tiny.audit_trail(no)) == 1 for no in numbers)


def test_audit_lines_are_filed_under_the_month_of_the_event(tiny, make):
    with tiny.unit_of_work() as uow:
        order = make.received(uow)
    with tiny.unit_of_work() as uow:
        order.move_to(Status.CANCELLED, at=make.now + 40 * DAY, actor="wang@huadong.example", reason="不要了")
        uow.save_order(order)

    october = (tiny.home / "audit" / "2023-10.jsonl").read_text(encoding="utf-8").splitlines()
    november = (tiny.home / "audit" / "2023-11.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["to_status"] for line in october] == ["received"]
    assert [json.loads(line)["reason"] for line in november] == ["不要了"]


# --- archive files -----------------------------------------------------------

def test_archiving_shrinks_the_live_file_into_month_files(tiny, make):
    with tiny.unit_of_work() as uow:
        for _ in range(20):
            uow.save_order(make.cancelled(make.received(uow), make.now))
        uow.mark_processed(make.processed("<po@huadong.example>", at=make.now + 3 * DAY))
        keep = make.received(uow).order_no
    before = tiny.live_path.stat().st_size

    with tiny.unit_of_work() as uow:
        assert uow.archive_finished(make.now + 60 * DAY) == 21

    assert tiny.live_path.stat().st_size < before / 10
    assert sorted(p.name for p in (tiny.home / "archive").iterdir()) == ["2023-10.json"]
    archived = json.loads((tiny.home / "archive" / "2023-10.json").read_text(encoding="utf-8"))
    assert len(archived["orders"]) == 20 and len(archived["processed"]) == 1
    assert [o.order_no for o in tiny.list_orders()] == [keep]
    assert tiny.get_order("SO2023100001").status == Status.CANCELLED


def test_a_failed_archive_write_leaves_the_orders_in_the_live_file(tiny, make, monkeypatch):
    with tiny.unit_of_work() as uow:
        finished = [make.cancelled(make.received(uow), make.now) for _ in range(2)]
        for order in finished:
            uow.save_order(order)
    real = os.replace

    def archive_disk_full(src, dst):
        if Path(dst).parent.name == "archive":
            raise OSError(28, "No space left on device")
        real(src, dst)
    monkeypatch.setattr(os, "replace", archive_disk_full)
    with pytest.raises(OSError):
        with tiny.unit_of_work() as uow:
            uow.archive_finished(make.now + 60 * DAY)
    monkeypatch.undo()

    # The live file is written last: had it gone first, these would be nowhere.
    assert [o.order_no for o in tiny.list_orders()] == [o.order_no for o in finished]


# --- two processes -------------------------------------------------------------

def _add_orders(home: str, tag: str, count: int) -> None:
    """Runs in a separate process: one unit of work per order, like one poll per message."""
    repo = TinyRepository(Path(home))
    at = datetime(2023, 10, 5, 9, 30, tzinfo=timezone.utc)
    for i in range(count):
        with repo.unit_of_work() as uow:
            message_id = f"<{tag}-{i}@huadong.example>"
            order = Order.receive(uow.next_order_no(date(2023, 10, 1)), at=at, actor=tag, message_id=message_id)
            order.thread.append(message_id)
            uow.save_order(order)


def test_two_processes_adding_fifty_orders_each_end_with_a_hundred_distinct_numbers(tiny):
    spawn = multiprocessing.get_context("spawn")
    workers = [spawn.Process(target=_add_orders, args=(str(tiny.home), tag, 50)) for tag in ("a", "b")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [worker.exitcode for worker in workers] == [0, 0]

    orders = tiny.list_orders()
    assert {o.order_no for o in orders} == {f"SO202310{n:04d}" for n in range(1, 101)}
    assert sorted(o.thread[0] for o in orders) == sorted(
        f"<{tag}-{i}@huadong.example>" for tag in ("a", "b") for i in range(50))
    json.loads(tiny.live_path.read_text(encoding="utf-8"))  # whole, valid JSON
    assert sorted(event_ids(tiny)) == sorted(f"{o.order_no}#1" for o in orders)
