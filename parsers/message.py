"""Bytes of an email → its envelope, its body text and its attachments.

The structure comes from `email.message_from_bytes` with the default policy;
header values are decoded here from their raw text (RFC 2047 words, 8-bit
UTF-8 or GBK) so that a broken header costs its own value and nothing else.
Every decoding falls back to the declared charset, UTF-8 or GB18030 with
errors replaced: a message with broken MIME still yields what can be read.

Attachment names are read from the raw header too: RFC 2231 (`filename*=`,
with `*0*` continuations), RFC 2047 words inside quotes or bare (Outlook and
Foxmail send `filename="=?GBK?B?...?="`, which the standard forbids and the
standard library leaves encoded), and raw 8-bit UTF-8 or GBK. Attachments that
can hold an order (CSV, XLSX/XLS, PDF, and HTML tables saved as .xls) keep
their bytes in `MailMessage.order_files`, within a size and count cap.

Some messages are refused (`MailMessage.refused` says why, and nothing past
the envelope is read): a header or a header block over the caps below, which
no real mail reaches and which the standard library parses in quadratic time
(a 240 KB Content-Disposition took 68 s), and a text part labelled with a
codec that is no mail charset (punycode, idna, utf-7, rot13..., see
parsers.charsets).
"""
from __future__ import annotations

import binascii
import contextvars
import email
import email.header
import email.headerregistry
import email.message
import email.policy
import email.utils
import re
import secrets
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import Message
from typing import NamedTuple

from orders.model import Attachment
from parsers.charsets import decode_bytes, refused_charset  # importing it installs the GB18030 aliases
from parsers.html_text import html_to_text
from parsers.result import Envelope
from parsers.senders import read_sender, return_path_address

__all__ = ["MailMessage", "OrderFile", "read_message", "decode_header_value", "order_file_kind",
           "MAX_ORDER_FILE_BYTES", "MAX_ORDER_FILES"]


class _CachedHeaderRegistry(email.headerregistry.HeaderRegistry):
    """The default policy's registry builds a new header class on every header
    lookup (a sixth of the parse); the class for a name never changes, so keep it."""

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type] = {}

    def __getitem__(self, name: str) -> type:
        key = name.lower()
        found = self._classes.get(key)
        if found is None:
            found = self._classes[key] = super().__getitem__(name)
        return found


# email.policy.default in every respect but that cache.
_ABSENT = object()


class _ReadOnlyMessage(email.message.EmailMessage):
    """A message that is only read: each header is parsed once, not on every
    get (the default policy builds a new header object each time, and the
    content type alone is asked for a dozen times per message)."""

    def get(self, name, failobj=None):
        cache = self.__dict__.setdefault("_parsed_headers", {})
        key = name.lower()
        if key not in cache:
            cache[key] = super().get(name, _ABSENT)
        value = cache[key]
        return failobj if value is _ABSENT else value

    def __setitem__(self, name, value):
        self.__dict__.pop("_parsed_headers", None)
        super().__setitem__(name, value)

    def __delitem__(self, name):
        self.__dict__.pop("_parsed_headers", None)
        super().__delitem__(name)

    def set_raw(self, name, value):  # the parser stores each header it reads through here
        self.__dict__.pop("_parsed_headers", None)
        if _within_limits(self, name, value):
            super().set_raw(name, value)


# Header caps, in bytes (8-bit header bytes count one each). Real mail stays far
# below them: the longest ordinary headers are To/Cc with a few hundred addresses
# and the References of a long thread, tens of KB at most (Postfix cuts any
# header at 100 KB, its header_size_limit), and a message's whole header block,
# Received and ARC chains and Exchange's X- headers included, is 10-40 KB
# (Exchange Online refuses mail whose header passes 256 KB). Content-* headers
# are parsed by the standard library's header classes, in quadratic time on
# crafted values (8 KB: 0.2 s at worst; 240 KB: 68 s), and are short in real
# mail: a file name of 255 Chinese characters in RFC 2231 form is about 2.8 KB,
# 4 KB with the RFC 2047 copy some clients add.
MAX_HEADER_FIELD = 64 * 1024  # one header, name and folded value
MAX_MIME_HEADER = 8 * 1024  # one Content-* header
MAX_HEADER_BLOCK = 256 * 1024  # the headers of the message, or of one MIME part
# What the parse in progress found over its caps (None: a parse outside read_message, not checked).
_OVER_LIMITS: contextvars.ContextVar[list | None] = contextvars.ContextVar("over_limits", default=None)


