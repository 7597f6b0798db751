"""A sent-mail journal that makes any Mailer send each Message-ID once.

The store marks mail sent once per batch; if the process dies between a send
and that commit, the next run would send again. The journal closes the gap:
after the transport accepts a message its id is appended and fsync'd, and an
id already in the journal is never sent again. What remains is the instant
between the server's "250 OK" and the fsync.
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
