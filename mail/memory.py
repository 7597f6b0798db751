"""In-memory twins of the transports, for tests of the layers above."""
from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .base import Folder, IncomingMessage, Mailbox, Mailer

__all__ = ["MemoryMailbox", "MemoryMailer", "SentMessage"]

FOLDERS = ("processed", "ignored", "quarantine")


class MemoryMailbox(Mailbox):
    """A Mailbox held in dicts; behaves like MaildirMailbox (same tests)."""

    def __init__(self) -> None:
        self._uids = itertools.count(1)
        self.inbox: dict[str, bytes] = {}  # insertion order is arrival order
        self.folders: dict[str, dict[str, bytes]] = {name: {} for name in FOLDERS}

    def fetch_new(self, limit: int | None = None) -> list[IncomingMessage]:
        return [IncomingMessage(uid, raw) for uid, raw in list(self.inbox.items())[:limit]]

    def file(self, placements: Mapping[str, Folder]) -> None:
        for uid, folder in placements.items():
            if folder not in self.folders:
                raise ValueError(f"unknown folder {folder!r}")
            if uid in self.inbox:
                self.folders[folder][uid] = self.inbox.pop(uid)

    def append(self, raw: bytes) -> None:
        self.inbox[str(next(self._uids))] = raw

    def folder_count(self, folder: Folder | Literal["inbox"]) -> int:
        if folder == "inbox":
            return len(self.inbox)
        if folder not in self.folders:
            raise ValueError(f"unknown folder {folder!r}")
        return len(self.folders[folder])


@dataclass(frozen=True)
class SentMessage:
    message_id: str
    sender: str
    recipients: tuple[str, ...]
    raw: bytes


class MemoryMailer(Mailer):
    """Keeps what was sent, once per Message-ID, like OutboxMailer."""

    def __init__(self) -> None:
        self.sent: dict[str, SentMessage] = {}

    def send(self, message_id: str, sender: str, recipients: Sequence[str], raw: bytes) -> None:
        self.sent.setdefault(message_id, SentMessage(message_id, sender, tuple(recipients), raw))
