"""The README's screenshots of the Prefect UI, from a real run: a Prefect
server with its UI on a free port, the demo's sample orders taken as far as
their approvals, the reviewers silent for four hours (reminders, then the
deputy), a message quarantined; then headless Chromium photographs the order
board, the timers run's summary and the flow runs.

    .venv/bin/python docs/screenshots.py        # writes docs/ui-*.png

Needs what the tests need (bootstrap.sh installs chromium); leaves nothing running.
"""
from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import PrefectServer, browser_text  # noqa: E402

TWO_SENDERS = ("From: a@x.example, b@y.example\r\nTo: orders@example.com\r\nSubject: 订单\r\n"
               "Message-ID: <x1@x.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
               "产品: P001\r\n数量: 100\r\n单价: 500\r\n客户: 华东\r\n").encode("utf-8")


def run_scenario(home: Path) -> None:
    """The demo's orders up to their reviews, then four silent hours and a message from two senders."""
    os.environ.update(ORDERLOOP_HOME=str(home), ORDERLOOP_NOW="2023-10-01T10:00:00+08:00")
    from flows import demo
    from flows.components import open_mailbox
    from flows.deadlines import deadlines_flow
    from flows.intake import intake_flow
    from flows.settings import Settings

    settings = Settings()
    demo._load_samples(settings)
    asyncio.run(intake_flow())
    demo._customers_reply(settings, answer_questions=True)
    asyncio.run(intake_flow())
    demo._customers_reply(settings, answer_questions=False)
    asyncio.run(intake_flow())
    for moment in ("2023-10-01T12:10:00+08:00", "2023-10-01T14:10:00+08:00"):
        os.environ["ORDERLOOP_NOW"] = moment
        deadlines_flow()
    with open_mailbox(settings) as mailbox:
        mailbox.append(TWO_SENDERS)
    asyncio.run(intake_flow())


def main() -> None:
    server = PrefectServer().start()
    try:
        # Before Prefect is imported; INFO as under `orderloop serve`, so the runs' logs show.
        os.environ.update(PREFECT_API_URL=server.api_url, PREFECT_LOGGING_LEVEL="INFO")
        with tempfile.TemporaryDirectory() as home:
            run_scenario(Path(home))
        import httpx

        def newest(kind: str, test) -> str:
            """The id of the newest artifact or flow run that passes `test`."""
            found = httpx.post(f"{server.api_url}/{kind}/filter", json={"sort": "EXPECTED_START_TIME_DESC"}
                               if kind == "flow_runs" else {"sort": "CREATED_DESC", "limit": 100}).json()
            return next(item["id"] for item in found if test(item))

        board = newest("artifacts", lambda a: a["key"] == "order-board")
        timers_summary = newest("artifacts", lambda a: (a["data"] or "").startswith("# timers: chased 2"))
        first_intake = newest("flow_runs", lambda r: r["name"] == "intake 2023-10-01 10:00 (5 emails)")
        shots = {"ui-order-board.png": (f"/artifacts/artifact/{board}", "1400,760"),
                 "ui-timers-run.png": (f"/artifacts/artifact/{timers_summary}", "1400,400"),
                 "ui-flow-runs.png": ("/runs", "1400,1100"),
                 "ui-intake-run-logs.png": (f"/runs/flow-run/{first_intake}", "1400,1500")}
        for name, (path, size) in shots.items():
            text = browser_text(server.url + path, screenshot=ROOT / "docs" / name, size=size)
            print(f"docs/{name}: {text[:120]}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
