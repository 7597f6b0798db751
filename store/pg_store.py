"""The PostgreSQL repository: `ORDERLOOP_DATABASE_URL=postgresql://…` selects it.

For a company that outgrows one machine, or TinyDB's rewrite of its whole
file on every commit (bench/store.py): the same unit of work and the same
answers (the contract tests run on memory, TinyDB and PostgreSQL), each
unit of work one transaction that reads and writes only the rows it needs.

    orders      JSONB documents, with status, customer, next clock due and
                updated_at as indexed columns; `archived` instead of month files
    threads     every Message-ID of every order's thread, by index
    processed   the record of every incoming message (its key)
    outbox      mail to send; claimed by one sender (FOR UPDATE SKIP LOCKED)
    documents   counters, held messages, master data, the stock ledger
    audit       the audit trail, append-only (a trigger refuses UPDATE/DELETE)
    message_claims  incoming messages taken by one intake worker

Several workers may share one database: order and case numbers come from a
counter row locked until commit (no gaps, no duplicates); an order changed
by two workers is read FOR UPDATE, so the second waits and reads the first's
commit; the stock ledger is changed under a transaction-scoped advisory
lock. A failure of the database itself (connection, deadlock, a
serialization failure) is a StoreError: the task retries, and no message
is quarantined for it.
"""
from __future__ import annotations

import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path

import psycopg
import psycopg_pool
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from orders.model import Event, Order
from orders.status import FINAL, Status
from orders.stock import StockLedger
from orders.text import normal_message_id
from store.base import BookRepository
from store.directory import OWING, Directory
from store.documents import archived_folder_seq
from store.errors import StoreError
from store.keys import format_order_no, instant, order_sort_key
from store.pg_schema import LATEST, SchemaError, applied, migrate
from store.pg_tables import PgBook, PgTable, clean, jsonb
from store.repository import OutgoingMail, ProcessedMessage
from store.stock import read_ledger
from store.tables import DictBook, Shelf
from store.unit import BookUnitOfWork, next_due, order_of

log = logging.getLogger("orderloop.store")

STOCK_LOCK = 7238002  # the advisory lock a unit of work holds while it changes the stock ledger
CLAIM_LEASE = timedelta(minutes=15)
WHERE = "the database (table orders)"  # where a damaged order is, in its error  # a claim whose worker died is taken over after this


class StoreUnavailable(StoreError):
    """The database could not do the work now (down, a deadlock, a serialization failure)."""


def _ours(exc: BaseException) -> bool:
    """A failure of the database rather than of what was written (NUL text, a value too large)."""
    return isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError,
                            psycopg.errors.TransactionRollback, psycopg.errors.LockNotAvailable))


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _dead_here(workers: list[str]) -> list[str]:
    """The workers of this machine whose process is gone (killed mid-batch, say)."""
    host, dead = socket.gethostname(), []
    for worker in workers:
        name, _, pid = worker.rpartition(":")
        if name != host or not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            dead.append(worker)
        except PermissionError:
            pass  # alive, another user's
    return dead


class PgShelf(Shelf):
    def __init__(self, connection, documents: Path | None):
        self.connection, self._documents = connection, documents
        self.where = WHERE
        self._book = PgBook(connection)

    def live(self) -> PgBook:
        return self._book

    def master(self) -> PgBook:
        return self._book

    def archive(self, month: str):
        raise NotImplementedError("the PostgreSQL store keeps finished rows in place, marked archived")

    def archive_months(self) -> list[str]:
        return []  # get_order reads archived rows directly

    def audit(self, order_no: str):
        return ()

    def issued(self, month: str, counter: dict) -> tuple[int, dict]:
        """A month's first number also looks at the document archive's folders (an archive
        kept from an earlier store); after that the counter row is the only truth."""
        if counter.get("last") or self._documents is None:
            return 0, {}
        return archived_folder_seq(self._documents, month), {}

    def commit(self, events: list[dict]) -> None:
        for table in self._book.tables.values():
            table.flush()
        if events:
            with self.connection.cursor() as cursor:
                cursor.executemany("INSERT INTO audit (event_id, order_no, doc) VALUES (%s, %s, %s) "
                                   "ON CONFLICT (event_id) DO NOTHING",
                                   [(clean(e["event_id"]), clean(e.get("order_no")), jsonb(e)) for e in events])


