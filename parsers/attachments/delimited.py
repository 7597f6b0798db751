"""CSV files and HTML tables saved as .xls → rows of cells."""
from __future__ import annotations

import csv
import io
import re
from itertools import islice

from parsers.attachments.limits import MAX_ROWS, MAX_TEXT
from parsers.charsets import decode_bytes
from parsers.html_text import html_to_text


_DELIMITERS = (",", ";", "\t", "|")
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _text_of(data: bytes, limit: int, charset: str | None = None) -> str:
    """The text of the first `limit` bytes, not cut inside a character."""
    if len(data) > limit:  # a multi-byte character cut in two would make the whole text mojibake
        data = data[:limit - limit % 2] if data.startswith(_UTF16_BOMS) else data[:limit].rstrip(_HIGH_BYTES)
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith(_UTF16_BOMS):
        return data.decode("utf-16", "replace")
    return decode_bytes(data, charset)  # the charset, else UTF-8, else GB18030 (which reads GBK)


def _delimiter(lines: list[str]) -> str:
    def score(delimiter: str) -> tuple[int, int]:
        return sum(delimiter in line for line in lines), sum(line.count(delimiter) for line in lines)
    return max(_DELIMITERS, key=score)


_SEPARATOR_LINE = re.compile(r"\ufeff?\"?sep=(.)\"?\r?\n", re.IGNORECASE)  # Excel's "sep=;" first line


def csv_rows(data: bytes):
    text = _text_of(data, MAX_TEXT * 4)
    declared = _SEPARATOR_LINE.match(text)
    if declared:
        delimiter, text = declared.group(1), text[declared.end():]
    else:
        delimiter = _delimiter([line for line in text[:20_000].splitlines() if line.strip()][:30])
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for row in islice(reader, MAX_ROWS):
            rows.append(row)
    except csv.Error:  # a field beyond the csv module's limit, a NUL: keep the rows read so far
        pass
    return rows


_META_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def html_rows(data: bytes):
    found = _META_CHARSET.search(data[:4096])
    text = html_to_text(_text_of(data, MAX_TEXT * 10, found.group(1).decode("ascii") if found else None))
    return [line.split("\t") for line in text.splitlines()]

