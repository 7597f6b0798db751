"""The reader of an order's text, line by line, into label/value pairs:
"label: value" lines, rows of label and value cells, and item tables
(parsers/tables), with the order number named without a label and a total
stated below a table."""
from __future__ import annotations

import re
from decimal import Decimal

from parsers import amounts
from parsers.labels import ITEM_FIELDS, Label, unspaced_label, find_labels, header_label, pair_label, summary_kind
from parsers.pairs import Pair, Span, cell_pairs, inline_pairs
from parsers.po_mention import PO_MENTION, PO_MENTION_IN_REPLY, REPLY_SUBJECT, po_mention
from parsers.tables import (GOODS_OR_TOTAL, SEPARATOR, Column, Table, aligned_table, all_headers, has_digit,
                            header_kind, split_cells, transposed_pairs, transposed_row, vertical_table)

# A line drawn across a table: markdown, ASCII and box-drawing rules.
_TABLE_RULE = re.compile(r"[\s|:+\-=_─━═┄┅┈┉┼┬┴├┤┌┐└┘╋┳┻┣┫┏┓┗┛╔╗╚╝╠╣╦╩╬╪╫╞╡╤╧╥╨│┃║—–]*+")
MAX_TABLE_LINES = 1_000  # lines of one table read; the rest of the table is skipped
# Plain lines tried as the header of a space-aligned or a one-cell-per-line
# table: a real mail has a few such candidates, a crafted one thousands.
HEADER_TRIES = 1_000


# The mark of a numbered position before an item line: "Pos. 10:", "Item 2:", "第3项：".
_POSITION = re.compile(r"\s*+(?:Pos(?:ition)?\.?|Item|Line|Artikel|第)\s*+\d{1,5}\s*+(?:项|項)?\s*+[:.)]\s*+", re.IGNORECASE)
# A line naming an item by its code and a count: "P001 × 50", "P004 x 200 pcs", "GL-BK-250 *10".
_CODE_TIMES = re.compile(r"(?:[-*•·]\s*+)?(?P<sku>[A-Z]{1,6}-?\d{2,}[A-Z0-9-]*)\s*+[×xX*]\s*+"
                         r"(?P<qty>\d[\d,]*(?:\s*+[^\W\d_]{1,6})?)")
# A comma between cells, not inside a figure ("1,200"): "P001，A产品，规格：L-500×300，数量：30台，500元/台".
_CELL_COMMA = re.compile(r"(?<!\d),|,(?!\d)")


def _comma_cells(line: Span, found: list[Pair]) -> list[Pair]:
    """An item line written as comma-separated cells, some labelled and some
    bare, read as cells when that finds more of the item than the labels alone."""
    cuts = [match.start() for match in _CELL_COMMA.finditer(line.norm)]
    bounds = [0, *(cut + 1 for cut in cuts), len(line.norm) + 1]
    cells = [line.sub(start, stop - 1) for start, stop in zip(bounds, bounds[1:])]
    as_cells = cell_pairs([cell for cell in cells if cell.norm.strip()])
    readable = lambda pairs: sum(1 for pair in pairs if pair.label.field in ITEM_FIELDS and pair.value)
    valid = all(amounts.parse_quantity(p.value) for p in as_cells if p.label.field == "quantity")
    return as_cells if valid and readable(as_cells) > readable(found) else found


class PairReader:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.pairs: list[Pair] = []
        self.table: Table | None = None
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
                self.pairs[mark:mark] = transposed_pairs(self.transposed)
                self.transposed = []
        self._end_table()
        if self.transposed:
            self.pairs.extend(transposed_pairs(self.transposed))
        return self.pairs

    def _end_table(self) -> None:
        if self.table is not None:
            self.pairs.extend(self.table.pairs())
            if self.table.rows:
                self.lines_sum = self.table._goods_sum(self.table._resolved_fields())
            self.table = None

    def _line(self, position: int) -> int:
        line = Span.of(self.lines[position])
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
        cells = split_cells(line) if SEPARATOR.search(norm) else None
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
            vertical = vertical_table(self.lines, position)
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
            table = aligned_table(line)
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
        value = Span.of(self.lines[after]).strip(" \t\u3000")
        if not value.norm or len(value.norm) > 200 or SEPARATOR.search(value.norm) \
                or pair_label(value.norm) or header_label(value.norm) or find_labels(value.norm):
            return None
        self.pairs.append(Pair(label, value.orig))
        return after + 1

    def _cells(self, cells: list[Span]) -> None:
        if not has_digit(" ".join(cell.norm for cell in cells)):
            columns = [Column(header_label(cell.norm) if cell.norm else None, cell.norm) for cell in cells]
            kind = header_kind(columns)
            if kind == "items":
                self.table = Table("cells", columns)
                return
            if kind == "values" and all(pair_label(cell.norm) or header_label(cell.norm)
                                        for cell in cells if cell.norm):
                self.table = Table("values", columns)
                return
            if all_headers(columns):
                return  # the header of a table that lists no order (a price list): no label/value pairs in it
        row = transposed_row(cells, started=bool(self.transposed))
        if row is not None:
            self.transposed.append(row)
            return
        self.pairs.extend(cell_pairs([cell for cell in cells if cell.norm]))

    def plain(self, line: Span) -> None:
        unspaced = unspaced_label(line.orig)
        if unspaced != line.orig:  # "联 系 人：", "备    注：": a form spaces its labels out to one width
            line = Span.of(unspaced)
        position = _POSITION.match(line.norm)
        if position:  # "Pos. 1: Steuerplatine, Typ CB-24V, Menge: 250 Stück, …": one item, its cells after the mark
            line = line.sub(position.end(), len(line.norm))
        found = inline_pairs(line) if (":" in line.norm or "=" in line.norm) else []
        if found and "," in line.norm and any(pair.label.field in ITEM_FIELDS for pair in found):
            found = _comma_cells(line, found)
        if position and found:
            found[0].new_item = True
        if not found and not position:
            coded = _CODE_TIMES.fullmatch(line.norm.strip())
            if coded:  # "P001 × 50": an item named by its code alone, and how many
                found = [Pair(Label("sku"), coded["sku"], new_item=True), Pair(Label("quantity"), coded["qty"])]
        if not found and self.pairs and not self.pairs[-1].value and not self.pairs[-1].new_item:
            self.pairs[-1].value = line.orig.strip()  # "备注:" with the note on the next line
        if not found:
            mention = po_mention(line.norm)
            if mention:
                self.pairs.append(Pair(Label(PO_MENTION_IN_REPLY if REPLY_SUBJECT.match(line.norm) else PO_MENTION),
                                       mention))
        if self.lines_sum is not None and any(pair.label.field in ("freight", "discount") for pair in found):
            self.lines_sum = None  # a total after the freight line is what is to be paid, even when it left the freight out
        if self.lines_sum is not None and found and found[0].label.field == "stated_total":
            self._total_below_table(line, found[0])
        self.pairs.extend(found)

    def _total_below_table(self, line: Span, pair: Pair) -> None:
        """"合计：193,600元" under a table, equal to the sum of its lines, is the
        goods total, as a 合计 row of the table would be."""
        kind = summary_kind(line.norm.strip())
        if kind is not None and kind[0] == "total" and amounts.parse_amount(pair.value) == self.lines_sum:
            pair.label = Label(GOODS_OR_TOTAL)
            self.pairs.append(Pair(Label("stated_goods_total"), pair.value))
