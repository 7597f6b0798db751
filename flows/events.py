"""Prefect events for ops' automations: every status change of an order
(`orderloop.order.<status>`, resource `orderloop.order.<order_no>`), every
clock that fires (`orderloop.order.reminder`, `.escalation`) and every
quarantined message (`orderloop.message.quarantined`).

Emitted only inside a flow run, after the unit of work committed: the store
calls `order_events` with what it wrote (store.base.BookRepository.on_commit).
A one-shot command (`orderloop import payments`) emits nothing, so it never
starts a Prefect API of its own.
"""
from __future__ import annotations

import logging
import sys

from orders.model import Event

log = logging.getLogger("orderloop.events")
TOLD = {"transition", "reminder", "escalation"}


def in_flow_run() -> bool:
    if "prefect" not in sys.modules:  # not imported: no flow is running
        return False
    from prefect.context import FlowRunContext

    return FlowRunContext.get() is not None


def order_events(events: list[Event]) -> None:
    if not events or not in_flow_run():
        return
    from prefect.events import emit_event

    for event in events:
        if event.kind not in TOLD:
            continue
        name = event.to_status if event.kind == "transition" else event.kind
        emit_event(event=f"orderloop.order.{name}",
                   resource={"prefect.resource.id": f"orderloop.order.{event.order_no}",
                             "prefect.resource.name": event.order_no},
                   payload={"from": event.from_status, "to": event.to_status, "actor": event.actor,
                            "reason": event.reason[:500], "at": event.at.isoformat()})


def quarantined(records) -> None:
    """Each message the batch quarantined, with its reason."""
    if not in_flow_run():
        return
    from prefect.events import emit_event

    for record in records:
        emit_event(event="orderloop.message.quarantined",
                   resource={"prefect.resource.id": f"orderloop.message.{record.key[:200]}"},
                   payload={"subject": record.subject, "sender": record.sender, "reason": record.reason})
