"""The TinyDB repository: the default store, files under one home folder.

    orders.json          live: open orders, counters, recent processed
                         records, the outbox, pending_audit
    master.json          customers, products, staff
    archive/YYYY-MM.json finished orders, old processed records, sent mail
    audit/YYYY-MM.jsonl  the audit trail, append-only
    orders.json.lock     held for a whole unit of work, across processes
    *.json.bak           each file as it was before its last write

A file that exists but does not parse as the store's tables raises
StoreCorrupt (store/errors.py); only a missing file is an empty store.

A unit of work reads each file it needs once, inside the lock, and writes each
file it changed once, at commit: archives first, then master, then the live
file, then the audit lines. The live file is the commit point: a crash before
it leaves the old state (an archive may then hold an order the live file still
has; live wins and the next archive run moves it again); a crash after it
leaves the events in pending_audit, which the next unit appends.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock

from store.audit import AuditLog
from store.base import BookRepository
from store.documents import archived_folder_seq
from store.keys import order_month
from store.tables import Shelf
from store.tiny_tables import TinyBook

_ARCHIVE_NAME = re.compile(r"\d{4}-\d{2}\.json")
_ARCHIVE_BACKUP = re.compile(r"(\d{4}-\d{2}\.json)\.bak")


def archive_book_names(folder: Path) -> list[str]:
    """The month archives of a store's archive/ folder, `YYYY-MM.json`: those
    there and those whose `.bak` alone is (lost, not absent), sorted."""
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return []
    found = {name for name in names if _ARCHIVE_NAME.fullmatch(name)}
    found |= {match[1] for name in names if (match := _ARCHIVE_BACKUP.fullmatch(name))}
    return sorted(found)


class _TinyShelf(Shelf):
    def __init__(self, home: Path, audit: AuditLog, writable: bool, documents: Path | None = None):
        self._home, self._audit, self._writable = home, audit, writable
        self.where = str(home)
        self._documents = documents
        self._books: dict[Path, TinyBook] = {}

    def _book(self, path: Path) -> TinyBook:
        if path not in self._books:
            self._books[path] = TinyBook(path)
        return self._books[path]

    def live(self) -> TinyBook:
        return self._book(self._home / "orders.json")

    def master(self) -> TinyBook:
        return self._book(self._home / "master.json")

    def archive(self, month: str) -> TinyBook:
        return self._book(self._home / "archive" / f"{month}.json")

    def archive_months(self) -> list[str]:
        """The months with an archive file, or with only its .bak: a lost
        archive, which raises StoreCorrupt when read instead of being skipped."""
        folder = self._home / "archive"
        on_disk = {name.removesuffix(".json") for name in archive_book_names(folder)}
        opened = {p.stem for p in self._books if p.parent == folder} if self._writable else set()
        return sorted(on_disk | opened)

    def audit(self, order_no: str) -> Iterable[dict]:
        yield from self._audit.read(order_month(order_no), needle=f'"{order_no}"')
        # Committed but not yet appended (a crash in between): still part of the trail.
        yield from self.live().table("pending_audit").values()

    def issued(self, month: str, counter: dict) -> tuple[int, dict]:
        """From the month's audit file, the bytes after `audit_bytes` (where the
        counter last looked; all of it when the counter is new or lost), and
        the order folders of archive/YYYY/MM/ numbered above the counter."""
        seen, keep = self._audit.highest_order_seq(month, counter.get("audit_bytes", 0))
        if self._documents is not None:
            seen = max(seen, archived_folder_seq(self._documents, month, above=max(seen, counter.get("last", 0))))
        return seen, keep

    def recover(self) -> None:
        """Append what the last commit left pending; the lock makes this race-free."""
        pending = [dict(doc) for doc in self.live().table("pending_audit").values()]
        if pending:
            self._audit.append_missing(pending)

    def commit(self, events: list[dict]) -> None:
        live = self.live()
        if live.changed:
            # Only a changed live file is rewritten; an unchanged one keeps its old
            # (already appended) batch, which recover() finds present next time.
            live.table("pending_audit").replace_all({doc["event_id"]: doc for doc in events})
        # Archives, then master, then the live file: the commit point goes last.
        for book in sorted(self._books.values(), key=lambda b: (b is live, b.path.name == "master.json")):
            book.flush()
        self._audit.append(events)


class TinyRepository(BookRepository):
    """`TinyRepository(home)`: the store under folder `home`, created if missing.

    lock_timeout is how long a unit of work waits for another process's unit
    to finish before raising filelock.Timeout (negative: wait for ever).
    documents is the document archive (archive/YYYY/MM/<order_no>/), one more
    witness of the order numbers issued; by default the `archive` folder
    beside a store folder named `store` (ORDERLOOP_HOME/store and
    ORDERLOOP_HOME/archive), none otherwise.
    """

    def __init__(self, home: Path | str, *, lock_timeout: float = 120, documents: Path | str | None = None):
        super().__init__()
        self.home = Path(home)
        if documents is None and self.home.name == "store":
            documents = self.home.parent / "archive"
        self.documents = None if documents is None else Path(documents)
        self.home.mkdir(parents=True, exist_ok=True)
        self._audit = AuditLog(self.home / "audit")
        self._lock = FileLock(self.home / "orders.json.lock", timeout=lock_timeout)

    @property
    def live_path(self) -> Path:
        return self.home / "orders.json"

    def _reader(self) -> Shelf:
        # No lock: every file is replaced atomically, so a reader sees whole files.
        return _TinyShelf(self.home, self._audit, writable=False)

    @contextmanager
    def _writer(self) -> Iterator[Shelf]:
        with self._lock:
            # Opened inside the lock, so no cache or next id predates another
            # process's commit.
            shelf = _TinyShelf(self.home, self._audit, writable=True, documents=self.documents)
            shelf.recover()
            yield shelf
