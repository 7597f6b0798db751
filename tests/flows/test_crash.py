"""Kill the poll at each step for one message, run it again: exactly one order
and exactly one email to the customer. The poll runs as a real `orderloop
poll` process that exits on the spot (os._exit) at the named point."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from flows.components import open_mailbox, open_repository
from flows.crashpoints import POINTS
from flows.settings import Settings

from tests.flows.conftest import sample_email
from tests.flows.helpers import folder_size, outbox

pytestmark = pytest.mark.integration


def poll(prefect_api: str, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PREFECT_API_URL=prefect_api)
    env.pop("ORDERLOOP_CRASH_AT", None)
    if crash_at:
        env["ORDERLOOP_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "flows", "poll"], env=env, capture_output=True,
                          text=True, timeout=300)


@pytest.mark.parametrize("point", POINTS)
def test_a_poll_killed_at_any_step_neither_loses_nor_doubles(point, home, prefect_api):
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))
    crashed = poll(prefect_api, crash_at=point)
    assert crashed.returncode == 70, crashed.stderr[-2000:]
    again = poll(prefect_api)
    assert again.returncode == 0, again.stderr[-2000:]
    assert poll(prefect_api).returncode == 0  # and once more, for good measure
    found = open_repository(Settings()).list_orders()
    assert [o.order_no for o in found] == ["SO2023100001"]
    assert len(outbox(home)) == 1
    assert folder_size(home, "inbox") == 0 and folder_size(home, "Processed") == 1
