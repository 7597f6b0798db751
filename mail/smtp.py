"""Sending over SMTP: one connection per batch (the `with` block)."""
from __future__ import annotations

import logging
import re
import smtplib
import ssl as ssl_module
from collections.abc import Sequence

from .base import Mailer, MailRefused

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
        try:
            refused = self._sendmail(sender, recipients, data)
        except smtplib.SMTPRecipientsRefused as exc:
            if all(_permanent(code) for code, _ in exc.recipients.values()):
                raise MailRefused(f"every recipient refused: {_describe(exc.recipients)}") from exc
            raise
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            if _permanent(exc.smtp_code):
                raise MailRefused(f"{exc.smtp_code} {_text(exc.smtp_error)}") from exc
            raise
        except smtplib.SMTPNotSupportedError as exc:  # a non-ASCII address without SMTPUTF8
            raise MailRefused(str(exc)) from exc
        if refused:
            # Some recipients were accepted, so raising would make a retry send
            # the message to them twice; the refusals are permanent anyway.
            log.warning("%s: recipients refused: %s", message_id, refused)

    def _sendmail(self, sender: str, recipients: Sequence[str], data: bytes) -> dict:
        reused = self._smtp is not None
        try:
            return self._connection().sendmail(sender, list(recipients), data)
        except smtplib.SMTPServerDisconnected:
            if not reused:
                raise
            self.close()  # the server timed out the idle connection
            return self._connection().sendmail(sender, list(recipients), data)

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


def _permanent(code: int) -> bool:
    return 500 <= code < 600


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _describe(refused: dict) -> str:
    return "; ".join(f"{who}: {code} {_text(reply)}" for who, (code, reply) in refused.items())
