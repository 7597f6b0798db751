"""Transports: the Mailbox the pipeline reads and the Mailer it sends with,
and the building of the messages it sends.

Importing the package maps the gb2312/gbk charset labels to GB18030 (see
charsets.py), so every parse in the process keeps GBK-only characters.
"""
from .base import Folder, IncomingMessage, Mailbox, Mailer, MailRefused, MailServerError
from .charsets import decode_bytes, install_codec_aliases
from .compose import build_message, make_message_id
from .imap import ImapMailbox, UidValidityChanged
from .maildir import MaildirMailbox
from .memory import MemoryMailbox, MemoryMailer, SentMessage
from .outbox import OutboxMailer
from .smtp import SmtpMailer

install_codec_aliases()

__all__ = [
    "Folder",
    "IncomingMessage",
    "Mailbox",
    "Mailer",
    "MailRefused",
    "MailServerError",
    "MaildirMailbox",
    "ImapMailbox",
    "UidValidityChanged",
    "MemoryMailbox",
    "OutboxMailer",
    "SmtpMailer",
    "MemoryMailer",
    "SentMessage",
    "build_message",
    "make_message_id",
    "decode_bytes",
    "install_codec_aliases",
]
