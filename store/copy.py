"""`orderloop store copy URL`: the store in use, whole, into an empty PostgreSQL database.

Everything the store holds goes: orders (live and archived), the audit
trail, master data and the stock ledger, payments and cases (inside their
orders), message records, held messages, counters and mail, unsent mail with
its body (a large body kept in store/outgoing/ is put inside the row: the
database holds every body). The target must be empty: a copy never merges
into a store that is in use. Then each table is counted and checksummed on
both sides (SHA-256 over the rows in key order); any difference is an error
and the copy is not to be used.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from psycopg.types.json import Jsonb

from orders.text import normal_message_id
from store.base import BookRepository
from store.keys import KEYS
from store.pg_store import PgRepository
from store.pg_tables import SPECS, clean, jsonb
from store.tinydb_store import TinyRepository

ROW_TABLES = ("orders", "processed", "outbox")
SMALL_TABLES = ("counters", "held", "customers", "products", "staff", "stock")


class CopyRefused(Exception):
    """The copy cannot be made, or made well: the message says why."""


@dataclass
class Snapshot:
    """A whole store as plain documents: rows (with their archived flag), small tables, the audit trail."""

    rows: dict[str, dict[str, tuple[dict, bool]]] = field(default_factory=lambda: {t: {} for t in ROW_TABLES})
    small: dict[str, dict[str, dict]] = field(default_factory=lambda: {t: {} for t in SMALL_TABLES})
    audit: dict[str, dict] = field(default_factory=dict)  # by event_id

    def counts(self) -> dict[str, int]:
        return {**{t: len(docs) for t, docs in self.rows.items()}, **{t: len(d) for t, d in self.small.items()},
                "audit": len(self.audit)}

    def checksums(self) -> dict[str, str]:
        sums = {t: _digest((k, doc, archived) for k, (doc, archived) in docs.items())
                for t, docs in self.rows.items()}
        sums |= {t: _digest((k, doc, False) for k, doc in docs.items()) for t, docs in self.small.items()}
        sums["audit"] = _digest((k, doc, False) for k, doc in self.audit.items())
        return sums


def _digest(rows: Iterable[tuple[str, dict, bool]]) -> str:
    digest = hashlib.sha256()
    for key, doc, archived in sorted(rows, key=lambda row: row[0]):
        digest.update(json.dumps([key, doc, archived], sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return digest.hexdigest()


def read_book_store(repository: BookRepository, outgoing: Path | None) -> Snapshot:
    """A TinyDB (or memory) store: the live book, then the month archives (live wins, as in its reads)."""
    shelf, snapshot = repository._reader(), Snapshot()
    books = [(shelf.live(), False)] + [(shelf.archive(m), True) for m in reversed(shelf.archive_months())]
    for book, archived in books:
        for table in ROW_TABLES:
            for key, doc in book.table(table).items():
                snapshot.rows[table].setdefault(key, (_with_body(table, doc, outgoing), archived))
    for table in ("counters", "held"):
        snapshot.small[table] = dict(shelf.live().table(table).items())
    for table in ("customers", "products", "staff", "stock"):
        snapshot.small[table] = dict(shelf.master().table(table).items())
    events = list(shelf.live().table("pending_audit").values())  # committed, perhaps not yet appended
    if isinstance(repository, TinyRepository):
        events = list(repository._audit.read(None)) + events
    else:
        events = list(shelf.audit("")) + events
    for doc in events:
        snapshot.audit.setdefault(doc["event_id"], doc)
    return _cleaned(snapshot)


def _with_body(table: str, doc: dict, outgoing: Path | None) -> dict:
    """Unsent mail whose body is a file beside the TinyDB store carries it inline."""
    if table != "outbox" or not doc.get("raw_file") or doc.get("sent_at") or doc.get("failure"):
        return doc
    path = (outgoing or Path()) / doc["raw_file"]
    try:
        raw = path.read_bytes().decode("utf-8")  # not read_text: a message's CRLFs are kept as sent
    except OSError as exc:
        raise CopyRefused(f"unsent mail {doc.get(KEYS['outbox'])}: its body {path} cannot be read ({exc}); "
                          f"run `orderloop doctor`") from exc
    return {**doc, "raw": raw, "raw_file": None}


def _cleaned(snapshot: Snapshot) -> Snapshot:
    """As PostgreSQL will hold it (no NUL in text), so the checksums compare like with like."""
    snapshot.rows = {t: {clean(k): (clean(d), a) for k, (d, a) in docs.items()} for t, docs in snapshot.rows.items()}
    snapshot.small = {t: {clean(k): clean(d) for k, d in docs.items()} for t, docs in snapshot.small.items()}
    snapshot.audit = {clean(k): clean(d) for k, d in snapshot.audit.items()}
    return snapshot


def read_pg_store(repository: PgRepository) -> Snapshot:
    snapshot = Snapshot()
    for table in ROW_TABLES:
        snapshot.rows[table] = {key: (doc, archived) for key, doc, archived in
                                repository._rows(f"SELECT key, doc, archived FROM {table}")}
    for tbl, key, doc in repository._rows("SELECT tbl, key, doc FROM documents"):
        snapshot.small.setdefault(tbl, {})[key] = doc
    snapshot.audit = {event_id: doc for event_id, doc in
                      repository._rows("SELECT event_id, doc FROM audit ORDER BY id")}
    return snapshot


def write_pg_store(target: PgRepository, snapshot: Snapshot) -> None:
    """One transaction: all of it or none of it."""
    with target._connection() as connection, connection.transaction():
        if connection.execute("SELECT (SELECT count(*) FROM orders) + (SELECT count(*) FROM documents) "
                              "+ (SELECT count(*) FROM audit) + (SELECT count(*) FROM processed) "
                              "+ (SELECT count(*) FROM outbox)").fetchone()[0]:
            raise CopyRefused("the target database already holds a store: a copy goes into an empty database "
                              "only (create a new one, or drop this one if it is not in use)")
        with connection.cursor() as cursor:
            for table, docs in snapshot.rows.items():
                spec = SPECS[table]
                names = ("key", "doc", "archived") + spec.columns
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))})",
                    [(key, jsonb(doc), archived) + spec.values(doc) for key, (doc, archived) in docs.items()])
            cursor.executemany("INSERT INTO threads (message_id, order_no) VALUES (%s, %s) "
                               "ON CONFLICT (message_id) DO UPDATE SET order_no = EXCLUDED.order_no",
                               _threads(snapshot))
            cursor.executemany("INSERT INTO documents (tbl, key, doc) VALUES (%s, %s, %s)",
                               [(t, k, Jsonb(d)) for t, docs in snapshot.small.items() for k, d in docs.items()])
            events = sorted(snapshot.audit.values(), key=lambda e: (e.get("order_no") or "", e.get("seq") or 0))
            cursor.executemany("INSERT INTO audit (event_id, order_no, doc) VALUES (%s, %s, %s)",
                               [(e["event_id"], e.get("order_no"), jsonb(e)) for e in events])


def _threads(snapshot: Snapshot) -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    for key, (doc, archived) in sorted(snapshot.rows["orders"].items(), key=lambda item: item[1][1], reverse=True):
        for mid in doc.get("thread") or ():  # live orders last: their threads win
            rows[clean(normal_message_id(mid))] = key
    return list(rows.items())


def copy_store(source, target: PgRepository, outgoing: Path | None = None) -> dict[str, tuple[int, str]]:
    """Copy `source` (the store in use) into the empty `target`, then check: per table,
    (count, checksum) as found in the target. Raises CopyRefused on any difference."""
    snapshot = read_pg_store(source) if isinstance(source, PgRepository) else read_book_store(source, outgoing)
    write_pg_store(target, snapshot)
    copied = read_pg_store(target)
    want, got = snapshot.counts(), copied.counts()
    want_sums, got_sums = snapshot.checksums(), copied.checksums()
    wrong = [t for t in want if want[t] != got.get(t) or want_sums[t] != got_sums.get(t)]
    if wrong:
        raise CopyRefused("the copy differs from the store in " + ", ".join(
            f"{t} ({want[t]} rows, {got.get(t)} copied)" for t in wrong) + ": do not use it")
    return {t: (got[t], got_sums[t]) for t in want}
