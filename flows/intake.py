"""The intake flow: read new mail, record what it caused, send, file.

Each step is a task around I/O with its own retries; the order of the steps
is what makes a crash harmless: a message leaves the inbox only after its
effects are stored, and mail is sent from the store's outbox, once.
"""
from __future__ import annotations

import flows.prefect_env  # noqa: F401  (must precede prefect)
from prefect import flow, task
from prefect.artifacts import acreate_table_artifact
from prefect.cache_policies import NONE

from mail.base import IncomingMessage
from flows.components import open_mailbox, open_mailer, open_repository
from flows.crashpoints import crashpoint
from flows.handling import Placement, record_batch_safely
from flows.settings import Settings

IO = dict(cache_policy=NONE, persist_result=False, retries=2, retry_delay_seconds=2)


@task(**IO)
def fetch_messages(settings: Settings) -> list[IncomingMessage]:
    with open_mailbox(settings) as mailbox:
        return mailbox.fetch_new(limit=settings.batch_size)


@task(**IO)
def record_batch(settings: Settings, messages: list[IncomingMessage]) -> list[Placement]:
    placements = record_batch_safely(open_repository(settings), messages, settings, settings.current_time())
    crashpoint("after_store")
    return placements


@task(**IO)
def send_pending_mail(settings: Settings) -> int:
    repository = open_repository(settings)
    with repository.unit_of_work() as uow:
        pending = uow.pending_mail()
    if not pending:
        return 0
    with open_mailer(settings) as mailer:
        for mail in pending:
            mailer.send(mail.message_id, mail.sender, mail.recipients, mail.raw.encode("utf-8"))
        crashpoint("after_send")
        with repository.unit_of_work() as uow:
            now = settings.current_time()
            for mail in pending:
                uow.mark_sent(mail.message_id, now)
        mailer.settled()
    return len(pending)


@task(**IO)
def file_messages(settings: Settings, placements: list[Placement]) -> None:
    crashpoint("before_file")
    with open_mailbox(settings) as mailbox:
        mailbox.file({p.uid: p.folder for p in placements})


@flow(name="intake", description="Order emails in, validated order records and questions out.")
async def intake_flow() -> dict[str, int]:
    settings = Settings()
    placements, sent = [], send_pending_mail(settings)  # anything a crash left unsent
    while batch := fetch_messages(settings):
        placements += record_batch(settings, batch)
        sent += send_pending_mail(settings)
        file_messages(settings, placements[-len(batch):])
        if len(batch) < settings.batch_size:
            break
    return await report(placements, sent)


async def report(placements: list[Placement], sent: int) -> dict[str, int]:
    """Counts for the caller, and a table of the batch for the Prefect UI."""
    counts = {"messages": len(placements), "sent": sent}
    for p in placements:
        counts[p.folder] = counts.get(p.folder, 0) + 1
    if placements:
        rows = [{"kind": p.record.kind, "folder": p.folder, "order_no": p.record.order_no or "",
                 "subject": p.record.subject or "", "reason": p.record.reason or ""} for p in placements[:200]]
        await acreate_table_artifact(rows, key="intake-batch", description=f"{counts}")
    return counts
