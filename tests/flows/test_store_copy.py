"""`orderloop store copy URL`: the TinyDB store in use, moved whole into an
empty PostgreSQL database and checked there; then the same commands answer
the same from the database, and a second copy into it is refused."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.components import open_mailbox, open_repository
from flows.outgoing import queue
from flows.settings import Settings
from store.repository import OutgoingMail

from tests.flows.conftest import SAMPLE, run_intake, sample_email

pytestmark = pytest.mark.integration


def test_the_store_moves_to_postgresql_whole_and_checked(home, prefect_api, postgres, monkeypatch):
    with open_mailbox(Settings()) as mailbox:
        for name in ("01-seed-order.eml", "02-vague-custom.eml", "03-english-order.eml", "04-out-of-office.eml"):
            mailbox.append(sample_email(name))
    run_intake()
    settings = Settings()
    big = "Subject: 报价单\r\n\r\n" + "明细行\r\n" * 20000  # over 64 KB: its body is a file beside TinyDB
    with open_repository(settings).unit_of_work() as uow:
        queue(uow, OutgoingMail(message_id="<big@example.com>", purpose="quote", sender="orders@example.com",
                                recipients=["wang@huadong.example"], subject="报价单", raw=big,
                                created_at=settings.current_time() + timedelta(days=1)), settings)
    runner = CliRunner()
    commands = (("orders", "list"), ("orders", "show", "SO2023100001"), ("board",))
    before = {command: runner.invoke(app, [*command, "--json"]).output for command in commands}

    url = postgres.new_database()
    copied = runner.invoke(app, ["store", "copy", url])
    assert copied.exit_code == 0, copied.output + str(copied.exception)
    assert "copied and checked" in copied.output
    counts = {line.split()[0]: int(line.split()[1]) for line in copied.output.splitlines() if "rows" in line}
    tiny = open_repository(settings)
    assert counts["orders"] == 3 and counts["audit"] == sum(len(tiny.audit_trail(o.order_no))
                                                            for o in tiny.list_orders())
    assert counts["processed"] == 4 and counts["customers"] == len((SAMPLE / "customers.csv").read_text().splitlines()) - 1

    monkeypatch.setenv("ORDERLOOP_DATABASE_URL", url)  # the same commands, now on the database
    after = {command: runner.invoke(app, [*command, "--json"]).output for command in before}
    assert after == before
    pending = open_repository(Settings()).claim_mail()
    assert [(m.message_id, m.raw_file, m.raw) for m in pending] == [("<big@example.com>", None, big)]
    again = runner.invoke(app, ["store", "copy", postgres.new_database()])  # the store in use is PostgreSQL now
    assert again.exit_code == 0, again.output + str(again.exception)

    monkeypatch.delenv("ORDERLOOP_DATABASE_URL")
    refused = runner.invoke(app, ["store", "copy", url])  # never into a database that holds a store
    assert refused.exit_code != 0 and "already holds a store" in str(refused.exception or refused.output)
    assert json.loads(after[("orders", "list")]) == json.loads(before[("orders", "list")])
