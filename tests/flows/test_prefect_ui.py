"""What ops see in the Prefect UI while `orderloop serve` runs against a real
Prefect server (`prefect server start`, UI and all): mail dropped in the inbox
is answered by a run the inbox watcher starts, the run's INFO logs name each
order it touched, and headless Chromium renders the `order-board` artifact
with every order's number and status label and the quarantined message."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from flows.components import open_mailbox, open_repository
from flows.settings import Settings
from orders.board import STATUS_EN
from tests.flows.conftest import sample_email
from tests.flows.helpers import wait_for
from tests.flows.test_board import TWO_SENDERS
from tests.servers import PrefectServer, browser_text

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def ui_server():
    server = PrefectServer().start()
    yield server
    server.stop()


def test_ops_see_served_runs_their_logs_and_the_order_board_in_the_prefect_ui(home, ui_server):
    env = dict(os.environ, PREFECT_API_URL=ui_server.api_url, ORDERLOOP_POLL_INTERVAL_SECONDS="300")
    env.pop("PREFECT_LOGGING_LEVEL")  # as ops start it (this process's one-shot default is WARNING)
    serve = subprocess.Popen([sys.executable, "-m", "flows", "serve"], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, start_new_session=True)
    try:
        wait_for("the intake deployment", lambda: serve.poll() is not None or any(
            d["name"] == "intake" for d in ui_server.api("/deployments/filter")))
        assert serve.poll() is None, serve.stderr.read().decode()[-2000:]
        time.sleep(2)  # the watcher's first look at the inbox, so the mail below is new to it
        with open_mailbox(Settings()) as mailbox:
            for name in ("01-seed-order.eml", "02-vague-custom.eml", "03-english-order.eml"):
                mailbox.append(sample_email(name))
            mailbox.append(TWO_SENDERS)
        run = wait_for("an intake run that read the mail", lambda: next(
            (r for r in ui_server.api("/flow_runs/filter", {"flow_runs": {
                "state": {"type": {"any_": ["COMPLETED"]}}, "name": {"like_": "intake"}}})
             if "(4 emails)" in r["name"]), None))
        # Its INFO logs reach the API (sent in batches, so they may follow the run's end).
        logs = wait_for("the run's log lines per order", lambda: [
            entry["message"] for entry in ui_server.api("/logs/filter", {
                "logs": {"flow_run_id": {"any_": [run["id"]]}, "level": {"ge_": 20}}, "limit": 200})
            if entry["message"].startswith("SO")], timeout=30)
    finally:
        os.killpg(serve.pid, signal.SIGTERM)
        serve.wait(timeout=30)
    assert run["name"] == "intake 2023-10-01 10:00 (4 emails)"
    orders = open_repository(Settings()).list_orders()
    assert len(orders) == 3
    # One line per order touched, not per email parsed.
    assert sorted(line.split(":")[0] for line in logs) == sorted(order.order_no for order in orders), logs

    # The board as ops open it in the UI: the key's page lists the run, the artifact's page shows the board.
    (latest,) = ui_server.api("/artifacts/latest/filter", {"artifacts": {"key": {"any_": ["order-board"]}}})
    key_page = browser_text(f"{ui_server.url}/artifacts/key/order-board")
    assert "order-board" in key_page and run["name"] in key_page
    page = browser_text(f"{ui_server.url}/artifacts/artifact/{latest['latest_id']}")
    assert "订单看板 Order board — 2023-10-01 10:00" in page
    for order in orders:
        assert order.order_no in page and f"{order.status.label} / {STATUS_EN[order.status]}" in page
    assert "隔离邮件 Quarantined messages (1)" in page and "names 2 addresses" in page
