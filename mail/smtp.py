"""Sending over SMTP: one connection per batch (the `with` block).

Every error names the server (host:port, and the user when logging in), so a
poll that fails says which server and which setting to look at.
"""
from __future__ import annotations

import logging
import re
import smtplib
import ssl as ssl_module
from collections.abc import Mapping, Sequence

from .addresses import wire_address
from .base import Checkpoint, Mailer, MailRefused, MailServerError

__all__ = ["SmtpMailer"]

log = logging.getLogger(__name__)
_BARE_LINE_END = re.compile(rb"\r\n|\r|\n")


class SmtpMailer(Mailer):
    """Hands messages to an SMTP server (submission on 587 with starttls, or
    465 with ssl). The connection opens on the first send and closes with the
    context manager; a connection the server dropped while idle is reopened
    once.

    Addresses go on the envelope with their domain in IDNA form. A message
    that needs SMTPUTF8 (an address whose local part is not ASCII, so its
    headers carry UTF-8) is sent with SMTPUTF8 when the server offers it and
    refused for good (MailRefused) when it does not, so the rest of the
    batch goes on. `hints` adds what to check to connection ("connect") and
    login ("login") errors: the flows name their settings there; `checkpoint` is called with "smtp_after_data" once
    the server has accepted a message (the flows' crash point).
    """

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
        hints: Mapping[str, str] | None = None,
        checkpoint: Checkpoint | None = None,
    ) -> None:
        if ssl and starttls:
            raise ValueError("choose ssl (implicit TLS) or starttls, not both")
        self.host, self.port, self.timeout = host, port, timeout
        self.user, self.password = user, password
        self.use_ssl, self.use_starttls = ssl, starttls
        self.ssl_context = ssl_context
        self.hints, self.checkpoint = dict(hints or {}), checkpoint
        self._smtp: smtplib.SMTP | None = None

    @property
    def server(self) -> str:
        """`SMTP server host:port`, as errors name it."""
        return f"SMTP server {self.host}:{self.port}"

    def send(self, message_id: str, sender: str, recipients: Sequence[str], raw: bytes) -> None:
        # smtplib sends bytes as they are; a bare LF is refused by strict
        # servers (it is how SMTP smuggling works), so send CRLF only.
        data = _BARE_LINE_END.sub(b"\r\n", raw)
        sender, recipients = wire_address(sender), [wire_address(r) for r in recipients]
        utf8 = [a for a in (sender, *recipients) if not a.isascii()]
        try:
            refused = self._sendmail(sender, recipients, data, utf8=bool(utf8) or not _headers(data).isascii())
        except smtplib.SMTPRecipientsRefused as exc:
            if all(_permanent(code) for code, _ in exc.recipients.values()):
                raise MailRefused(f"{self.server}: every recipient refused: {_describe(exc.recipients)}") from exc
            raise MailServerError(f"{self.server}: recipients refused for now: {_describe(exc.recipients)}") from exc
        except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as exc:
            if _permanent(exc.smtp_code):
                raise MailRefused(f"{self.server}: {exc.smtp_code} {_text(exc.smtp_error)}") from exc
            raise MailServerError(f"{self.server}: {exc.smtp_code} {_text(exc.smtp_error)} (will retry)") from exc
        except smtplib.SMTPNotSupportedError as exc:  # SMTPUTF8 needed but not offered
            who = ", ".join(utf8) or "the headers"
            raise MailRefused(f"{who}: a non-ASCII address needs SMTPUTF8, which the {self.server} "
                              f"does not offer") from exc
        except MailServerError:
            raise
        except (smtplib.SMTPException, OSError) as exc:
            raise MailServerError(f"{self.server}: sending {message_id} failed: {_describe_error(exc)}") from exc
        if self.checkpoint is not None:
            self.checkpoint("smtp_after_data")
        if refused:
            # Some recipients were accepted, so raising would make a retry send
            # the message to them twice; the refusals are permanent anyway.
            log.warning("%s: recipients refused: %s", message_id, refused)

    def _sendmail(self, sender: str, recipients: Sequence[str], data: bytes, *, utf8: bool) -> dict:
        reused = self._smtp is not None
        try:
            return self._sendmail_on(self._connection(), sender, recipients, data, utf8)
        except smtplib.SMTPServerDisconnected:
            if not reused:
                raise
            self.close()  # the server timed out the idle connection
            return self._sendmail_on(self._connection(), sender, recipients, data, utf8)

    @staticmethod
    def _sendmail_on(smtp: smtplib.SMTP, sender: str, recipients: Sequence[str], data: bytes, utf8: bool) -> dict:
        options = []
        if utf8:
            # smtplib raises SMTPNotSupportedError when the server lacks it.
            options.append("SMTPUTF8")
            smtp.ehlo_or_helo_if_needed()
            if smtp.has_extn("8bitmime"):
                options.append("BODY=8BITMIME")
        return smtp.sendmail(sender, list(recipients), data, mail_options=options)

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
        tls = "implicit TLS" if self.use_ssl else "STARTTLS" if self.use_starttls else "no TLS"
        try:
            if self.use_ssl:
                smtp = smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
            else:
                smtp = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        except (smtplib.SMTPException, OSError) as exc:
            raise self._error(f"cannot connect ({tls})", exc, "connect") from exc
        step, hint = "STARTTLS failed", "connect"
        try:
            if self.use_starttls:
                smtp.starttls(context=context)
            if self.user:
                step, hint = f"login as {self.user} failed", "login"
                smtp.login(self.user, self.password or "")
        except (smtplib.SMTPException, OSError) as exc:
            smtp.close()
            raise self._error(step, exc, hint) from exc
        except BaseException:
            smtp.close()
            raise
        return smtp

    def _error(self, what: str, exc: BaseException, hint: str) -> MailServerError:
        check = f"; check {self.hints[hint]}" if hint in self.hints else ""
        return MailServerError(f"{self.server}: {what}: {_describe_error(exc)}{check}")


def _permanent(code: int) -> bool:
    return 500 <= code < 600


def _text(reply: bytes | str) -> str:
    return reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)


def _describe_error(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _headers(data: bytes) -> bytes:
    return data.split(b"\r\n\r\n", 1)[0]


def _describe(refused: dict) -> str:
    return "; ".join(f"{who}: {code} {_text(reply)}" for who, (code, reply) in refused.items())
