"""The deadline flow: remind managers whose review is overdue, escalate to
the deputy at the second miss, and send what that queued."""
from __future__ import annotations

import flows.prefect_env  # noqa: F401  (must precede prefect)
from prefect import flow, task

from flows.components import open_repository
from flows.handling import chase_overdue_reviews
from flows.intake import IO, send_pending_mail
from flows.settings import Settings


@task(**IO)
def chase_reviews(settings: Settings) -> list[str]:
    return chase_overdue_reviews(open_repository(settings), settings, settings.current_time())


@flow(name="review-deadlines", description="The 2-hour review rule: reminders, then escalation to the deputy.")
def deadlines_flow() -> dict[str, int]:
    settings = Settings()
    chased = chase_reviews(settings)
    return {"chased": len(chased), "sent": send_pending_mail(settings)}
