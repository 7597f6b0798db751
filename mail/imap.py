"""The inbox on an IMAP server, over imap-tools."""
from __future__ import annotations

import imaplib
import logging
import re
import ssl as ssl_module
from collections import defaultdict
from collections.abc import Callable, Mapping
from typing import Literal, TypeVar

from imap_tools import MailBox, MailBoxStartTls, MailBoxUnencrypted
from imap_tools.errors import (
    ImapToolsError,
    MailboxExpungeError,
    MailboxFetchError,
    MailboxFlagError,
    MailboxFolderCreateError,
    MailboxLoginError,
)
from imap_tools.mailbox import BaseMailBox
from imap_tools.utils import check_command_status

from .base import Folder, IncomingMessage, Mailbox, MailServerError

__all__ = ["ImapMailbox", "UidValidityChanged", "DEFAULT_IMAP_FOLDERS"]

log = logging.getLogger(__name__)
T = TypeVar("T")

DEFAULT_IMAP_FOLDERS: dict[str, str] = {"processed": "Processed", "ignored": "Ignored", "quarantine": "Quarantine"}
_DROPPED = (imaplib.IMAP4.abort, OSError)  # imaplib reports a closed socket as abort
_UID = re.compile(rb"\bUID (\d+)", re.IGNORECASE)


class UidValidityChanged(Exception):
    """The inbox was recreated on the server: UIDs seen before mean other messages now."""

    def __init__(self, folder: str, before: int, after: int) -> None:
        super().__init__(folder, before, after)
        self.folder, self.before, self.after = folder, before, after

    def __str__(self) -> str:
        return f"UIDVALIDITY of {self.folder} changed from {self.before} to {self.after}"


