"""What the parse worker runs in tests/flows/test_parse_budget.py, in its place of parsers.parse_email."""
from __future__ import annotations

import codecs
import email
import sys
import time

from parsers import parse_email
from parsers.result import ParseResult


def echo_empty(raw: bytes) -> ParseResult:
    return ParseResult(kind="other")


def modules(raw: bytes) -> ParseResult:
    """The worker's own imports, in the subject: the worker must not hold Prefect."""
    result = parse_email(raw)
    result.envelope.subject = " ".join(sorted({name.split(".")[0] for name in sys.modules}))
    return result


def sleep_on_request(raw: bytes) -> ParseResult:
    """Sleeps as many seconds as the body says ("sleep 30"), else parses."""
    if raw.startswith(b"sleep "):
        time.sleep(float(raw.split()[1]))
    return parse_email(raw)


def allocate_on_request(raw: bytes) -> ParseResult:
    """Holds as many MB as the body says ("allocate 2048"), else parses."""
    if raw.startswith(b"allocate "):
        held = bytearray(int(raw.split()[1]) * 1024 * 1024)
        del held
    return parse_email(raw)


def die_on_request(raw: bytes) -> ParseResult:
    import os
    import signal

    if raw.startswith(b"die"):
        os.kill(os.getpid(), signal.SIGSEGV)
    return parse_email(raw)


def decode_as_declared(raw: bytes) -> ParseResult:
    """The body decoded with whatever codec its Content-Type names, as the parser did
    before the allow-list: punycode on 1 MB takes a minute."""
    message = email.message_from_bytes(raw)
    codecs.decode(message.get_payload(decode=True), message.get_content_charset(), "replace")
    return parse_email(raw)