def _kb(size: int) -> str:
    return f"{-(-size // 1024)} KB"  # rounded up: one byte over 64 KB is 65 KB


def _within_limits(msg: Message, name: str, value: str) -> bool:
    """Whether a header the parser read is kept; one over a cap is dropped
    (the standard library would parse it) and the message refused."""
    over = _OVER_LIMITS.get()
    if over is None:
        return True
    name, value = str(name), str(value)
    size = len(name) + len(value) + 2  # "Name: value", folds included
    total = msg.__dict__["_header_bytes"] = msg.__dict__.get("_header_bytes", 0) + size
    limit = MAX_MIME_HEADER if name.strip().lower().startswith("content-") else MAX_HEADER_FIELD
    if size > limit:
        shown = _UNSAFE_NAME.sub("?", name.strip())[:60]
        over.append(f"header {shown} is {_kb(size)}, over the {_kb(limit)} limit")
        return False
    if total > MAX_HEADER_BLOCK:
        if not msg.__dict__.get("_block_over"):
            msg.__dict__["_block_over"] = True
            over.append(msg)  # reported with its final size
        return False
    return True


def _refusal(over: list) -> str | None:
    if not over:
        return None
    first = over[0]
    if isinstance(first, str):
        return first
    return f"the header block is {_kb(first.__dict__['_header_bytes'])}, over the {_kb(MAX_HEADER_BLOCK)} limit"


POLICY = email.policy.default.clone(header_factory=_CachedHeaderRegistry(), message_factory=_ReadOnlyMessage)
MAX_DEPTH = 40  # nested multiparts deeper than this are not read (a crafted message could recurse)
MAX_HEADER = 8_000  # characters of a header value decoded; real ones are far shorter
_FOLD = re.compile(r"\r?\n[ \t]*+")
_MSG_ID = re.compile(r"<[^<>\s]+>")
_ADDRESS = re.compile(r"(?<![^\s<>\"'(),;:@])[^\s<>\"'(),;:@]+@[^\s<>\"'(),;:@]+")
MAX_ORDER_FILE_BYTES = 10 * 1024 * 1024  # a bigger attachment is no order form; its bytes are not kept
MAX_ORDER_FILES = 5  # order files kept from one message, in the order attached
MAX_SCAN_FILES = 5  # files looked at as a signed form, in the order attached
MIN_INLINE_PHOTO_BYTES = 20_000


class OrderFile(NamedTuple):
    """An attachment that can hold an order, with its bytes (decoded from base64)."""

    filename: str
    content_type: str
    data: bytes
    kind: str  # "csv", "xlsx", "xls", "pdf" or "html" (a web table saved as .xls): what the bytes are


@dataclass
class MailMessage:
    """A decoded email: what the classifier and the parsers read."""

    envelope: Envelope
    headers: dict[str, str]  # lower-case name → first raw value
    text: str = ""  # the body as plain text (from text/plain, else from text/html)
    from_html: bool = False
    html: str = ""  # the first HTML body, also when a plain one was preferred
    content_type: str = "text/plain"
    report_type: str | None = None
    part_types: set[str] = field(default_factory=set)
    attachments: list[Attachment] = field(default_factory=list)
    # Attachments sent as attachments (not inline pictures such as a logo in a signature).
    documents: list[Attachment] = field(default_factory=list)
    # Spreadsheets, CSV and PDF attachments with their bytes, for parsers.attachments.
    order_files: list[OrderFile] = field(default_factory=list)
    # Files that may be a photo or scan of a signed form, with their bytes (parsers.scans).
    scan_files: list[tuple[Attachment, bytes]] = field(default_factory=list)
    # Why the message is refused (a header over its cap, a text part in no mail
    # charset); then only the envelope is read.
    refused: str | None = None

    def header(self, name: str) -> str:
        """The first value of a header, decoded; "" when absent."""
        return decode_header_value(self.headers.get(name.lower()))


def _surrogates_to_text(value: str) -> str:
    # 8-bit header bytes arrive as surrogate escapes: read them as UTF-8 or GB18030.
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        return decode_bytes(value.encode("utf-8", "surrogateescape"), "utf-8")


