"""The timers flow: every clock of every order (the manager's 2-hour review,
tech's feasibility day, production's finish date, the warehouse's pick,
finance's prepayment, the customer's delivery window, logistics' shipping):
a reminder at the deadline, the deputy or the sales manager one window later;
then what that queued is sent."""
from __future__ import annotations

import flows.prefect_env  # noqa: F401  (must precede prefect)
from prefect import flow, task

from flows.components import open_repository
from flows.handling import chase_overdue_timers
from flows.intake import IO, send_pending_mail
from flows.settings import Settings


@task(**IO)
def chase_timers(settings: Settings) -> list[str]:
    return chase_overdue_timers(open_repository(settings), settings, settings.current_time())


@flow(name="review-deadlines", description="Every clock of every order: reminders, then escalation.")
def deadlines_flow() -> dict[str, int]:
    settings = Settings()
    chased = chase_timers(settings)
    return {"chased": len(chased), "sent": send_pending_mail(settings)}
