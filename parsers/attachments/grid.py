"""Rows of cells → the text the order readers read: the item table's header
found, bilingual header cells written as their Chinese label, cells joined by
tabs, empty columns and rows dropped (see the package docstring)."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import islice

from parsers.attachments.limits import MAX_CELL, MAX_COLUMNS, MAX_ROWS
from parsers.labels import Label, label_cell

_CORE_FIELDS = frozenset({"name", "sku", "quantity"})
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# A header cell in two languages: the runs with Chinese in them and the runs without.
_SCRIPT_RUNS = re.compile(r"[^A-Za-z]*[\u3400-\u9fff][^A-Za-z]*|[^\u3400-\u9fff]+")
_REQUIRED_MARK = re.compile(r"^[*＊]+|[*＊]+$")
# The reader splits cells at tabs and bars: inside a cell they become a space and a slash.
_CELL_BREAKS = str.maketrans({"\t": " ", "\r": " ", "\n": " ", "|": "/", "｜": "/", "\x00": None})
_SPACES = re.compile(r"[ \u00a0\u3000]{2,}")
_ENGLISH = re.compile(r"[A-Za-z][A-Za-z .'&/()\-]*[A-Za-z.)]")
_LATIN = re.compile(r"[A-Za-z]")
_NUMBER = re.compile(r"[\d.,%¥$+\-\s]+")




def clean_cell(cell) -> str:
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


def is_label_cell(cell: str) -> bool:
    return _header_label(cell) is not None


def header_columns(row: list[str]) -> list[int] | None:
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
        cells = [clean_cell(cell) for cell in list(row)[:MAX_COLUMNS]]
        if any(cells):
            grid.append(cells)
    used = sorted({n for cells in grid for n, cell in enumerate(cells) if cell})
    if len(used) < max((len(cells) for cells in grid), default=0):
        grid = [[cells[n] if n < len(cells) else "" for n in used] for cells in grid]
    lines = []
    for cells in grid:
        if header_columns(cells) is not None:
            cells = [found[0] if found else cell for cell, found in zip(cells, map(_header_label, cells))]
        else:
            cells = [_bilingual_label(cell) for cell in cells]
        while cells and not cells[-1]:
            cells.pop()
        lines.append("\t".join(cells))
    return "\n".join(lines) + ("\n" if lines else "")

