"""Text PDFs → rows of cells, through pypdfium2: characters grouped into lines,
lines cut into cells at wide gaps and ruling lines, rows placed under the item
table's columns (see the package docstring). PDFium is not thread-safe: one lock."""
from __future__ import annotations

import ctypes
import math
import re
import threading
import time
import zlib
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from parsers.attachments.grid import clean_cell, header_columns, is_label_cell
from parsers.attachments.limits import MAX_PAGE_CHARS, MAX_PAGES, MAX_PATHS, MAX_PDF_SECONDS, MAX_ROWS
from parsers.attachments.sheets import TooLarge

_WIDE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")  # no space between these


_PDF_LOCK = threading.Lock()


class _Char(NamedTuple):
    text: str
    left: float
    right: float
    bottom: float
    top: float


@dataclass
class _Segment:
    left: float
    right: float
    text: str

    @property
    def center(self) -> float:
        return (self.left + self.right) / 2


@dataclass
class _Line:
    top: float
    bottom: float
    segments: list[_Segment] = field(default_factory=list)

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class _Rules:
    """Ruling lines of a page: vertical (x, bottom, top) and horizontal (y, left, right)."""

    vertical: list[tuple[float, float, float]] = field(default_factory=list)
    horizontal: list[tuple[float, float, float]] = field(default_factory=list)

    def crossing(self, line: _Line) -> list[float]:
        middle = line.middle
        return sorted(x for x, bottom, top in self.vertical if bottom <= middle <= top)

    def between(self, upper: _Line, lower: _Line) -> bool:
        left = min(s.left for s in upper.segments + lower.segments)
        right = max(s.right for s in upper.segments + lower.segments)
        low, high = lower.middle, upper.middle
        return any(low < y < high and x0 < right and x1 > left for y, x0, x1 in self.horizontal)


