"""`orderloop serve` registers the intake deployment with its schedule, so ops
see it in the Prefect UI, and keeps serving until stopped."""
from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.integration


async def deployment_names(api_url: str) -> dict[str, list]:
    from prefect.client.orchestration import get_client

    async with get_client() as client:
        found = await client.read_deployments()
        return {d.name: ([s.schedule for s in d.schedules], d.global_concurrency_limit) for d in found}


def test_serve_shows_the_intake_flow_on_its_interval(tmp_path, prefect_api):
    env = dict(os.environ, PREFECT_API_URL=prefect_api, ORDERLOOP_HOME=str(tmp_path),
               ORDERLOOP_POLL_INTERVAL_SECONDS="300")
    server = subprocess.Popen([sys.executable, "-m", "flows", "serve"], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline, names = time.monotonic() + 90, {}
        while not {"intake", "tracking"} <= set(names) and time.monotonic() < deadline and server.poll() is None:
            time.sleep(1)
            names = asyncio.run(deployment_names(prefect_api))
        assert server.poll() is None, server.stderr.read().decode()[-2000:]
        assert "intake" in names
        (schedule,), limit = names["intake"]
        assert schedule.interval.total_seconds() == 300
        assert limit is not None and limit.limit == 1  # two intake runs never overlap
        (tracking,), _ = names["tracking"]
        assert tracking.interval.total_seconds() == 1800  # carriers asked every 30 minutes
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
