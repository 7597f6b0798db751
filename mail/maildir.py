"""The embedded inbox: a Maildir on the local disk, no server needed."""
from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from ._maildir_io import clean_tmp, deliver, ensure_maildir, fsync_dir, split_info, unique_name
from .base import Folder, IncomingMessage, Mailbox

__all__ = ["MaildirMailbox"]

# Maildir++ subfolders, the layout Dovecot and Courier use, so that an IMAP
# server pointed at the same folder later shows them as folders.
FOLDER_DIRS: dict[str, str] = {"processed": ".Processed", "ignored": ".Ignored", "quarantine": ".Quarantine"}


class MaildirMailbox(Mailbox):
    """A Maildir at `root` (new/, cur/, tmp/ are created if missing).

    A message's uid is its Maildir key: the file name without the info suffix
    (":2,S"), which a mail client may change when it marks the message read.
    Filing moves the file with one rename, so it is atomic, and a uid that is
    no longer in the inbox (already filed, or never there) is skipped.
    """

    def __init__(self, root: Path | str) -> None:
        self.root = ensure_maildir(Path(root))

    def fetch_new(self, limit: int | None = None) -> list[IncomingMessage]:
        listed = []
        for path in self._inbox_files().values():
            try:
                listed.append((path.stat().st_mtime_ns, path.name, path))
            except FileNotFoundError:
                continue  # filed by another process since the listing
        messages = []
        for _, name, path in sorted(listed)[:limit]:
            try:
                messages.append(IncomingMessage(uid=split_info(name)[0], raw=path.read_bytes()))
            except FileNotFoundError:
                continue
        return messages

    def file(self, placements: Mapping[str, Folder]) -> None:
        inbox = self._inbox_files()
        touched: set[Path] = set()
        for uid, folder in placements.items():
            source = inbox.get(uid)
            if source is None:
                continue
            target = self._folder_dir(folder) / "cur" / _cur_name(source.name)
            try:
                os.rename(source, target)
            except FileNotFoundError:
                continue  # another process filed it first
            touched.update((source.parent, target.parent))
        for directory in touched:
            fsync_dir(directory)

    def append(self, raw: bytes) -> None:
        deliver(self.root, unique_name(), raw)

    def clean(self) -> list[Path]:
        """Remove what interrupted deliveries left in tmp/ (see clean_tmp)."""
        return clean_tmp(self.root)

    def folder_count(self, folder: Folder | Literal["inbox"]) -> int:
        base = self.root if folder == "inbox" else self._folder_dir(folder)
        return sum(1 for sub in ("new", "cur") for entry in os.scandir(base / sub) if _is_message(entry.name))

    def wait_for_mail(self, seen: set[str] | None, timeout: float) -> set[str]:
        """A directory listing twice a second (cheap: no file is read) until a new uid shows."""
        import time

        deadline = time.monotonic() + timeout
        while True:
            uids = set(self._inbox_files())
            if seen is None or uids - seen or time.monotonic() >= deadline:
                return uids
            time.sleep(0.5)

    def _inbox_files(self) -> dict[str, Path]:
        files = {}
        for sub in ("new", "cur"):
            for entry in os.scandir(self.root / sub):
                if _is_message(entry.name):
                    files[split_info(entry.name)[0]] = Path(entry.path)
        return files

    def _folder_dir(self, folder: str) -> Path:
        try:
            path = self.root / FOLDER_DIRS[folder]
        except KeyError:
            raise ValueError(f"unknown folder {folder!r}") from None
        if not (path / "maildirfolder").exists():
            ensure_maildir(path)
            (path / "maildirfolder").touch()  # marks a Maildir++ subfolder
        return path


def _is_message(name: str) -> bool:
    return not name.startswith(".")


def _cur_name(name: str) -> str:
    # A file in cur/ carries an info part; keep the flags a client may have set.
    return name if ":" in name else name + ":2,"
