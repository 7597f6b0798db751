"""`orderloop deploy`: the same three flows as `orderloop serve`, registered
with a Prefect server as deployments of a process work pool, so that any
number of `prefect worker start --pool orderloop --type process` run them
(issue 15).

What a worker's run needs comes from the worker, not from here: the code is
this checkout (each run starts in its folder, as `serve` runs it), the
ORDERLOOP_* settings are the worker's environment. So workers run from the
same installation, in the environment that holds the settings, and share the
one ORDERLOOP_HOME (or, with ORDERLOOP_DATABASE_URL, the one database).
"""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from flows.settings import Settings

# The checkout the deployments point at: each run starts in this folder and loads its flow from here.
ROOT = Path(__file__).resolve().parents[1]

# (deployment, entrypoint, the Settings field that is its interval), as `serve` names them.
FLOWS = (("intake", "flows/intake.py:intake_flow", "poll_interval_seconds"),
         ("review-deadlines", "flows/deadlines.py:deadlines_flow", "deadline_interval_seconds"),
         ("tracking", "flows/tracking.py:tracking_flow", "tracking_interval_seconds"))

# Runs tell ops what they did (a line per order touched) in the UI's logs, as served runs do; the
# one-shot commands' quiet default (flows/prefect_env.py) would hide them. Job variables win over
# the worker's environment; ops can change them per deployment in the UI.
RUN_ENV = {"PREFECT_LOGGING_LEVEL": "INFO"}


def deploy(pool: str = "orderloop", poll: int | None = None, timers: int | None = None,
           tracking: int | None = None) -> list[tuple[str, str]]:
    """Create the process work pool `pool` if it is missing and register intake,
    review-deadlines and tracking to it, each on its interval and one run at a time.
    Running it again updates them. Returns (flow/deployment, id) for each."""
    if not os.environ.get("PREFECT_API_URL"):
        from flows.cli import UserError

        # No --ephemeral here: deployments in a temporary API would be gone before a worker saw them.
        raise UserError("no Prefect server: set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api after "
                        "`prefect server start`); the workers take their runs from the same server")
    # Checked like the ORDERLOOP_* variables they stand for (a timer every 10 s is refused the same way).
    given = {"poll_interval_seconds": poll, "deadline_interval_seconds": timers,
             "tracking_interval_seconds": tracking}
    settings = Settings(**{name: value for name, value in given.items() if value is not None})
    from prefect import flow

    _ensure_pool(pool)
    deployed = []
    for name, entrypoint, interval in FLOWS:
        # A local folder as the source: no image is built or pushed, and the deployment's only pull
        # step sets the run's working folder to this checkout, where a relative ORDERLOOP_HOME
        # means what it means for `serve`.
        source = flow.from_source(source=str(ROOT), entrypoint=entrypoint)
        # Prefect prints a table per deployment; the command says in one line what it did, and a
        # deployment that cannot be registered raises (one at a time: Prefect only reports a failure
        # among several in that table).
        with contextlib.redirect_stdout(io.StringIO()):
            deployment_id = source.deploy(name=name, work_pool_name=pool, interval=getattr(settings, interval),
                                          concurrency_limit=1,  # a slow run is never overtaken by the next one
                                          job_variables={"env": dict(RUN_ENV)}, build=False, push=False,
                                          print_next_steps=False, ignore_warnings=True)
        deployed.append((f"{source.name}/{name}", str(deployment_id)))
    return deployed


def _ensure_pool(name: str) -> None:
    """The process work pool with Prefect's own default job template (what `prefect work-pool
    create --type process` makes), so its `env` job variable reaches the runs; one that
    exists is left as ops configured it, unless its workers are not process workers."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.exceptions import ObjectAlreadyExists
    from prefect.workers.process import ProcessWorker

    with get_client(sync_client=True) as client:
        try:
            client.create_work_pool(WorkPoolCreate(name=name, type="process",
                                                   base_job_template=ProcessWorker.get_default_base_job_template()))
        except ObjectAlreadyExists:
            found = client.read_work_pool(name)
            if found.type != "process":
                from flows.cli import UserError

                # Its workers would look for a Docker image or a cluster; these runs start from this checkout.
                raise UserError(f"the work pool {name!r} is a {found.type} pool: name a process pool "
                                f"(orderloop deploy --pool NAME), or a new name and it is made") from None
