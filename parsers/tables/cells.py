"""Table lines cut into cells (at tabs and bars) or into words at display
columns (spaces, CJK two columns wide), and what a cell's value looks like."""
from __future__ import annotations

import re
import unicodedata

from parsers import amounts
from parsers.pairs import Span
from parsers.text import normalize

# Column separators, on NFKC text where "｜" is "|": bars of markdown and ASCII
# grids, box-drawing bars, tabs of a spreadsheet or an HTML row.
SEPARATOR = re.compile(r"[|│┃║\t]")
_BARS = "|│┃║"
_WORD = re.compile(r"\S+")
_INTEGER = re.compile(r"[(（]?\d{1,4}[.)、）]?")
_CODE = re.compile(r"(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9._\-/#()]{0,39}")


def split_cells(line: Span) -> list[Span]:
    """The cells of a delimited line, empty ones kept so columns line up."""
    if line.index is None:  # NFKC kept every position: cut both texts at the same places
        cells, start, norm, orig = [], 0, line.norm, line.orig
        for stop in [match.start() for match in SEPARATOR.finditer(norm)] + [len(norm)]:
            left, right = start, stop
            while left < right and norm[left] in " \u3000":
                left += 1
            while right > left and norm[right - 1] in " \u3000":
                right -= 1
            cells.append(Span(orig[left:right], norm[left:right], None))
            start = stop + 1
    else:
        cells = _split_spans(line)
    edge = line.norm.strip(" \u3000")
    if edge[:1] in _BARS and cells and not cells[0].norm:
        cells = cells[1:]  # "| a | b |": the outer bars
    if edge[-1:] in _BARS and cells and not cells[-1].norm:
        cells = cells[:-1]
    return cells


def _split_spans(line: Span) -> list[Span]:
    cells, start = [], 0
    for separator in SEPARATOR.finditer(line.norm):
        cells.append(line.sub(start, separator.start()).strip(" \u3000"))
        start = separator.end()
    cells.append(line.sub(start, len(line.norm)).strip(" \u3000"))
    return cells


def is_nothing(value: str) -> bool:
    """A cell that holds nothing: "", "-", "—", "/", "N/A"."""
    return not any(char.isalnum() for char in value) or value.strip().lower() in ("n/a", "na", "none", "null")


def is_integer(value: str) -> bool:
    return bool(_INTEGER.fullmatch(normalize(value)))


def counts_up(values: list[str]) -> bool:
    """1, 2, 3, …: line numbers."""
    return [normalize(value).rstrip(".") for value in values] == [str(n) for n in range(1, len(values) + 1)]


def is_code(value: str) -> bool:
    return bool(_CODE.fullmatch(normalize(value)))


def has_number(value: str) -> bool:
    return any(char.isdigit() for char in value) or amounts.is_vague_amount(value) \
        or amounts.parse_quantity(value) is not None


def _words(text: str) -> list[tuple[int, int, int, int]]:
    """Each word's (start, end) in characters and (start, end) in display
    columns: CJK characters are two columns wide in a monospace layout."""
    found = [(match.start(), match.end()) for match in _WORD.finditer(text)]
    if text.isascii():
        return [(start, end, start, end) for start, end in found]
    columns, column = [0], 0
    for char in text:
        column += 2 if unicodedata.east_asian_width(char) in "WF" else 1
        columns.append(column)
    return [(start, end, columns[start], columns[end]) for start, end in found]


def chunks(words: list[tuple[int, int, int, int]]) -> list[list[tuple[int, int, int, int]]]:
    """Words grouped into the cells of a space-aligned line: a gap of two or
    more columns (two spaces, or one full-width space) separates cells."""
    chunks: list[list[tuple[int, int, int, int]]] = []
    for word in words:
        if chunks and word[2] - chunks[-1][-1][3] < 2:
            chunks[-1].append(word)
        else:
            chunks.append([word])
    return chunks


def has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def joined(before: str, after: str) -> str:
    if not before:
        return after
    wide = unicodedata.east_asian_width(before[-1]) in "WF" and unicodedata.east_asian_width(after[:1] or "a") in "WF"
    return before + ("" if wide or before.endswith(("-", "/")) else " ") + after
