"""One email built for a parser test: subject, body, sender, date and any other headers."""
from __future__ import annotations

from email.message import EmailMessage


def mail(subject: str, body: str, sender: str = "buyer@example.cn", *, date: str = "Mon, 02 Oct 2023 10:00:00 +0800",
         **headers) -> bytes:
    """The bytes of a plain-text email to orders@example.com; a header's "_" is written "-"."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "orders@example.com"
    msg["Subject"] = subject
    msg["Date"] = date
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()
