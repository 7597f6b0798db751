"""Build the adapters the settings point at: IMAP or a Maildir, SMTP or an
outbox folder, TinyDB under ORDERLOOP_HOME."""
from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path

from mail.base import Mailbox, Mailer
from mail.imap import ImapMailbox
from mail.journal import JournaledMailer
from mail.maildir import MaildirMailbox
from mail.outbox import OutboxMailer
from mail.smtp import SmtpMailer
from store.repository import Repository
from store.tinydb_store import TinyRepository

from flows.crashpoints import crashpoint
from flows.events import order_events
from flows.settings import Settings


_databases: dict[str, Repository] = {}  # one connection pool per database and process


def open_repository(settings: Settings) -> Repository:
    if settings.database_url:
        if settings.database_url not in _databases:
            from store.pg_store import PgRepository

            repository = PgRepository(settings.database_url, documents=settings.archive_dir)
            repository.on_commit(order_events)
            _databases[settings.database_url] = repository
        return _databases[settings.database_url]
    repository = TinyRepository(settings.store_dir)
    repository.on_commit(order_events)  # Prefect events for ops' automations, inside flow runs only
    return repository


# What to check when a server cannot be reached or refuses the login: the
# transports name host, port and user; these name the settings behind them.
IMAP_HINTS = {"connect": "ORDERLOOP_IMAP_HOST, ORDERLOOP_IMAP_PORT and ORDERLOOP_IMAP_SSL",
              "login": "ORDERLOOP_IMAP_USER and ORDERLOOP_IMAP_PASSWORD"}
SMTP_HINTS = {"connect": "ORDERLOOP_SMTP_HOST, ORDERLOOP_SMTP_PORT, ORDERLOOP_SMTP_SSL and ORDERLOOP_SMTP_STARTTLS",
              "login": "ORDERLOOP_SMTP_USER and ORDERLOOP_SMTP_PASSWORD"}


def open_mailbox(settings: Settings) -> Mailbox:
    if settings.imap_host:
        return ImapMailbox(settings.imap_host, settings.imap_port, settings.imap_user or "",
                           settings.imap_password or "", ssl=settings.imap_ssl, hints=IMAP_HINTS)
    return _local(MaildirMailbox, settings.inbox_dir, settings, "inbox")


def open_mailer(settings: Settings) -> Mailer:
    if settings.smtp_host:
        smtp = SmtpMailer(settings.smtp_host, settings.smtp_port, user=settings.smtp_user,
                          password=settings.smtp_password, starttls=settings.smtp_starttls,
                          ssl=settings.smtp_ssl, hints=SMTP_HINTS, checkpoint=crashpoint)
        return JournaledMailer(smtp, settings.store_dir / "sent.journal")
    # The outbox is keyed by Message-ID, so it needs no journal to send once.
    return _local(OutboxMailer, settings.outbox_dir, settings, "outbox", checkpoint=crashpoint)


def _local(kind, path: Path, settings: Settings, role: str, **options):
    """A Maildir under ORDERLOOP_HOME; an error says which one and which setting."""
    try:
        return kind(path, **options)
    except OSError as exc:
        raise type(exc)(exc.errno, f"{exc.strerror or exc} (the {role}; check that ORDERLOOP_HOME="
                                   f"{settings.home} is a writable folder)") from exc


def clean_stale_files(settings: Settings) -> list[Path]:
    """What crashed writers left behind: temporary files in the inbox's and
    the outbox's tmp/ (mail/_maildir_io.stale_tmp) and the store's temporary
    files (store/checkup.stale_temp_files: `.<name>.*.tmp` in store/,
    store/outgoing/ and store/archive/, older than an hour). The same rules
    tell `orderloop doctor` what to report. Run when a poll starts."""
    from store.checkup import stale_temp_files

    removed: list[Path] = []
    if not settings.imap_host and settings.inbox_dir.exists():
        removed += MaildirMailbox(settings.inbox_dir).clean()
    if not settings.smtp_host and settings.outbox_dir.exists():
        removed += OutboxMailer(settings.outbox_dir).clean()
    for path in stale_temp_files(settings.store_dir):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    return removed


def approval_secret(settings: Settings) -> str:
    """The key that signs approval tokens: ORDERLOOP_SECRET, else one made on
    first use and kept (readable by the owner only) beside the store, so that
    links mailed before a restart still work."""
    if settings.secret:
        return settings.secret
    return _stored_secret((settings.home / "secret.key").resolve())


@lru_cache(maxsize=8)
def _stored_secret(path: Path) -> str:
    """Read (or make) once per process: every mail of a batch is signed with it."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"secret.key.{os.getpid()}.tmp")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_urlsafe(32))
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(draft, path)  # atomic, and refuses to replace a key another process made first
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    secret = path.read_text().strip()
    if not secret:
        raise ValueError(f"{path} is empty: delete it to have a new key made, or set ORDERLOOP_SECRET")
    return secret
