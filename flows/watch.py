"""New mail answered within seconds, not at the next interval (issue 14):
while `orderloop serve` runs, a thread waits on the inbox — IMAP IDLE for an
IMAP mailbox, a directory listing twice a second for the embedded Maildir —
and starts an intake run as soon as a message arrives. The interval stays the
fallback; the deployment's concurrency limit keeps runs from overlapping.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from flows.components import open_mailbox
from flows.settings import Settings

log = logging.getLogger("orderloop.watch")
WAIT_SECONDS = 25  # one IDLE at a time, well under the 29 minutes servers allow


def watch_inbox(settings: Settings, start_intake: Callable[[], None], stop: threading.Event) -> None:
    """Until `stop`: wait for mail the inbox did not hold before, then start an intake run.
    A mail server that fails is retried after the poll interval; the schedule still runs."""
    seen: set[str] | None = None  # what the inbox held at the last look; None: not looked yet
    while not stop.is_set():
        try:
            with open_mailbox(settings) as mailbox:
                while not stop.is_set():
                    current = mailbox.wait_for_mail(seen, WAIT_SECONDS)
                    if seen is not None and current - seen:
                        log.info("new mail in the inbox: intake started")
                        start_intake()
                    seen = current
        except Exception as exc:  # the schedule is the fallback: say so, and try again later
            log.warning("watching the inbox failed (%s: %s); retrying in %d s", type(exc).__name__, exc,
                        settings.poll_interval_seconds)
            stop.wait(settings.poll_interval_seconds)


def start_watching(settings: Settings, deployment: str = "intake/intake") -> threading.Event:
    """The watcher thread for `serve`: each arrival starts a run of the intake deployment."""
    from prefect.deployments import run_deployment

    stop = threading.Event()

    def start_intake() -> None:
        run_deployment(deployment, timeout=0)  # queued now; served at once, one at a time

    threading.Thread(target=watch_inbox, args=(settings, start_intake, stop), name="inbox-watch",
                     daemon=True).start()
    return stop
