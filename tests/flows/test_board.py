"""The order board after real flow runs: the `order-board` artifact every run
updates in the Prefect API, and `orderloop board --json`, show the orders with
their status labels and whom they wait on, and the quarantined message with
its reason."""
from __future__ import annotations

import json

import pytest
from prefect.artifacts import Artifact
from typer.testing import CliRunner

from flows.cli import app
from flows.components import open_mailbox
from flows.deadlines import deadlines_flow
from flows.settings import Settings

from tests.flows.conftest import run_intake, sample_email

pytestmark = pytest.mark.integration

# An order whose From names two addresses: quarantined, never answered.
TWO_SENDERS = ("From: a@x.example, b@y.example\r\nTo: orders@example.com\r\nSubject: 订单\r\n"
               "Message-ID: <x1@x.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
               "产品: P001\r\n数量: 100\r\n单价: 500\r\n客户: 华东\r\n").encode("utf-8")


def test_every_run_updates_the_order_board_with_orders_waits_and_quarantine(home, prefect_api, monkeypatch):
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
        mailbox.append(TWO_SENDERS)
    run_intake()
    markdown = Artifact.get("order-board").data
    assert "SO2023100001" in markdown and "待客户确认 / customer to confirm" in markdown
    assert "names 2 addresses" in markdown  # the quarantined message, with its reason
    shown = json.loads(CliRunner().invoke(app, ["board", "--json"]).output)
    assert [(o["order_no"], o["waits_on"]) for o in shown["orders"]] == [("SO2023100001", ["customer"])]
    assert len(shown["quarantined"]) == 1
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-05T10:00:00+08:00")
    deadlines_flow()  # the timers flow updates it too
    assert Artifact.get("order-board").data.startswith("# 订单看板 Order board — 2023-10-05 10:00")


def test_a_run_is_named_for_what_it_did_and_says_it_in_words(home, prefect_api, monkeypatch):
    import asyncio

    from prefect.client.orchestration import get_client

    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    run_intake()
    monkeypatch.setenv("ORDERLOOP_NOW", "2023-10-01T12:30:00+08:00")  # the customer has no clock: nothing is due
    deadlines_flow()

    async def latest():  # the newest: the session's Prefect API holds every test's runs
        from prefect.client.schemas.sorting import ArtifactSort, FlowRunSort

        async with get_client() as client:
            runs = await client.read_flow_runs(sort=FlowRunSort.EXPECTED_START_TIME_DESC, limit=10)
            artifacts = await client.read_artifacts(sort=ArtifactSort.CREATED_DESC, limit=20)
            return [r.name for r in runs], [a.data for a in artifacts if a.description == "what this run did"]

    names, summaries = asyncio.run(latest())
    assert "intake 2023-10-01 10:00 (1 email)" in names and "timers 2023-10-01 12:30" in names
    assert any(s.startswith("# intake: messages 1") and "SO2023100001" in s for s in summaries)
    assert any(s.startswith("# timers: chased 0") and "nothing to do" in s for s in summaries)


def test_status_changes_and_quarantine_are_prefect_events_for_automations(home, prefect_api):
    import asyncio
    import time

    from prefect.client.orchestration import get_client
    from prefect.events.worker import EventsWorker

    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
        mailbox.append(TWO_SENDERS)
    run_intake()
    EventsWorker.drain_all()

    async def names() -> list[tuple[str, str]]:
        async with get_client() as client:
            answer = await client._client.post("/events/filter", json={
                "limit": 50, "filter": {"event": {"prefix": ["orderloop."]}}})
            return [(e["event"], e["resource"]["prefect.resource.id"]) for e in answer.json()["events"]]

    deadline, found = time.monotonic() + 20, []
    while time.monotonic() < deadline and not {"orderloop.order.confirming", "orderloop.message.quarantined"} <= {
            name for name, _ in found}:
        time.sleep(0.5)
        found = asyncio.run(names())
    assert ("orderloop.order.confirming", "orderloop.order.SO2023100001") in found
    assert any(name == "orderloop.message.quarantined" for name, _ in found)


def test_ops_alerts_on_quarantine_and_failed_runs_are_automations_in_the_prefect_api(prefect_api):
    import asyncio

    from prefect.blocks.notifications import CustomWebhookNotificationBlock
    from prefect.client.orchestration import get_client

    from flows.alerts import create_alerts

    block = CustomWebhookNotificationBlock(name="ops-chat", url="http://127.0.0.1:9/ops", allow_private_urls=True)
    block_id = block.save("orderloop-ops-chat", overwrite=True)
    create_alerts(block_id)

    async def automations():
        async with get_client() as client:
            return {a.name: (a.trigger.expect, [x.type for x in a.actions]) for a in await client.read_automations()}

    found = asyncio.run(automations())
    assert found["orderloop: a message was quarantined"] == ({"orderloop.message.quarantined"}, ["send-notification"])
    assert found["orderloop: a flow run failed"] == ({"prefect.flow-run.Failed"}, ["send-notification"])


def test_a_run_that_fails_names_what_is_broken_and_what_to_do_in_its_state(home, prefect_api):
    """What ops read on a failed run in the UI (and what the failed-run alert carries): the damaged
    file and the command that mends it, not a bare JSONDecodeError."""
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    run_intake()
    orders_file = home / "store" / "orders.json"
    orders_file.write_text('{"_default": {"1": garb')
    state = deadlines_flow(return_state=True)
    assert state.is_failed()
    assert str(orders_file) in state.message and "orderloop doctor --restore" in state.message
