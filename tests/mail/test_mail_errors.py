"""Errors name what failed: the server (host:port, user), the Maildir's path,
and the settings to check (issue 9, part 7)."""
from __future__ import annotations

import socket
import threading

import pytest

from mail import ImapMailbox, MailServerError, SmtpMailer
from tests.servers import free_port

HINTS = {"connect": "THE_HOST_SETTING", "login": "THE_USER_SETTING"}


def test_an_imap_server_that_does_not_answer_is_named_with_its_user_and_settings():
    port = free_port()  # nothing listens there
    with pytest.raises(MailServerError) as failed:
        ImapMailbox("127.0.0.1", port, "orders@example.com", "x", ssl=False, hints=HINTS).fetch_new()
    message = str(failed.value)
    assert f"IMAP server 127.0.0.1:{port} (user orders@example.com): cannot connect (no TLS)" in message
    assert "ConnectionRefusedError" in message and message.endswith("check THE_HOST_SETTING")


@pytest.fixture
def refusing_imap():
    """An IMAP server that refuses every login."""
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        conn, _ = listener.accept()
        with conn, conn.makefile("rwb") as f:
            f.write(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] ready\r\n")
            f.flush()
            while line := f.readline():
                tag, command = (line.split(b" ") + [b""])[:2]
                if command.upper().strip() == b"CAPABILITY":
                    f.write(b"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n" + tag + b" OK done\r\n")
                else:
                    f.write(tag + b" NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
                f.flush()

    threading.Thread(target=serve, daemon=True).start()
    yield listener.getsockname()[1]
    listener.close()


def test_a_refused_imap_login_names_server_user_and_the_login_settings(refusing_imap):
    box = ImapMailbox("127.0.0.1", refusing_imap, "orders@example.com", "wrong", ssl=False, hints=HINTS)
    with pytest.raises(MailServerError) as failed:
        box.folder_count("inbox")
    message = str(failed.value)
    assert f"IMAP server 127.0.0.1:{refusing_imap} (user orders@example.com): login failed" in message
    assert "Authentication failed" in message and message.endswith("check THE_USER_SETTING")


def test_an_smtp_server_that_does_not_answer_is_named_with_the_settings():
    port = free_port()
    with pytest.raises(MailServerError) as failed:
        with SmtpMailer("127.0.0.1", port, hints=HINTS) as mailer:
            mailer.send("<a@example.com>", "orders@example.com", ["b@example.com"], b"Subject: x\r\n\r\nx\r\n")
    message = str(failed.value)
    assert message.startswith(f"SMTP server 127.0.0.1:{port}: cannot connect (no TLS): ConnectionRefusedError")
    assert message.endswith("check THE_HOST_SETTING")
    assert isinstance(failed.value, ConnectionError)  # still the server's trouble: worth a retry
