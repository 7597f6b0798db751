"""One email must not stall a batch: each message is parsed in a worker process
within a time and memory budget (flows.parse_budget), and what overruns, or
what the parser refuses, is quarantined with the reason while the rest of the
batch goes on. No servers, no Prefect: the in-memory store."""
from __future__ import annotations

import base64
import fcntl
import os
import signal
import threading
import time

import pytest

import flows.handling as handling
from flows.components import open_repository
from flows.handling import record_batch_safely
from flows.parse_budget import ParseWorker, ParseWorkerUnavailable, shared_worker
from flows.settings import Settings
from mail.base import IncomingMessage
from parsers import parse_email

from tests.flows.conftest import sample_email
from tests.flows.test_handling import NOW, repository_with_master

TARGETS = "tests.flows.budget_targets"


def punycode_mail() -> bytes:
    """The finding: a 1 MB body labelled punycode took 61 s to decode."""
    body = base64.encodebytes(b"abcdefghij" * (1024 * 1024 // 10)).replace(b"\n", b"\r\n")
    return (b"From: buyer@example.com\r\nTo: orders@example.com\r\nSubject: order\r\n"
            b"Message-ID: <punycode-1@example.com>\r\nContent-Type: text/plain; charset=punycode\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n" + body)


def long_disposition_mail() -> bytes:
    """The finding: a 240 KB Content-Disposition took 68 s to parse."""
    value = b"attachment" + b";" * (240 * 1024 - len(b"attachment"))
    return (b"From: buyer@example.com\r\nTo: orders@example.com\r\nSubject: order\r\n"
            b"Message-ID: <disposition-1@example.com>\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            b"--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsee the file\r\n"
            b"--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: " + value +
            b"\r\n\r\nAAAA\r\n--b--\r\n")


@pytest.fixture
def worker_for():
    started = []

    def make(target: str, seconds: float = 10, memory_mb: int = 512) -> ParseWorker:
        worker = ParseWorker(seconds, memory_mb, target=f"{TARGETS}:{target}")
        started.append(worker)
        return worker

    yield make
    for worker in started:
        worker.close()


def test_the_punycode_and_long_header_mails_are_quarantined_with_the_reason_and_the_batch_goes_on():
    repository = repository_with_master()
    batch = [IncomingMessage("1", sample_email("01-seed-order.eml")), IncomingMessage("2", punycode_mail()),
             IncomingMessage("3", long_disposition_mail()), IncomingMessage("4", sample_email("02-vague-custom.eml"))]
    settings = Settings()
    shared_worker(settings).parse(b"Subject: warm-up\r\n\r\n")  # the worker's start-up is not the messages'
    started = time.monotonic()
    placements = record_batch_safely(repository, batch, settings, NOW)
    assert time.monotonic() - started < settings.parse_seconds
    assert [(p.uid, p.folder) for p in placements] == [("1", "processed"), ("2", "quarantine"),
                                                       ("3", "quarantine"), ("4", "processed")]
    assert placements[1].record.reason == "malformed: a text part is labelled punycode, which is no mail charset"
    assert placements[2].record.reason == "malformed: header Content-Disposition is 241 KB, over the 8 KB limit"
    assert len(repository.list_orders()) == 2
    assert {q.key for q in repository.quarantined()} == {"<punycode-1@example.com>", "<disposition-1@example.com>"}


def store_lock_probe(settings: Settings, monkeypatch) -> list[str]:
    """Whether the store's lock is held, as another process would find it, at each parse."""
    seen, real = [], ParseWorker.parse
    lock = settings.store_dir / "orders.json.lock"

    def parse(worker: ParseWorker, raw: bytes):
        with open(lock, "a") as probe:  # a lock of its own on the file, as another process's would be
            try:
                fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                seen.append("locked")
            else:
                fcntl.flock(probe, fcntl.LOCK_UN)
                seen.append("free")
        return real(worker, raw)

    monkeypatch.setattr(ParseWorker, "parse", parse)
    return seen


def test_the_batch_is_parsed_before_the_store_is_locked(home, monkeypatch):
    # Issue 9, part 9: each message was parsed inside the unit of work, so a batch
    # of slow messages held the store's lock for minutes and other processes timed out.
    settings = Settings()
    seen = store_lock_probe(settings, monkeypatch)
    batch = [IncomingMessage("1", sample_email("01-seed-order.eml")), IncomingMessage("2", punycode_mail()),
             IncomingMessage("3", sample_email("03-english-order.eml"))]
    placements = record_batch_safely(open_repository(settings), batch, settings, NOW)
    assert [(p.uid, p.folder) for p in placements] == [("1", "processed"), ("2", "quarantine"), ("3", "processed")]
    assert seen == ["free", "free", "free"]


def test_the_one_by_one_fallback_records_the_parses_it_has_without_parsing_again(home, monkeypatch):
    settings = Settings()
    seen = store_lock_probe(settings, monkeypatch)
    poison = sample_email("03-english-order.eml")
    real = handling.record_messages

    def failing_on_poison(uow, messages, settings, now):  # the unit of work is rolled back, as a commit failing
        placements = real(uow, messages, settings, now)
        if any(m.raw == poison for m in messages):
            raise ValueError("the store refused this document")
        return placements

    monkeypatch.setattr(handling, "record_messages", failing_on_poison)
    batch = [IncomingMessage("1", sample_email("01-seed-order.eml")), IncomingMessage("2", poison),
             IncomingMessage("3", sample_email("02-vague-custom.eml"))]
    repository = open_repository(settings)
    placements = record_batch_safely(repository, batch, settings, NOW)
    assert [(p.uid, p.folder) for p in placements] == [("1", "processed"), ("2", "quarantine"), ("3", "processed")]
    assert placements[1].record.key == "<nw-4410@northwind.example>" and placements[1].record.kind == "order"
    assert "the store refused" in placements[1].record.reason
    assert [o.order_no for o in repository.list_orders()] == ["SO2023100001", "SO2023100002"]
    # Once each, before the lock: it was 7 parses (the batch, then one by one, then the
    # poison again for its quarantine record), 6 of them inside the lock.
    assert seen == ["free", "free", "free"]


def test_the_worker_is_kept_warm_across_messages_and_batches():
    settings = Settings()
    worker = shared_worker(settings)
    worker.parse(sample_email("01-seed-order.eml"))
    pid = worker.pid
    repository = repository_with_master()
    for uid in ("1", "2"):
        record_batch_safely(repository, [IncomingMessage(uid, sample_email("03-english-order.eml"))], settings, NOW)
    assert shared_worker(settings) is worker and worker.pid == pid


def test_a_parse_that_makes_no_progress_is_cut_off_at_three_budgets_of_wall_time_and_the_worker_replaced(worker_for):
    worker = worker_for("sleep_on_request", seconds=1)
    worker.parse(b"Subject: warm-up\r\n\r\n")
    first = worker.pid
    started = time.monotonic()
    result = worker.parse(b"sleep 60")
    assert 3 <= time.monotonic() - started < 5
    assert result.kind == "other"
    assert [(p.field, p.detail) for p in result.problems] == [("message",
                                                               "parse budget: no answer in 3 s (wall clock)")]
    after = worker.parse(sample_email("01-seed-order.eml"))
    assert after.kind == "order" and worker.pid != first and worker.restarts == 1


def test_a_worker_kept_off_the_cpu_past_the_budget_does_not_cost_the_message(worker_for):
    # Issue 9, part 8: the budget was wall time, so a loaded host could push a real
    # order over it. Here the worker is stopped for 1.5 s, as a host busy
    # elsewhere would keep it waiting for a CPU, with a budget of 1 s.
    worker = worker_for("sleep_on_request", seconds=1)
    worker.parse(b"Subject: warm-up\r\n\r\n")
    pid = worker.pid

    def resume() -> None:
        if worker.pid == pid:  # still our worker (were it killed, the pid could be another process's)
            os.kill(pid, signal.SIGCONT)

    os.kill(pid, signal.SIGSTOP)
    later = threading.Timer(1.5, resume)
    later.start()
    try:
        started = time.monotonic()
        result = worker.parse(sample_email("01-seed-order.eml"))
        waited = time.monotonic() - started
    finally:
        later.join()
        resume()
    assert waited >= 1.5
    assert result.kind == "order" and not [p for p in result.problems if p.field == "message"]
    assert worker.pid == pid and worker.restarts == 0


def test_the_quadratic_punycode_decoding_itself_is_cut_off_by_the_time_budget(worker_for):
    # The allow-list keeps the parser away from punycode; were another such
    # trap to slip in, the budget stops it: here the old decoding, run as it was.
    # The budget is CPU time: the kernel stops the worker (SIGXCPU) once the
    # message has had 2 s of CPU (3 at most: the limit counts whole seconds).
    worker = worker_for("decode_as_declared", seconds=2)
    worker.parse(b"Subject: warm-up\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nx")
    first = worker.pid
    started = time.monotonic()
    result = worker.parse(punycode_mail())
    assert 2 <= time.monotonic() - started < 4.5
    assert [p.detail for p in result.problems] == ["parse budget: took more than 2 s of CPU time"]
    assert result.envelope.message_id == "<punycode-1@example.com>"  # read without the parser, for the record
    assert worker.restarts == 1  # not given the message again: a CPU overrun is the message's own
    assert worker.parse(sample_email("01-seed-order.eml")).kind == "order" and worker.pid != first


def test_each_message_has_the_whole_cpu_budget_however_long_the_worker_has_run(worker_for):
    # The limit is set again before each message: the CPU the warm worker spent
    # on the messages before counts for none of the next.
    worker = worker_for("modules", seconds=1)
    worker.parse(sample_email("01-seed-order.eml"))
    pid = worker.pid
    body = b"\xe6\x95\xb0\xe9\x87\x8f\xef\xbc\x9a1\r\n" * (4 * 1024 * 1024 // 14)
    heavy = b"Subject: order\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
    for _ in range(5):  # about 0.45 s of CPU each, together well over the budget
        result = worker.parse(heavy)
        assert result.kind == "order" and not [p for p in result.problems if p.field == "message"]
    assert worker.pid == pid and worker.restarts == 0


def test_a_parse_that_exhausts_memory_is_stopped_by_the_limit_and_the_worker_replaced(worker_for):
    worker = worker_for("allocate_on_request", memory_mb=256)
    assert worker.parse(b"allocate 64").kind == "other"  # within the limit
    first = worker.pid
    result = worker.parse(b"allocate 1024")
    assert [(p.field, p.detail) for p in result.problems] == [("message", "parse budget: needed more than 256 MB")]
    assert worker.parse(sample_email("01-seed-order.eml")).kind == "order"
    assert worker.pid != first and worker.restarts == 1


def test_a_real_parse_that_runs_out_of_memory_is_quarantined_not_half_read(worker_for):
    # A 60 MB message under a 200 MB limit: the parse needs several copies of it.
    worker = worker_for("modules", memory_mb=200)
    worker.parse(b"Subject: warm-up\r\n\r\n")
    pid = worker.pid
    body = b"\xe6\x95\xb0\xe9\x87\x8f\xef\xbc\x9a1\r\n" * (60 * 1024 * 1024 // 14)
    raw = b"Subject: order\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body
    result = worker.parse(raw)
    assert [p.detail for p in result.problems] == ["parse budget: needed more than 200 MB"]
    assert worker.parse(b"Subject: after\r\n\r\n").kind == "other" and worker.pid != pid


def test_a_worker_that_dies_is_given_the_message_once_more_then_the_message_is_blamed(worker_for):
    worker = worker_for("die_on_request")
    result = worker.parse(b"die\r\nMessage-ID: <dies@example.com>\r\n\r\n")
    assert result.problems[0].detail == "parse budget: the parser process died (SIGSEGV), twice"
    assert result.envelope.message_id == "<dies@example.com>"
    assert worker.restarts == 2
    assert worker.parse(sample_email("01-seed-order.eml")).kind == "order"


def test_the_worker_holds_the_parsers_and_not_prefect(worker_for):
    imported = set(worker_for("modules").parse(b"Subject: x\r\n\r\n").envelope.subject.split())
    assert "parsers" in imported and "prefect" not in imported and "flows" in imported


def test_a_worker_that_cannot_start_is_the_pipelines_trouble_not_the_messages(worker_for):
    worker = worker_for("no_such_function")
    with pytest.raises(ParseWorkerUnavailable) as raised:
        worker.parse(b"Subject: x\r\n\r\n")
    assert isinstance(raised.value, OSError)  # the intake task retries; the mail stays in the inbox
    assert "no_such_function" in str(raised.value)


def test_results_from_the_worker_equal_the_parse_in_process():
    worker = shared_worker(Settings())
    for name in ("01-seed-order.eml", "02-vague-custom.eml", "03-english-order.eml", "04-out-of-office.eml",
                 "05-bounce.eml"):
        raw = sample_email(name)
        assert worker.parse(raw) == parse_email(raw)


def test_the_budget_comes_from_the_settings(monkeypatch):
    monkeypatch.setenv("ORDERLOOP_PARSE_SECONDS", "3.5")
    monkeypatch.setenv("ORDERLOOP_PARSE_MEMORY_MB", "300")
    settings = Settings()
    assert (settings.parse_seconds, settings.parse_memory_mb) == (3.5, 300)
    worker = shared_worker(settings)
    try:
        assert (worker.seconds, worker.memory_mb) == (3.5, 300)
    finally:
        worker.close()
    monkeypatch.delenv("ORDERLOOP_PARSE_SECONDS")
    monkeypatch.delenv("ORDERLOOP_PARSE_MEMORY_MB")
    assert (Settings().parse_seconds, Settings().parse_memory_mb) == (10, 512)
