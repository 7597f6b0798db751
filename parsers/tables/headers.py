"""Header rows: the columns a header line names and whether they head an item
table or a row of order-level values."""
from __future__ import annotations

from dataclasses import dataclass

from parsers.labels import ITEM_FIELDS, Label, header_label
from parsers.tables.cells import chunks, has_digit
from parsers.text import normalize

MAX_COLUMNS = 40  # a wider "header" is no item table
MAX_HEADER_ROWS = 3  # a header may be written over this many rows (Chinese above English)


@dataclass
class Column:
    label: Label | None
    text: str = ""  # the header as written (NFKC)
    start: int = 0  # display columns of the header, in a space-aligned table
    end: int = 0

    @property
    def field(self) -> str | None:
        return self.label.field if self.label else None


def header_columns(orig: str, words: list[tuple[int, int, int, int]]) -> list[Column]:
    """The columns a space-aligned header line names. Within a cell, words are
    joined while they make a longer header ("Unit Price", "单价(元) Unit Price")."""
    columns: list[Column] = []
    for chunk in chunks(words):
        whole = normalize(orig[chunk[0][0]:chunk[-1][1]])
        label = header_label(whole) if len(chunk) > 1 else None
        if label is not None:
            columns.append(Column(label, whole, chunk[0][2], chunk[-1][3]))
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
                columns.append(Column(label, text, first[2], last[3]))
            position += size
    return columns


def header_kind(columns: list[Column]) -> str | None:
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
        if len(unknown) * 2 <= len(known) and not any(has_digit(column.text) for column in unknown):
            return "items"
        return None
    if not unknown and not items and any(column.field not in ("ignore", "line") for column in known):
        return "values"
    return None



def all_headers(columns: list[Column]) -> bool:
    named = [column for column in columns if column.text]
    return bool(named) and all(column.label is not None for column in named) \
        and not any(has_digit(column.text) for column in named)
