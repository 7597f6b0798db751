"""An order written as "label: value" lines or pasted as a table → an OrderDraft
and its problems.

Reads full-width and half-width colons (and "label = value"), several pairs on
one line ("数量:100 单价:500"), table rows of label and value cells, and item
tables (see "tables" below): a header row of column names and one row per item,
whether the cells are set apart by tabs (a spreadsheet, an HTML mail), bars
(markdown, ASCII and box-drawing grids), spaces (columns aligned in a monospace
layout, CJK two columns wide) or lines (one cell per line, as Outlook's
plain-text part writes a table). Rows below the items that state a total,
freight or a discount (合计, Total, 运费, 优惠) give those figures: a 合计 or
Total equal to the sum of the lines is the goods total, otherwise the total
payable. A new line item starts at a table row, at 序号/No., at a label with a
line number ("商品2名称"), or when an item field repeats (a second 商品名称).
The first value of an order-level field counts; notes (备注, 特殊需求) are joined.

Values that cannot be read become problems named by the record's fields with
1-based line numbers (`lines[1].quantity`); missing fields and arithmetic are
the domain's to check (orders/validation.py), not the parser's.

Linear in the text, and bounded: the first MAX_TEXT characters are read, at
most MAX_TABLE_LINES lines of one table, and HEADER_TRIES lines are tried as
the header of an aligned or a one-cell-per-line table.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from orders.model import CustomerInfo, DraftLine, OrderDraft, PaymentTerms, Problem
from orders.money import line_amount
from parsers import amounts
from parsers.dates import read_date
from parsers.labels import (ITEM_FIELDS, LABEL_RE, Label, find_labels, header_label, is_unit, pair_label,
                            summary_kind)
from parsers.quotes import strip_quoted, strip_signature
from parsers.text import normalize, quoted

__all__ = ["Pair", "read_pairs", "build_draft", "order_body", "parse_order_text", "count_items"]

MAX_TEXT = 100_000  # characters read from one body; an order is far shorter
# A 合计 that equals the sum of the lines: the goods total, and the total payable
# as well when the mail states no freight and no discount.
GOODS_OR_TOTAL = "goods_or_total"
# An order number named without a label ("钢材采购订单 XG-0415", "PO 4500018832",
# "Order / 订单 YZ-2404-88"): the customer's PO when no label gives one.
PO_MENTION = "customer_po_mention"
_PO_MENTION = re.compile(
    r"(?:采购订单|采购单|订购单|订货单|订单|合同|(?<![A-Za-z])P\.?O\.?(?![A-Za-z])|purchase\s*+order|(?<![A-Za-z])order)"
    r"[ \t]*+(?:号|no\.?|number|#)?[ \t]*+[:#/]?[ \t]*+(?:订单[ \t]*+)?"
    r"(?P<po>[A-Za-z0-9][A-Za-z0-9\-_/.]{2,30}[A-Za-z0-9])(?![A-Za-z0-9\-_/]|\.[A-Za-z0-9])", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_OUR_ORDER_NO = re.compile(r"SO\d{10,}", re.IGNORECASE)
_ORDER_WORDS = ("单", "合同", "po", "p.o", "order")
# A line drawn across a table: markdown, ASCII and box-drawing rules.
_TABLE_RULE = re.compile(r"[\s|:+\-=_─━═┄┅┈┉┼┬┴├┤┌┐└┘╋┳┻┣┫┏┓┗┛╔╗╚╝╠╣╦╩╬╪╫╞╡╤╧╥╨│┃║—–]*+")
_EMAIL = re.compile(r"(?<![^\s<>\"'(),;:@])[^\s<>\"'(),;:@]+@[^\s<>\"'(),;:@]+\.[^\s<>\"'(),;:@]+")
_RATE = re.compile(r"%|折")
# A spec that only says "custom": the procedure asks for a drawing or parameters.
_CUSTOM_SPEC = re.compile(r"(?:客户|按需|非标)?定制(?:规格|型号|尺寸)?|非标(?:规格)?|按图(?:纸)?(?:定制|加工)?"
                          r"|custom(?:ized|ised)?(?: spec(?:ification)?| size)?|tbd|待定", re.IGNORECASE)
_VALUE_TRIM = " \t,;、|"
# Long runs of blank lines, cut to four: the quote and signature searches start
# a match at every line start, and a long run of blank lines made that quadratic.
_BLANK_LINES = re.compile(r"\n(?:[ \t\r\f\v\u3000\u00a0]*+\n){5,}")


@dataclass
class Pair:
    label: Label
    value: str  # as the customer wrote it (full-width characters kept)
    new_item: bool = False  # a table row: its cells are one line item


@dataclass
class _Item:
    values: dict[str, tuple[str, Label]] = field(default_factory=dict)


class _Span:
    """A piece of a line read in its NFKC form (labels, colons, digits) while
    the value keeps the customer's wording ("尽快，越快越好", not "尽快,越快越好")."""

    __slots__ = ("orig", "norm", "index")

    def __init__(self, orig: str, norm: str, index: list[int] | None) -> None:
        self.orig, self.norm, self.index = orig, norm, index

    @classmethod
    def of(cls, line: str) -> "_Span":
        norm = unicodedata.normalize("NFKC", line)
        if len(norm) == len(line):
            return cls(line, norm, None)
        chars, index = [], []
        for position, char in enumerate(line):
            char = unicodedata.normalize("NFKC", char)
            chars.append(char)
            index.extend([position] * len(char))
        index.append(len(line))
        return cls(line, "".join(chars), index)

    def _at(self, position: int) -> int:
        return position if self.index is None else self.index[min(position, len(self.index) - 1)]

    def sub(self, start: int, stop: int) -> "_Span":
        orig = self.orig[self._at(start):self._at(stop)]
        index = None if self.index is None else [i - self._at(start) for i in self.index[start:stop + 1]]
        return _Span(orig, self.norm[start:stop], index)

    def strip(self, chars: str = " \t") -> "_Span":
        start = len(self.norm) - len(self.norm.lstrip(chars))
        stop = len(self.norm.rstrip(chars))
        return self.sub(start, max(start, stop))


