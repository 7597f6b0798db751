"""XLSX, XLS (and WPS .et) workbooks → rows of cells, through python-calamine,
after the size guards: a workbook that unzips or spans far beyond an order
form is refused before calamine opens it."""
from __future__ import annotations

import io
import math
import re
import struct
import zipfile
from datetime import date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal, InvalidOperation

from parsers.attachments.grid import clean_cell, header_columns
from parsers.attachments.limits import MAX_CELL, MAX_COLUMNS, MAX_ROWS, MAX_SHEETS, MAX_UNZIPPED
from parsers.message import OLE2_MAGIC



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


class TooLarge(ValueError):
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
            raise TooLarge("the workbook unzips to more than an order form can be")
        for info in infos:
            if not info.filename.startswith("xl/worksheets/") or not info.filename.endswith(".xml"):
                continue
            xml = archive.read(info)
            refs = _CELL_REF.findall(xml)
            rows = max([int(row) for _column, row in refs] + [int(row) for row in _ROW_REF.findall(xml)], default=0)
            columns = max((_column_number(column) for column, _row in refs), default=0)
            unreferenced = len(_ANY_CELL.findall(xml)) - len(refs)  # cells placed one after another
            if rows * (columns + max(unreferenced, 0) or 1) > MAX_AREA:
                raise TooLarge(f"{info.filename} spans {rows} rows and {columns} columns")


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
            raise TooLarge(f"a sheet spans {rows} rows and {columns} columns")


def _sheet_rows(sheet) -> list[list[str]]:
    rows = [[clean_cell(_cell_text(value)) for value in cells[:MAX_COLUMNS]]
            for cells in sheet.to_python(skip_empty_area=True, nrows=MAX_ROWS)]
    header = next((number for number, row in enumerate(rows) if header_columns(row)), None)
    top_row, first_column = sheet.start or (0, 0)
    for (top, left), (bottom, right) in (sheet.merged_cell_ranges or []) if header is not None else []:
        top, bottom, left, right = top - top_row, bottom - top_row, left - first_column, right - first_column
        if top <= header <= bottom and right > left >= 0:
            for row in rows[header:]:  # under a merged header cell the row's cells are one
                if left < len(row):
                    row[left] = " ".join(cell for cell in row[left:right + 1] if cell)
                    row[left + 1:right + 1] = [""] * len(row[left + 1:right + 1])
    return rows


def workbook_rows(data: bytes):
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
            if any(header_columns(row) for row in rows):
                return rows
            first = first if first is not None else rows
            looked_at += 1
            if looked_at >= MAX_SHEETS:
                break
        return first or []
    finally:
        workbook.close()

