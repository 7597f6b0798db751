"""Automations that alert ops (Prefect's events and automations, issue 14):
a message quarantined, or a flow run that failed, sends the notification
block they name (an email, a webhook into the company chat, ...).

    from flows.alerts import create_alerts
    create_alerts(block_document_id)   # once, against the Prefect server of PREFECT_API_URL

README "Running for real" shows the same through the API.
"""
from __future__ import annotations

from uuid import UUID

import flows.prefect_env  # noqa: F401  (must precede prefect)
from prefect.automations import Automation
from prefect.events.actions import SendNotification
from prefect.events.schemas.automations import EventTrigger, Posture

ALERTS = {
    "orderloop: a message was quarantined": ("orderloop.message.quarantined", {"prefect.resource.id": "orderloop.message.*"},
                                              "A message was quarantined: {{ event.payload.reason }}"),
    "orderloop: a flow run failed": ("prefect.flow-run.Failed", {"prefect.resource.id": "prefect.flow-run.*"},
                                     "Flow run {{ flow_run.name }} failed: {{ flow_run.state.message }}"),
}


def create_alerts(block_document_id: UUID) -> list[Automation]:
    """Both alerts, each sending the notification block `block_document_id` once per event."""
    made = []
    for name, (event, match, body) in ALERTS.items():
        made.append(Automation(
            name=name, description="orderloop ops alert",
            trigger=EventTrigger(expect={event}, match=match, posture=Posture.Reactive, threshold=1),
            actions=[SendNotification(block_document_id=block_document_id, subject=name, body=body)],
        ).create())
    return made
