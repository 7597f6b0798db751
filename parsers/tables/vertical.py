"""A table written one cell per line (or per paragraph), as Outlook's
plain-text part gives a table."""
from __future__ import annotations

from parsers import amounts
from parsers.labels import header_label, summary_kind
from parsers.tables.cells import joined
from parsers.tables.headers import Column, header_kind
from parsers.tables.table import Table
from parsers.text import normalize

VERTICAL_MAX = 16  # header lines read when each header cell stands on a line of its own


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
                text = joined(text, lines[position].strip())
                position += 1
        else:
            text = lines[position].strip()
            position += 1
        yield text, position, blank


def vertical_table(lines: list[str], start: int) -> tuple[Table, int] | int:
    """A table written one cell per line, as Outlook's plain-text part gives
    a table: the header cells, then each row's cells. When the cells are set
    apart by blank lines, a cell may take several lines ("物料编码" over "Item
    No.") and an extra blank line is an empty cell. When there is no such
    table, the position up to which header lines were read."""
    blocks = start + 1 < len(lines) and not lines[start + 1].strip()
    cells = _vertical_cells(lines, start, blocks)
    columns: list[Column] = []
    gaps: list[int] = []
    position = start
    for text, after, blank in cells:
        text = normalize(text)
        label = header_label(text) if ":" not in text else None
        if label is None or len(columns) >= VERTICAL_MAX:
            break
        columns.append(Column(label, text))
        gaps.append(blank)
        position = after
    if len(columns) < 3 or header_kind(columns) != "items":
        return max(position, start + 1)
    gap = min(gaps[1:]) if blocks else 0
    table = Table("vertical", columns)
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
