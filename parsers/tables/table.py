"""One item table being read: its header rows, its item rows, rows that
continue the row above, and the pairs it gives (see parsers/tables/__init__.py)."""
from __future__ import annotations

import re
from typing import Protocol

from parsers import amounts
from parsers.labels import ITEM_FIELDS, Label, find_labels, header_label, pair_label, summary_kind
from parsers.pairs import VALUE_TRIM, Pair, cell_pairs, inline_pairs, Span
from parsers.tables.cells import (chunks, has_digit, has_number, is_code, is_integer, is_nothing, joined,
                                  _words)
from parsers.tables.column_fields import ColumnFields
from parsers.tables.headers import MAX_COLUMNS, MAX_HEADER_ROWS, all_headers, Column, header_columns, header_kind
from parsers.tables.totals import Totals



_GROUP_HEAD = re.compile(r"\d{1,3}")
_GROUP_TAIL = re.compile(r"\d{3}[.,]\d{1,2}")


def _thousands_together(orig: str, words: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """"11 990,00": a figure whose thousands are set apart by one space is one word, not two."""
    merged: list[tuple[int, int, int, int]] = []
    for word in words:
        if merged:
            start, end, first, last = merged[-1]
            if (word[0] == end + 1 and _GROUP_HEAD.fullmatch(orig, start, end)
                    and _GROUP_TAIL.fullmatch(orig, word[0], word[1])):
                merged[-1] = (start, word[1], first, word[3])
                continue
        merged.append(word)
    return merged


class LineReader(Protocol):
    """What a table needs of the reader offering it lines (parsers.pair_reader):
    the pairs read so far, and a way to read a line as plain text."""

    pairs: list[Pair]

    def plain(self, line: Span) -> None: ...


NUMBER_FIELDS = ("quantity", "unit_price", "amount")
_TEXT_FIELDS = frozenset({"sku", "name", "spec"})


class Table(ColumnFields, Totals):
    """One table being read: its columns, its item rows and its total rows."""

    def __init__(self, kind: str, columns: list[Column]) -> None:
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

    def _merge(self, position: int, column: Column) -> None:
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
        self.columns[position] = Column(column.label, column.text, current.start or column.start,
                                         current.end or column.end)

    def _merge_aligned(self, columns: list[Column]) -> None:
        for column in columns:
            position = self._aligned_position(column.start, column.end)
            self._merge(position, Column(column.label, column.text))

    # -- rows -------------------------------------------------------------------------

    def _values_of_cells(self, cells: list[Span]) -> list[str]:
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
        overlaps most, each column reaching from its header to the next; on a
        tie (a writer's alignment off by one), the one whose header is nearest."""
        best, best_score = 0, (-1, 0)
        middle = start + end
        for position, column in enumerate(self.columns):
            low = column.start if position else -10**9
            high = self.columns[position + 1].start if position + 1 < len(self.columns) else 10**9
            score = (min(end, high) - max(start, low), -abs(column.start + column.end - middle))
            if score > best_score:
                best, best_score = position, score
        return best

    def _values_of_words(self, orig: str, words: list[tuple[int, int, int, int]]) -> list[str]:
        words = _thousands_together(orig, words)
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
        groups = chunks(words)
        if len(groups) == width:
            return [orig[group[0][0]:group[-1][1]] for group in groups]
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
            if not value or is_nothing(value):
                continue
            if name in _TEXT_FIELDS:
                texts = True
                if strict and name == "sku" and not is_code(value) and len(value) > 40:
                    return False
            elif name == "line":
                line_value = value
                if not is_integer(value):
                    if strict and not is_code(value):
                        return False
                    texts = True
            elif name in NUMBER_FIELDS:
                if strict and not self._reads_as(name, value):
                    return False
                numbers = numbers or has_number(value)
        number_columns = any(name in NUMBER_FIELDS for name in fields)
        numbered = bool(line_value) and is_integer(line_value)
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
                row[position] = joined(row[position].strip(), value.strip())


    # -- offering lines -----------------------------------------------------------------

    def offer(self, reader: LineReader, line: Span, cells: list[Span] | None) -> bool:
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

    def _offer_cells(self, reader: LineReader, cells: list[Span], *, tabs: bool) -> bool:
        if not has_digit(" ".join(cell.norm for cell in cells)):
            columns = [Column(header_label(cell.norm) if cell.norm else None, cell.norm) for cell in cells]
            kind = header_kind(columns)
            if self.started and kind == "items":  # the header again (on a new page), or a new table
                return {column.field for column in columns if column.text} <= set(self.fields)
            if not self.started and self.header_rows < MAX_HEADER_ROWS and (kind == "items" or all_headers(columns)):
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
            reader.pairs.extend(cell_pairs([cell for cell in cells if cell.norm]))
        return True

    def _offer_aligned(self, reader: LineReader, line: Span) -> bool:
        words = _words(line.orig)
        values = self._values_of_words(line.orig, words)
        first = line.orig[words[0][0]:chunks(words)[0][-1][1]] if words else ""
        if self._summary(values, first):
            return True
        if not self.started and self.header_rows < MAX_HEADER_ROWS and ":" not in line.norm \
                and len(words) <= 4 * MAX_COLUMNS:
            columns = header_columns(line.orig, words)
            if all_headers(columns):
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
            found = inline_pairs(line)
            if found:
                reader.pairs.extend(found)
                return True
        return False

    def _offer_values(self, reader: LineReader, cells: list[Span] | None) -> bool:
        if cells is None or self.done:
            return False
        if any(cell.norm and (pair_label(cell.norm) or find_labels(cell.norm)) for cell in cells):
            return False
        for column, value in zip(self.columns, self._values_of_cells(cells)):
            if column.label is not None and value.strip():
                reader.pairs.append(Pair(column.label, value.strip(VALUE_TRIM)))
        self.done = True
        return True

    # -- the pairs of the table -----------------------------------------------------------

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
                if not value or is_nothing(value):
                    continue
                if label.field in NUMBER_FIELDS and value == "无":
                    continue
                if label.field in ITEM_FIELDS:
                    pairs.append(Pair(label, value))
                elif label.field == "special_requirements":
                    item = next((row[n].strip() for n in who if n < len(row) and row[n].strip()), "")
                    order_level.append(Pair(label, f"{item}：{value}" if item and len(self.rows) > 1 else value))
                else:
                    order_level.append(Pair(label, value))
        return pairs + order_level + self._summary_pairs(fields)


def aligned_table(line: Span) -> Table | None:
    """An item table aligned with spaces, from its header line."""
    words = _words(line.orig)
    if len(words) > 4 * MAX_COLUMNS:
        return None
    columns = header_columns(line.orig, words)
    if header_kind(columns) != "items":
        return None
    return Table("aligned", columns)
