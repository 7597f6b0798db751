"""What the PostgreSQL store adds to the contract (which it passes with the
others, tests/store/test_store_contract.py): several workers on one database
never share an order number, never lose an update, never both take a message
or a mail; the audit trail cannot be rewritten; the schema is versioned; a
database that fails is the store's trouble, not a message's."""
from __future__ import annotations

import threading
from datetime import timedelta

import psycopg
import pytest

from store.errors import StoreError
from store.pg_schema import LATEST, SchemaError
from store.pg_store import PgRepository, StoreUnavailable

pytestmark = pytest.mark.integration


@pytest.fixture
def url(postgres):
    return postgres.new_database()


@pytest.fixture
def workers(url):
    """Two repositories on one database: two workers, each with its own connections."""
    first, second = PgRepository(url), PgRepository(url)
    yield first, second
    first.close()
    second.close()


def test_two_workers_issue_every_number_once_and_skip_none(workers, make):
    issued: list[str] = []

    def work(repository):
        for _ in range(25):
            with repository.unit_of_work() as uow:
                issued.append(make.received(uow).order_no)

    threads = [threading.Thread(target=work, args=(repository,)) for repository in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(issued) == [f"SO202310{n:04d}" for n in range(1, 51)]  # no duplicates, no gaps


def test_a_unit_of_work_that_rolls_back_gives_its_number_back(workers, make):
    first, _ = workers
    with pytest.raises(RuntimeError):
        with first.unit_of_work() as uow:
            make.received(uow)
            raise RuntimeError("the batch failed")
    with first.unit_of_work() as uow:
        assert make.received(uow).order_no == "SO2023100001"


def test_an_order_changed_by_two_workers_at_once_keeps_both_changes(workers, make):
    first, second = workers
    with first.unit_of_work() as uow:
        order_no = make.received(uow).order_no
    started, go_on = threading.Event(), threading.Event()

    def slow_note():
        with first.unit_of_work() as uow:
            order = uow.get_order(order_no)  # read FOR UPDATE: the second worker waits for this commit
            started.set()
            go_on.wait(5)
            order.special_requirements += "; 加急"
            uow.save_order(order)

    thread = threading.Thread(target=slow_note)
    thread.start()
    started.wait(5)
    go_on.set()
    with second.unit_of_work() as uow:
        order = uow.get_order(order_no)
        order.special_requirements += "; 木箱"
        uow.save_order(order)
    thread.join()
    assert first.get_order(order_no).special_requirements == "需防潮包装; 加急; 木箱"


def test_an_incoming_message_is_taken_by_one_worker_until_its_claim_lapses(workers):
    first, second = workers
    assert first.claim_messages(["a", "b"], holder="w1") == {"a", "b"}
    assert second.claim_messages(["a", "b", "c"], holder="w2") == {"c"}
    assert first.claim_messages(["a"], holder="w1") == {"a"}  # its own claim, again
    first._run("UPDATE message_claims SET until = now() - interval '1 second' WHERE key = 'a'")
    assert second.claim_messages(["a"], holder="w2") == {"a"}  # w1 died: w2 takes it over
    assert second.claim_messages(["d", "e", "d", "f"], holder="w2", limit=2) == {"d", "e"}  # a batch's worth
    assert first.claim_messages(["d", "e", "f"], holder="w1") == {"f"}


def test_two_senders_never_take_the_same_mail(workers, make):
    first, second = workers
    with first.unit_of_work() as uow:
        for n in range(10):
            uow.queue_mail(make.mail(f"<m{n}@example.com>", make.now + timedelta(minutes=n)))
    mine = {m.message_id for m in first.claim_mail(holder="w1", limit=6)}
    theirs = {m.message_id for m in second.claim_mail(holder="w2")}
    assert len(mine) == 6 and len(theirs) == 4 and not mine & theirs
    assert second.claim_mail(holder="w2") and not first.claim_mail(holder="w3")  # held until sent or lapsed
    with first.unit_of_work() as uow:
        for message_id in mine:
            uow.mark_sent(message_id, make.now)
    first.release_mail(sorted(theirs))
    assert {m.message_id for m in first.claim_mail(holder="w3")} == theirs  # given back: another sender's


def test_the_audit_trail_is_append_only(url, make):
    repository = PgRepository(url)
    with repository.unit_of_work() as uow:
        order_no = make.received(uow).order_no
    with psycopg.connect(url) as connection, pytest.raises(psycopg.errors.RaiseException, match="append-only"):
        connection.execute("UPDATE audit SET doc = '{}' WHERE order_no = %s", (order_no,))
    with psycopg.connect(url) as connection, pytest.raises(psycopg.errors.RaiseException, match="append-only"):
        connection.execute("DELETE FROM audit")
    assert [e.kind for e in repository.audit_trail(order_no)] == ["transition"]  # the receipt, untouched
    repository.close()


def test_text_with_a_nul_character_is_kept_readable(url, make):
    repository = PgRepository(url)
    with repository.unit_of_work() as uow:
        order = make.received(uow)
        order.special_requirements = "防潮\x00包装"
        uow.save_order(order)
        uow.mark_processed(make.processed("<evil\x00id@x.example>"))
    assert repository.get_order(order.order_no).special_requirements == "防潮\ufffd包装"
    assert repository.find_processed("<evil\ufffdid@x.example>") is not None
    repository.close()


def test_the_schema_is_versioned_and_a_database_behind_or_ahead_is_refused(url, monkeypatch):
    PgRepository(url).close()  # an empty database is migrated on first use
    with psycopg.connect(url, autocommit=True) as connection:
        assert connection.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == LATEST
        connection.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, 'from the future')",
                           (LATEST + 1,))
    with pytest.raises(SchemaError, match="newer than this orderloop"):
        PgRepository(url)
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("DELETE FROM schema_migrations WHERE version > %s", (LATEST,))
    monkeypatch.setattr("store.pg_store.LATEST", LATEST + 1)  # an orderloop one migration ahead
    with pytest.raises(SchemaError, match="run `orderloop migrate`"):
        PgRepository(url)


def test_a_database_that_does_not_answer_is_the_stores_trouble(postgres):
    with pytest.raises(StoreError, match="does not answer") as raised:
        PgRepository(f"postgresql://orderloop:secret@127.0.0.1:{postgres.port + 1}/none", pool_size=1)
    assert isinstance(raised.value, StoreUnavailable) and "secret" not in str(raised.value)


def test_a_worker_whose_connection_is_killed_mid_unit_raises_a_store_error_and_writes_nothing(url, make):
    repository = PgRepository(url)
    with pytest.raises(StoreError):
        with repository.unit_of_work() as uow:
            make.received(uow)
            pid = uow._sql.info.backend_pid
            with psycopg.connect(url, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            uow._sql.execute("SELECT 1")
    assert repository.list_orders() == []
    repository.close()
