"""Order attachments (CSV, XLSX/XLS, text PDF) → text the order readers understand.

Each file becomes rows of cells and the rows become the text a customer would
have pasted from a spreadsheet: cells joined by tabs, one row a line, which
`read_pairs` reads like the body of an email. The rows are written as they
stand, so that the table reader sees what the customer sent:

- a header block above the item table ("客户名称 | 华东机械", "PO No. | 4410",
  "交货日期：2023-10-15") as rows of label and value cells;
- the item table as its header row and one row per item, every row with the
  header's columns: an empty cell is an empty string between two tabs, so the
  columns line up (trailing empty cells are left off); columns and rows that
  are empty throughout are dropped;
- totals, notes and other rows as they are.

Two things are rewritten: a header cell in two languages ("品名 Description",
"单价(元)\nUnit price") is written as its Chinese label, which the readers
know; and a tab, line break or bar inside a cell becomes a space or a slash,
since those separate cells for the reader.

Formats:
- CSV: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (GBK);
  comma, semicolon, tab or bar, whichever splits the most lines.
- XLSX, XLS (and WPS .et): python-calamine, the first visible sheet that holds
  an item table (else the first with data). Numbers as Excel shows them (15
  significant digits: 3150.0 is "3150", 0.1+0.2 is "0.3"), dates as ISO.
  Formulas read as the value Excel saved with the file. Under a header cell
  merged across columns, a row's cells in those columns are one cell. A
  workbook with a sheet far larger than an order form is refused before
  calamine opens it (see MAX_AREA).
- HTML saved as .xls (web ERPs do this): its table rows, through html_to_text.
- PDF: text PDFs only (an image-only scan has no text and yields nothing; no
  OCR), through pypdfium2: characters with their boxes are grouped into lines,
  lines are cut into cells at wide gaps and at ruling lines, and the lines
  below an item table's header are placed under its columns, a cell wrapped
  onto a second line joined again, a header's second line (English under
  Chinese) dropped, and the header carried to pages that do not repeat it.
  pdfplumber reads the same tables in pure Python at a fifth of the speed
  (24 ms a page against 5 ms, so about 40 one-page orders a second against
  the 100 wanted), so it is not used. PDFium is not thread-safe: one lock.

Every reader is bounded (rows, columns, pages, characters, seconds, the area
of a sheet, what a PDF inflates to) and wrapped: a broken file gives no text,
never an exception.
"""
from __future__ import annotations

import csv
import ctypes
import io
import math
import re
import struct
import threading
import time
import unicodedata
import zipfile
import zlib
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from parsers.charsets import decode_bytes
from parsers.html_text import html_to_text
from parsers.labels import Label, label_cell
from parsers.message import OLE2_MAGIC, MailMessage, OrderFile

__all__ = ["attachment_texts", "file_text", "grid_text"]

MAX_ROWS = 2_000  # rows read from one sheet, CSV or PDF; an order form is far shorter
MAX_COLUMNS = 64
MAX_CELL = 500  # characters kept of one cell
MAX_TEXT = 100_000  # characters of text from one file (what the reader reads of a body)
MAX_SHEETS = 3  # sheets looked at for an item table
MAX_UNZIPPED = 64 * 1024 * 1024  # an xlsx that unzips to more is no order form (or a zip bomb)
MAX_PAGES = 20
MAX_PAGE_CHARS = 20_000
MAX_PATHS = 5_000  # drawn objects looked at per page for ruling lines (a CAD drawing has far more)
MAX_PDF_SECONDS = 2.0

_CORE_FIELDS = frozenset({"name", "sku", "quantity"})
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WIDE = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")  # no space between these
# A header cell in two languages: the runs with Chinese in them and the runs without.
_SCRIPT_RUNS = re.compile(r"[^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*|[^\u3400-\u9fff]+")
_REQUIRED_MARK = re.compile(r"^[*＊]+|[*＊]+$")
# The reader splits cells at tabs and bars: inside a cell they become a space and a slash.
_CELL_BREAKS = str.maketrans({"\t": " ", "\r": " ", "\n": " ", "|": "/", "｜": "/", "\x00": None})
_SPACES = re.compile(r"[ \u00a0\u3000]{2,}")
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z .'&/()\-]*[A-Za-z.)]")
_LATIN = re.compile(r"[A-Za-z]")
_NUMBER = re.compile(r"[\d.,%¥$+\-\s]+")


def attachment_texts(mail: MailMessage) -> list[str]:
    """One text per readable order file (CSV, spreadsheet, text PDF): header-block
    rows and table rows with tab-separated cells, so `read_pairs` reads them
    like a pasted table. Files that cannot be read give nothing; never raises."""
    texts = []
    for order_file in getattr(mail, "order_files", None) or []:
        text = file_text(order_file)
        if text.strip():
            texts.append(text)
    return texts


