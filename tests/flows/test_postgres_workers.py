"""The flows on PostgreSQL (ORDERLOOP_DATABASE_URL), as several workers run
them: a poll killed at any step loses and doubles nothing; two intake workers
reading one IMAP mailbox at once take each message once, answer each
customer once and issue every order number once; a worker killed mid-batch
leaves its messages to the other."""
from __future__ import annotations

import email
import os
import subprocess
import sys
from email.utils import make_msgid

import psycopg
import pytest

from flows.components import open_mailbox, open_repository
from flows.crashpoints import POINTS
from flows.settings import Settings

from tests.flows.conftest import sample_email
from tests.flows.helpers import folder_size, outbox
from tests.flows.test_intake_servers import folder_counts, send_to_pipeline, servers  # noqa: F401  (a fixture)

pytestmark = pytest.mark.integration


@pytest.fixture
def database(postgres, home, monkeypatch):
    url = postgres.new_database()
    monkeypatch.setenv("ORDERLOOP_DATABASE_URL", url)
    from flows.masterdata import import_master
    from tests.flows.conftest import SAMPLE

    repository = open_repository(Settings())  # the sample master data, into the database this time
    for kind in ("customers", "products", "staff"):
        import_master(repository, kind, SAMPLE / f"{kind}.csv")
    return url