def _inline_pairs(span: _Span) -> list[Pair]:
    found = find_labels(span.norm)
    pairs = []
    for number, (label, _start, end) in enumerate(found):
        stop = found[number + 1][1] if number + 1 < len(found) else len(span.norm)
        pairs.append(Pair(label, span.sub(end, stop).strip(_VALUE_TRIM).orig))
    return pairs


def _cell_pairs(cells: list[_Span]) -> list[Pair]:
    pairs: list[Pair] = []
    position = 0
    while position < len(cells):
        label = pair_label(cells[position].norm)
        following = cells[position + 1] if position + 1 < len(cells) else None
        if (label and following is not None and pair_label(following.norm) is None
                and not find_labels(following.norm)):
            pairs.append(Pair(label, following.strip(_VALUE_TRIM).orig))
            position += 2
        else:
            pairs.extend(_inline_pairs(cells[position]))
            position += 1
    return pairs


# -- tables ---------------------------------------------------------------------------
#
# Customers paste tables: from Excel (tab-separated), from an HTML mail
# (html_text writes a row as tab-separated cells), as markdown or ASCII grids
# (| cells |, +----+ rules), aligned with spaces in a monospace layout, or one
# cell per line (Outlook's plain-text part). A header row names the columns
# (header_label: "品名/Description", "数量(台)"); a second header row (English
# below Chinese, 单价/金额 below 价格) completes it. Each row below is a line
# item: it names something (code, name or spec) and has a figure (quantity,
# price or amount). Rows that state a total, freight or a discount (合计,
# Total, 运费) give those figures; a row with words only under the name or spec
# is the wrapped end of the row above; notes, titles and "label: value" lines
# inside the table are read as text. What a column holds settles what it is: a
# "No." column of codes is the code, an "Item" column of 1, 2, 3 the line
# number. A table ends at a blank line below its rows, at a new header, and,
# when aligned with spaces, at a line that does not fit its columns.

# Column separators, on NFKC text where "｜" is "|": bars of markdown and ASCII
# grids, box-drawing bars, tabs of a spreadsheet or an HTML row.
_SEPARATOR = re.compile(r"[|│┃║\t]")
_BARS = "|│┃║"
_WORD = re.compile(r"\S+")
_INTEGER = re.compile(r"[(（]?\d{1,4}[.)、）]?")
_CODE = re.compile(r"(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9._\-/#()]{0,39}")
_NUMBER_FIELDS = ("quantity", "unit_price", "amount")
_TEXT_FIELDS = frozenset({"sku", "name", "spec"})
_TAX_INCLUDED = re.compile(r"含税|价税|incl", re.IGNORECASE)
_TAX_EXCLUDED = re.compile(r"不含|未税|除税|excl|net", re.IGNORECASE)
MAX_COLUMNS = 40  # a wider "header" is no item table
MAX_TABLE_LINES = 1_000  # lines of one table read; the rest of the table is skipped
# Plain lines tried as the header of a space-aligned or a one-cell-per-line
# table: a real mail has a few such candidates, a crafted one thousands.
HEADER_TRIES = 1_000
MAX_HEADER_ROWS = 3  # a header may be written over this many rows (Chinese above English)
VERTICAL_MAX = 16  # header lines read when each header cell stands on a line of its own


def _split_cells(line: _Span) -> list[_Span]:
    """The cells of a delimited line, empty ones kept so columns line up."""
    if line.index is None:  # NFKC kept every position: cut both texts at the same places
        cells, start, norm, orig = [], 0, line.norm, line.orig
        for stop in [match.start() for match in _SEPARATOR.finditer(norm)] + [len(norm)]:
            left, right = start, stop
            while left < right and norm[left] in " \u3000":
                left += 1
            while right > left and norm[right - 1] in " \u3000":
                right -= 1
            cells.append(_Span(orig[left:right], norm[left:right], None))
            start = stop + 1
    else:
        cells = _split_spans(line)
    edge = line.norm.strip(" \u3000")
    if edge[:1] in _BARS and cells and not cells[0].norm:
        cells = cells[1:]  # "| a | b |": the outer bars
    if edge[-1:] in _BARS and cells and not cells[-1].norm:
        cells = cells[:-1]
    return cells


def _split_spans(line: _Span) -> list[_Span]:
    cells, start = [], 0
    for separator in _SEPARATOR.finditer(line.norm):
        cells.append(line.sub(start, separator.start()).strip(" \u3000"))
        start = separator.end()
    cells.append(line.sub(start, len(line.norm)).strip(" \u3000"))
    return cells


def _is_nothing(value: str) -> bool:
    """A cell that holds nothing: "", "-", "—", "/", "N/A"."""
    return not any(char.isalnum() for char in value) or value.strip().lower() in ("n/a", "na", "none", "null")


def _is_integer(value: str) -> bool:
    return bool(_INTEGER.fullmatch(normalize(value)))


def _counts_up(values: list[str]) -> bool:
    """1, 2, 3, …: line numbers."""
    return [normalize(value).rstrip(".") for value in values] == [str(n) for n in range(1, len(values) + 1)]


def _is_code(value: str) -> bool:
    return bool(_CODE.fullmatch(normalize(value)))


def _has_number(value: str) -> bool:
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


def _chunks(words: list[tuple[int, int, int, int]]) -> list[list[tuple[int, int, int, int]]]:
    """Words grouped into the cells of a space-aligned line: a gap of two or
    more columns (two spaces, or one full-width space) separates cells."""
    chunks: list[list[tuple[int, int, int, int]]] = []
    for word in words:
        if chunks and word[2] - chunks[-1][-1][3] < 2:
            chunks[-1].append(word)
        else:
            chunks.append([word])
    return chunks


@dataclass
class _Column:
    label: Label | None
    text: str = ""  # the header as written (NFKC)
    start: int = 0  # display columns of the header, in a space-aligned table
    end: int = 0

    @property
    def field(self) -> str | None:
        return self.label.field if self.label else None


