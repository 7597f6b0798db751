"""The inbox watcher `orderloop serve` runs: a message dropped into the
embedded Maildir, or delivered to Dovecot (IMAP IDLE), starts an intake run
within seconds; a message already there when watching began, or still there
while its run works, starts none."""
from __future__ import annotations

import threading
import time

import pytest

from flows.components import open_mailbox
from flows.settings import Settings
from flows.watch import watch_inbox

from tests.flows.conftest import sample_email
from tests.flows.test_approval_servers import send
from tests.flows.test_intake_servers import servers  # noqa: F401  (the fixture)

pytestmark = pytest.mark.integration


def watching(settings: Settings):
    started: list[float] = []
    stop = threading.Event()
    thread = threading.Thread(target=watch_inbox, args=(settings, lambda: started.append(time.monotonic()), stop),
                              daemon=True)
    thread.start()
    return started, stop, thread


def wait_for(started: list, count: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while len(started) < count and time.monotonic() < deadline:
        time.sleep(0.1)


def test_a_message_dropped_into_the_maildir_starts_an_intake_within_seconds(home, monkeypatch):
    monkeypatch.setattr("flows.watch.WAIT_SECONDS", 3)
    with open_mailbox(Settings()) as mailbox:
        mailbox.append(sample_email("01-seed-order.eml"))  # there before watching: the schedule takes it
    started, stop, thread = watching(Settings())
    try:
        time.sleep(1.5)
        assert started == []
        dropped = time.monotonic()
        with open_mailbox(Settings()) as mailbox:
            mailbox.append(sample_email("03-english-order.eml"))
        wait_for(started, 1)
        assert len(started) == 1 and started[0] - dropped < 3
        time.sleep(1.5)
        assert len(started) == 1  # still in the inbox while its run works: not started again
    finally:
        stop.set()
        thread.join(timeout=30)


def test_a_message_delivered_to_dovecot_is_seen_by_imap_idle(servers, mta, monkeypatch):
    monkeypatch.setattr("flows.watch.WAIT_SECONDS", 3)  # short IDLEs, so that the test stops quickly
    started, stop, thread = watching(Settings())
    try:
        time.sleep(2)  # the watcher is in IDLE
        delivered = time.monotonic()
        send(mta, servers, sample_email("01-seed-order.eml"))
        wait_for(started, 1, seconds=20)
        assert len(started) == 1 and started[0] - delivered < 10
    finally:
        stop.set()
        thread.join(timeout=40)
