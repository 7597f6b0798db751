"""Shared fixtures. Server fixtures: `dovecot`, `smtp_server`, `mta`, `postgres`."""
from __future__ import annotations

import pytest

try:  # tests/ is on sys.path (no tests/__init__.py) ...
    from servers import Dovecot, Postgres, SmtpServer
except ImportError:  # ... or tests is a package
    from tests.servers import Dovecot, Postgres, SmtpServer


@pytest.fixture(scope="session")
def postgres():
    """A throwaway PostgreSQL cluster for the session (started in about half a second):
    new_database() -> the URL of a fresh, empty database."""
    try:
        server = Postgres().start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)  # not skip: the setup installs postgresql
    yield server
    server.stop()


@pytest.fixture(scope="session")
def dovecot():
    """A running Dovecot (IMAP + LMTP, plain text on 127.0.0.1) for the session.

    Attributes: host, imap_port, lmtp_port, user, password (the default
    account orders@example.com); new_account() -> Account(user, password) gives
    a fresh empty mailbox, reset() empties the default one, log_text().
    """
    try:
        server = Dovecot().start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)  # not skip: the setup installs Dovecot
    yield server
    server.stop()


@pytest.fixture(scope="session")
def smtp_server():
    """An aiosmtpd server on 127.0.0.1: host, port, messages (Received:
    mail_from, rcpt_tos, content), clear(), deliver_to(host, lmtp_port)."""
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def mta(smtp_server, dovecot):
    """smtp_server, emptied, delivering to Dovecot over LMTP for this test:
    mail sent to a Dovecot account arrives in its IMAP INBOX."""
    smtp_server.clear()
    smtp_server.deliver_to(dovecot.host, dovecot.lmtp_port)
    yield smtp_server
    smtp_server.deliver_to(None)
    smtp_server.clear()