def _header_columns(orig: str, words: list[tuple[int, int, int, int]]) -> list[_Column]:
    """The columns a space-aligned header line names. Within a cell, words are
    joined while they make a longer header ("Unit Price", "单价(元) Unit Price")."""
    columns: list[_Column] = []
    for chunk in _chunks(words):
        whole = normalize(orig[chunk[0][0]:chunk[-1][1]])
        label = header_label(whole) if len(chunk) > 1 else None
        if label is not None:
            columns.append(_Column(label, whole, chunk[0][2], chunk[-1][3]))
            continue
        position = 0
        while position < len(chunk):
            for size in range(min(4, len(chunk) - position), 0, -1):
                first, last = chunk[position], chunk[position + size - 1]
                text = normalize(orig[first[0]:last[1]])
                label = header_label(text)
                if label is not None or size == 1:
                    break
            if label is None and columns and columns[-1].label is None and columns[-1].end >= first[2] - 1:
                columns[-1].text += " " + text  # unknown words of one cell: one unknown column
                columns[-1].end = last[3]
            else:
                columns.append(_Column(label, text, first[2], last[3]))
            position += size
    return columns


def _header_kind(columns: list[_Column]) -> str | None:
    """"items" for the header of an item table, "values" for a row of
    order-level labels whose values stand in the row below; None otherwise."""
    named = [column for column in columns if column.text]
    if len(named) < 2 or len(named) > MAX_COLUMNS:
        return None
    known = [column for column in named if column.label is not None]
    unknown = [column for column in named if column.label is None]
    items = {column.field for column in known} & (ITEM_FIELDS - {"line"})
    # Without a quantity or an amount it is a price list or a catalogue, not an order.
    if len(items) >= 2 and items & {"quantity", "amount"}:
        if len(unknown) * 2 <= len(known) and not any(_has_digit(column.text) for column in unknown):
            return "items"
        return None
    if not unknown and not items and any(column.field not in ("ignore", "line") for column in known):
        return "values"
    return None


def _has_digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _all_headers(columns: list[_Column]) -> bool:
    named = [column for column in columns if column.text]
    return bool(named) and all(column.label is not None for column in named) \
        and not any(_has_digit(column.text) for column in named)


def _joined(before: str, after: str) -> str:
    if not before:
        return after
    wide = unicodedata.east_asian_width(before[-1]) in "WF" and unicodedata.east_asian_width(after[:1] or "a") in "WF"
    return before + ("" if wide or before.endswith(("-", "/")) else " ") + after


