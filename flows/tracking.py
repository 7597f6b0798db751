"""The tracking flow (procedure step 5): every shipped order's carrier is asked
what became of it, and what it says goes on the order.

The queries go out before any unit of work opens (the store's lock is never
held while a tracking service answers or times out); their answers are then
applied in one unit of work. A service that fails (down, slow, garbage, a bad
signature, an unknown number) never stops the poll or other orders: the
failure is recorded on the shipment and retried next time, and logistics is
told once it has lasted a day. Without ORDERLOOP_TRACKING_URL there is no
service: logistics' replies are the only tracking.
"""
from __future__ import annotations

import logging
from datetime import datetime

import flows.prefect_env  # noqa: F401  (must precede prefect)
from prefect import flow, task
from prefect.artifacts import create_markdown_artifact

from orders.delivery import apply_tracking, tracking_failed
from orders.model import Order
from orders.status import Status
from store.repository import Repository
from tracking import TrackingError, TrackingService
from tracking.kuaidi100 import Kuaidi100

from flows.board import board_artifact, current_board, tell_run
from flows.components import open_repository
from flows.crashpoints import crashpoint
from flows.handling import in_words, queue_notices
from flows.intake import IO, send_pending_mail
from flows.settings import Settings

log = logging.getLogger("orderloop.tracking")


def tracking_service(settings: Settings) -> TrackingService | None:
    if not settings.tracking_url:
        return None
    return Kuaidi100(settings.tracking_url, settings.tracking_customer or "", settings.tracking_key or "",
                     timeout=float(settings.tracking_timeout))


def trackable(order: Order) -> bool:
    shipment = order.shipment
    return bool(shipment and shipment.tracking_no and shipment.carrier_code)


def ask_carriers(orders: list[Order], service: TrackingService) -> dict[str, object]:
    """Each shipment's answer, or the TrackingError it met; no store lock is held meanwhile."""
    answers: dict[str, object] = {}
    for order in orders:
        shipment = order.shipment
        try:
            answers[order.order_no] = service.query(shipment.carrier_code, shipment.tracking_no,
                                                    phone=order.customer.phone)
        except TrackingError as exc:
            log.warning("%s: tracking %s %s failed: %s", order.order_no, shipment.carrier, shipment.tracking_no, exc)
            answers[order.order_no] = exc
    return answers


def track_shipments(repository: Repository, settings: Settings, now: datetime,
                    service: TrackingService) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Counts, and what the carrier's answer did to each order it changed (for the run's log and summary)."""
    shipped = [order for order in repository.list_orders(Status.SHIPPED) if trackable(order)]
    answers = ask_carriers(shipped, service)
    counts = {"asked": len(answers), "failed": 0, "told": 0}
    acted: dict[str, list[str]] = {}
    with repository.unit_of_work() as uow:
        for order_no, answer in answers.items():
            order = uow.get_order(order_no)
            if order is None or order.status != Status.SHIPPED:
                continue  # delivered or changed while the carrier was asked
            if isinstance(answer, TrackingError):
                counts["failed"] += 1
                outcome = tracking_failed(order, kind=answer.kind, detail=str(answer), at=now, master=uow.master)
            else:
                outcome = apply_tracking(order, events=answer.events, state=answer.state,
                                         estimated_arrival=answer.estimated_arrival, at=now, master=uow.master)
            if not (outcome.acted or outcome.notices or order.shipment.tracking_failure):
                continue  # no news: nothing to write
            queue_notices(uow, order, outcome.notices, settings, now)
            counts["told"] += len(outcome.notices)
            acted[order_no] = in_words(outcome)
            uow.save_order(order)  # a failure is recorded too: it is retried and reported from the record
    crashpoint("after_tracking")
    return counts, acted


@task(**IO)
def track(settings: Settings) -> tuple[dict[str, int], dict[str, list[str]]]:
    service = tracking_service(settings)
    if service is None:
        return {"asked": 0, "failed": 0, "told": 0}, {}
    return track_shipments(open_repository(settings), settings, settings.current_time(), service)


@flow(name="tracking", description="Every shipped order's carrier asked; exceptions told at once.",
      flow_run_name=lambda: f"tracking {Settings().current_time():%Y-%m-%d %H:%M}")
def tracking_flow() -> dict[str, int]:
    settings = Settings()
    counts, acted = track(settings)
    counts["sent"] = send_pending_mail(settings)
    tell_run("tracking", counts, acted)
    create_markdown_artifact(**board_artifact(current_board(settings)))
    return counts