class PgUnitOfWork(BookUnitOfWork):
    """BookUnitOfWork's rules, with its whole-table scans replaced by indexed queries."""

    def __init__(self, shelf: PgShelf):
        super().__init__(shelf)
        self._sql = shelf.connection

    @property
    def master(self) -> Directory:
        if self._directory is None:
            self._directory = Directory.from_book(self._shelf.master(), orders=self._owed_by)
        return self._directory

    def _owed_by(self, customer_code: str) -> list[dict]:
        rows = self._sql.execute("SELECT key, doc FROM orders WHERE customer_code = %s AND status = ANY(%s) "
                                 "AND NOT archived", (customer_code, sorted(OWING))).fetchall()
        return list(self._overlay(dict(rows), lambda d: (d.get("customer") or {}).get("code") == customer_code
                                  and d["status"] in OWING).values())

    def _overlay(self, stored: dict[str, dict], wanted) -> dict[str, dict]:
        """Rows found in the database, corrected by what this unit changed and has not written yet."""
        orders: PgTable = self._orders
        for key in orders.removed:
            stored.pop(key, None)
        for key, doc in orders.changed.items():
            if wanted(doc):
                stored[key] = doc
            else:
                stored.pop(key, None)
        return stored

    def order_numbers(self, status: Status) -> list[str]:
        rows = self._sql.execute("SELECT key, doc FROM orders WHERE status = %s AND NOT archived",
                                 (status.value,)).fetchall()
        return sorted(self._overlay(dict(rows), lambda d: d["status"] == status), key=order_sort_key)

    def orders_with_timers_due(self, now: datetime) -> list[str]:
        rows = self._sql.execute("SELECT key, doc FROM orders WHERE next_due <= %s AND NOT archived",
                                 (instant(now),)).fetchall()
        return sorted(self._overlay(dict(rows), lambda d: (due := next_due(d)) is not None and due <= now),
                      key=order_sort_key)

    def order_for_message(self, message_id: str) -> str | None:
        wanted = normal_message_id(message_id)
        for key, doc in self._orders.changed.items():  # this unit's own threads first
            if any(normal_message_id(mid) == wanted for mid in doc.get("thread") or ()):
                return key
        row = self._sql.execute("SELECT t.order_no FROM threads t JOIN orders o ON o.key = t.order_no "
                                "WHERE t.message_id = %s AND NOT o.archived", (clean(wanted),)).fetchone()
        return row[0] if row and row[0] not in self._orders.removed else None

    def _locked_counter(self, key: str) -> dict:
        """The counter row, made if new and locked until commit: a second worker waits here
        for the first one's commit, so no number is issued twice and none is skipped
        (a unit of work that rolls back gives its numbers back with it)."""
        if self._counters.get(key) is None:
            self._sql.execute("INSERT INTO documents (tbl, key, doc) VALUES ('counters', %s, %s) "
                              "ON CONFLICT DO NOTHING", (key, Jsonb({"month": key, "last": 0})))
            self._counters.forget(key)
        return dict(self._counters.get(key))

    def next_order_no(self, month: date) -> str:
        key = f"{month:%Y%m}"
        counter = self._locked_counter(key)
        if key not in self._evidence_seen:  # a month's first number: above any archived folder's
            self._evidence_seen.add(key)
            counter["last"] = max(counter["last"], self._shelf.issued(key, counter)[0])
        counter["last"] += 1
        self._counters.put(key, counter)
        return format_order_no(month, counter["last"])

    def next_case_no(self, month: date) -> str:
        key = f"AS{month:%Y%m}"
        counter = self._locked_counter(key)
        counter["last"] += 1
        self._counters.put(key, counter)
        return f"{key}{counter['last']:04d}"

    def pending_mail(self) -> list[OutgoingMail]:
        rows = self._sql.execute("SELECT key, doc FROM outbox WHERE pending ORDER BY created_at").fetchall()
        stored = dict(rows)
        outbox: PgTable = self._outbox
        for key, doc in outbox.changed.items():
            stored[key] = doc
        unsent = [OutgoingMail.model_validate(d) for d in stored.values()
                  if d["sent_at"] is None and not d.get("failure")]
        return sorted(unsent, key=lambda mail: instant(mail.created_at))

    def stock_ledger(self) -> StockLedger:
        if self._stock is None:  # one unit at a time changes the ledger: it is one document per SKU
            self._sql.execute("SELECT pg_advisory_xact_lock(%s)", (STOCK_LOCK,))
        return super().stock_ledger()

    def forget_processed(self, keys: list[str]) -> int:
        """Records dropped, and the claims on their messages with them, so the messages, back
        in the inbox (`orderloop doctor --requeue`), are taken afresh by whichever worker."""
        keys = [clean(k) for k in keys]
        self._processed.remove(keys)
        self._sql.execute("DELETE FROM message_claims WHERE key IN (SELECT doc->>'content_hash' FROM processed "
                          "WHERE key = ANY(%s))", (keys,))
        return self._sql.execute("SELECT count(*) FROM processed WHERE key = ANY(%s)", (keys,)).fetchone()[0]

    def archive_finished(self, now: datetime, keep_days: int = 30) -> int:
        """Finished orders, message records and sent mail older than keep_days stay where they
        are, marked archived: out of the work lists and the board, still read by number."""
        cutoff = instant(now) - timedelta(days=keep_days)
        moved = self._sql.execute("UPDATE orders SET archived = true WHERE NOT archived AND status = ANY(%s) "
                                  "AND updated_at < %s", (sorted(FINAL), cutoff)).rowcount
        moved += self._sql.execute("UPDATE processed SET archived = true WHERE NOT archived AND at < %s",
                                   (cutoff,)).rowcount
        moved += self._sql.execute("UPDATE outbox SET archived = true WHERE NOT archived AND sent_at < %s",
                                   (cutoff,)).rowcount
        # A claim outlives its message's record (it keeps a second worker from parsing a message the
        # first has recorded but not filed yet); a day after its lease it has no work left.
        self._sql.execute("DELETE FROM message_claims WHERE until < now() - interval '1 day'")
        return moved


