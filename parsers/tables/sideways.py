"""A table written sideways, one item per column: "品名 | A产品 | B产品"."""
from __future__ import annotations

from parsers.labels import ITEM_FIELDS, Label, header_label, pair_label
from parsers.pairs import Pair, Span
from parsers.tables.cells import is_nothing
from parsers.tables.table import NUMBER_FIELDS, Table

def transposed_row(cells: list[Span], *, started: bool) -> tuple[Label, list[str]] | None:
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


def transposed_pairs(rows: list[tuple[Label, list[str]]]) -> list[Pair]:
    """One item per column when the rows name two fields of an item and every
    figure reads as one; otherwise each row is a label and its first value."""
    fields = {label.field for label, _values in rows}
    width = max((len(values) for _label, values in rows), default=0)
    readable = all(not value.strip() or Table._reads_as(label.field, value)
                   for label, values in rows if label.field in NUMBER_FIELDS for value in values)
    if len(fields & (ITEM_FIELDS - {"line"})) < 2 or not readable:
        return [Pair(label, next((value for value in values if value.strip()), "")) for label, values in rows]
    pairs: list[Pair] = []
    for column in range(width):
        pairs.append(Pair(Label("line"), "", new_item=True))
        for label, values in rows:
            value = values[column].strip() if column < len(values) else ""
            if value and not is_nothing(value) and label.field != "line":
                pairs.append(Pair(label, value))
    return pairs
