"""Prefect at scale on one machine (issue 15): the Prefect server keeps its runs
in PostgreSQL, `orderloop deploy` registers intake, review-deadlines and
tracking to a process work pool, and two `prefect worker start --pool orderloop
--type process` run them. Mail in the inbox becomes orders, each email is read
and answered once, two intake runs never overlap, and every run was taken by
one of the two workers, which gave it the ORDERLOOP_* settings of their own
environment."""
from __future__ import annotations

import email
import email.policy
import os
import re
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from flows.components import open_mailbox, open_repository
from flows.settings import Settings
from tests.flows.conftest import sample_email
from tests.flows.helpers import outbox, wait_for
from tests.servers import Postgres, PrefectServer

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
EMAILS = ("01-seed-order.eml", "02-vague-custom.eml", "03-english-order.eml")
DEPLOYMENTS = {"intake", "review-deadlines", "tracking"}
WORKERS = ("worker-1", "worker-2")
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def runs(server: PrefectServer, pool: str | None = None, **flow_runs) -> list[dict]:
    body = {"flow_runs": flow_runs, "limit": 200}
    if pool:
        body["work_pools"] = {"name": {"any_": [pool]}}
    return server.api("/flow_runs/filter", body)


@pytest.fixture
def postgres():
    pg = Postgres().start()
    yield pg
    pg.stop()


@pytest.fixture
def prefect_on_postgres(postgres, monkeypatch):
    database = postgres.new_database("prefect")
    # A run that finds its deployment's slot taken tries again after this; the server's 30 s
    # default would make three queued intake runs outlast the test.
    monkeypatch.setenv("PREFECT_SERVER_DEPLOYMENTS_CONCURRENCY_SLOT_WAIT_SECONDS", "1")
    server = PrefectServer(database_url=database.replace("postgresql://", "postgresql+asyncpg://", 1)).start()
    yield server, database
    server.stop()


