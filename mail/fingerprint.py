"""What makes two copies of an email the same message.

A Message-ID alone does not: a careless client or a forger can reuse one for
a different message, which a pipeline keyed on the id would drop unread.
The whole bytes do not either: the same message delivered again over IMAP,
or moved between servers, gains trace headers (Received, Return-Path,
Delivered-To, X-..., Authentication-Results, DKIM-Signature) and may have its
long headers folded differently or its line ends changed.

`content_fingerprint` is the SHA-256 of what the sender wrote: the headers
that say who, to whom, what and when (unfolded, runs of whitespace made one
space, in a fixed order) and the body bytes (line ends made LF, trailing
blank lines dropped). Trace headers and folding do not change it; a
different body, subject, sender, recipient or date does. It takes time in
proportion to the message's size, however its headers are folded: it runs in
the intake's own process, outside the parse budget.
"""
from __future__ import annotations

import hashlib
import re

__all__ = ["content_fingerprint", "MAIN_HEADERS"]

# The sender's own headers; everything else may be added or rewritten on the way.
MAIN_HEADERS = ("from", "sender", "reply-to", "to", "cc", "subject", "date", "message-id", "in-reply-to",
                "references", "mime-version", "content-type", "content-transfer-encoding", "content-disposition")
_WANTED = frozenset(MAIN_HEADERS)
_SPLIT = re.compile(rb"\r?\n\r?\n|\r\r")
_LINE_END = re.compile(rb"\r\n|\r")
_SPACE = re.compile(rb"\s+")


def content_fingerprint(raw: bytes) -> str:
    """The hex SHA-256 of the message's main headers and body (see above)."""
    found = _SPLIT.search(raw)
    head, body = (raw[:found.start()], raw[found.end():]) if found else (raw, b"")
    # Each field as its name and the pieces of its value: a folded line adds a
    # piece, and the pieces are joined once (joining as they come was quadratic
    # in a header of many folds: 625 KB took 0.8 s, in the intake's own process).
    fields: list[tuple[bytes, list[bytes]]] = []
    for line in _LINE_END.sub(b"\n", head).split(b"\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1][1].append(line)  # a folded line continues the field above
            continue
        name, colon, value = line.partition(b":")
        if colon:
            fields.append((name.strip().lower(), [value]))
        elif line.strip():
            fields.append((b"", [line]))  # not a header at all: no server adds such a line, so it counts
    digest = hashlib.sha256()
    wanted = [(name, _SPACE.sub(b" ", b" ".join(pieces)).strip()) for name, pieces in fields
              if not name or name.decode("ascii", "replace") in _WANTED]
    for name, value in sorted(wanted, key=lambda field: field[0]):  # stable: repeated fields keep their order
        digest.update(name + b":" + value + b"\n")
    digest.update(b"\n")
    digest.update(_LINE_END.sub(b"\n", body).rstrip(b"\n \t"))
    return digest.hexdigest()
