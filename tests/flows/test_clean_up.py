"""What a killed run leaves behind is removed when the next poll starts, and
nothing a live writer may still own (issue 9, part 3)."""
from __future__ import annotations

import os
import time

from flows.components import STORE_TMP_STALE_SECONDS, clean_stale_files, open_mailbox, open_mailer
from flows.settings import Settings

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
    long_ago = time.time() - STORE_TMP_STALE_SECONDS - 60
    for path in (old_store, old_outgoing):
        os.utime(path, (long_ago, long_ago))
    assert sorted(clean_stale_files(settings)) == sorted([inbox_left, outbox_left, old_store, old_outgoing])
    assert outbox_live.exists() and fresh_store.exists()
    assert clean_stale_files(settings) == []