def _merged(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """Pieces of one ruling line joined (a table's borders are drawn cell by cell)."""
    joined: list[tuple[float, float, float]] = []
    for position, start, end in sorted((round(p), s, e) for p, s, e in rules):
        if joined and joined[-1][0] == position and start <= joined[-1][2] + 2:
            joined[-1] = (position, joined[-1][1], max(joined[-1][2], end))
        else:
            joined.append((position, start, end))
    return joined


def _page_chars(page, raw) -> list[_Char]:
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = min(raw.FPDFText_CountChars(handle), MAX_PAGE_CHARS)
        if count <= 0:
            return []
        buffer = (ctypes.c_ushort * (count + 1))()
        written = raw.FPDFText_GetText(handle, 0, count, buffer)
        text = bytes(buffer)[:max(written - 1, 0) * 2].decode("utf-16-le", "replace")
        if len(text) != count:  # characters beyond the BMP take two places: one at a time
            text = "".join(chr(code) if 32 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else " "
                           for code in (raw.FPDFText_GetUnicode(handle, n) for n in range(count)))
        box = raw.FS_RECTF()
        loose_box, angle = raw.FPDFText_GetLooseCharBox, raw.FPDFText_GetCharAngle
        chars = []
        for index, char in enumerate(text):
            if char.isspace() or not char.isprintable() or not loose_box(handle, index, box):
                continue  # spaces (PDFium's own and the file's) are measured, not read
            if box.top > box.bottom and box.right >= box.left and abs(math.sin(angle(handle, index))) < 0.02:
                chars.append(_Char(char, box.left, box.right, box.bottom, box.top))  # not a slanted watermark
        return chars
    finally:
        textpage.close()


def _page_rules(page, raw) -> _Rules:
    vertical, horizontal = [], []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    for index in range(min(raw.FPDFPage_CountObjects(page.raw), MAX_PATHS)):
        handle = raw.FPDFPage_GetObject(page.raw, index)
        if raw.FPDFPageObj_GetType(handle) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPageObj_GetBounds(handle, left, bottom, right, top):
            continue
        width, height = right.value - left.value, top.value - bottom.value
        if width <= 2.5 and height > 4:
            vertical.append(((left.value + right.value) / 2, bottom.value, top.value))
        elif height <= 2.5 and width > 4:
            horizontal.append(((bottom.value + top.value) / 2, left.value, right.value))
    return _Rules(_merged(vertical), _merged(horizontal))


def _join(first: str, second: str) -> str:
    if not first or not second:
        return first or second
    cjk_edge = _WIDE.match(first[-1]) and _WIDE.match(second[0])
    return first + second if cjk_edge else f"{first} {second}"


def _lines(chars: list[_Char], rules: _Rules) -> list[_Line]:
    """Characters → lines, top to bottom, each cut into segments at wide gaps and rules."""
    chars.sort(key=lambda c: -(c.top + c.bottom))
    lines: list[_Line] = []
    members: list[list[_Char]] = []
    for char in chars:
        middle, height = (char.top + char.bottom) / 2, char.top - char.bottom
        if lines and lines[-1].bottom <= middle <= lines[-1].top \
                and 0.5 < height / (lines[-1].top - lines[-1].bottom) < 2:  # a large title is a line of its own
            members[-1].append(char)
        else:
            lines.append(_Line(char.top, char.bottom))
            members.append([char])
    for line, line_chars in zip(lines, members):
        line_chars.sort(key=lambda c: c.left)
        height = line.top - line.bottom
        crossing = rules.crossing(line)
        segment, previous, cell = None, None, -1
        for char in line_chars:
            char_cell = bisect_left(crossing, (char.left + char.right) / 2) if crossing else 0
            gap = char.left - previous.right if previous else 0
            if segment is None or gap > 0.5 * height or char_cell != cell:
                segment = _Segment(char.left, char.right, char.text)
                line.segments.append(segment)
            else:
                segment.text += (" " if gap > 0.12 * height else "") + char.text
                segment.right = max(segment.right, char.right)
            previous, cell = char, char_cell
    return lines


def _spans(columns: list[_Segment], lines: list[_Line]) -> list[tuple[float, float]]:
    """Where each column's text lies: its header, widened by the cells of the rows
    that fill every column (so that a right-aligned number under a left-aligned
    header is placed by where the other numbers of its column are)."""
    spans = [(column.left, column.right) for column in columns]
    for line in lines:
        if len(line.segments) == len(columns) and not _has_pairs([s.text for s in line.segments]):
            spans = [(min(low, segment.left), max(high, segment.right))
                     for (low, high), segment in zip(spans, line.segments)]
    return spans


def _align(line: _Line, columns: list[_Segment], spans: list[tuple[float, float]], rules: _Rules) -> list[str]:
    """The line's segments placed under the header's columns (a row of len(columns) cells):
    each in the column whose text it overlaps most, or lies nearest, between the same rules."""
    crossing = rules.crossing(line)
    cells_of_columns = [bisect_left(crossing, column.center) for column in columns]
    segments = line.segments
    if len(segments) == len(columns) and all(  # a full row, each cell under its column: the common case
            low < segment.right and segment.left < high and bisect_left(crossing, segment.center) == cell
            for segment, (low, high), cell in zip(segments, spans, cells_of_columns)):
        return [segment.text for segment in segments]
    cells = [""] * len(columns)
    for segment in segments:
        cell = bisect_left(crossing, segment.center)
        best, best_cost = 0, None
        for number, (low, high) in enumerate(spans):
            cost = (cells_of_columns[number] != cell, max(low - segment.right, segment.left - high, 0.0),
                    max(low, segment.left) - min(high, segment.right))
            if best_cost is None or cost < best_cost:
                best, best_cost = number, cost
        cells[best] = _join(cells[best], segment.text)
    return cells


def _has_pairs(cells: list[str]) -> bool:
    return any(":" in cell or "：" in cell or is_label_cell(cell) for cell in cells if cell)


def _ruled_rows(entries: list[tuple[_Line, list[str]]], rules: _Rules) -> list[list[int]]:
    """A ruled grid: lines inside its column lines make one row until a ruling line."""
    groups: list[list[int]] = []
    for number, (line, cells) in enumerate(entries):
        if groups and number - 1 in groups[-1] and not _has_pairs(cells):
            upper, upper_cells = entries[number - 1]
            if (rules.crossing(line) and rules.crossing(upper) and not _has_pairs(upper_cells)
                    and not rules.between(upper, line)):
                groups[-1].append(number)
                continue
        groups.append([number])
    return groups


def _spaced_rows(entries: list[tuple[_Line, list[str]]]) -> list[list[int]]:
    """A table without ruling lines: a line with nothing in the first column
    continues the row it is closest to (a wrapped cell, above or below the
    row's other cells when they are centred), if it is that close."""
    def gap(upper: _Line, lower: _Line) -> float:
        return upper.bottom - lower.top  # negative when the lines overlap

    def continues(cells: list[str]) -> bool:
        return not cells[0] and not _has_pairs(cells)

    groups: list[list[int]] = []
    waiting: list[int] = []  # lines that go with the row below
    for number, (line, cells) in enumerate(entries):
        if not continues(cells):
            groups.append(waiting + [number])
            waiting = []
            continue
        limit = 0.6 * (line.top - line.bottom)
        up = gap(entries[number - 1][0], line) if number and not waiting else math.inf
        down = gap(line, entries[number + 1][0]) if number + 1 < len(entries) else math.inf
        if waiting or (down < up and down < limit):
            waiting.append(number)
        elif up < limit and groups and not _has_pairs(entries[number - 1][1]):
            groups[-1].append(number)
        else:
            groups.append([number])
    if waiting:
        groups.append(waiting)
    return groups


@dataclass
class _Table:
    """The item table being read, carried from page to page."""

    columns: list[_Segment] | None = None  # the header's cells
    last_row: list[str] | None = None  # the last item row: a cell may run on to the next page


def _table_rows(table: _Table, header: _Line | None, lines: list[_Line], rules: _Rules) -> list[list[str]]:
    """The lines under an item table's header (on a page the table runs on to: the
    lines of the page), aligned to its columns and grouped into rows."""
    if not lines or not table.columns:
        return []
    spans = _spans(table.columns, lines)
    entries = [(line, _align(line, table.columns, spans, rules)) for line in lines]
    chain = ([header] if header else []) + lines[:6]
    ruled = bool(rules.crossing(chain[0])) and any(rules.between(a, b) for a, b in zip(chain, chain[1:]))
    entries = _run_on(table, entries)
    groups = _ruled_rows(entries, rules) if ruled else _spaced_rows(entries)
    rows: list[list[str]] = []
    for group in groups:
        cells = [""] * len(table.columns)
        for number in group:
            cells = [_join(a, b) for a, b in zip(cells, entries[number][1])]
        if _has_pairs(cells) and len(group) == 1:  # "运费：800.00" below the table: a line of its own
            cells = [segment.text for segment in entries[group[0]][0].segments]
        elif cells[0]:
            table.last_row = cells
        rows.append(cells)
    return rows


def _run_on(table: _Table, entries: list[tuple[_Line, list[str]]]) -> list[tuple[_Line, list[str]]]:
    """Lines at the top of a page that end the row the page before broke off (a
    cell that ran on): joined to that row when they fill only its empty cells."""
    lead = 0
    while lead < len(entries) and not entries[lead][1][0] and not _has_pairs(entries[lead][1]):
        lead += 1
    if not lead or table.last_row is None:
        return entries
    if any(cell and table.last_row[n] for _line, cells in entries[:lead] for n, cell in enumerate(cells)):
        return entries
    for _line, cells in entries[:lead]:
        table.last_row[:] = [_join(a, b) for a, b in zip(table.last_row, cells)]
    return entries[lead:]


def _page_rows(lines: list[_Line], rules: _Rules, table: _Table) -> list[list[str]]:
    """The rows of one page: text lines as their cells, an item table's lines
    placed under its header's columns (a header from a page before when the
    page does not repeat it)."""
    rows: list[list[str]] = []
    header: _Line | None = None
    below: list[_Line] = []
    for line in lines:
        texts = [segment.text for segment in line.segments]
        if header_columns([clean_cell(text) for text in texts]) is not None:
            if header is not None and not below and header.bottom - line.top < header.top - header.bottom:
                continue  # the header's second line (English under Chinese)
            rows.extend(_table_rows(table, header, below, rules))
            table.columns, header, below = line.segments, line, []
            rows.append(texts)
        elif table.columns is None:
            rows.append(texts)
        else:
            below.append(line)
    rows.extend(_table_rows(table, header, below, rules))
    return rows


# PDFium inflates a page's streams (contents, fonts) in full: a 1 MB PDF of one
# deflated run of spaces took 2 GB and 5 s. Deflate inflates at most 1032-fold,
# so a small file is safe as it is; a larger one is inflated here first, up to
# MAX_INFLATED in all. Filters chained to compress twice (up to a million-fold)
# and filters named by reference are refused outright.
MAX_INFLATED = 256 * 1024 * 1024
_DEFLATE_RATIO = 1032
_STREAM = re.compile(rb"stream\r?\n")
_FILTER_ARRAY = re.compile(rb"/Filter\s*\[([^\]]{0,400})\]")
_FILTER_REFERENCE = re.compile(rb"/Filter\s*\d+\s+\d+\s+R\b")
_COMPRESSING = re.compile(rb"/(?:FlateDecode|Fl|LZWDecode|LZW|RunLengthDecode|RL)\b")
_LZW = re.compile(rb"/LZW(?:Decode)?\b")


def _check_pdf(data: bytes) -> None:
    if _FILTER_REFERENCE.search(data):
        raise TooLarge("a filter named by reference")
    if any(len(_COMPRESSING.findall(found.group(1))) > 1 for found in _FILTER_ARRAY.finditer(data)):
        raise TooLarge("a stream compressed twice")
    if len(data) * _DEFLATE_RATIO <= MAX_INFLATED:
        return
    if _LZW.search(data):
        raise TooLarge("LZW streams in a large PDF")  # a 1990s filter this module does not inflate
    total = 0
    for found in _STREAM.finditer(data):
        position, inflater = found.end(), zlib.decompressobj()
        try:
            while not inflater.eof and position < len(data):
                piece, position = data[position:position + 65536], position + 65536
                while piece and not inflater.eof:  # a megabyte at a time, however much it inflates to
                    total += len(inflater.decompress(piece, 1 << 20))
                    if total > MAX_INFLATED:
                        raise TooLarge("the PDF inflates to more than an order can be")
                    piece = inflater.unconsumed_tail
        except zlib.error:
            continue  # not deflated (or broken): PDFium finds out


def pdf_rows(data: bytes):
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    _check_pdf(data)
    started = time.monotonic()
    rows: list[list[str]] = []
    table = _Table()
    with _PDF_LOCK:
        document = pdfium.PdfDocument(data)
        try:
            for number in range(min(len(document), MAX_PAGES)):
                page = document[number]
                try:
                    rules = _page_rules(page, raw)
                    lines = _lines(_page_chars(page, raw), rules)
                finally:
                    page.close()
                rows.extend(_page_rows(lines, rules, table))
                if len(rows) >= MAX_ROWS or time.monotonic() - started > MAX_PDF_SECONDS:
                    break
        finally:
            document.close()
    return rows

