"""What a killed run leaves behind is removed when the next poll starts, and
nothing a live writer may still own (issue 9, part 3); `orderloop doctor`
reports exactly what the poll would remove (issue 9, finding 12)."""
from __future__ import annotations

import os
import time
from pathlib import Path

from flows.components import clean_stale_files, open_mailbox, open_mailer
from flows.settings import Settings
from mail._maildir_io import STALE_AFTER_SECONDS
from store.checkup import STALE_SECONDS

from tests.mail.test_mail_tmp import dead_pid, leftover


def test_stale_temporary_files_of_inbox_outbox_and_store_are_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("ORDERLOOP_HOME", str(tmp_path))
    for name in list(os.environ):
        if name.startswith(("ORDERLOOP_IMAP", "ORDERLOOP_SMTP")):
            monkeypatch.delenv(name)
    settings = Settings()
    open_mailbox(settings), open_mailer(settings)
    inbox_left = leftover(settings.inbox_dir, dead_pid())
    outbox_left = leftover(settings.outbox_dir, dead_pid())
    outbox_live = leftover(settings.outbox_dir, os.getppid())
    (settings.store_dir / "outgoing").mkdir(parents=True)
    old_store = settings.store_dir / ".orders.json.k3j2h1.tmp"
    old_outgoing = settings.store_dir / "outgoing" / ".ab12.eml.x9y8.tmp"
    fresh_store = settings.store_dir / ".orders.json.z7z7z7.tmp"  # a commit in progress, perhaps
    for path in (old_store, old_outgoing, fresh_store):
        path.write_text("{")
    long_ago = time.time() - STALE_SECONDS - 60
    for path in (old_store, old_outgoing):
        os.utime(path, (long_ago, long_ago))
    assert sorted(clean_stale_files(settings)) == sorted([inbox_left, outbox_left, old_store, old_outgoing])
    assert outbox_live.exists() and fresh_store.exists()
    assert clean_stale_files(settings) == []


def aged(path, seconds: float):
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(b"{")
    os.utime(path, (time.time() - seconds, time.time() - seconds))
    return path


def test_the_doctor_reports_what_the_poll_removes_and_nothing_else(home):
    from flows.doctor import examine

    settings = Settings()
    open_mailbox(settings), open_mailer(settings)
    store, hour = settings.store_dir, STALE_SECONDS + 60
    left = {aged(store / ".orders.json.k3j2h1.tmp", hour),
            aged(store / "outgoing" / ".ab12.eml.x9y8.tmp", hour),
            aged(store / "archive" / ".2023-09.json.q1w2e3.tmp", hour),  # an archive write cut short
            leftover(settings.outbox_dir, dead_pid()),  # a send killed a moment ago
            aged(settings.outbox_dir / "tmp" / "1696125600.M1P1.elsewhere", STALE_AFTER_SECONDS + 60)}
    kept = {aged(store / ".orders.json.z7z7z7.tmp", 60),  # a commit in progress, perhaps
            aged(leftover(settings.outbox_dir, os.getppid()), 2 * 3600)}  # a live writer's, two hours old

    def reported() -> set:
        return {Path(f.where) for f in examine(settings).findings if "temporary file" in f.message}

    assert reported() == left
    assert set(clean_stale_files(settings)) == left
    assert reported() == set() and all(path.exists() for path in kept)
