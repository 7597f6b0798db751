"""Mailbox (read, file) and Mailer (send): the transports the flows use."""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Folder = Literal["processed", "ignored", "quarantine"]
# Called by a transport with the name of a point it has reached (the flows
# pass their crash points, so that tests can kill a send half-way).
Checkpoint = Callable[[str], None]


@dataclass(frozen=True)
class IncomingMessage:
    uid: str  # the transport's handle: an IMAP UID, or a Maildir key
    raw: bytes


class Mailbox(ABC):
    """The inbox the pipeline reads. A message leaves the inbox only through
    `file()`, which the flow calls after what the message caused is stored."""

    @abstractmethod
    def fetch_new(self, limit: int | None = None) -> list[IncomingMessage]:
        """Messages still in the inbox, oldest first; marks nothing as seen."""

    @abstractmethod
    def file(self, placements: Mapping[str, Folder]) -> None:
        """Move each uid to its folder, batched; an unknown uid is skipped."""

    @abstractmethod
    def append(self, raw: bytes) -> None:
        """Put a message in the inbox (demo, tests, benchmarks)."""

    @abstractmethod
    def folder_count(self, folder: Folder | Literal["inbox"]) -> int: ...

    def wait_for_mail(self, seen: set[str] | None, timeout: float) -> set[str]:
        """Block until the inbox holds a message not in `seen` (what the last call returned), or
        `timeout` seconds pass, and say what it holds then; with `seen` None, at once. A mailbox
        that cannot wait cheaply just lists after the timeout."""
        import time

        if seen is not None:
            time.sleep(timeout)
        return {message.uid for message in self.fetch_new()}

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class MailRefused(Exception):
    """The server refused a message for good (5xx), or it cannot be sent at
    all (a non-ASCII address and no SMTPUTF8): sending it again cannot help."""


class MailServerError(ConnectionError):
    """A mail server could not be reached, logged in to, or did not take a
    message for now: worth a retry. The message names the server (host:port,
    user) and, when the caller gave one, the settings to check."""


class Mailer(ABC):
    """Sends finished RFC 5322 messages. Use as a context manager so SMTP keeps
    one connection for a batch."""

    @abstractmethod
    def send(self, message_id: str, sender: str, recipients: Sequence[str], raw: bytes) -> None:
        """Raises MailRefused for a permanent refusal; anything else is worth a retry."""

    def settled(self) -> None:
        """The store has recorded every send so far: drop whatever guards
        against sending them again."""

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
