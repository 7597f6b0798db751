"""Sending over SMTP: one connection per batch (the `with` block)."""
from __future__ import annotations

import logging
import re
import smtplib
import ssl as ssl_module
from collections.abc import Sequence

from .base import Mailer

__all__ = ["SmtpMailer"]

log = logging.getLogger(__name__)
_BARE_LINE_END = re.compile(rb"\r\n|\r|\n")


class SmtpMailer(Mailer):
    """Hands messages to an SMTP server (submission on 587 with starttls, or
    465 with ssl). The connection opens on the first send and closes with the
    context manager; a connection the server dropped while idle is reopened
    once."""

    def __init__(
        self,
        host: str,
        port: int,
        *,
        user: str | None = None,
        password: str | None = None,
        starttls: bool = False,
        ssl: bool = False,
        timeout: float = 30,
        ssl_context: ssl_module.SSLContext | None = None,
    ) -> None:
        if ssl and starttls:
            raise ValueError("choose ssl (implicit TLS) or starttls, not both")
        self.host, self.port, self.timeout = host, port, timeout
        self.user, self.password = user, password
        self.use_ssl, self.use_starttls = ssl, starttls
        self.ssl_context = ssl_context
        self._smtp: smtplib.SMTP | None = None

    def send(self, message_id: str, sender: str, recipients: Sequence[str], raw: bytes) -> None:
        # smtplib sends bytes as they are; a bare LF is refused by strict
        # servers (it is how SMTP smuggling works), so send CRLF only.
        data = _BARE_LINE_END.sub(b"\r\n", raw)
        reused = self._smtp is not None
        try:
            refused = self._connection().sendmail(sender, list(recipients), data)
        except smtplib.SMTPServerDisconnected:
            if not reused:
                raise
            self.close()  # the server timed out the idle connection
            refused = self._connection().sendmail(sender, list(recipients), data)
        if refused:
            # Some recipients were accepted, so raising would make a retry send
            # the message to them twice; the refusals are permanent anyway.
            log.warning("%s: recipients refused: %s", message_id, refused)

    def close(self) -> None:
        if self._smtp is not None:
            smtp, self._smtp = self._smtp, None
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                smtp.close()

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            self._smtp = self._connect()
        return self._smtp

    def _connect(self) -> smtplib.SMTP:
        context = self.ssl_context or ssl_module.create_default_context()
        if self.use_ssl:
            smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        else:
            smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            if self.use_starttls:
                smtp.starttls(context=context)
            if self.user:
                smtp.login(self.user, self.password or "")
        except BaseException:
            smtp.close()
            raise
        return smtp