class _Table:
    """One table being read: its columns, its item rows and its total rows."""

    def __init__(self, kind: str, columns: list[_Column]) -> None:
        self.kind = kind  # "cells" (tabs or bars), "aligned" (spaces), "values" (one row of values)
        self.columns = columns
        self.rows: list[list[str]] = []
        self.summaries: list[tuple[str, str]] = []
        self.after_blank = False
        self.done = False
        self.header_rows = 1
        self.overflow = False
        self.seen = 0  # lines offered

    @property
    def fields(self) -> list[str | None]:
        return [column.field for column in self.columns]

    @property
    def started(self) -> bool:
        return bool(self.rows or self.summaries or self.done)

    # -- header rows ------------------------------------------------------------------

    def _merge(self, position: int, column: _Column) -> None:
        """A second header row: English below Chinese, or the parts of a group
        (单位 and 数量 below 数量, 单价 and 金额 below 价格). The row nearer the
        data names the column, except that "No." does not undo a code column."""
        if position >= len(self.columns):
            self.columns.append(column)
            return
        current = self.columns[position]
        if column.label is None or (column.field == "line" and current.label is not None) \
                or (column.field == "ignore" and current.label is not None):
            return
        if current.label is not None and current.field == column.field:
            if current.label.paren is None and column.label.paren:
                current.label = column.label
            return
        self.columns[position] = _Column(column.label, column.text, current.start or column.start,
                                         current.end or column.end)

    def _merge_aligned(self, columns: list[_Column]) -> None:
        for column in columns:
            position = self._aligned_position(column.start, column.end)
            self._merge(position, _Column(column.label, column.text))

    # -- rows -------------------------------------------------------------------------

    def _values_of_cells(self, cells: list[_Span]) -> list[str]:
        width = len(self.columns)
        values = [cell.orig for cell in cells]
        named = [n for n, column in enumerate(self.columns) if column.text]
        filled = [value for value, cell in zip(values, cells) if cell.norm]
        gaps = len(named) < width
        if len(values) == width or (len(values) < width and not gaps):
            pass
        elif len(filled) == len(named):
            spread = [""] * width
            for position, value in zip(named, filled):
                spread[position] = value
            return spread
        return (values + [""] * width)[:width]

    def _aligned_position(self, start: int, end: int) -> int:
        """The column a word at these display columns falls in: the one it
        overlaps most, each column reaching from its header to the next."""
        best, best_overlap = 0, -1
        for position, column in enumerate(self.columns):
            low = column.start if position else -10**9
            high = self.columns[position + 1].start if position + 1 < len(self.columns) else 10**9
            overlap = min(end, high) - max(start, low)
            if overlap > best_overlap:
                best, best_overlap = position, overlap
        return best

    def _values_of_words(self, orig: str, words: list[tuple[int, int, int, int]]) -> list[str]:
        spans: dict[int, list[int]] = {}
        self.overflow = False  # a word reaching well into the next column: a sentence, not a cell
        for start, end, first, last in words:
            position = self._aligned_position(first, last)
            span = spans.setdefault(position, [start, end])
            span[1] = end
            if position + 1 < len(self.columns) and last > self.columns[position + 1].start + 1:
                self.overflow = True
        values = [""] * len(self.columns)
        for position, (start, end) in spans.items():
            values[position] = orig[start:end].strip()
        return values

    def _values_in_order(self, orig: str, words: list[tuple[int, int, int, int]]) -> list[str] | None:
        """The cells of a row that does not line up with its header, when there
        are as many cells (set apart by two spaces, else by one) as columns."""
        width = len(self.columns)
        chunks = _chunks(words)
        if len(chunks) == width:
            return [orig[chunk[0][0]:chunk[-1][1]] for chunk in chunks]
        if len(words) == width:
            return [orig[start:end] for start, end, _first, _last in words]
        return None

    def _value(self, values: list[str], field_name: str) -> str:
        for position, name in enumerate(self.fields):
            if name == field_name and position < len(values) and values[position]:
                return values[position]
        return ""

    def _is_item(self, values: list[str], *, strict: bool) -> bool:
        fields = self.fields
        texts = numbers = False
        line_value = ""
        for name, value in zip(fields, values):
            if not value or _is_nothing(value):
                continue
            if name in _TEXT_FIELDS:
                texts = True
                if strict and name == "sku" and not _is_code(value) and len(value) > 40:
                    return False
            elif name == "line":
                line_value = value
                if not _is_integer(value):
                    if strict and not _is_code(value):
                        return False
                    texts = True
            elif name in _NUMBER_FIELDS:
                if strict and not self._reads_as(name, value):
                    return False
                numbers = numbers or _has_number(value)
        number_columns = any(name in _NUMBER_FIELDS for name in fields)
        numbered = bool(line_value) and _is_integer(line_value)
        identified = texts or (numbered and numbers)
        # A numbered row naming an item is one even without its figures (they are asked for).
        return identified and (numbers or not number_columns or (numbered and texts and not strict))

    @staticmethod
    def _reads_as(name: str, value: str) -> bool:
        if amounts.is_vague_amount(value):
            return True
        if name == "quantity":
            return amounts.parse_quantity(value) is not None
        return amounts.parse_amount(value) is not None

    def _continues(self, values: list[str], *, tabs: bool = False) -> bool:
        """A row with words only under the name or spec: the wrapped end of the
        row above (a spreadsheet's or an HTML table's cells do not wrap into rows)."""
        if not self.rows or self.after_blank or tabs or (self.kind == "aligned" and self.overflow):
            return False
        filled = [n for n, value in enumerate(values) if value]
        return bool(filled) and all(self.fields[n] in ("name", "spec") for n in filled)

    def _continue(self, values: list[str]) -> None:
        row = self.rows[-1]
        for position, value in enumerate(values):
            if value:
                row[position] = _joined(row[position].strip(), value.strip())

    def _summary(self, values: list[str], first: str) -> bool:
        """A row of a total, freight or discount: its kind and figure are kept."""
        found = summary_kind(normalize(first))
        if found is None:
            return False
        for name, value in zip(self.fields, values):  # a numbered row or a coded one is an item ("1 | 运费 | …")
            if value and value != first and ((name == "sku" and _is_code(value))
                                             or (name == "line" and _is_integer(value))):
                return False
        kind, inline = found
        candidates = [self._value(values, "amount"), inline]
        candidates += [value for name, value in reversed(list(zip(self.fields, values)))
                       if value and value != first and name != "quantity"]
        figure = next((value for value in candidates if value and amounts.parse_amount(value) is not None), None)
        if figure is not None:
            self.summaries.append((kind, figure))
        return True

    # -- offering lines -----------------------------------------------------------------

    def offer(self, reader: "_PairReader", line: _Span, cells: list[_Span] | None) -> bool:
        """Read a line as part of this table; False when the table has ended before it."""
        if self.kind == "values":
            return self._offer_values(reader, cells)
        if self.kind == "aligned":
            return cells is None and self._offer_aligned(reader, line)
        if cells is None:
            found = summary_kind(line.norm.strip())
            if found is not None:
                figure = found[1]
                if figure and amounts.parse_amount(figure) is not None:
                    self.summaries.append((found[0], figure))
                return True
            reader.plain(line)  # a note, a title or a "label: value" line inside the table
            return True
        return self._offer_cells(reader, cells, tabs="\t" in line.norm)

    def _offer_cells(self, reader: "_PairReader", cells: list[_Span], *, tabs: bool) -> bool:
        if not _has_digit(" ".join(cell.norm for cell in cells)):
            columns = [_Column(header_label(cell.norm) if cell.norm else None, cell.norm) for cell in cells]
            kind = _header_kind(columns)
            if self.started and kind == "items":  # the header again (on a new page), or a new table
                return {column.field for column in columns if column.text} <= set(self.fields)
            if not self.started and self.header_rows < MAX_HEADER_ROWS and (kind == "items" or _all_headers(columns)):
                self.header_rows += 1
                for position, column in enumerate(columns):
                    self._merge(position, column)
                return True
        values = self._values_of_cells(cells)
        first = next((value for value in values if value.strip()), "")
        if self._summary(values, first):
            return True
        if self._is_item(values, strict=False):
            self.rows.append(values)
        elif self._continues(values, tabs=tabs):
            self._continue(values)
        else:
            reader.pairs.extend(_cell_pairs([cell for cell in cells if cell.norm]))
        return True

    def _offer_aligned(self, reader: "_PairReader", line: _Span) -> bool:
        words = _words(line.orig)
        values = self._values_of_words(line.orig, words)
        first = line.orig[words[0][0]:_chunks(words)[0][-1][1]] if words else ""
        if self._summary(values, first):
            return True
        if not self.started and self.header_rows < MAX_HEADER_ROWS and ":" not in line.norm \
                and len(words) <= 4 * MAX_COLUMNS:
            columns = _header_columns(line.orig, words)
            if _all_headers(columns):
                self.header_rows += 1
                self._merge_aligned(columns)
                return True
        if self._is_item(values, strict=True):
            self.rows.append(values)
            return True
        by_order = self._values_in_order(line.orig, words)  # cells that do not line up, one per column
        if by_order is not None and self._is_item(by_order, strict=True):
            self.rows.append(by_order)
            return True
        if self._continues(values):
            self._continue(values)
            return True
        if ":" in line.norm or "=" in line.norm:
            found = _inline_pairs(line)
            if found:
                reader.pairs.extend(found)
                return True
        return False

    def _offer_values(self, reader: "_PairReader", cells: list[_Span] | None) -> bool:
        if cells is None or self.done:
            return False
        if any(cell.norm and (pair_label(cell.norm) or find_labels(cell.norm)) for cell in cells):
            return False
        for column, value in zip(self.columns, self._values_of_cells(cells)):
            if column.label is not None and value.strip():
                reader.pairs.append(Pair(column.label, value.strip(_VALUE_TRIM)))
        self.done = True
        return True

    # -- the pairs of the table -----------------------------------------------------------

    def _column_values(self, position: int) -> list[str]:
        return [row[position] for row in self.rows if position < len(row) and row[position].strip()]

    def _resolved_fields(self) -> list[str | None]:
        """Column fields settled by what the columns hold: a "No." column of
        codes is the item code, an "Item" column of 1, 2, 3 the line number; a
        field named twice is read from its first column (a second name column
        of codes is the code, otherwise the spec)."""
        fields = self.fields
        for position, name in enumerate(fields):
            values = self._column_values(position)
            if not values:
                continue
            if name == "line" and not all(_is_integer(value) for value in values):
                fields[position] = "sku" if "sku" not in fields else ("name" if "name" not in fields else None)
            elif name in ("name", "sku") and "line" not in fields and _counts_up(values):
                fields[position] = "line"
        names = [position for position, name in enumerate(fields) if name == "name"]
        if len(names) > 1:
            for position in names:
                if "sku" not in fields and all(_is_code(value) for value in self._column_values(position)):
                    fields[position] = "sku"
                    break
            names = [position for position, name in enumerate(fields) if name == "name"]
            for position in names[1:]:
                fields[position] = "spec" if "spec" not in fields else None
        for name in ("unit_price", "amount"):  # 含税 before 未税 when both are given
            both = [position for position, field_name in enumerate(fields) if field_name == name]
            taxed = [position for position in both if _TAX_INCLUDED.search(self.columns[position].text)
                     and not _TAX_EXCLUDED.search(self.columns[position].text)]
            if len(both) > 1 and taxed:
                for position in both:
                    if position != taxed[0]:
                        fields[position] = None
        seen: set[str] = set()
        for position, name in enumerate(fields):
            if name in seen and name not in ("special_requirements", "ignore"):
                fields[position] = None
            elif name:
                seen.add(name)
        return fields

    def _goods_sum(self, fields: list[str | None]):
        """The sum of the line amounts (quantity × price where no amount is written)."""
        def cell(row: list[str], name: str) -> str:
            return next((row[n] for n, f in enumerate(fields) if f == name and n < len(row)), "")

        total = Decimal(0)
        try:
            for row in self.rows:
                amount = amounts.parse_amount(cell(row, "amount")) if cell(row, "amount") else None
                if amount is None:
                    quantity = amounts.parse_quantity(cell(row, "quantity") or "-")
                    price = amounts.parse_amount(cell(row, "unit_price") or "-")
                    if quantity is None or price is None:
                        return None
                    amount = line_amount(quantity[0], price)
                total += amount
        except (ArithmeticError, ValueError):
            return None
        return total if self.rows else None

    def pairs(self) -> list[Pair]:
        fields = self._resolved_fields()
        labels = [Label(name, None, column.label.paren if column.label else None) if name else None
                  for name, column in zip(fields, self.columns)]
        named = [(position, label) for position, label in enumerate(labels)
                 if label is not None and label.field not in ("line", "ignore")]
        who = [position for position, name in enumerate(fields) if name in ("name", "sku")]
        marker = Label("line")
        pairs: list[Pair] = []
        order_level: list[Pair] = []
        for row in self.rows:
            pairs.append(Pair(marker, "", new_item=True))
            for position, label in named:
                value = row[position].strip() if position < len(row) else ""
                if not value or _is_nothing(value):
                    continue
                if label.field in _NUMBER_FIELDS and value == "无":
                    continue
                if label.field in ITEM_FIELDS:
                    pairs.append(Pair(label, value))
                elif label.field == "special_requirements":
                    item = next((row[n].strip() for n in who if n < len(row) and row[n].strip()), "")
                    order_level.append(Pair(label, f"{item}：{value}" if item and len(self.rows) > 1 else value))
                else:
                    order_level.append(Pair(label, value))
        return pairs + order_level + self._summary_pairs(fields)

    def _summary_pairs(self, fields: list[str | None]) -> list[Pair]:
        pairs: list[Pair] = []
        goods = self._goods_sum(fields) if self.summaries else None
        goods_stated = False
        for kind, value in self.summaries:
            figure = amounts.parse_amount(value)
            if figure is None or kind == "ignore":
                continue
            if kind == "total" and goods is not None and figure == goods and not goods_stated:
                # the goods total, and the total payable too unless the mail adds freight or a discount
                pairs.append(Pair(Label("stated_goods_total"), value))
                name = GOODS_OR_TOTAL
            elif kind == "total":
                name = "stated_total"
            elif kind == "goods":
                name = "stated_goods_total"
            elif kind == "payable":
                name = "stated_total"
            else:
                name = kind
                value = value.strip().lstrip("-−–")  # a discount row shows a minus: the discount is its size
            goods_stated = goods_stated or name in ("stated_goods_total", GOODS_OR_TOTAL)
            pairs.append(Pair(Label(name), value))
        return pairs