def decode_header_value(raw: str | None) -> str:
    """A header value with RFC 2047 words decoded; never raises."""
    if raw is None:
        return ""
    value = _surrogates_to_text(_FOLD.sub(" ", str(raw)[:MAX_HEADER])).strip()
    if "=?" not in value:
        return value
    try:
        chunks = email.header.decode_header(value)
    except Exception:  # a broken encoded word: keep the text as it stands
        return value
    parts = []
    for chunk, charset in chunks:
        if isinstance(chunk, bytes):
            parts.append(decode_bytes(chunk, charset) if charset else chunk.decode("raw-unicode-escape", "replace"))
        else:
            parts.append(chunk)
    return "".join(parts).strip()


def _raw_headers(msg: Message) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in msg.raw_items():
        key = str(name).strip().lower()
        if key not in headers:
            headers[key] = value if isinstance(value, str) else str(value)
    return headers


def _address(raw: str) -> tuple[str | None, str | None]:
    """(name, bare lower-case address) from a From or Reply-To value."""
    if not raw:
        return None, None
    try:
        name, addr = email.utils.parseaddr(_FOLD.sub(" ", raw[:MAX_HEADER]))
    except Exception:
        name, addr = "", ""
    if "@" not in addr:
        found = _ADDRESS.search(decode_header_value(raw))
        addr = found.group(0) if found else ""
    name = decode_header_value(name).strip().strip('"').strip() or None
    addr = decode_header_value(addr).strip().lower() or None
    return name, addr


def _date(raw: str) -> datetime | None:
    if not raw:
        return None
    try:
        found = email.utils.parsedate_to_datetime(decode_header_value(raw))
    except Exception:
        return None
    if found is None:
        return None
    return found if found.tzinfo else found.replace(tzinfo=timezone.utc)


def _message_ids(raw: str | None) -> list[str]:
    """Every <id> of a threading header; ids are ASCII, so nothing is decoded."""
    return _MSG_ID.findall(_FOLD.sub(" ", _surrogates_to_text(str(raw)))) if raw else []


def _all_raw(msg: Message, name: str) -> list[str]:
    """Every value of a header, as text (8-bit bytes read as UTF-8 or GB18030)."""
    return [_surrogates_to_text(value if isinstance(value, str) else str(value))
            for key, value in msg.raw_items() if str(key).strip().lower() == name]


def _envelope(raw: dict[str, str], msg: Message) -> Envelope:
    message_id = decode_header_value(raw.get("message-id"))
    found = _MSG_ID.search(message_id)
    reading = read_sender(_all_raw(msg, "from"), decode_header_value)
    return Envelope(
        message_id=found.group(0) if found else (message_id or None),
        in_reply_to=_message_ids(raw.get("in-reply-to"))[:20],
        # Read whole (within the header cap): the newest ids, usually ours, come last.
        references=_message_ids(raw.get("references"))[-500:],
        subject=decode_header_value(raw.get("subject")),
        sender=reading.address,
        sender_name=reading.name,
        sender_problem=reading.problem,
        reply_to=_address(raw.get("reply-to", ""))[1],
        date=_date(raw.get("date", "")),
        return_path=return_path_address(_all_raw(msg, "return-path")[0] if "return-path" in raw else None),
        authentication=_all_raw(msg, "authentication-results"),
    )


def _safe(call, default):
    try:
        result = call()
    except MemoryError:
        raise  # not the input's fault alone: the caller that set the memory budget decides
    except Exception:
        return default
    return default if result is None else result


@dataclass
class _Part:
    """One content part, its MIME headers parsed once (each lookup in the
    default policy parses the header again, which costs more than the body)."""

    msg: Message
    ctype: str
    params: dict
    disposition: str | None
    filename: str | None


def _header_params(header) -> dict:
    params = _safe(lambda: dict(header.params), {})
    return {str(k).lower(): v for k, v in params.items()}


def _part(msg: Message) -> _Part:
    ctype_header = _safe(lambda: msg.get("content-type"), None)
    if ctype_header is None:
        ctype, params = _safe(msg.get_default_type, "text/plain"), {}
    else:
        ctype = str(ctype_header).split(";", 1)[0].strip().lower()
        ctype = ctype if ctype.count("/") == 1 else "text/plain"
        params = _header_params(ctype_header)
    disposition, filename = None, None
    disposition_header = _safe(lambda: msg.get("content-disposition"), None)
    if disposition_header is not None:
        disposition = str(disposition_header).split(";", 1)[0].strip().lower() or None
        filename = _header_params(disposition_header).get("filename")
    filename = _safe(lambda: _raw_filename(msg), None) or filename or params.get("name")
    filename = _clean_filename(decode_header_value(str(filename))) if filename else None
    return _Part(msg, ctype, params, disposition, filename or None)


