"""Maildir delivery shared by the inbox and the outbox: tmp/, fsync, rename."""
from __future__ import annotations

import itertools
import os
import socket
import time
from pathlib import Path

_counter = itertools.count()
SUBDIRS = ("tmp", "new", "cur")


def ensure_maildir(path: Path) -> Path:
    for sub in SUBDIRS:
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path


def unique_name() -> str:
    """A Maildir file name: time.MusecPpidQn.host, zero-padded so that names
    written by one process sort in the order they were written."""
    now = time.time()
    sec, usec = int(now), int((now % 1) * 1_000_000)
    host = socket.gethostname().replace("/", r"\057").replace(":", r"\072")
    return f"{sec:010d}.M{usec:06d}P{os.getpid()}Q{next(_counter):06d}.{host}"


def deliver(maildir: Path, name: str, raw: bytes, sync_dir: bool = True) -> Path:
    """Write raw to tmp/name, fsync it, rename it to new/name.

    The rename is atomic, so a reader never sees half a message; the fsyncs
    make sure a crash after this returns cannot lose it. A caller writing a
    batch may pass sync_dir=False and fsync new/ once at the end instead.
    """
    tmp, final = maildir / "tmp" / name, maildir / "new" / name
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if sync_dir:
        fsync_dir(final.parent)
    return final


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
