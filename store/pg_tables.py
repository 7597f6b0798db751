"""Tables of the PostgreSQL store as the unit of work sees them (store/tables.py).

A unit of work is one transaction. It reads a row when it asks for it, by
key and through the primary key's index, never the whole table: rows two
workers may both change (orders, counters, mail) are read FOR UPDATE, so
the second worker waits for the first one's commit and then reads what it
wrote. Writes are kept in memory and go to the database at commit, each
changed row once, with the columns the work lists query by computed from
the document.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from psycopg.types.json import Jsonb

from orders.text import normal_message_id
from store.keys import instant
from store.tables import Book, Table
from store.unit import next_due


def clean(value):
    """A document PostgreSQL can hold: text there cannot contain NUL (U+0000),
    which a hostile header may; it becomes U+FFFD, as a mail reader shows it."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value


def jsonb(doc: dict) -> Jsonb:
    text = json.dumps(doc, ensure_ascii=False)
    if "\\u0000" in text:  # rare: only then walk the document
        text = json.dumps(clean(doc), ensure_ascii=False)
    return Jsonb(text, dumps=lambda already: already)


@dataclass(frozen=True)
class Spec:
    sql: str  # the table
    columns: tuple[str, ...] = ()  # computed from the document at write
    lock: bool = False  # read FOR UPDATE: two workers may change the same row
    shared: bool = False  # a small table kept in `documents` under its name
    live_only: bool = False  # the live rows only (the archived ones are for the read views)

    def values(self, doc: dict) -> tuple:
        return tuple(COMPUTE[self.sql][name](doc) for name in self.columns)


def _when(value) -> datetime | None:
    return instant(value) if value else None


COMPUTE = {
    "orders": {"status": lambda d: d["status"], "customer_code": lambda d: (d.get("customer") or {}).get("code"),
               "next_due": next_due, "updated_at": lambda d: _when(d.get("updated_at"))},
    "processed": {"folder": lambda d: d["folder"], "at": lambda d: instant(d["at"])},
    "outbox": {"created_at": lambda d: instant(d["created_at"]),
               "pending": lambda d: d.get("sent_at") is None and not d.get("failure"),
               "failed": lambda d: bool(d.get("failure")), "sent_at": lambda d: _when(d.get("sent_at"))},
}

SPECS = {
    "orders": Spec("orders", ("status", "customer_code", "next_due", "updated_at"), lock=True),
    "processed": Spec("processed", ("folder", "at")),
    "outbox": Spec("outbox", ("created_at", "pending", "failed", "sent_at"), lock=True),
    "counters": Spec("counters", lock=True, shared=True),
}
SHARED = ("held", "customers", "products", "staff", "stock", "pending_audit")


def spec_of(name: str) -> Spec:
    return SPECS.get(name) or Spec(name, shared=True)