# "; name=value" or '; name="value"'; a value may hold a bare RFC 2047 word (=?GBK?B?..?=).
_PARAM = re.compile(r';\s*+([^\s=;"]++)\s*+=\s*+("(?:[^"\\]|\\.)*+"?|[^;]*+)')
_SECTION = re.compile(r"(.+?)\*(\d{1,3})(\*?)")  # RFC 2231 continuations: filename*0*, filename*1
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]+")


def _raw_header(msg: Message, name: str) -> str | None:
    for key, value in msg.raw_items():
        if str(key).strip().lower() == name:
            return value if isinstance(value, str) else str(value)
    return None


def _raw_params(raw: str) -> dict[str, str]:
    params: dict[str, str] = {}
    for match in _PARAM.finditer(_FOLD.sub(" ", raw[:MAX_HEADER])):
        value = match[2].strip()
        if value.startswith('"'):
            value = value[1:-1] if len(value) > 1 and value.endswith('"') else value[1:]
            value = re.sub(r'\\([\\"])', r"\1", value)
        params.setdefault(match[1].lower(), value)
    return params


def _rfc2231(params: dict[str, str], key: str) -> str | None:
    """`key*=charset'lang'%XX..` or its `key*0*=`, `key*1=`... sections, decoded."""
    sections = []
    if key + "*" in params:
        sections.append((0, True, params[key + "*"]))
    else:
        for name, value in params.items():
            found = _SECTION.fullmatch(name)
            if found and found[1] == key:
                sections.append((int(found[2]), bool(found[3]), value))
    if not sections:
        return None
    charset, data = None, []
    for number, (_index, encoded, value) in enumerate(sorted(sections)):
        raw = value.encode("utf-8", "surrogateescape")
        if encoded:
            if number == 0 and raw.count(b"'") >= 2:
                declared, _lang, raw = raw.split(b"'", 2)
                charset = declared.decode("ascii", "replace") or None
            raw = urllib.parse.unquote_to_bytes(raw)
        data.append(raw)
    return decode_bytes(b"".join(data), charset)


def _raw_filename(msg: Message) -> str | None:
    """The attachment's name from the raw Content-Disposition, else Content-Type."""
    for header, key in (("content-disposition", "filename"), ("content-type", "name")):
        raw = _raw_header(msg, header)
        if raw is None:
            continue
        params = _raw_params(raw)
        found = _rfc2231(params, key) or params.get(key)
        if found and found.strip():
            return found
    return None


def _clean_filename(name: str) -> str | None:
    """A file name, not a path: no folders, no control characters, 255 characters at most."""
    name = _UNSAFE_NAME.sub("", name).strip().strip('"').strip()
    name = re.split(r"[\\/]", name)[-1].strip()
    return name[:255] or None


def _leaves(msg: Message, depth: int = 0, part: _Part | None = None):
    """The parts that hold content; attached messages are not opened."""
    if depth > MAX_DEPTH:
        return
    part = part or _part(msg)
    payload = _safe(msg.get_payload, None)
    if part.ctype.startswith("multipart/") and isinstance(payload, list):
        for sub in payload:
            if isinstance(sub, Message):
                yield from _leaves(sub, depth + 1)
        return
    yield part


def _base64_payload(part: Message) -> bytes | None:
    """A base64 body decoded in one step (the email package splits it into lines
    and joins them again first, which costs as much again); None to let it decode."""
    encoding = _raw_header(part, "content-transfer-encoding")
    payload = part.get_payload()
    if encoding is None or encoding.strip().lower() != "base64" or not isinstance(payload, str) or len(payload) < 4096:
        return None
    try:
        return binascii.a2b_base64(payload.encode("ascii"))
    except (UnicodeError, binascii.Error):  # 8-bit bytes or broken padding: the email package's lenient way
        return None


def _payload_bytes(part: Message) -> bytes:
    data = _safe(lambda: _base64_payload(part), None)
    if data is not None:
        return data
    data = _safe(lambda: part.get_payload(decode=True), b"")
    if isinstance(data, bytes):
        return data
    if isinstance(data, str):
        return data.encode("utf-8", "surrogateescape")
    payload = _safe(part.get_payload, "")
    return str(payload).encode("utf-8", "surrogateescape") if not isinstance(payload, list) else b""


