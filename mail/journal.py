"""A sent-mail journal that makes any Mailer send each Message-ID once.

The store marks mail sent once per batch; if the process dies between a send
and that commit, the next run would send again. The journal closes the gap:
after the transport accepts a message its id is appended and fsync'd, and an
id already in the journal is never sent again.

What remains is the instant between the server's "250 OK" to DATA and the
fsync (the crash point smtp_after_data). Nothing on our side can tell
whether a message in flight then was taken, so one of two promises has to
give. Journalling the id before DATA would be at-most-once: a crash during
the transfer, before the server took anything, would lose the message while
the journal says it went, and a customer would wait for questions nobody
sends. Journalling after the 250, as here, is at-least-once: a crash in that
instant sends the message again at the next run, the same bytes under the
same Message-ID, which the receiver can recognise (many clients and ticket
systems collapse a repeated Message-ID; an approval token in it works once
anyway). A duplicate is visible and harmless; a lost mail is neither, so the
journal takes at-least-once. SMTP itself makes the same choice (RFC 5321,
6.1). Every other crash point sends each message exactly once.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from mail.base import Mailer


class JournaledMailer(Mailer):
    def __init__(self, inner: Mailer, journal: Path):
        self.inner = inner
        self.path = journal
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.sent = set(self.path.read_text("utf-8").split()) if self.path.exists() else set()
        self._file = None

    def already_sent(self, message_id: str) -> bool:
        return message_id in self.sent

    def send(self, message_id: str, sender: str, recipients: Sequence[str], raw: bytes) -> None:
        if message_id in self.sent:
            return
        self.inner.send(message_id, sender, recipients, raw)
        if self._file is None:
            self._file = open(self.path, "a", encoding="utf-8")
        self._file.write(message_id + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())
        self.sent.add(message_id)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self.inner.close()

    def settled(self) -> None:
        """Empty the journal once the store has recorded every send in it."""
        self.close()
        self.path.write_text("", encoding="utf-8")
        self.sent.clear()