class ImapMailbox(Mailbox):
    """The pipeline's inbox on an IMAP server.

    Connects on first use: logs in, creates the three folders if missing, and
    selects the inbox. uid is "UIDVALIDITY:UID", so that filing through a later
    connection never moves a message the UID came to name after the inbox was
    recreated. fetch_new peeks
    (BODY.PEEK[]), so nothing is marked \\Seen, and skips messages flagged
    \\Deleted, which some other client has thrown away. A connection the
    server dropped is reopened once.

    A failure to connect, log in or set up the folders raises MailServerError
    naming host:port and the user; `hints` adds what to check to it, by step
    ("connect", "login"): the flows name their settings there.
    """

    def __init__(
        self,
        host: str,
        port: int,
        user: str,
        password: str,
        *,
        ssl: bool = True,
        starttls: bool = False,
        inbox: str = "INBOX",
        folders: Mapping[str, str] | None = None,
        timeout: float | None = 30,
        ssl_context: ssl_module.SSLContext | None = None,
        batch_size: int = 200,
        hints: Mapping[str, str] | None = None,
    ) -> None:
        if ssl and starttls:
            raise ValueError("choose ssl (implicit TLS) or starttls, not both")
        self.host, self.port, self.user, self.password = host, port, user, password
        self.use_ssl, self.use_starttls, self.timeout = ssl, starttls, timeout
        self.ssl_context = ssl_context
        self.inbox = inbox
        self.folders = {**DEFAULT_IMAP_FOLDERS, **(folders or {})}
        self.batch_size = batch_size
        self.uidvalidity: int | None = None
        self.hints = dict(hints or {})
        self._box: BaseMailBox | None = None

    @property
    def server(self) -> str:
        """`IMAP server host:port (user …)`, as errors name it."""
        return f"IMAP server {self.host}:{self.port} (user {self.user or '(none)'})"

    def fetch_new(self, limit: int | None = None) -> list[IncomingMessage]:
        return self._call(self._fetch_new, limit)

    def file(self, placements: Mapping[str, Folder]) -> None:
        by_folder: dict[str, list[str]] = defaultdict(list)
        self._connection()  # knows the inbox's UIDVALIDITY from here on
        for handle, folder in placements.items():
            if folder not in self.folders:
                raise ValueError(f"unknown folder {folder!r}")
            validity, _, uid = handle.rpartition(":")
            if validity and validity != str(self.uidvalidity):
                # The inbox was recreated since the fetch: this UID now names
                # another message. Leave it; the next poll files it by Message-ID.
                log.warning("not filing %s: UIDVALIDITY is now %s", handle, self.uidvalidity)
                continue
            if uid.isdigit():  # anything else cannot be a UID here: skip it
                by_folder[self.folders[folder]].append(uid)
        if by_folder:
            # Safe to repeat after a dropped connection: the server ignores
            # UIDs that have already left the inbox (RFC 3501, 9).
            self._call(self._file, by_folder)

    def append(self, raw: bytes) -> None:
        # Not retried: if the server stored it before the connection dropped,
        # a second APPEND would deliver the message twice.
        self._call(lambda box: box.append(raw, self.inbox), retry=False)

    def folder_count(self, folder: Folder | Literal["inbox"]) -> int:
        return self._call(self._count, folder)

    def wait_for_mail(self, seen: set[str] | None, timeout: float) -> set[str]:
        """IMAP IDLE: the server says when a message arrives, so nothing is polled. The inbox's
        UIDNEXT is what comes back ({"uidnext:N"}): it moves with every arrival, also one that
        came between two IDLEs."""
        box = self._connection()
        now = {f"uidnext:{self._uidnext(box)}"}
        if seen is None or now != seen:
            return now  # the first look, or an arrival while we were not idling
        box.idle.wait(timeout=timeout)
        return {f"uidnext:{self._uidnext(box)}"}

    def _uidnext(self, box: BaseMailBox) -> int:
        return int(box.folder.status(self.inbox, ["UIDNEXT"])["UIDNEXT"])

    def close(self) -> None:
        box, self._box = self._box, None
        if box is None:
            return
        try:
            box.logout()
        except (*_DROPPED, imaplib.IMAP4.error, ImapToolsError):
            _shutdown(box)

    # -- the work, given a logged-in box with the inbox selected

    def _fetch_new(self, box: BaseMailBox, limit: int | None) -> list[IncomingMessage]:
        box.client.noop()  # lets the server report what arrived since the last command
        uids = sorted(box.uids("UNDELETED"), key=int)[:limit]  # UIDs grow in arrival order
        messages = []
        for start in range(0, len(uids), self.batch_size):
            messages += _fetch_raw(box.client, uids[start:start + self.batch_size])
        # The handle carries UIDVALIDITY, since fetch and file may use two connections.
        return [IncomingMessage(f"{self.uidvalidity}:{m.uid}", m.raw) for m in sorted(messages, key=lambda m: int(m.uid))]

    def _file(self, box: BaseMailBox, by_folder: Mapping[str, list[str]]) -> None:
        for target, uids in by_folder.items():
            if "MOVE" in box.client.capabilities:
                box.move(uids, target, chunks=1000)
            else:
                self._copy_then_expunge(box, uids, target)

    def _copy_then_expunge(self, box: BaseMailBox, uids: list[str], target: str) -> None:
        # imap-tools' own fallback runs a plain EXPUNGE, which also removes
        # every other message someone flagged \Deleted; UID EXPUNGE does not.
        uid_set = ",".join(uids)
        box.copy(uids, target)
        check_command_status(box.client.uid("STORE", uid_set, "+FLAGS.SILENT", r"(\Deleted)"), MailboxFlagError)
        if "UIDPLUS" in box.client.capabilities:
            check_command_status(box.client.uid("EXPUNGE", uid_set), MailboxExpungeError)
        else:
            box.expunge()

    def _count(self, box: BaseMailBox, folder: str) -> int:
        if folder == "inbox":
            box.client.noop()
            return len(box.uids("UNDELETED"))  # what fetch_new would return
        if folder not in self.folders:
            raise ValueError(f"unknown folder {folder!r}")
        return box.folder.status(self.folders[folder], ["MESSAGES"])["MESSAGES"]

    # -- the connection

    def _call(self, work: Callable[..., T], *args, retry: bool = True) -> T:
        reused = self._box is not None
        box = self._connection()
        try:
            return work(box, *args)
        except _DROPPED as exc:
            if not (retry and reused):
                raise
            log.warning("IMAP connection to %s lost (%s); reconnecting once", self.host, exc)
            self._box = None
            _shutdown(box)
            return work(self._connection(), *args)

    def _connection(self) -> BaseMailBox:
        if self._box is None:
            self._box = self._connect()
        return self._box

    def _connect(self) -> BaseMailBox:
        tls = "implicit TLS" if self.use_ssl else "STARTTLS" if self.use_starttls else "no TLS"
        try:
            box = self._new_client()
        except (OSError, imaplib.IMAP4.error, ImapToolsError) as exc:
            raise self._error(f"cannot connect ({tls})", exc, "connect") from exc
        step = "login"
        try:
            try:
                box.login(self.user, self.password, initial_folder=None)
            except (MailboxLoginError, imaplib.IMAP4.error) as exc:
                raise self._error("login failed", exc, "login") from exc
            step = "reading its capabilities"
            _refresh_capabilities(box)
            for name in self.folders.values():
                step = f"creating folder {name!r}"
                _ensure_folder(box, name)
            step = f"selecting {self.inbox!r}"
            box.folder.set(self.inbox)
            self._check_uidvalidity(box.folder.status(self.inbox, ["UIDVALIDITY"])["UIDVALIDITY"])
        except MailServerError:
            _shutdown(box)
            raise
        except (*_DROPPED, imaplib.IMAP4.error, ImapToolsError) as exc:
            _shutdown(box)
            raise self._error(f"{step} failed", exc, "connect" if isinstance(exc, _DROPPED) else None) from exc
        except BaseException:
            _shutdown(box)
            raise
        return box

    def _error(self, what: str, exc: BaseException, hint: str | None) -> MailServerError:
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        check = self.hints.get(hint) if hint else None
        return MailServerError(f"{self.server}: {what}: {detail}" + (f"; check {check}" if check else ""))

    def _new_client(self) -> BaseMailBox:
        if self.use_ssl:
            context = self.ssl_context or ssl_module.create_default_context()
            return MailBox(self.host, self.port, timeout=self.timeout, ssl_context=context)
        if self.use_starttls:
            context = self.ssl_context or ssl_module.create_default_context()
            return MailBoxStartTls(self.host, self.port, timeout=self.timeout, ssl_context=context)
        return MailBoxUnencrypted(self.host, self.port, timeout=self.timeout)

    def _check_uidvalidity(self, value: int) -> None:
        if self.uidvalidity is not None and value != self.uidvalidity:
            raise UidValidityChanged(self.inbox, self.uidvalidity, value)
        self.uidvalidity = value


