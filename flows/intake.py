"""The intake flow: read new mail, record what it caused, send, file.

Each step is a task around I/O with its own retries; the order of the steps
is what makes a crash harmless: a message leaves the inbox only after its
effects are stored, and mail is sent from the store's outbox, once. The PDFs
that mails carry are rendered after the batch is stored, outside the store's
lock, by the send (flows/outgoing.py finish_waiting).
"""
from __future__ import annotations

import logging

import flows.prefect_env  # noqa: F401  (must precede prefect)
from filelock import FileLock
from prefect import flow, task
from prefect.artifacts import acreate_markdown_artifact, acreate_table_artifact
from prefect.cache_policies import NONE

from mail.base import IncomingMessage, Mailer, MailRefused
from store.errors import DamagedRecord, StoreCorrupt
from store.repository import OutgoingMail

from flows.components import clean_stale_files, open_mailbox, open_mailer, open_repository
from flows.crashpoints import crashpoint
from flows.board import board_artifact, current_board, log_each_order, run_summary
from flows.closing import file_closures, file_sent
from flows.events import quarantined
from flows.documents import archive_originals, recover_staged, staging
from flows.handling import Placement, record_batch_safely
from flows.outgoing import (finish_waiting, forget, message_bytes, rendering_for, settle_started, start_rendering,
                            stored_orders)
from flows.settings import Settings

log = logging.getLogger("orderloop.intake")


def worth_retrying(task, task_run, state) -> bool:
    """A store file that does not parse, or a damaged record, stays broken: retrying only delays the
    one-line stop."""
    try:
        failure = state.result(raise_on_failure=False)
    except Exception:
        return True
    return not isinstance(failure, (StoreCorrupt, DamagedRecord))


IO = dict(cache_policy=NONE, persist_result=False, retries=2, retry_delay_seconds=2,
          retry_condition_fn=worth_retrying)


def clean_up(settings: Settings) -> int:
    """Remove the temporary files a killed run left (Maildir tmp/, the
    store's), and archive the documents it staged for orders it stored.
    Not a task: a few directory listings, nothing worth a retry."""
    removed = clean_stale_files(settings)
    for path in removed:
        log.warning("removed %s, left by an interrupted run", path)
    if (settings.home / ".staging").exists():
        repository = open_repository(settings)
        recover_staged(settings, lambda order_no: repository.get_order(order_no) is not None)
    return len(removed)


@task(**IO)
def fetch_messages(settings: Settings) -> list[IncomingMessage]:
    with open_mailbox(settings) as mailbox:
        return mailbox.fetch_new(limit=fetch_window(settings))


def fetch_window(settings: Settings) -> int:
    """How many messages a worker reads to make its batch: with PostgreSQL (perhaps several
    intake workers) more than a batch, so a worker finds messages the others have not taken."""
    return settings.batch_size * (4 if settings.database_url else 1)


@task(**IO)
def record_batch(settings: Settings, messages: list[IncomingMessage]) -> list[Placement]:
    repository = open_repository(settings)
    with staging(settings):  # documents of new orders reach the archive only once they are stored
        placements = record_batch_safely(repository, messages, settings, settings.current_time())
        crashpoint("after_store")
        quarantined([p.record for p in placements if p.folder == "quarantine"])
        # The PDFs the stored mails wait for render in the workers while the emails are archived;
        # the send takes them up (flows/outgoing.py).
        start_rendering(settings, repository)
        orders = archive_originals(settings, repository, messages, placements, rendering_for(settings))
        stored_orders(settings, orders)
        file_closures(settings, repository, list(orders.values()))
    return placements


@task(**IO)
def send_pending_mail(settings: Settings) -> int:
    """Send what the store holds unsent; a mail waiting for its PDF is
    rendered first (outside the store's lock) and goes once it has it."""
    repository = open_repository(settings)
    # One sender at a time: two overlapping runs would both see the same mail
    # unsent (and both render the PDFs it waits for).
    with FileLock(settings.store_dir / "send.lock", timeout=600):
        settle_started(settings)  # the PDFs the batch started: done before the store's lock is taken
        claimed = repository.claim_mail()  # with PostgreSQL, mail no other sender holds
        pending = finish_waiting(claimed, settings, repository)
        ready = {mail.message_id for mail in pending}
        repository.release_mail([mail.message_id for mail in claimed if mail.message_id not in ready])
        if not pending:
            return 0
        mailer = open_mailer(settings)
        sent, refused = deliver(mailer, pending, settings)  # closed on return: the outbox is on disk
        done = set(sent)
        file_sent(settings, [(mail, message_bytes(mail, settings)) for mail in pending if mail.message_id in done])
        crashpoint("after_send")
        with repository.unit_of_work() as uow:
            now = settings.current_time()
            for message_id in sent:
                uow.mark_sent(message_id, now)
            for message_id, reason in refused.items():
                uow.mark_failed(message_id, now, reason)
        forget([mail for mail in pending if mail.message_id in done], settings)
        mailer.settled()
    return len(sent)


