"""The embedded "send": every outgoing message lands in a local Maildir."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ._maildir_io import clean_tmp, deliver, ensure_maildir, fsync_dir, split_info
from .base import Checkpoint, Mailer

__all__ = ["OutboxMailer"]


class OutboxMailer(Mailer):
    """Writes each message to `root/new/` as it would be handed to SMTP.

    The file name comes from the Message-ID, so sending the same message again
    (a retried task) writes nothing: at most one copy per id, which is what a
    reader of the outbox (the demo, a test, a person) wants. The bytes are
    stored unchanged; the envelope (sender, recipients) is not kept, since
    the headers name the recipients of every message orderloop builds.

    A send writes a temporary file of its own name in tmp/ and renames it to
    new/<name>; a process killed in between leaves only that temporary file,
    which `clean()` removes and which never stops a later send. `checkpoint`
    is called with "outbox_before_rename" and "outbox_after_rename" (the
    flows' crash points).
    """

    def __init__(self, root: Path | str, *, checkpoint: Checkpoint | None = None) -> None:
        self.root = ensure_maildir(Path(root))
        self.checkpoint = checkpoint
        self._unsynced = False
        # Keys in cur/, listed again only when cur/ changes (its mtime moves).
        self._in_cur: dict[str, str] = {}
        self._cur_mtime: int | None = None

    def send(self, message_id: str, sender: str, recipients: Sequence[str], raw: bytes) -> None:
        name = file_name(message_id)
        if self._find(name) is None:
            # new/ is fsync'd once when the batch closes, not once a message;
            # the store records the sends only after that.
            deliver(self.root, name, raw, sync_dir=False, before_rename=self._at("outbox_before_rename"))
            self._unsynced = True
            if self.checkpoint is not None:
                self.checkpoint("outbox_after_rename")

    def clean(self) -> list[Path]:
        """Remove temporary files that a killed send left in tmp/."""
        return clean_tmp(self.root)

    def _at(self, point: str) -> Callable[[], None] | None:
        return None if self.checkpoint is None else lambda: self.checkpoint(point)

    def close(self) -> None:
        if self._unsynced:
            fsync_dir(self.root / "new")
            self._unsynced = False

    def path_of(self, message_id: str) -> Path | None:
        """Where the message with this id is, or None if it was never sent."""
        return self._find(file_name(message_id))

    def _find(self, name: str) -> Path | None:
        if (self.root / "new" / name).exists():
            return self.root / "new" / name
        # A mail client reading the outbox moves files to cur/ and adds flags.
        mtime = os.stat(self.root / "cur").st_mtime_ns
        if mtime != self._cur_mtime:
            self._in_cur = {split_info(e.name)[0]: e.path for e in os.scandir(self.root / "cur")}
            self._cur_mtime = mtime
        found = self._in_cur.get(name)
        return Path(found) if found else None


def file_name(message_id: str) -> str:
    """The outbox file name for a Message-ID, with or without angle brackets."""
    normalized = message_id.strip().removeprefix("<").removesuffix(">")
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:32]