def _aligned_table(line: _Span) -> _Table | None:
    """An item table aligned with spaces, from its header line."""
    words = _words(line.orig)
    if len(words) > 4 * MAX_COLUMNS:
        return None
    columns = _header_columns(line.orig, words)
    if _header_kind(columns) != "items":
        return None
    return _Table("aligned", columns)


def _vertical_cells(lines: list[str], position: int, blocks: bool):
    """The cells of a table written one per line, or one per paragraph (lines
    set apart by blank lines, a cell's own lines joined): each cell's text, the
    position after it, and how many blank lines stood before it."""
    size = len(lines)
    while position < size:
        blank = 0
        while position < size and not lines[position].strip():
            blank += 1
            position += 1
        if position >= size:
            return
        if blocks:
            text = ""
            while position < size and lines[position].strip():
                text = _joined(text, lines[position].strip())
                position += 1
        else:
            text = lines[position].strip()
            position += 1
        yield text, position, blank


def _vertical_table(lines: list[str], start: int) -> tuple[_Table, int] | int:
    """A table written one cell per line, as Outlook's plain-text part gives
    a table: the header cells, then each row's cells. When the cells are set
    apart by blank lines, a cell may take several lines ("物料编码" over "Item
    No.") and an extra blank line is an empty cell. When there is no such
    table, the position up to which header lines were read."""
    blocks = start + 1 < len(lines) and not lines[start + 1].strip()
    cells = _vertical_cells(lines, start, blocks)
    columns: list[_Column] = []
    gaps: list[int] = []
    position = start
    for text, after, blank in cells:
        text = normalize(text)
        label = header_label(text) if ":" not in text else None
        if label is None or len(columns) >= VERTICAL_MAX:
            break
        columns.append(_Column(label, text))
        gaps.append(blank)
        position = after
    if len(columns) < 3 or _header_kind(columns) != "items":
        return max(position, start + 1)
    gap = min(gaps[1:]) if blocks else 0
    table = _Table("vertical", columns)
    row: list[str] = []
    summary: tuple[str, str] | None = None
    for text, after, blank in _vertical_cells(lines, position, blocks):
        if summary is not None:  # the figure after a 合计 cell
            if amounts.parse_amount(text) is None:
                break
            table.summaries.append((summary[0], text))
            summary, position = None, after
            continue
        if blocks and row and blank > gap:  # an empty cell: an empty paragraph between two separators
            row.extend([""] * min(len(columns), -(-(blank - gap) // (gap + 1))))
        row.append(text)
        if len(row) == 1 and table.rows:
            found = summary_kind(normalize(text))
            if found is not None:
                row = []
                if found[1] and amounts.parse_amount(found[1]) is not None:
                    table.summaries.append(found)
                    position = after
                else:
                    summary = found
                continue
        if len(row) >= len(columns):
            if len(row) > len(columns) or not table._is_item(row, strict=True):
                break
            table.rows.append(row)
            row, position = [], after
    if not table.rows:
        return max(position, start + 1)
    return table, position


def _transposed_row(cells: list[_Span], *, started: bool) -> tuple[Label, list[str]] | None:
    """A row of a table written sideways, one item per column: "品名 | A产品 | B产品"
    (once such a table has started, a row may leave columns empty)."""
    first = next((n for n, cell in enumerate(cells) if cell.norm), None)
    if first is None or sum(1 for cell in cells[first + 1:] if cell.norm) < (1 if started else 2):
        return None
    label = pair_label(cells[first].norm) or header_label(cells[first].norm)
    if label is None or label.field not in ITEM_FIELDS:
        return None
    if any(cell.norm and (pair_label(cell.norm) or header_label(cell.norm)) for cell in cells[first + 1:]):
        return None
    values = [cell.orig for cell in cells[first + 1:]]
    while values and not values[-1].strip():
        values.pop()
    return Label(label.field, None, label.paren), values


def _transposed_pairs(rows: list[tuple[Label, list[str]]]) -> list[Pair]:
    """One item per column when the rows name two fields of an item and every
    figure reads as one; otherwise each row is a label and its first value."""
    fields = {label.field for label, _values in rows}
    width = max((len(values) for _label, values in rows), default=0)
    readable = all(not value.strip() or _Table._reads_as(label.field, value)
                   for label, values in rows if label.field in _NUMBER_FIELDS for value in values)
    if len(fields & (ITEM_FIELDS - {"line"})) < 2 or not readable:
        return [Pair(label, next((value for value in values if value.strip()), "")) for label, values in rows]
    pairs: list[Pair] = []
    for column in range(width):
        pairs.append(Pair(Label("line"), "", new_item=True))
        for label, values in rows:
            value = values[column].strip() if column < len(values) else ""
            if value and not _is_nothing(value) and label.field != "line":
                pairs.append(Pair(label, value))
    return pairs


class _PairReader:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.pairs: list[Pair] = []
        self.table: _Table | None = None
        self.vertical_tried = 0
        self.lines_sum: Decimal | None = None  # the sum of the lines of the last table read
        self.budget = HEADER_TRIES
        self.transposed: list[tuple[Label, list[str]]] = []  # rows of a table with one item per column

    def read(self) -> list[Pair]:
        position = 0
        while position < len(self.lines):
            mark, rows = len(self.pairs), len(self.transposed)
            position = self._line(position)
            if self.transposed and len(self.transposed) == rows:  # the line after the items in columns
                self.pairs[mark:mark] = _transposed_pairs(self.transposed)
                self.transposed = []
        self._end_table()
        if self.transposed:
            self.pairs.extend(_transposed_pairs(self.transposed))
        return self.pairs

    def _end_table(self) -> None:
        if self.table is not None:
            self.pairs.extend(self.table.pairs())
            if self.table.rows:
                self.lines_sum = self.table._goods_sum(self.table._resolved_fields())
            self.table = None

    def _line(self, position: int) -> int:
        line = _Span.of(self.lines[position])
        norm = line.norm
        if not norm.strip() and norm.count("\t") < 2:  # (a row of empty cells, "\t\t\t", is a spacer)
            if self.table is not None:
                if self.table.started:
                    self._end_table()
                else:
                    self.table.after_blank = True
            return position + 1
        if _TABLE_RULE.fullmatch(norm):
            return position + 1
        cells = _split_cells(line) if _SEPARATOR.search(norm) else None
        if cells is not None and sum(1 for cell in cells if cell.norm) < 2 \
                and (self.table is None or self.table.kind != "cells"):
            cells = None  # one cell: text (in a table of cells, perhaps the wrapped end of a row)
        if self.table is not None:
            self.table.seen += 1
            if self.table.seen > MAX_TABLE_LINES:  # no order has so many: read no more of it, cheaply
                if ":" in norm or "=" in norm:
                    self.plain(line)
                return position + 1
            if self.table.offer(self, line, cells):
                return position + 1
            self._end_table()
            if cells is not None and sum(1 for cell in cells if cell.norm) < 2:
                cells = None
        if cells is not None:
            self._cells(cells)
            return position + 1
        if ":" in norm or "=" in norm or self.budget <= 0:  # "label: value", or no more tries
            self.plain(line)
            return position + 1
        first = norm.split(None, 2)
        if len(norm) <= 40 and position >= self.vertical_tried and header_label(norm) is not None:
            self.budget -= 1  # a header cell alone on its line: perhaps a table written one cell per line
            vertical = _vertical_table(self.lines, position)
            if isinstance(vertical, int):
                self.vertical_tried = vertical  # the header lines read: not tried again from inside them
                after = self._label_over_value(norm.strip(), position)
                if after is not None:
                    return after
            else:
                self.table = vertical[0]
                self._end_table()
                return vertical[1]
        elif len(first) > 1 and (header_label(first[0]) or header_label(" ".join(first[:2]))):
            self.budget -= 1  # a header line of a table aligned with spaces?
            table = _aligned_table(line)
            if table is not None:
                self.table = table
                return position + 1
        self.plain(line)
        return position + 1

    def _label_over_value(self, text: str, position: int) -> int | None:
        """A label alone on its line and its value on the next, as Outlook's
        plain-text part writes a table of label and value cells: "客户名称" over
        "广州穗丰包装材料有限公司". The position after the value, or None."""
        label = pair_label(text)
        if label is None or label.field == "line":
            return None
        after = position + 1
        while after < len(self.lines) and after <= position + 2 and not self.lines[after].strip():
            after += 1
        if after >= len(self.lines):
            return None
        value = _Span.of(self.lines[after]).strip(" \t\u3000")
        if not value.norm or len(value.norm) > 200 or _SEPARATOR.search(value.norm) \
                or pair_label(value.norm) or header_label(value.norm) or find_labels(value.norm):
            return None
        self.pairs.append(Pair(label, value.orig))
        return after + 1

    def _cells(self, cells: list[_Span]) -> None:
        if not _has_digit(" ".join(cell.norm for cell in cells)):
            columns = [_Column(header_label(cell.norm) if cell.norm else None, cell.norm) for cell in cells]
            kind = _header_kind(columns)
            if kind == "items":
                self.table = _Table("cells", columns)
                return
            if kind == "values" and all(pair_label(cell.norm) or header_label(cell.norm)
                                        for cell in cells if cell.norm):
                self.table = _Table("values", columns)
                return
            if _all_headers(columns):
                return  # the header of a table that lists no order (a price list): no label/value pairs in it
        row = _transposed_row(cells, started=bool(self.transposed))
        if row is not None:
            self.transposed.append(row)
            return
        self.pairs.extend(_cell_pairs([cell for cell in cells if cell.norm]))

    def plain(self, line: _Span) -> None:
        found = _inline_pairs(line) if (":" in line.norm or "=" in line.norm) else []
        if not found and self.pairs and not self.pairs[-1].value and not self.pairs[-1].new_item:
            self.pairs[-1].value = line.orig.strip()  # "备注:" with the note on the next line
        if not found:
            mention = _po_mention(line.norm)
            if mention:
                self.pairs.append(Pair(Label(PO_MENTION), mention))
        if self.lines_sum is not None and found and found[0].label.field == "stated_total":
            self._total_below_table(line, found[0])
        self.pairs.extend(found)

    def _total_below_table(self, line: _Span, pair: Pair) -> None:
        """"合计：193,600元" under a table, equal to the sum of its lines, is the
        goods total, as a 合计 row of the table would be."""
        kind = summary_kind(line.norm.strip())
        if kind is not None and kind[0] == "total" and amounts.parse_amount(pair.value) == self.lines_sum:
            pair.label = Label(GOODS_OR_TOTAL)
            self.pairs.append(Pair(Label("stated_goods_total"), pair.value))


def _po_mention(text: str) -> str | None:
    """The order number after an order word, when it looks like one: a code
    with a digit and a letter, or six digits or more; not a date."""
    if len(text) > 300:
        return None
    lower = text.lower()
    if not any(word in lower for word in _ORDER_WORDS):
        return None
    for found in _PO_MENTION.finditer(text):
        po = found["po"].rstrip(".")
        if not any(char.isdigit() for char in po) or _DATE_LIKE.fullmatch(po) or _OUR_ORDER_NO.fullmatch(po):
            continue
        if any(char.isalpha() for char in po) or sum(char.isdigit() for char in po) >= 6:
            return po
    return None


def read_pairs(text: str) -> list[Pair]:
    """Every label and its value, in the order written; the rows of item
    tables as line items (see the notes on tables above)."""
    return _PairReader(text[:MAX_TEXT]).read()


def _code(value: str | None) -> str | None:
    """Codes and numbers in ASCII: "Ｐ００１" is P001."""
    return normalize(value) if value is not None else None


def _group_items(pairs: list[Pair]) -> tuple[list[_Item], list[Pair]]:
    """Line items in the order they start, and the order-level pairs."""
    items: list[_Item] = []
    numbered: dict[int, _Item] = {}
    current: _Item | None = None
    rest: list[Pair] = []
    for pair in pairs:
        name = pair.label.field
        if name not in ITEM_FIELDS:
            rest.append(pair)
            continue
        if pair.label.index is not None and name != "line":
            if pair.label.index not in numbered:
                numbered[pair.label.index] = _Item()
                items.append(numbered[pair.label.index])
            current = numbered[pair.label.index]
        elif current is None or pair.new_item or (name == "line" and current.values) or name in current.values:
            current = _Item()
            items.append(current)
        if name != "line" and pair.value and name not in current.values:
            current.values[name] = (pair.value, pair.label)
    return [item for item in items if item.values], rest


def count_items(pairs: list[Pair]) -> int:
    """How many line items the pairs describe: to choose between two readings
    of one mail (its plain-text part and its HTML part)."""
    return len(_group_items(pairs)[0])


class _Reader:
    """Turns values into typed fields, collecting problems as it goes."""

    def __init__(self, reference_date: date | None) -> None:
        self.reference_date = reference_date
        self.problems: list[Problem] = []

    def problem(self, where: str, code: str, detail: str) -> None:
        self.problems.append(Problem(field=where, code=code, detail=detail))

    def amount(self, where: str, value: str):
        found = amounts.parse_amount(value)
        if found is None:
            if amounts.is_vague_amount(value):
                self.problem(where, "vague", f"金额 {quoted(value)} 不是确定的数字 / not a fixed amount")
            else:
                self.problem(where, "invalid", f"无法识别金额 {quoted(value)} / cannot read this amount")
        return found

    def discount(self, where: str, value: str):
        if _RATE.search(value) and amounts.parse_amount(value) is None:
            self.problem(where, "invalid", f"折扣请写成金额(元),而非折扣率:{quoted(value)} / state the discount in 元, not as a rate")
            return None
        return self.amount(where, value)

    def line(self, number: int, item: _Item) -> DraftLine:
        values = {name: value for name, (value, _label) in item.values.items()}
        labels = {name: label for name, (_value, label) in item.values.items()}
        line = DraftLine(line_no=number, sku=_code(values.get("sku")), name=values.get("name"),
                         spec=values.get("spec"), unit=_code(values.get("unit")))
        where = f"lines[{number}]"
        if line.spec and _CUSTOM_SPEC.fullmatch(normalize(line.spec)):
            self.problem(f"{where}.spec", "needs_drawing",
                         f"定制规格 {quoted(line.spec)} 请附图纸或提供参数 / custom spec: send a drawing or the parameters")
        if "quantity" in values:
            self._quantity(line, where, values["quantity"], labels["quantity"])
        if "unit_price" in values:
            line.unit_price = self.amount(f"{where}.unit_price", values["unit_price"])
            if line.unit is None and line.unit_price is not None:
                line.unit = amounts.amount_unit(values["unit_price"])
            if line.unit is None and line.unit_price is not None and is_unit(labels["unit_price"].paren):
                line.unit = labels["unit_price"].paren  # "单价(元/台)" in a table header
        if "amount" in values:
            line.amount = self.amount(f"{where}.amount", values["amount"])
        return line

    def _quantity(self, line: DraftLine, where: str, value: str, label: Label) -> None:
        found = amounts.parse_quantity(value)
        if found is None or amounts.is_vague_amount(value):
            code = "vague" if amounts.is_vague_amount(value) else "invalid"
            detail = "不是确切数量 / not an exact quantity" if code == "vague" else "无法识别数量 / cannot read this quantity"
            self.problem(f"{where}.quantity", code, f"{quoted(value)} {detail}")
            return
        line.quantity, unit = found
        if line.unit is None:
            line.unit = unit or label.paren

    def delivery(self, draft: OrderDraft, value: str) -> None:
        reading = read_date(value, self.reference_date)
        if reading.value is not None:
            draft.requested_delivery_date = reading.value
            if not reading.exact:
                draft.requested_delivery_text = value
            return
        draft.requested_delivery_text = value
        self.problem("requested_delivery_date", reading.status, reading.detail)

    def order_date(self, draft: OrderDraft, value: str) -> None:
        reading = read_date(value, self.reference_date)
        if reading.value is not None:
            draft.order_date = reading.value
        else:
            self.problem("order_date", reading.status, reading.detail)


_CUSTOMER = {"customer.name": "name", "customer.code": "code", "customer.contact": "contact",
             "customer.phone": "phone", "customer.address": "address"}
_MONEY = ("freight", "stated_goods_total", "stated_total")


def build_draft(pairs: list[Pair], *, reference_date: date | None = None) -> tuple[OrderDraft, list[Problem]]:
    """The draft the pairs describe, and what in them could not be read."""
    reader = _Reader(reference_date)
    items, rest = _group_items(pairs)
    draft = OrderDraft(customer=CustomerInfo(), payment_terms=PaymentTerms())
    draft.lines = [reader.line(number, item) for number, item in enumerate(items, start=1)]
    seen: set[str] = set()
    notes: list[str] = []
    for pair in rest:
        name, value = pair.label.field, pair.value
        if not value or name == "ignore":
            continue
        if name == "special_requirements":
            notes.append(value)
            continue
        if name in seen:
            continue
        seen.add(name)
        _set_field(draft, reader, name, value)
    if notes:
        draft.special_requirements = "；".join(dict.fromkeys(notes))
    if draft.customer_po is None:
        draft.customer_po = next((normalize(pair.value) for pair in rest if pair.label.field == PO_MENTION), None)
    if draft.stated_total is None and not (draft.freight or draft.discount):
        total = next((pair.value for pair in rest if pair.label.field == GOODS_OR_TOTAL and pair.value), None)
        draft.stated_total = amounts.parse_amount(total) if total is not None else None
    return draft, reader.problems


def _set_field(draft: OrderDraft, reader: _Reader, name: str, value: str) -> None:
    if name in ("customer.code", "customer.phone", "customer_po"):
        value = normalize(value)
    if name in _CUSTOMER:
        setattr(draft.customer, _CUSTOMER[name], value)
    elif name == "customer.email":
        found = _EMAIL.search(normalize(value))
        if found:
            draft.customer.email = found.group(0).lower()
        else:
            reader.problem("customer.email", "invalid", f"not an email address: {quoted(value)}")
    elif name == "customer_po":
        draft.customer_po = value
    elif name in _MONEY:
        setattr(draft, name, reader.amount(name, value))
    elif name == "discount":
        draft.discount = reader.discount(name, value)
    elif name == "payment_terms":
        draft.payment_terms = PaymentTerms(text=value, prepayment_percent=amounts.parse_percent(value),
                                           credit_days=amounts.parse_credit_days(value))
    elif name == "requested_delivery_date":
        reader.delivery(draft, value)
    elif name == "order_date":
        reader.order_date(draft, value)


def order_body(text: str) -> str:
    """The customer's own text: quoted mail and the signature below the order removed.

    Only the first MAX_TEXT characters are looked at, as `read_pairs` reads no
    more: an 8 MB body would otherwise cost seconds in the signature search."""
    text = _BLANK_LINES.sub("\n\n\n\n\n", text[:MAX_TEXT])
    return strip_signature(strip_quoted(text, library=False), only_after=LABEL_RE)


def parse_order_text(text: str, *, reference_date: date | None = None) -> tuple[OrderDraft, list[Problem]]:
    """An order from its "label: value" text; quoted text and signatures are ignored.

    `reference_date` (the email's date) gives the year to dates written without one.
    """
    return build_draft(read_pairs(order_body(text)), reference_date=reference_date)