def test_two_process_workers_run_the_deployed_flows_from_a_prefect_server_on_postgresql(
        home, prefect_on_postgres, tmp_path_factory):
    import psycopg

    server, database = prefect_on_postgres
    # The server's tables are in the PostgreSQL database, not in a SQLite file of its own.
    with psycopg.connect(database) as connection:
        tables = {row[0] for row in connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")}
    assert {"flow_run", "deployment", "work_pool", "worker"} <= tables
    assert not list(Path(server.folder).glob("*.db"))

    # Where ops run it: the Prefect server's address, and no one-shot WARNING level (flows/prefect_env.py).
    env = dict(os.environ, PREFECT_API_URL=server.api_url)
    env.pop("PREFECT_LOGGING_LEVEL", None)
    refused = subprocess.run([sys.executable, "-m", "flows", "deploy"], capture_output=True, text=True, timeout=60,
                             env={k: v for k, v in env.items() if k != "PREFECT_API_URL"})
    assert refused.returncode == 1 and "no Prefect server: set PREFECT_API_URL" in refused.stderr
    intervals = []
    for options in ([], ["--poll", "600", "--timers", "900", "--tracking", "3600"]):  # made, then updated
        done = subprocess.run([sys.executable, "-m", "flows", "deploy", *options], capture_output=True, text=True,
                              timeout=90, env=env)
        assert done.returncode == 0, done.stderr[-3000:] + done.stdout[-2000:]
        intervals.append({d["name"]: [s["schedule"]["interval"] for s in d["schedules"]]
                          for d in server.api("/deployments/filter")})
    assert "prefect worker start --pool orderloop --type process" in done.stdout
    assert intervals[0] == {"intake": [300], "review-deadlines": [300], "tracking": [1800]}  # serve's defaults

    (pool,) = [p for p in server.api("/work_pools/filter") if p["name"] == "orderloop"]
    assert pool["type"] == "process"
    deployed = {d["name"]: d for d in server.api("/deployments/filter")}
    assert set(deployed) == DEPLOYMENTS
    for name, interval in (("intake", 600), ("review-deadlines", 900), ("tracking", 3600)):
        found = deployed[name]
        assert found["work_pool_name"] == "orderloop"
        assert [s["schedule"]["interval"] for s in found["schedules"]] == [interval]
        assert found["global_concurrency_limit"]["limit"] == 1  # one run of each at a time, as under serve
        assert found["entrypoint"].startswith(f"flows/{'deadlines' if name == 'review-deadlines' else name}.py:")
        assert found["pull_steps"] == [{"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}]
        assert found["job_variables"] == {"env": {"PREFECT_LOGGING_LEVEL": "INFO"}}

    # The mail is there before any worker runs: whichever intake run comes first reads it all.
    with open_mailbox(Settings()) as mailbox:
        for name in EMAILS:
            mailbox.append(sample_email(name))

    # The workers hold the settings (ORDERLOOP_HOME, ORDERLOOP_NOW from the `home` fixture) and pass them on.
    logs = tmp_path_factory.mktemp("workers")
    worker_env = dict(env, PREFECT_WORKER_QUERY_SECONDS="1")  # a queued run is taken within a second
    workers = [subprocess.Popen([sys.executable, "-m", "prefect", "worker", "start", "--pool", "orderloop",
                                 "--type", "process", "--name", name, "--limit", "2"],
                                env=worker_env, stdin=subprocess.DEVNULL, stdout=(logs / f"{name}.log").open("wb"),
                                stderr=subprocess.STDOUT, start_new_session=True)
               for name in WORKERS]

    def worker_logs() -> str:
        return "\n".join(f"--- {name}\n" + (logs / f"{name}.log").read_text(errors="replace")[-3000:]
                         for name in WORKERS)

    try:
        wait_for("both workers online in the pool", lambda: {
            w["name"] for w in server.api("/work_pools/orderloop/workers/filter") if w["status"] == "ONLINE"}
            >= set(WORKERS), explain=worker_logs)
        intake = deployed["intake"]["id"]
        # What the inbox watcher and `prefect deployment run intake/intake` do: queue a run now. Three at
        # once, so both workers reach for them together and the concurrency limit has to hold them apart.
        triggered = [server.api(f"/deployments/{intake}/create_flow_run", {})["id"] for _ in range(3)]

        def finished():
            found = runs(server, id={"any_": triggered})
            if any(r["state_type"] in {"FAILED", "CRASHED", "CANCELLED"} for r in found):
                raise AssertionError(f"{[(r['name'], r['state']) for r in found]}\n{worker_logs()}")
            return found if all(r["state_type"] == "COMPLETED" for r in found) else None

        done_runs = wait_for("the triggered intake runs to complete", finished, timeout=75, explain=worker_logs)
        # Their INFO lines (a line per order) reach the API, as a served run's do.
        with_mail = [r for r in runs(server, deployment_id={"any_": [intake]}, state={"type": {"any_": ["COMPLETED"]}})
                     if not r["name"].endswith("(0 emails)")]
        lines = wait_for("the run's log lines per order", lambda: [
            entry["message"] for entry in server.api("/logs/filter", {
                "logs": {"flow_run_id": {"any_": [r["id"] for r in with_mail]}, "level": {"ge_": 20}},
                "limit": 200}) if entry["message"].startswith("SO")], timeout=30)
        # No worker takes another run while they stop: pause the pool, let what runs finish.
        server.api("/work_pools/orderloop", {"is_paused": True}, method="PATCH")
        wait_for("the runs in flight to end", lambda: not runs(
            server, state={"type": {"any_": ["PENDING", "RUNNING"]}}), timeout=30, explain=worker_logs)
    finally:
        for worker in workers:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()

    # The orders exist, each email was read by one run and answered once.
    orders = open_repository(Settings()).list_orders()
    assert len(orders) == 3
    all_intake = [r for r in runs(server, deployment_id={"any_": [intake]}) if r["state_type"] in TERMINAL]
    assert all(r["state_type"] == "COMPLETED" for r in all_intake), [(r["name"], r["state"]) for r in all_intake]
    read = [int(re.search(r"\((\d+) emails?\)$", r["name"]).group(1)) for r in all_intake]
    assert sum(read) == len(EMAILS), [r["name"] for r in all_intake]
    sent = outbox(home)
    originals = {email.message_from_bytes(sample_email(name), policy=email.policy.default)["Message-ID"]
                 for name in EMAILS}
    answers = [m["In-Reply-To"] for m in sent if m["In-Reply-To"] in originals]
    assert sorted(answers) == sorted(originals), [(m["To"], m["Subject"], m["In-Reply-To"]) for m in sent]
    assert len({m["Message-ID"] for m in sent}) == len(sent)
    assert sorted(line.split(":")[0] for line in lines) == sorted(o.order_no for o in orders), lines

    # Two intake runs never overlap; and the limit was put to the test: a run waited for the slot.
    spans = sorted((datetime.fromisoformat(r["start_time"]), datetime.fromisoformat(r["end_time"]))
                   for r in all_intake)
    assert all(later[0] >= earlier[1] for earlier, later in zip(spans, spans[1:])), spans
    waited = [r["id"] for r in done_runs if any(
        s["name"] == "AwaitingConcurrencySlot"
        for s in server.api(f"/flow_run_states/?flow_run_id={r['id']}", method="GET"))]
    assert waited, "no run found the slot taken: the limit was never tested"

    # Every run of the pool was run by one of the two workers (the label it gives a run it starts),
    # which says so in its log; which of the two is up to them.
    every = [r for r in runs(server, pool="orderloop") if r["state_type"] in TERMINAL]
    assert {r["labels"].get("prefect.worker.name") for r in every} <= set(WORKERS), [r["labels"] for r in every]
    text = worker_logs()
    for run in done_runs:
        assert run["work_queue_name"] == "default"
        worker = run["labels"]["prefect.worker.name"]
        assert f"Worker '{worker}' submitting flow run '{run['id']}'" in (logs / f"{worker}.log").read_text(), text

    # And the server keeps them in PostgreSQL.
    with psycopg.connect(database) as connection:
        stored = {str(row[0]) for row in connection.execute("SELECT id FROM flow_run WHERE id = ANY(%s::uuid[])",
                                                            (triggered,))}
    assert stored == set(triggered), text
