"""The PostgreSQL schema, as numbered migrations applied in order.

`orderloop migrate` applies the ones a database lacks, each in its own
transaction with its number recorded; the repository applies them itself
when it finds the database empty, and refuses a database that is behind
(run `orderloop migrate`) or ahead (a newer orderloop wrote it).

Orders, message records and mail keep their JSON documents (JSONB) beside
the columns the work lists query by, so a unit of work reads the rows it
needs through an index instead of the whole store. The audit trail is
append-only: a trigger refuses UPDATE and DELETE.
"""
from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (1, "orders, threads, message records, mail, documents, the audit trail, claims", """
CREATE TABLE orders (
    key           text PRIMARY KEY,
    doc           jsonb NOT NULL,
    status        text NOT NULL,
    customer_code text,
    next_due      timestamptz,          -- the earliest reminder or escalation due, for the timers flow
    updated_at    timestamptz,
    archived      boolean NOT NULL DEFAULT false
);
CREATE INDEX orders_live_status ON orders (status) WHERE NOT archived;
CREATE INDEX orders_live_due ON orders (next_due) WHERE next_due IS NOT NULL AND NOT archived;
CREATE INDEX orders_live_customer ON orders (customer_code) WHERE NOT archived;

-- Every Message-ID of an order's thread (normalised), so a reply finds its order by index.
CREATE TABLE threads (
    message_id text PRIMARY KEY,
    order_no   text NOT NULL
);
CREATE INDEX threads_order ON threads (order_no);

CREATE TABLE processed (
    key      text PRIMARY KEY,
    doc      jsonb NOT NULL,
    folder   text NOT NULL,
    at       timestamptz NOT NULL,
    archived boolean NOT NULL DEFAULT false
);
CREATE INDEX processed_quarantine ON processed (at) WHERE folder = 'quarantine';

CREATE TABLE outbox (
    key           text PRIMARY KEY,     -- the Message-ID
    doc           jsonb NOT NULL,
    created_at    timestamptz NOT NULL,
    pending       boolean NOT NULL,     -- neither sent nor refused
    failed        boolean NOT NULL,
    sent_at       timestamptz,
    archived      boolean NOT NULL DEFAULT false,
    claimed_by    text,                 -- the sender that holds it (FOR UPDATE SKIP LOCKED), until:
    claimed_until timestamptz
);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE pending;
CREATE INDEX outbox_refused ON outbox (created_at) WHERE failed;

-- The small tables: counters, held messages, master data, the stock ledger.
CREATE TABLE documents (
    tbl text NOT NULL,
    key text NOT NULL,
    doc jsonb NOT NULL,
    PRIMARY KEY (tbl, key)
);

CREATE TABLE audit (
    id       bigserial PRIMARY KEY,
    event_id text NOT NULL UNIQUE,
    order_no text,
    doc      jsonb NOT NULL
);
CREATE INDEX audit_order ON audit (order_no);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
    FOR EACH ROW EXECUTE FUNCTION audit_append_only();

-- An incoming message taken by one intake worker (by its content fingerprint), so two
-- workers reading the same mailbox never both act on it; a claim whose holder died expires.
CREATE TABLE message_claims (
    key    text PRIMARY KEY,
    worker text NOT NULL,
    until  timestamptz NOT NULL
);
"""),
]

LATEST = MIGRATIONS[-1][0]

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
)"""


class SchemaError(Exception):
    """The database's schema is not the one this orderloop reads."""


def applied(connection) -> int:
    """The newest migration applied to the database, 0 for an empty one."""
    exists = connection.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()[0]
    if not exists:
        return 0
    return connection.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]


def migrate(connection) -> list[int]:
    """Apply what the database lacks, each migration in one transaction; the versions applied.
    Two processes migrating at once: an advisory lock makes the second wait, then find nothing to do."""
    done = []
    with connection.transaction():
        connection.execute("SELECT pg_advisory_xact_lock(7238001)")
        connection.execute(VERSION_TABLE)
        current = applied(connection)
        if current > LATEST:
            raise SchemaError(f"the database is at schema version {current}, newer than this orderloop's "
                              f"{LATEST}: upgrade orderloop")
        for version, name, sql in MIGRATIONS:
            if version > current:
                connection.execute(sql)
                connection.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", (version, name))
                done.append(version)
    return done