def _text_of(part: _Part) -> str:
    return decode_bytes(_payload_bytes(part.msg), part.params.get("charset"))


def _attachment(part: _Part, number: int) -> tuple[Attachment, bytes | None]:
    """The attachment's description and, unless it is an attached message, its bytes."""
    data = None
    if part.ctype.startswith("message/"):
        size = len(_safe(part.msg.as_bytes, b""))
        filename = part.filename or f"message-{number}.eml"
    else:
        data = _payload_bytes(part.msg)
        size = len(data)
        filename = part.filename or f"part-{number}.{part.ctype.split('/', 1)[-1] or 'bin'}"
    return Attachment(filename=filename, content_type=part.ctype, size=size), data


# .et: WPS Spreadsheets, an .xls inside. OpenDocument (.ods) is left out: python-calamine expands its
# repeated cells without bound (a 1 KB file took 12 GB), and Chinese offices send xlsx, xls or et.
_EXTENSION_KINDS = {"csv": "csv", "tsv": "csv", "xlsx": "xlsx", "xlsm": "xlsx", "xls": "xls", "et": "xls",
                    "pdf": "pdf"}
_TYPE_KINDS = {
    "text/csv": "csv", "text/comma-separated-values": "csv", "text/x-csv": "csv", "application/csv": "csv",
    "application/x-csv": "csv", "text/x-comma-separated-values": "csv", "text/tab-separated-values": "csv",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.ms-excel.sheet.macroenabled.12": "xlsx", "application/vnd.ms-excel": "xls",
    "application/excel": "xls", "application/x-excel": "xls", "application/x-msexcel": "xls",
    "application/pdf": "pdf", "application/x-pdf": "pdf",
}
# Types that say nothing about the content: the magic bytes decide.
_GENERIC_TYPES = frozenset({"application/octet-stream", "application/x-download", "application/force-download",
                            "application/download", "binary/octet-stream", "application/unknown",
                            "application/binary", "application/zip", "application/x-zip-compressed"})
_SPREADSHEETS = frozenset({"xlsx", "xls"})
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def order_file_kind(filename: str | None, content_type: str, data: bytes) -> str | None:
    """What an attachment holds when it can hold an order: "csv", "xlsx", "xls", "pdf"
    or "html" (web ERPs save HTML tables as .xls); None for anything else.

    The extension, then the content type, says what the sender meant; the first
    bytes say what it is (mail clients send most files as application/octet-stream,
    and an ".xls" is often an .xlsx, an HTML table or tab-separated text)."""
    extension = (filename or "").rpartition(".")[2].strip().lower() if "." in (filename or "") else ""
    declared = _EXTENSION_KINDS.get(extension) or _TYPE_KINDS.get(content_type)
    if declared is None and content_type not in _GENERIC_TYPES:
        return None
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf" if declared in (None, "pdf") else None
    if head.startswith(b"PK\x03\x04"):  # a zip: an xlsx has its parts under xl/
        is_workbook = b"xl/" in data[:65536] or b"xl/" in data[-65536:]
        return "xlsx" if declared in (None, "xlsx", "xls") and is_workbook else None
    if head.startswith(OLE2_MAGIC):
        return "xls" if declared in _SPREADSHEETS else None
    if declared not in ("csv", "xls", "xlsx") or not _looks_like_text(head):
        return None
    if declared != "csv" and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<":
        return "html"
    return "csv"