class PgRepository(BookRepository):
    """`PgRepository(url)`: the store in a PostgreSQL database, migrated when empty.

    documents is the document archive (archive/YYYY/MM/<order_no>/), which a
    month's first order number also respects."""

    unit_class = PgUnitOfWork

    def __init__(self, url: str, *, documents: Path | str | None = None, pool_size: int = 4):
        super().__init__()
        self.url = url
        self.documents = None if documents is None else Path(documents)
        self._pool = ConnectionPool(url, min_size=1, max_size=pool_size, open=False,
                                    kwargs={"autocommit": True}, name="orderloop")
        try:  # one plain connection first: its error says why (refused, no such database, password)
            psycopg.connect(url, connect_timeout=10).close()
            self._pool.open(wait=True, timeout=30)
        except (psycopg.OperationalError, psycopg_pool.PoolTimeout) as exc:
            reason = str(exc).replace(url, _safe(url)).strip().splitlines()[0] if str(exc) else type(exc).__name__
            raise StoreUnavailable(f"the database at {_safe(url)} does not answer: {reason}; check "
                                   f"ORDERLOOP_DATABASE_URL and that PostgreSQL is running") from None
        with self._pool.connection() as connection:
            version = applied(connection)
            if version == 0:
                migrate(connection)  # an empty database gets the schema on first use
            elif version < LATEST:
                raise SchemaError(f"the database at {_safe(url)} is at schema version {version}, this orderloop "
                                  f"reads {LATEST}: run `orderloop migrate`")
            elif version > LATEST:
                raise SchemaError(f"the database at {_safe(url)} is at schema version {version}, newer than this "
                                  f"orderloop's {LATEST}: upgrade orderloop")

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _connection(self) -> Iterator[psycopg.Connection]:
        try:
            with self._pool.connection() as connection:
                yield connection
        except Exception as exc:
            if _ours(exc):
                raise StoreUnavailable(f"the database at {_safe(self.url)}: {type(exc).__name__}: {exc}") from exc
            raise

    def _reader(self) -> Shelf:
        raise NotImplementedError("the PostgreSQL store answers its read views with queries")

    @contextmanager
    def _writer(self) -> Iterator[Shelf]:
        with self._connection() as connection, connection.transaction():
            yield PgShelf(connection, self.documents)

    # -- read views outside a unit of work
    def _rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self._connection() as connection:
            return connection.execute(sql, params).fetchall()

    def _run(self, sql: str, params: tuple = ()) -> int:
        """A statement that returns no rows; how many rows it changed."""
        with self._connection() as connection:
            return connection.execute(sql, params).rowcount

    def check(self) -> None:
        Directory.from_book(self._master_book_read())

    def _master_book_read(self):
        """Master data is small: read whole, in one snapshot."""
        data: dict[str, dict[str, dict]] = {}
        for tbl, key, doc in self._rows("SELECT tbl, key, doc FROM documents WHERE tbl = ANY(%s)",
                                        (["customers", "products", "staff", "stock"],)):
            data.setdefault(tbl, {})[key] = doc
        return DictBook(data)

    def get_order(self, order_no: str) -> Order | None:
        rows = self._rows("SELECT doc FROM orders WHERE key = %s", (order_no,))
        return order_of(rows[0][0], WHERE) if rows else None

    def get_orders(self, order_nos: set[str]) -> dict[str, Order]:
        return {key: order_of(doc, WHERE) for key, doc in
                self._rows("SELECT key, doc FROM orders WHERE key = ANY(%s)", (sorted(order_nos),))}

    def list_orders(self, status: Status | None = None, include_archived: bool = False) -> list[Order]:
        where = [] if include_archived else ["NOT archived"]
        params: tuple = ()
        if status is not None:
            where.append("status = %s")
            params = (status.value,)
        sql = "SELECT doc FROM orders" + (" WHERE " + " AND ".join(where) if where else "")
        orders = [order_of(doc, WHERE) for (doc,) in self._rows(sql, params)]
        return sorted(orders, key=lambda order: order_sort_key(order.order_no))

    def audit_trail(self, order_no: str) -> list[Event]:
        events = [Event.model_validate(doc) for (doc,) in
                  self._rows("SELECT doc FROM audit WHERE order_no = %s ORDER BY id", (order_no,))]
        return sorted(events, key=lambda event: event.seq)

    def find_processed(self, key: str) -> ProcessedMessage | None:
        rows = self._rows("SELECT doc FROM processed WHERE key = %s", (key,))
        return ProcessedMessage.model_validate(rows[0][0]) if rows else None

    def quarantined(self, *, archived: bool = True) -> list[ProcessedMessage]:
        live = "" if archived else " AND NOT archived"
        return [ProcessedMessage.model_validate(doc) for (doc,) in
                self._rows(f"SELECT doc FROM processed WHERE folder = 'quarantine'{live} ORDER BY at")]

    def refused_mail(self, *, archived: bool = True) -> list[OutgoingMail]:
        live = "" if archived else " AND NOT archived"
        return [OutgoingMail.model_validate(doc) for (doc,) in
                self._rows(f"SELECT doc FROM outbox WHERE failed{live} ORDER BY created_at")]

    def master(self) -> Directory:
        def owed_by(code: str) -> list[dict]:
            return [doc for (doc,) in self._rows("SELECT doc FROM orders WHERE customer_code = %s AND "
                                                 "status = ANY(%s) AND NOT archived", (code, sorted(OWING)))]

        return Directory.from_book(self._master_book_read(), orders=owed_by)

    def stock_ledger(self) -> StockLedger:
        with self._connection() as connection:
            book = PgBook(connection)
            return read_ledger(book, book.table("orders"))

    # -- claims: several workers on one database
    def claim_messages(self, fingerprints: list[str], holder: str | None = None,
                       limit: int | None = None) -> set[str]:
        """Up to `limit` of the incoming messages (by content fingerprint, in the order
        given) that this worker may handle: not claimed by another worker whose claim is
        still good (CLAIM_LEASE: a worker that died lets its messages go after it; one
        that lived has recorded and filed them by then)."""
        wanted = list(dict.fromkeys(fingerprints))  # one row per message, however often it came
        if not wanted:
            return set()
        holder = holder or worker_name()
        self._free_the_dead("message_claims", "worker", "until")
        rows = self._rows(
            "WITH free AS (SELECT k, n FROM unnest(%s::text[]) WITH ORDINALITY AS u(k, n) WHERE NOT EXISTS ("
            "  SELECT 1 FROM message_claims c WHERE c.key = u.k AND c.until >= now() AND c.worker <> %s)"
            "  ORDER BY n LIMIT %s) "
            "INSERT INTO message_claims (key, worker, until) SELECT k, %s, now() + %s FROM free "
            "ON CONFLICT (key) DO UPDATE SET worker = EXCLUDED.worker, until = EXCLUDED.until "
            "WHERE message_claims.until < now() OR message_claims.worker = EXCLUDED.worker RETURNING key",
            (wanted, holder, limit, holder, CLAIM_LEASE))
        return {key for (key,) in rows}

    def claim_mail(self, holder: str | None = None, limit: int | None = None) -> list[OutgoingMail]:
        """Mail to send that no other sender holds: claimed (FOR UPDATE SKIP LOCKED, so two
        senders never take the same row) until sent, refused, or CLAIM_LEASE has passed."""
        holder = holder or worker_name()
        self._free_the_dead("outbox", "claimed_by", "claimed_until")
        rows = self._rows(
            "UPDATE outbox SET claimed_by = %s, claimed_until = now() + %s WHERE key IN ("
            " SELECT key FROM outbox WHERE pending AND (claimed_until IS NULL OR claimed_until < now()"
            " OR claimed_by = %s) ORDER BY created_at LIMIT %s FOR UPDATE SKIP LOCKED) RETURNING doc",
            (holder, CLAIM_LEASE, holder, limit))
        mails = [OutgoingMail.model_validate(doc) for (doc,) in rows]
        return sorted(mails, key=lambda mail: instant(mail.created_at))

    def _free_the_dead(self, table: str, holder: str, until: str) -> None:
        """Claims of a worker of this machine that died are free at once; another machine's
        dead worker's claims lapse after CLAIM_LEASE (there is no asking it)."""
        held = self._rows(f"SELECT DISTINCT {holder} FROM {table} WHERE {until} >= now() AND {holder} LIKE %s",
                          (socket.gethostname() + ":%",))
        if dead := _dead_here([worker for (worker,) in held]):
            log.warning("claims of %s freed: the process is gone", ", ".join(dead))
            self._run(f"UPDATE {table} SET {until} = now() - interval '1 second' WHERE {holder} = ANY(%s)", (dead,))

    def release_mail(self, message_ids: list[str]) -> None:
        """Claims given back (a mail that could not be made ready goes to the next sender)."""
        if message_ids:
            self._run("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE key = ANY(%s)", (message_ids,))

    def findings(self) -> list[tuple[str, str, str]]:
        """What `orderloop doctor` checks in the database: (check, where, what is wrong)."""
        found = [("trail", key, "no event of this order is in the audit trail") for (key,) in self._rows(
            "SELECT key FROM orders o WHERE NOT EXISTS (SELECT 1 FROM audit a WHERE a.order_no = o.key) ORDER BY key")]
        found += [("numbers", f"counter {month}", f"stands at {last} but order SO{month}{top:04d} was issued: the "
                   f"next number would be issued twice") for month, last, top in self._rows(
            "SELECT substr(o.key, 3, 6), coalesce((c.doc->>'last')::int, 0), max(substr(o.key, 9)::int) "
            "FROM orders o LEFT JOIN documents c ON c.tbl = 'counters' AND c.key = substr(o.key, 3, 6) "
            "WHERE o.key ~ '^SO[0-9]{10,}$' GROUP BY 1, 2 HAVING max(substr(o.key, 9)::int) > "
            "coalesce((c.doc->>'last')::int, 0) ORDER BY 1")]
        found += [("trail", order_no, f"the thread index names this order for {message_id}, but no such order "
                   f"is stored") for message_id, order_no in self._rows(
            "SELECT t.message_id, t.order_no FROM threads t WHERE NOT EXISTS (SELECT 1 FROM orders o "
            "WHERE o.key = t.order_no) ORDER BY 2")]
        return found

    def order_docs(self) -> list[tuple[str, dict]]:
        """Every stored order as stored, unread (for `orderloop doctor`)."""
        return self._rows("SELECT key, doc FROM orders")

    def counts(self) -> dict[str, int]:
        """Rows per table (for `orderloop store copy`'s check and the benchmarks)."""
        return {table: self._rows(f"SELECT count(*) FROM {table}")[0][0]
                for table in ("orders", "threads", "processed", "outbox", "documents", "audit")}


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


__all__ = ["PgRepository", "StoreUnavailable", "migrate"]