def file_text(order_file: OrderFile) -> str:
    """The text of one order file; "" when it cannot be read."""
    try:
        reader = _READERS.get(order_file.kind)
        return grid_text(reader(order_file.data))[:MAX_TEXT] if reader else ""
    except MemoryError:
        raise  # a file that exhausts memory is the memory budget's to judge (flows.parse_budget)
    except Exception:  # a broken or hostile file costs its own text and nothing else
        return ""


# --- rows of cells → text -------------------------------------------------------------


def _clean(cell) -> str:
    text = str(cell)[:MAX_CELL].translate(_CELL_BREAKS)
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def _header_label(cell: str) -> tuple[str, Label] | None:
    """The label a table header cell is, in either of its languages: "品名 Description"
    and "单价(元)\nUnit price" are 品名 and 单价(元); "A产品" is no label."""
    text = _REQUIRED_MARK.sub("", unicodedata.normalize("NFKC", cell).strip()).strip()
    if not text:
        return None
    label = label_cell(text)
    if label is not None:
        return text, label
    parts = [part.strip() for part in _SCRIPT_RUNS.findall(text) if part.strip()]
    labels = [label_cell(_REQUIRED_MARK.sub("", part).strip()) for part in parts]
    found = [(part, label) for part, label in zip(parts, labels) if label is not None]
    if len(parts) < 2 or not found or len({label.field for _part, label in found}) != 1:
        return None
    # What is not the label may only be its translation: English words, no digits.
    if not all(label is not None or _ENGLISH.fullmatch(part) for part, label in zip(parts, labels)):
        return None
    return min(found, key=lambda pair: not _CJK.search(pair[0]))  # the Chinese label first


def _is_label(cell: str) -> bool:
    return _header_label(cell) is not None


def _header(row: list[str]) -> list[int] | None:
    """The positions of the labelled cells when `row` is an item table's header:
    labels the readers know, one of them 品名, 编码 or 数量, most cells labels
    and none a number (a row of label and value cells is a form, not a header)."""
    filled = [(n, cell) for n, cell in enumerate(row) if cell]
    labelled = [(n, found) for n, found in ((n, _header_label(cell)) for n, cell in filled) if found]
    known = len(labelled)
    if known < 2 or not {found[1].field for _n, found in labelled} & _CORE_FIELDS:
        return None
    if known < 0.6 * len(filled) and (known < 3 or known < 0.4 * len(filled)):
        return None
    if any(_NUMBER.fullmatch(cell) for _n, cell in filled):
        return None
    return [n for n, _found in labelled]


def _bilingual_label(cell: str) -> str:
    """A label cell in two languages ("采购单号 PO No.", both labels of one field) as
    its Chinese label; any other cell as it is."""
    if not _CJK.search(cell) or not _LATIN.search(cell) or label_cell(cell):
        return cell
    parts = [part.strip() for part in _SCRIPT_RUNS.findall(unicodedata.normalize("NFKC", cell)) if part.strip()]
    labels = [label_cell(part) for part in parts]
    if len(parts) < 2 or not all(labels) or len({label.field for label in labels}) != 1:
        return cell
    return next(part for part in parts if _CJK.search(part))


def grid_text(rows) -> str:
    """Rows of cells (a sheet, a CSV, the lines of a PDF) → text for `read_pairs`:
    one line a row, cells joined by tabs; see the module's docstring."""
    grid = []
    for row in islice(rows, MAX_ROWS):
        cells = [_clean(cell) for cell in list(row)[:MAX_COLUMNS]]
        if any(cells):
            grid.append(cells)
    used = sorted({n for cells in grid for n, cell in enumerate(cells) if cell})
    if len(used) < max((len(cells) for cells in grid), default=0):
        grid = [[cells[n] if n < len(cells) else "" for n in used] for cells in grid]
    lines = []
    for cells in grid:
        if _header(cells) is not None:
            cells = [found[0] if found else cell for cell, found in zip(cells, map(_header_label, cells))]
        else:
            cells = [_bilingual_label(cell) for cell in cells]
        while cells and not cells[-1]:
            cells.pop()
        lines.append("\t".join(cells))
    return "\n".join(lines) + ("\n" if lines else "")


# --- CSV and HTML tables ---------------------------------------------------------------

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


def _csv_rows(data: bytes):
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


def _html_rows(data: bytes):
    found = _META_CHARSET.search(data[:4096])
    text = html_to_text(_text_of(data, MAX_TEXT * 10, found.group(1).decode("ascii") if found else None))
    return [line.split("\t") for line in text.splitlines()]


# --- spreadsheets ----------------------------------------------------------------------