def _looks_like_text(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True  # UTF-16 with a byte-order mark (Excel's "Unicode text")
    return bool(head.strip()) and b"\x00" not in head


def _keep_order_file(mail: MailMessage, attachment: Attachment, data: bytes) -> None:
    if len(mail.order_files) >= MAX_ORDER_FILES or not data or len(data) > MAX_ORDER_FILE_BYTES:
        return
    kind = order_file_kind(attachment.filename, attachment.content_type, data)
    if kind is not None:
        mail.order_files.append(OrderFile(attachment.filename, attachment.content_type, data, kind))


def _keep_scan_file(mail: MailMessage, attachment: Attachment, data: bytes, *, inline: bool) -> None:
    """A file sent as an attachment, or a picture inline big enough to be a photo (an iPhone puts
    photos inline; a logo in a signature is smaller): what the sender may mean as the signed form."""
    if len(mail.scan_files) < MAX_SCAN_FILES and (not inline or len(data) >= MIN_INLINE_PHOTO_BYTES):
        mail.scan_files.append((attachment, data))


def _read_parts(top: _Part, mail: MailMessage) -> None:
    plain: list[str] = []
    html: list[str] = []
    for number, part in enumerate(_leaves(top.msg, part=top), start=1):
        ctype = part.ctype
        mail.part_types.add(ctype)
        if ctype.startswith("message/") and ctype != "message/rfc822":
            continue  # delivery-status and disposition-notification reports: classify reads them
        is_text = ctype in ("text/plain", "text/html")
        refused = refused_charset(part.params.get("charset")) if is_text else None
        if refused is not None:
            mail.refused = f"a text part is labelled {refused}, which is no mail charset"
            return
        if part.disposition == "attachment" or not is_text or (part.filename and part.disposition != "inline"):
            attachment, data = _attachment(part, number)
            mail.attachments.append(attachment)
            if part.disposition != "inline" and not ctype.startswith("message/"):
                mail.documents.append(attachment)
            if data is not None:  # inline too: Apple Mail sends attached PDFs inline
                _keep_order_file(mail, attachment, data)
                _keep_scan_file(mail, attachment, data, inline=part.disposition == "inline")
        elif ctype == "text/plain":
            plain.append(_text_of(part))
        else:
            html.append(_text_of(part))
    text = next((t for t in plain if t.strip()), "")
    mail.html = next((t for t in html if t.strip()), "")
    if not text and mail.html:
        text = html_to_text(mail.html)
        mail.from_html = True
    mail.text = text.replace("\r\n", "\n").replace("\r", "\n")


# A run of base64 lines: an attachment's body. The email package reads a message
# line by line in Python (about 1 µs a line: 5 ms for a 300 KB PDF, 60 ms for a
# 4 MB photo); a long run is set aside before parsing and put back after, so that
# it costs one regular-expression scan. Possessive, so each line is tried once.
_BASE64_RUN = re.compile(rb"(?m)(?:^[A-Za-z0-9+/]{40,}+={0,2}+\r?\n)++")
SET_ASIDE_MIN = 16 * 1024  # bytes of a run worth setting aside
SET_ASIDE = True


def _set_aside(raw: bytes) -> tuple[bytes, dict[str, str]]:
    """`raw` with each long run of base64 lines replaced by a one-line token."""
    if not SET_ASIDE or len(raw) < 2 * SET_ASIDE_MIN:
        return raw, {}
    runs: dict[str, str] = {}
    pieces, last = [], 0
    nonce = secrets.token_hex(8)
    for found in _BASE64_RUN.finditer(raw):
        start, end = found.span()
        if end - start < SET_ASIDE_MIN:
            continue
        newline = b"\r\n" if raw[end - 2:end] == b"\r\n" else b"\n"
        token = f"orderloop-set-aside-{nonce}-{len(runs)}"
        runs[token] = raw[start:end - len(newline)].decode("ascii")
        pieces += [raw[last:start], token.encode("ascii"), newline]
        last = end
    if not runs:
        return raw, {}
    pieces.append(raw[last:])
    return b"".join(pieces), runs


def _put_back(msg: Message, runs: dict[str, str]) -> None:
    parts = [(msg, 0)]  # walked without recursion: nesting is the sender's to choose
    while parts:
        part, depth = parts.pop()
        payload = part.get_payload()
        if isinstance(payload, list) and depth < MAX_DEPTH:
            parts.extend((sub, depth + 1) for sub in payload if isinstance(sub, Message))
        elif isinstance(payload, str) and "orderloop-set-aside-" in payload:
            for token, run in runs.items():
                payload = payload.replace(token, run)
            part.set_payload(payload)


def _parse_bytes(raw: bytes) -> Message:
    shortened, runs = _set_aside(raw)
    msg = email.message_from_bytes(shortened, policy=POLICY)
    if runs:
        _put_back(msg, runs)
    return msg


def read_message(raw: bytes) -> MailMessage:
    over: list = []
    checking = _OVER_LIMITS.set(over)
    try:
        msg = _parse_bytes(raw)
    finally:
        _OVER_LIMITS.reset(checking)
    headers = _raw_headers(msg)
    mail = MailMessage(envelope=_envelope(headers, msg), headers=headers)
    mail.refused = _refusal(over)
    if mail.refused:
        return mail
    top = _part(msg)
    mail.content_type = top.ctype
    report_type = top.params.get("report-type")
    mail.report_type = str(report_type).strip().lower() if report_type else None
    _read_parts(top, mail)
    return mail