def poll(prefect_api: str, crash_at: str | None = None, **env) -> subprocess.Popen:
    environment = dict(os.environ, PREFECT_API_URL=prefect_api, **env)
    environment.pop("ORDERLOOP_CRASH_AT", None)
    if crash_at:
        environment["ORDERLOOP_CRASH_AT"] = crash_at
    return subprocess.Popen([sys.executable, "-m", "flows", "poll"], env=environment, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def finished(process: subprocess.Popen) -> int:
    _, errors = process.communicate(timeout=300)
    if process.returncode not in (0, 70):
        raise AssertionError(errors[-3000:])
    return process.returncode


@pytest.mark.parametrize("point", POINTS)
def test_a_poll_on_postgresql_killed_at_any_step_neither_loses_nor_doubles(point, database, home, prefect_api):
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    assert finished(poll(prefect_api, crash_at=point)) == 70
    assert finished(poll(prefect_api)) == 0
    assert finished(poll(prefect_api)) == 0
    assert [o.order_no for o in open_repository(Settings()).list_orders()] == ["SO2023100001"]
    assert len(outbox(home)) == 1
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 1
    assert not (home / "store" / "orders.json").exists()  # the database is the store: no TinyDB file


def orders_from(customers: int) -> list[bytes]:
    """The sample order, sent `customers` times as separate emails (a Message-ID each)."""
    sent = []
    for n in range(customers):
        message = email.message_from_bytes(sample_email("01-seed-order.eml"), policy=email.policy.default)
        message.replace_header("Message-ID", make_msgid(idstring=f"order{n}", domain="huadong.example"))
        sent.append(message.as_bytes())
    return sent


def answers_per_order(mta) -> dict[str, int]:
    counted: dict[str, int] = {}
    for received in mta.messages:
        message = email.message_from_bytes(received.content, policy=email.policy.default)
        if "huadong" in ",".join(received.rcpt_tos):
            counted[str(message["In-Reply-To"])] = counted.get(str(message["In-Reply-To"]), 0) + 1
    return counted


def test_two_intake_workers_on_one_mailbox_take_each_message_once(database, servers, dovecot, mta, prefect_api,
                                                                 home):
    emails = orders_from(24)
    for raw in emails:
        send_to_pipeline(mta, servers, raw)
    workers = [poll(prefect_api, ORDERLOOP_BATCH_SIZE="4") for _ in range(2)]
    assert [finished(w) for w in workers] == [0, 0]
    with psycopg.connect(database) as connection:  # both took part: each claimed messages of its own
        takers = connection.execute("SELECT worker, count(*) FROM message_claims GROUP BY worker").fetchall()
    assert len(takers) == 2 and sum(n for _, n in takers) == 24, takers
    assert folder_counts(dovecot, servers)["inbox"] == 0  # the two took everything between them
    stored = open_repository(Settings()).list_orders()
    theirs = {o.order_no: next(m for m in o.thread if m.endswith("@huadong.example>")) for o in stored}
    for order_no, message_id in theirs.items():  # each customer's email filed under its own order, no other
        folder = home / "archive" / "2023" / "10" / order_no
        filed = b"".join(path.read_bytes() for path in folder.rglob("*.eml"))
        assert [m for m in theirs.values() if m.encode() in filed] == [message_id], order_no
    numbers = [o.order_no for o in open_repository(Settings()).list_orders()]
    assert sorted(numbers) == [f"SO202310{n:04d}" for n in range(1, 25)]  # every number once, none skipped
    answered = answers_per_order(mta)
    assert len(answered) == 24 and set(answered.values()) == {1}  # each customer answered once
    assert folder_counts(dovecot, servers)["inbox"] == 0 and folder_counts(dovecot, servers)["processed"] == 24


def test_a_worker_killed_mid_batch_leaves_its_messages_to_the_other(database, servers, dovecot, mta, prefect_api):
    for raw in orders_from(8):
        send_to_pipeline(mta, servers, raw)
    assert finished(poll(prefect_api, crash_at="after_parse", ORDERLOOP_BATCH_SIZE="4")) == 70  # dead, claims held
    with psycopg.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM message_claims WHERE until > now()").fetchone()[0] == 4
    # Another worker of this machine sees the holder is gone and takes its messages at once (a worker on
    # another machine would wait for the claims' 15 minutes to lapse).
    assert finished(poll(prefect_api)) == 0
    assert len(open_repository(Settings()).list_orders()) == 8
    answered = answers_per_order(mta)
    assert len(answered) == 8 and set(answered.values()) == {1}
    assert folder_counts(dovecot, servers)["inbox"] == 0


def test_the_doctor_checks_the_database_and_names_what_is_wrong(database, home, prefect_api):
    import json

    from typer.testing import CliRunner

    from flows.cli import app

    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    assert finished(poll(prefect_api)) == 0
    runner = CliRunner()
    healthy = runner.invoke(app, ["doctor", "--json"])
    assert healthy.exit_code == 0 and json.loads(healthy.output)["ok"], healthy.output
    with psycopg.connect(database, autocommit=True) as connection:  # damage done behind orderloop's back
        connection.execute("UPDATE documents SET doc = '{\"month\": \"202310\", \"last\": 0}' "
                           "WHERE tbl = 'counters' AND key = '202310'")
        connection.execute("INSERT INTO threads (message_id, order_no) VALUES ('<x@y>', 'SO2023109999')")
    found = json.loads(runner.invoke(app, ["doctor", "--json"]).output)
    lines = [problem["line"] for problem in found["problems"]]
    assert not found["ok"]
    assert any(line.startswith("counter 202310: stands at 0 but order SO2023100001 was issued") for line in lines)
    assert any(line.startswith("SO2023109999: the thread index names this order") for line in lines)


def test_an_order_damaged_in_the_database_stops_the_poll_and_no_reply_is_blamed_for_it(database, home,
                                                                                        prefect_api):
    from tests.flows.test_doctor import reply_to

    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    assert finished(poll(prefect_api)) == 0
    (order,) = open_repository(Settings()).list_orders()
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(reply_to(order, "确认无误,请安排。"))
    with psycopg.connect(database, autocommit=True) as connection:  # a row edited by hand
        connection.execute("UPDATE orders SET doc = jsonb_set(doc, '{total_payable}', '\"lots\"')")
    done = poll(prefect_api)
    _, errors = done.communicate(timeout=300)
    assert done.returncode == 1
    said = errors.strip().splitlines()[-1]
    assert said.startswith(f"orderloop: the stored order {order.order_no} in the database (table orders) is "
                           f"damaged (total_payable: ") and "orderloop doctor" in said
    assert folder_size(home, "inbox") == 1 and folder_size(home, "Quarantine") == 0  # the reply waits
    from flows.doctor import examine

    assert any(f.where == order.order_no and f.check == "store" for f in examine(Settings()).findings)