def _number(value: float) -> str:
    if not math.isfinite(value):
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = format(value, ".15g")  # what Excel shows: 15 significant digits, no float noise
    if "e" in text:
        try:
            text = format(Decimal(text), "f")
        except InvalidOperation:
            return ""
    return text


def _cell_text(value) -> str:
    if value is None or isinstance(value, bool):
        return "" if value is None else str(value).upper()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == clock(0) else value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, (date, clock)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)[:MAX_CELL]


# python-calamine builds each sheet as a dense grid from its first to its last
# cell: a 5 KB file with cells at A1 and XFD100000 asks for 50 GB and aborts the
# process (an allocation failure in Rust is no exception). So the extent of every
# sheet is read from the file first, and a workbook with a sheet larger than an
# order form can be is not opened.
MAX_AREA = 1_000_000  # cells from the first to the last of a sheet
_CELL_REF = re.compile(rb"<(?:\w+:)?c\b[^>]*?\sr=\"([A-Z]{1,3})(\d{1,7})\"")
_ROW_REF = re.compile(rb"<(?:\w+:)?row\b[^>]*?\sr=\"(\d{1,7})\"")
_ANY_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")


class _TooLarge(ValueError):
    pass


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _check_xlsx(data: bytes) -> None:
    """Refuse a workbook that unzips to too much or holds a sheet too large (see MAX_AREA)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        if sum(info.file_size for info in infos) > MAX_UNZIPPED:
            raise _TooLarge("the workbook unzips to more than an order form can be")
        for info in infos:
            if not info.filename.startswith("xl/worksheets/") or not info.filename.endswith(".xml"):
                continue
            xml = archive.read(info)
            refs = _CELL_REF.findall(xml)
            rows = max([int(row) for _column, row in refs] + [int(row) for row in _ROW_REF.findall(xml)], default=0)
            columns = max((_column_number(column) for column, _row in refs), default=0)
            unreferenced = len(_ANY_CELL.findall(xml)) - len(refs)  # cells placed one after another
            if rows * (columns + max(unreferenced, 0) or 1) > MAX_AREA:
                raise _TooLarge(f"{info.filename} spans {rows} rows and {columns} columns")


_BIFF_CELLS = frozenset({0x0006, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x00FD, 0x00D6})
_BIFF_SPANS = frozenset({0x00BD, 0x00BE})  # MULRK, MULBLANK: a row's run of cells


def _ole_stream(data: bytes, names: tuple[str, ...]) -> bytes:
    """A stream of an OLE2 compound file (what an .xls is), read by its sector chain."""
    if len(data) < 512 or data[:8] != OLE2_MAGIC:
        raise ValueError("not an OLE2 file")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if not 7 <= shift <= 16 or mini_shift > shift:
        raise ValueError("bad sector size")
    size, mini_size = 1 << shift, 1 << mini_shift
    fat_count, directory_start = struct.unpack_from("<II", data, 0x2C)
    cutoff, mini_fat_start, _mini_fat_count, difat_start, difat_count = struct.unpack_from("<IIIII", data, 0x38)
    sectors = (len(data) - 512) // size

    def sector(number: int) -> bytes:
        if number >= sectors:
            raise ValueError("sector out of range")
        return data[512 + number * size:512 + (number + 1) * size]

    difat = list(struct.unpack_from("<109I", data, 0x4C))
    for _ in range(min(difat_count, sectors)):
        if difat_start >= sectors:
            break
        block = sector(difat_start)
        difat += struct.unpack_from(f"<{size // 4 - 1}I", block)
        difat_start = struct.unpack_from("<I", block, size - 4)[0]
    fat: list[int] = []
    for number in difat[:min(fat_count, sectors)]:
        fat += struct.unpack(f"<{size // 4}I", sector(number))

    def chain(start: int, table: list[int], read) -> bytes:
        blocks, seen = [], 0
        while start < len(table) and seen <= len(table):
            blocks.append(read(start))
            start, seen = table[start], seen + 1
        return b"".join(blocks)

    directory = chain(directory_start, fat, sector)
    entries = [directory[n:n + 128] for n in range(0, len(directory) - 127, 128)]
    root_start = struct.unpack_from("<I", entries[0], 0x74)[0] if entries else 0
    for entry in entries:
        name_length = struct.unpack_from("<H", entry, 0x40)[0]
        name = entry[:max(0, min(name_length, 64) - 2)].decode("utf-16-le", "replace")
        if entry[0x42] != 2 or name not in names:
            continue
        start, length = struct.unpack_from("<IQ", entry, 0x74)
        if length >= cutoff:
            return chain(start, fat, sector)[:length]
        mini_stream = chain(root_start, fat, sector)
        mini_fat_bytes = chain(mini_fat_start, fat, sector)
        mini_fat = list(struct.unpack(f"<{len(mini_fat_bytes) // 4}I", mini_fat_bytes[:len(mini_fat_bytes) // 4 * 4]))
        return chain(start, mini_fat, lambda n: mini_stream[n * mini_size:(n + 1) * mini_size])[:length]
    raise ValueError("no workbook stream")


def _check_xls(data: bytes) -> None:
    """Refuse an .xls whose sheet spans more than MAX_AREA cells, from its cell records."""
    stream = _ole_stream(data, ("Workbook", "Book"))
    position, rows, columns = 0, 0, 0
    while position + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, position)
        body = stream[position + 4:position + 4 + length]
        position += 4 + length
        if kind == 0x0809:  # BOF: the next sheet
            rows, columns = 0, 0
        elif kind in _BIFF_CELLS and len(body) >= 4:
            row, column = struct.unpack_from("<HH", body)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind in _BIFF_SPANS and len(body) >= 6:
            row = struct.unpack_from("<H", body)[0]
            rows, columns = max(rows, row + 1), max(columns, struct.unpack_from("<H", body, len(body) - 2)[0] + 1)
        elif kind == 0x0200 and len(body) >= 14:  # DIMENSIONS
            rows = max(rows, struct.unpack_from("<I", body, 4)[0])
            columns = max(columns, struct.unpack_from("<H", body, 10)[0])
        if rows * columns > MAX_AREA:
            raise _TooLarge(f"a sheet spans {rows} rows and {columns} columns")


def _sheet_rows(sheet) -> list[list[str]]:
    rows = [[_clean(_cell_text(value)) for value in cells[:MAX_COLUMNS]]
            for cells in sheet.to_python(skip_empty_area=True, nrows=MAX_ROWS)]
    header = next((number for number, row in enumerate(rows) if _header(row)), None)
    top_row, first_column = sheet.start or (0, 0)
    for (top, left), (bottom, right) in (sheet.merged_cell_ranges or []) if header is not None else []:
        top, bottom, left, right = top - top_row, bottom - top_row, left - first_column, right - first_column
        if top <= header <= bottom and right > left >= 0:
            for row in rows[header:]:  # under a merged header cell the row's cells are one
                if left < len(row):
                    row[left] = " ".join(cell for cell in row[left:right + 1] if cell)
                    row[left + 1:right + 1] = [""] * len(row[left + 1:right + 1])
    return rows


def _workbook_rows(data: bytes):
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    if data[:4] == b"PK\x03\x04":
        _check_xlsx(data)
    elif data[:8] == OLE2_MAGIC:
        _check_xls(data)
    else:
        return []  # calamine reads nothing else this module could check first
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
    try:
        first, looked_at = None, 0
        for index, meta in enumerate(workbook.sheets_metadata):
            if meta.visible != SheetVisibleEnum.Visible:
                continue
            rows = _sheet_rows(workbook.get_sheet_by_index(index))
            if not any(any(row) for row in rows):
                continue
            if any(_header(row) for row in rows):
                return rows
            first = first if first is not None else rows
            looked_at += 1
            if looked_at >= MAX_SHEETS:
                break
        return first or []
    finally:
        workbook.close()


# --- PDF -------------------------------------------------------------------------------

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
    return any(":" in cell or "：" in cell or _is_label(cell) for cell in cells if cell)


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
        if _header([_clean(text) for text in texts]) is not None:
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
        raise _TooLarge("a filter named by reference")
    if any(len(_COMPRESSING.findall(found.group(1))) > 1 for found in _FILTER_ARRAY.finditer(data)):
        raise _TooLarge("a stream compressed twice")
    if len(data) * _DEFLATE_RATIO <= MAX_INFLATED:
        return
    if _LZW.search(data):
        raise _TooLarge("LZW streams in a large PDF")  # a 1990s filter this module does not inflate
    total = 0
    for found in _STREAM.finditer(data):
        position, inflater = found.end(), zlib.decompressobj()
        try:
            while not inflater.eof and position < len(data):
                piece, position = data[position:position + 65536], position + 65536
                while piece and not inflater.eof:  # a megabyte at a time, however much it inflates to
                    total += len(inflater.decompress(piece, 1 << 20))
                    if total > MAX_INFLATED:
                        raise _TooLarge("the PDF inflates to more than an order can be")
                    piece = inflater.unconsumed_tail
        except zlib.error:
            continue  # not deflated (or broken): PDFium finds out


def _pdf_rows(data: bytes):
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


_READERS = {"csv": _csv_rows, "html": _html_rows, "xlsx": _workbook_rows, "xls": _workbook_rows, "pdf": _pdf_rows}
