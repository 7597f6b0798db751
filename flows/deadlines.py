"""The timers flow: every clock of every order (the manager's 2-hour review,
tech's feasibility day, production's finish date, the warehouse's pick,
finance's prepayment, the customer's delivery window, logistics' shipping):
a reminder at the deadline, the deputy or the sales manager one window later;
then what that queued is sent."""
from __future__ import annotations

import flows.prefect_env  # noqa: F401  (must precede prefect)
from prefect import flow, task
from prefect.artifacts import create_markdown_artifact

from flows.board import board_artifact, current_board, tell_run
from flows.closing import file_closures
from flows.components import open_repository
from flows.handling import chase_overdue_timers
from flows.intake import IO, send_pending_mail
from flows.settings import Settings
from orders.status import Status


@task(**IO)
def chase_timers(settings: Settings) -> dict[str, list[str]]:
    repository = open_repository(settings)
    chased = chase_overdue_timers(repository, settings, settings.current_time())
    # A closed order whose closure a crash left unfiled is filed here, at the latest.
    file_closures(settings, repository, repository.list_orders(Status.CLOSED))
    return chased


@flow(name="review-deadlines", description="Every clock of every order: reminders, then escalation.",
      flow_run_name=lambda: f"timers {Settings().current_time():%Y-%m-%d %H:%M}")
def deadlines_flow() -> dict[str, int]:
    settings = Settings()
    chased = chase_timers(settings)
    counts = {"chased": len(chased), "sent": send_pending_mail(settings)}
    tell_run("timers", counts, chased)
    create_markdown_artifact(**board_artifact(current_board(settings)))
    return counts
