"""A label and its value as read from an order's text (Pair), and the spans
of a line they are cut from: a line is read in its NFKC form (labels, colons,
digits) while a value keeps the customer's wording."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from parsers import amounts
from parsers.labels import ITEM_FIELDS, Label, find_labels, header_label, pair_label

VALUE_TRIM = " \t,;、|/"


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
            if not found and cells[position].norm.strip():
                bare.append((len(pairs), cells[position].strip(VALUE_TRIM).orig))
            pairs.extend(found)
            position += 1
    return _with_bare_cells(pairs, bare)


_WORDS = re.compile(r"[A-Za-z\u4e00-\u9fff]{2}")
_ITEM_PARTS = frozenset({"sku", "quantity", "unit_price", "amount", "spec"})
_CELL_PAIR = re.compile(r"^(?P<label>[^:：]{1,12})[:：]\s*+(?P<value>\S.*)$")
_GLUED_CELL = re.compile(r"^(?P<label>规格型号|规格|型号|數量|数量|单价|單價|金额|金額|单位|單位|编码|編碼|料号|货号)(?P<value>[^:：]*\d.*)$")
_LIST_MARK = re.compile(r"^(?:\d{1,3}\s*+[/、)）.]|[(（]\d{1,3}[)）]|[-*•·])\s*+(?=\D)")
_PRICE_WORD = re.compile(r"^(?:unit\s++price|price|preis|precio|prix|preço|单价|價格|价格)\s*+[:：]?\s*+", re.IGNORECASE)
_SPEC_CELL = re.compile(r"^(?:规格型号|规格|型号|型式|規格|型號|Typ|Type|Model|Size|Spec)\s*+[:：]?\s*+(?P<value>\S.*)$", re.IGNORECASE)
_MONEY_CELL = re.compile(r"元|[¥￥$€£]|\b(?:RMB|CNY|USD|EUR|HKD|GBP|JPY)\b", re.IGNORECASE)
_ITEM_CODE = re.compile(r"(?=[^\s]*\d)[A-Za-z0-9][A-Za-z0-9._\-/#]{1,39}")


def _money(text: str) -> str | None:
    """A cell that is a price: "500元/台", "price 145 USD/pc" (the word dropped)."""
    if not _MONEY_CELL.search(text):
        return None
    figure = _PRICE_WORD.sub("", text)
    return figure if amounts.parse_amount(figure) is not None else None


def _cell_label(text: str) -> Pair | None:
    """A cell led by a column's word, with or without a colon: "编码：P002", "规格L-800×400", "数量10台"."""
    cell = _CELL_PAIR.match(text) or _GLUED_CELL.match(text)
    label = header_label(cell["label"]) if cell else None
    if label is None or label.field not in ITEM_FIELDS or not cell["value"].strip():
        return None
    return Pair(label, cell["value"].strip())


def _with_bare_cells(pairs: list[Pair], bare: list[tuple[int, str]]) -> list[Pair]:
    """"SKU: P004 | Control board | Qty: 40 pcs", "编码：P002 | B产品 | 数量：4台",
    "P004 | 控制板 | 数量：60片": in an item line of labelled cells, a cell
    labelled with a column's word (编码) is that column's; of the cells without
    a label, a code is the item code and words are the item's name."""
    fields = {pair.label.field for pair in pairs}
    if not bare:
        return pairs
    found: list[tuple[int, Pair]] = []
    labelled = [(at, _cell_label(text)) for at, text in bare]
    parts = sum(1 for (_, pair), (_, text) in zip(labelled, bare)
                if (pair and pair.label.field in _ITEM_PARTS) or _SPEC_CELL.match(text) or _money(text))
    if len(fields & _ITEM_PARTS) + parts < 2:
        return pairs
    for (at, text), (_, pair) in zip(bare, labelled):
        if pair is not None and pair.label.field not in fields:
            found.append((at, pair))
        elif _SPEC_CELL.match(text) and "spec" not in fields:
            found.append((at, Pair(Label("spec"), _SPEC_CELL.match(text)["value"])))
        elif _money(text) and "unit_price" not in fields:
            found.append((at, Pair(Label("unit_price"), _money(text))))  # "500元/台", "price 145 USD/pc"
        elif _ITEM_CODE.fullmatch(text) and "sku" not in fields:
            found.append((at, Pair(Label("sku"), text)))
        elif _WORDS.search(text) and "name" not in fields:
            found.append((at, Pair(Label("name"), _LIST_MARK.sub("", text))))  # "1/ Hydraulic cylinder"
        else:
            continue
        fields.add(found[-1][1].label.field)
    for at, pair in reversed(found):
        pairs.insert(at, pair)
    return pairs