def deliver(mailer: Mailer, pending: list[OutgoingMail], settings: Settings) -> tuple[list[str], dict[str, str]]:
    """Send each mail; a permanent refusal is set aside with its reason instead
    of stopping the batch (and every later poll) on one bad address."""
    sent, refused = [], {}
    with mailer:
        for mail in pending:
            try:
                mailer.send(mail.message_id, mail.sender, mail.recipients, message_bytes(mail, settings))
                sent.append(mail.message_id)
            except MailRefused as exc:
                log.warning("%s to %s refused: %s", mail.message_id, mail.recipients, exc)
                refused[mail.message_id] = str(exc)
    return sent, refused


@task(**IO)
def file_messages(settings: Settings, placements: list[Placement]) -> None:
    crashpoint("before_file")
    with open_mailbox(settings) as mailbox:
        mailbox.file({p.uid: p.folder for p in placements})


@flow(name="intake", description="Order emails in, validated order records and questions out.",
      flow_run_name=lambda: f"intake {Settings().current_time():%Y-%m-%d %H:%M}")
async def intake_flow() -> dict[str, int]:
    settings = Settings()
    clean_up(settings)
    placements, sent = [], send_pending_mail(settings)  # anything a crash left unsent
    while batch := fetch_messages(settings):
        recorded = record_batch(settings, batch)  # without the messages another intake worker holds
        placements += recorded
        sent += send_pending_mail(settings)
        file_messages(settings, recorded)
        # Done when nothing was ours to take, or the inbox held less than a window and all of it is taken.
        if not recorded or (len(batch) < fetch_window(settings) and len(recorded) == len(batch)):
            break
    board = current_board(settings)
    counts = await report(placements, sent, {row.order_no: row.status_label for row in board.rows})
    await acreate_markdown_artifact(**board_artifact(board))
    return counts


async def report(placements: list[Placement], sent: int, status_now: dict[str, str]) -> dict[str, int]:
    """Counts for the caller; for the Prefect UI, the run's name with its count of emails, one
    log line per order touched (with the status it is in now), a table of the batch and the run in words."""
    counts = {"messages": len(placements), "sent": sent}
    acted: dict[str, list[str]] = {}
    for p in placements:
        counts[p.folder] = counts.get(p.folder, 0) + 1
        acted.setdefault(p.record.order_no or f"({p.folder})", []).append(
            f"{p.record.kind} {p.folder}" + (f": {p.record.reason}" if p.record.reason else ""))
    for order_no, what in acted.items():
        if order_no in status_now:
            what.append(f"now {status_now[order_no]}")
    emails = f"{len(placements)} email" + ("" if len(placements) == 1 else "s")
    await _name_run(f"intake {Settings().current_time():%Y-%m-%d %H:%M} ({emails})")
    log_each_order(acted)
    if placements:
        rows = [{"kind": p.record.kind, "folder": p.folder, "order_no": p.record.order_no or "",
                 "subject": p.record.subject or "", "reason": p.record.reason or ""} for p in placements[:200]]
        described = ", ".join(f"{name} {value}" for name, value in counts.items())
        await acreate_table_artifact(rows, key="intake-batch", description=f"intake: {described}")
    await acreate_markdown_artifact(markdown=run_summary("intake", counts, acted), description="what this run did")
    return counts


async def _name_run(name: str) -> None:
    """The run's name says what it did (`intake 2023-10-09 10:31 (12 emails)`), not `crazy-marten`."""
    from prefect.client.orchestration import get_client
    from prefect.runtime import flow_run

    if flow_run.id is None:
        return
    async with get_client() as client:
        await client.update_flow_run(flow_run_id=flow_run.id, name=name)