def _fetch_raw(client: imaplib.IMAP4, uids: list[str]) -> list[IncomingMessage]:
    """The messages' bytes exactly as the server holds them, without \\Seen.

    Not imap-tools' fetch(): its bulk mode pairs up response items blindly, so
    a flag change by another client (an unsolicited `* 3 FETCH (FLAGS ...)`,
    which imaplib keeps from earlier commands too) shifts the pairs and yields
    a message with no UID and no bytes. And its MailMessage keeps only the
    parsed message, whose re-serialisation is not the original bytes.
    """
    client.untagged_responses.pop("FETCH", None)  # left over from NOOP/SEARCH
    result = client.uid("FETCH", ",".join(uids), "(UID BODY.PEEK[])")
    check_command_status(result, MailboxFetchError)
    data, messages = result[1], []
    for i, item in enumerate(data):
        if not (isinstance(item, tuple) and b"BODY[]" in item[0].upper()):
            continue  # the closing ")" or an unsolicited flag update
        after = data[i + 1] if i + 1 < len(data) and isinstance(data[i + 1], bytes) else b""
        uid = _UID.search(item[0]) or _UID.search(after)  # servers may send UID after the literal
        if uid:
            messages.append(IncomingMessage(uid=uid.group(1).decode(), raw=item[1]))
    return messages


def _refresh_capabilities(box: BaseMailBox) -> None:
    # imaplib keeps the capabilities from the greeting; many servers (Dovecot
    # included) announce MOVE and UIDPLUS only after login.
    typ, data = box.client.capability()
    if typ == "OK" and data and data[-1]:
        box.client.capabilities = tuple(data[-1].decode().upper().split())


def _ensure_folder(box: BaseMailBox, name: str) -> None:
    if box.folder.exists(name):
        return
    try:
        box.folder.create(name)
    except MailboxFolderCreateError:
        if not box.folder.exists(name):  # another process may have created it
            raise
    box.folder.subscribe(name, True)  # so that mail clients show it


def _shutdown(box: BaseMailBox) -> None:
    try:
        box.client.shutdown()
    except OSError:
        pass  # already closed