class PgTable(Table):
    def __init__(self, name: str, connection, spec: Spec):
        super().__init__(name)
        self._connection, self._spec, self._name = connection, spec, name
        self._read: dict[str, dict | None] = {}
        self.changed: dict[str, dict] = {}
        self.removed: set[str] = set()
        self.replaced = False

    # -- reads: this unit's own writes first, then the database
    def get(self, key: str) -> dict | None:
        if key in self.changed:
            return self.changed[key]
        if key in self.removed or self.replaced:
            return None
        if key not in self._read:
            self._read[key] = self._select_one(key)
        return self._read[key]

    def _select_one(self, key: str) -> dict | None:
        lock = " FOR UPDATE" if self._spec.lock else ""
        if self._spec.shared:
            row = self._connection.execute(f"SELECT doc FROM documents WHERE tbl = %s AND key = %s{lock}",
                                           (self._name, key)).fetchone()
        else:
            row = self._connection.execute(f"SELECT doc FROM {self._spec.sql} WHERE key = %s{lock}",
                                           (key,)).fetchone()
        return row[0] if row else None

    def values(self) -> Iterator[dict]:
        """Every row: for the small tables (master data, the stock ledger), not the work lists."""
        stored: dict[str, dict] = {}
        if not self.replaced:
            if self._spec.shared:
                rows = self._connection.execute("SELECT key, doc FROM documents WHERE tbl = %s", (self._name,))
            else:
                live = " WHERE NOT archived" if self._spec.sql in ("orders", "processed", "outbox") else ""
                rows = self._connection.execute(f"SELECT key, doc FROM {self._spec.sql}{live}")
            stored = {key: doc for key, doc in rows if key not in self.removed}
        stored.update(self.changed)
        return iter(list(stored.values()))

    def forget(self, key: str) -> None:
        """Read the row again at the next get (it was just made in the database)."""
        self._read.pop(key, None)

    # -- writes: kept until flush
    def put(self, key: str, doc: dict) -> None:
        self.changed[key] = doc
        self.removed.discard(key)

    def put_many(self, docs: Mapping[str, dict]) -> None:
        for key, doc in docs.items():
            self.put(key, doc)

    def remove(self, keys: Iterable[str]) -> None:
        for key in list(keys):
            self.changed.pop(key, None)
            self.removed.add(key)

    def replace_all(self, docs: Mapping[str, dict]) -> None:
        self.replaced, self.removed, self._read = True, set(), {}
        self.changed = dict(docs)

    def flush(self) -> None:
        """Write this unit's changes: each changed row once, removed rows gone."""
        connection, spec = self._connection, self._spec
        if spec.shared:
            if self.replaced:
                connection.execute("DELETE FROM documents WHERE tbl = %s", (self._name,))
            elif self.removed:
                connection.execute("DELETE FROM documents WHERE tbl = %s AND key = ANY(%s)",
                                   (self._name, [clean(k) for k in self.removed]))
            if self.changed:
                with connection.cursor() as cursor:
                    cursor.executemany(
                        "INSERT INTO documents (tbl, key, doc) VALUES (%s, %s, %s) "
                        "ON CONFLICT (tbl, key) DO UPDATE SET doc = EXCLUDED.doc",
                        [(self._name, clean(key), jsonb(doc)) for key, doc in self.changed.items()])
            return
        if self.removed:
            connection.execute(f"DELETE FROM {spec.sql} WHERE key = ANY(%s)", ([clean(k) for k in self.removed],))
        if not self.changed:
            return
        names = ("key", "doc") + spec.columns
        # A row written again is live again (an archived order that a late reply changed).
        updates = ", ".join(f"{n} = EXCLUDED.{n}" for n in names[1:]) + ", archived = false"
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {spec.sql} ({', '.join(names)}) VALUES ({', '.join(['%s'] * len(names))}) "
                f"ON CONFLICT (key) DO UPDATE SET {updates}",
                [(clean(key), jsonb(doc)) + spec.values(doc) for key, doc in self.changed.items()])
        if spec.sql == "orders":
            self._index_threads()

    def _index_threads(self) -> None:
        """Each changed order's thread in `threads`, so a reply finds it by index."""
        numbers = [clean(key) for key in self.changed]
        self._connection.execute("DELETE FROM threads WHERE order_no = ANY(%s)", (numbers,))
        rows = {clean(normal_message_id(mid)): clean(key)
                for key, doc in self.changed.items() for mid in doc.get("thread") or ()}
        if rows:
            with self._connection.cursor() as cursor:
                cursor.executemany("INSERT INTO threads (message_id, order_no) VALUES (%s, %s) "
                                   "ON CONFLICT (message_id) DO UPDATE SET order_no = EXCLUDED.order_no",
                                   list(rows.items()))


class PgBook(Book):
    """The tables of one transaction; live and master are both in the one database."""

    def __init__(self, connection):
        self._connection = connection
        self.tables: dict[str, PgTable] = {}

    def table(self, name: str) -> PgTable:
        if name not in self.tables:
            self.tables[name] = PgTable(name, self._connection, spec_of(name))
        return self.tables[name]
