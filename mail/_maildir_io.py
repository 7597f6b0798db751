"""Maildir delivery shared by the inbox and the outbox: tmp/, fsync, rename."""
from __future__ import annotations

import itertools
import os
import re
import socket
import time
from collections.abc import Callable
from pathlib import Path

_counter = itertools.count()
SUBDIRS = ("tmp", "new", "cur")
# What a Maildir writer may leave in tmp/ before it is taken for dead
# (the Maildir convention: a delivery never takes 36 hours).
STALE_AFTER_SECONDS = 36 * 3600
_OURS = re.compile(r"^\d+\.M\d+P(\d+)Q\d+\.(.+)$")


class MaildirError(OSError):
    """A Maildir could not be created or written; the message names its path."""


def _failed(maildir: Path, what: str, exc: OSError) -> MaildirError:
    where = f": {exc.filename}" if exc.filename else ""
    return MaildirError(exc.errno, f"Maildir {maildir.absolute()}: {what}: {exc.strerror or exc}{where}")


def ensure_maildir(path: Path) -> Path:
    try:
        for sub in SUBDIRS:
            (path / sub).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _failed(path, "cannot create it", exc) from exc
    return path


def _host() -> str:
    return socket.gethostname().replace("/", r"\057").replace(":", r"\072")


def unique_name() -> str:
    """A Maildir file name: time.MusecPpidQn.host, zero-padded so that names
    written by one process sort in the order they were written."""
    now = time.time()
    sec, usec = int(now), int((now % 1) * 1_000_000)
    return f"{sec:010d}.M{usec:06d}P{os.getpid()}Q{next(_counter):06d}.{_host()}"


def deliver(maildir: Path, name: str, raw: bytes, sync_dir: bool = True,
            before_rename: Callable[[], None] | None = None) -> Path:
    """Write raw to a fresh file in tmp/, fsync it, rename it to new/name.

    The rename is atomic, so a reader never sees half a message; the fsyncs
    make sure a crash after this returns cannot lose it. A caller writing a
    batch may pass sync_dir=False and fsync new/ once at the end instead.

    The file in tmp/ always has a name of its own (unique_name(), never
    `name`): a process killed between the write and the rename leaves it
    behind, and a fixed name would make every later delivery of that message
    fail. `clean_tmp` removes such leftovers. `before_rename` is called
    between the two steps (a test's crash point).
    """
    tmp, final = maildir / "tmp" / unique_name(), maildir / "new" / name
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise _failed(maildir, "cannot write to tmp/", exc) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        if before_rename is not None:
            before_rename()
        os.rename(tmp, final)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, MaildirError):
            raise _failed(maildir, f"delivering {name} failed", exc) from exc
        raise
    if sync_dir:
        fsync_dir(final.parent)
    return final


def stale_tmp(maildir: Path, *, now: float | None = None) -> list[Path]:
    """The files in tmp/ that no delivery will ever finish: those a process
    of this host wrote and that process is gone, and anything older than 36
    hours (a mail server's unfinished delivery, say). A file of a live writer
    is not one. The one rule for them: the poll removes these (clean_tmp) and
    `orderloop doctor` reports these."""
    folder = maildir / "tmp"
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    now = time.time() if now is None else now
    host, found = _host(), []
    for entry in entries:
        try:
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except FileNotFoundError:
            continue  # delivered meanwhile
        ours = _OURS.match(entry.name)
        dead_writer = (ours is not None and ours.group(2) == host
                       and int(ours.group(1)) != os.getpid() and not process_alive(int(ours.group(1))))
        if dead_writer or age > STALE_AFTER_SECONDS:
            found.append(Path(entry.path))
    return sorted(found)


def clean_tmp(maildir: Path, *, now: float | None = None) -> list[Path]:
    """Remove what stale_tmp finds in tmp/; returns what was removed."""
    removed = []
    for path in stale_tmp(maildir, now=now):
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process of this host with that id still runs (a dead writer's files may go)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def split_info(name: str) -> tuple[str, str]:
    """'key:2,S' -> ('key', ':2,S'); a name in new/ has no info part."""
    key, sep, info = name.partition(":")
    return key, sep + info
