"""A label and its value as read from an order's text (Pair), and the spans
of a line they are cut from: a line is read in its NFKC form (labels, colons,
digits) while a value keeps the customer's wording."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from parsers.labels import Label, find_labels, pair_label

VALUE_TRIM = " \t,;、|"


@dataclass
class Pair:
    label: Label
    value: str  # as the customer wrote it (full-width characters kept)
    new_item: bool = False  # a table row: its cells are one line item


class Span:
    """A piece of a line read in its NFKC form (labels, colons, digits) while
    the value keeps the customer's wording ("尽快，越快越好", not "尽快,越快越好")."""

    __slots__ = ("orig", "norm", "index")

    def __init__(self, orig: str, norm: str, index: list[int] | None) -> None:
        self.orig, self.norm, self.index = orig, norm, index

    @classmethod
    def of(cls, line: str) -> "Span":
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

    def sub(self, start: int, stop: int) -> "Span":
        orig = self.orig[self._at(start):self._at(stop)]
        index = None if self.index is None else [i - self._at(start) for i in self.index[start:stop + 1]]
        return Span(orig, self.norm[start:stop], index)

    def strip(self, chars: str = " \t") -> "Span":
        start = len(self.norm) - len(self.norm.lstrip(chars))
        stop = len(self.norm.rstrip(chars))
        return self.sub(start, max(start, stop))


def inline_pairs(span: Span) -> list[Pair]:
    found = find_labels(span.norm)
    pairs = []
    for number, (label, _start, end) in enumerate(found):
        stop = found[number + 1][1] if number + 1 < len(found) else len(span.norm)
        value = span.sub(end, stop).strip(VALUE_TRIM).orig
        if label.field == "sku" and value and not any(char.isdigit() for char in value):
            continue  # "MATERIAL: SPCC, ZINC PLATED" on a drawing: a material, no item code
        pairs.append(Pair(label, value))
    return pairs


def cell_pairs(cells: list[Span]) -> list[Pair]:
    pairs: list[Pair] = []
    bare: list[tuple[int, str]] = []  # cells that gave nothing: (where in pairs, their text)
    position = 0
    while position < len(cells):
        label = pair_label(cells[position].norm)
        following = cells[position + 1] if position + 1 < len(cells) else None
        if (label and following is not None and pair_label(following.norm) is None
                and not find_labels(following.norm)):
            pairs.append(Pair(label, following.strip(VALUE_TRIM).orig))
            position += 2
        else:
            found = inline_pairs(cells[position])
            if not found and _WORDS.search(cells[position].norm):
                bare.append((len(pairs), cells[position].strip(VALUE_TRIM).orig))
            pairs.extend(found)
            position += 1
    return _with_bare_name(pairs, bare)


_WORDS = re.compile(r"[A-Za-z\u4e00-\u9fff]{2}")
_ITEM_PARTS = frozenset({"sku", "quantity", "unit_price", "amount", "spec"})


def _with_bare_name(pairs: list[Pair], bare: list[tuple[int, str]]) -> list[Pair]:
    """"SKU: P004 | Control board | Qty: 40 pcs": in an item line of labelled
    cells, the one cell without a label is the item's name."""
    fields = {pair.label.field for pair in pairs}
    if len(bare) != 1 or "name" in fields or len(fields & _ITEM_PARTS) < 2:
        return pairs
    at, text = bare[0]
    return pairs[:at] + [Pair(Label("name"), text)] + pairs[at:]
