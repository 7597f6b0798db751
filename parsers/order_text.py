"""An order written as "label: value" lines or pasted as a table → an OrderDraft
and its problems.

Reads full-width and half-width colons (and "label = value"), several pairs on
one line ("数量:100 单价:500"), table rows of label and value cells, and item
tables (parsers/tables): a header row of column names and one row per item,
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
the header of an aligned or a one-cell-per-line table (parsers/pair_reader.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from orders.model import CustomerInfo, DraftLine, OrderDraft, PaymentTerms, Problem
from parsers import amounts
from parsers.dates import read_date
from parsers.item_codes import bracketed_codes
from parsers.labels import ITEM_FIELDS, LABEL_RE, Label, is_unit
from parsers.pair_reader import PairReader
from parsers.pairs import Pair
from parsers.entities import company_in
from parsers.po_mention import PO_MENTION, PO_MENTION_IN_REPLY
from parsers.traditional import with_traditional
from parsers.quotes import strip_quoted, strip_signature
from parsers.tables.totals import GOODS_OR_TOTAL
from parsers.text import normalize, quoted

__all__ = ["Pair", "read_pairs", "build_draft", "order_body", "parse_order_text", "count_items"]

MAX_TEXT = 100_000  # characters read from one body; an order is far shorter
_EMAIL = re.compile(r"(?<![^\s<>\"'(),;:@])[^\s<>\"'(),;:@]+@[^\s<>\"'(),;:@]+\.[^\s<>\"'(),;:@]+")
_RATE = re.compile(r"%|折")
# A spec that only says "custom": the procedure asks for a drawing or parameters.
_CUSTOM_SPEC = re.compile(r"(?:客户|按需|非标)?定制(?:规格|型号|尺寸)?|非标(?:规格)?|按图(?:纸)?(?:定制|加工)?"
                          r"|custom(?:ized|ised)?(?: spec(?:ification)?| size)?|tbd|待定", re.IGNORECASE)
# Long runs of blank lines, cut to four: the quote and signature searches start
# a match at every line start, and a long run of blank lines made that quadratic.
_BLANK_LINES = re.compile(r"\n(?:[ \t\r\f\v\u3000\u00a0]*+\n){5,}")


@dataclass
class _Item:
    values: dict[str, tuple[str, Label]] = field(default_factory=dict)


def read_pairs(text: str) -> list[Pair]:
    """Every label and its value, in the order written; the rows of item
    tables as line items (see the notes on tables above)."""
    return PairReader(text[:MAX_TEXT]).read()


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
        if name == "unit" and not pair.new_item and _is_company(pair.value):
            pair = Pair(Label("customer.name"), pair.value)  # "单位：成都蜀川环保设备有限公司": the buyer's work unit
            name = "customer.name"
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


# How the writer writes 03/06/2025: day first in Britain, Europe, India, Australia, Singapore and Hong Kong,
# month first in the United States; told by the currency, the phone's country code or the country named.
_DAY_FIRST = re.compile(r"GBP|£|EUR|€|AUD|A\$|INR|₹|SGD|S\$|HKD|HK\$|NZD|\+(?:44|61|91|65|852|49|33|31|34|39|353|64)\b"
                        r"|United Kingdom|\bUK\b|England|Scotland|Australia|India|Singapore|Hong Kong|Ireland|New Zealand"
                        r"|Germany|Deutschland|France|Netherlands|Spain|España|Italy", re.IGNORECASE)
_MONTH_FIRST = re.compile(r"\b(?:USA|U\.S\.A?\.?|United States)\b|\b[A-Z]{2} \d{5}(?:-\d{4})?\b|\+1[ -]?\(?\d{3}")


def _writes_day_first(pairs: list[Pair]) -> bool | None:
    text = " ".join(f"{pair.label.paren or ''} {pair.value}" for pair in pairs[:200])
    day_first, month_first = bool(_DAY_FIRST.search(text)), bool(_MONTH_FIRST.search(text))
    return day_first if day_first != month_first else None


def _is_company(value: str) -> bool:
    value = value.strip()
    return len(value) > 4 and company_in(value, strong=True) == value


def count_items(pairs: list[Pair]) -> int:
    """How many line items the pairs describe: to choose between two readings
    of one mail (its plain-text part and its HTML part)."""
    return len(_group_items(pairs)[0])


class _Reader:
    """Turns values into typed fields, collecting problems as it goes."""

    def __init__(self, reference_date: date | None, pairs: list[Pair] | None = None) -> None:
        self.reference_date = reference_date
        self.pairs = pairs or []
        self.problems: list[Problem] = []

    def problem(self, where: str, code: str, detail: str) -> None:
        self.problems.append(Problem(field=where, code=code, detail=detail))

    def amount(self, where: str, value: str):
        value = value.rstrip("。；;，, ") or value  # "总计：61.6万元。": the sentence's stop is no part of the sum
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
        # "优惠：-1000元": a discount written as the minus it takes off is that amount.
        return self.amount(where, re.sub(r"^\s*[-−–]\s*(?=[\d¥￥$€£]|[A-Z]{3}\s*\d)", "", value))

    def line(self, number: int, item: _Item) -> DraftLine:
        values = {name: value for name, (value, _label) in item.values.items()}
        labels = {name: label for name, (_value, label) in item.values.items()}
        name, spec, sku = values.get("name"), values.get("spec"), values.get("sku")
        if name and not sku:
            name, sku, stated = bracketed_codes(name)  # "B产品（编码P002）"
            spec = spec or stated
        if name and not spec:
            name, spec = _bracketed_spec(name)
        line = DraftLine(line_no=number, sku=_code(sku), name=name, spec=spec,
                         unit=_code(values.get("unit")))
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
        if reading.status == "vague" and self.pairs:  # "03/06/2025": ask the rest of the mail how its writer dates
            day_first = _writes_day_first(self.pairs)
            if day_first is not None:
                reading = read_date(value, self.reference_date, day_first=day_first)
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


_SENTENCE_END = re.compile(r"[。！？!?；;]")
# "控制板（型号 CB-24V）", "Control board (model CB-24V)", "A产品 规格L-500×300": a name that carries its spec.
_SPEC_WORD = "|".join(with_traditional(["规格型号", "规格", "型号", "型式"]) + ("model", "spec", "type", "Typ"))
_BRACKETED_SPEC = re.compile(rf"\s*+[(（]\s*+(?:{_SPEC_WORD})\s*+[:：]?\s*+(?P<spec>[^()（）]{{1,40}}?)\s*+[)）]\s*+$"
                             rf"|\s++(?:{_SPEC_WORD})\s*+[:：]?\s*+(?P<glued>[A-Za-z0-9][^\s]{{0,30}})\s*+$", re.IGNORECASE)


def _bracketed_spec(name: str) -> tuple[str, str | None]:
    found = _BRACKETED_SPEC.search(name)
    if not found or found.start() == 0:
        return name, None
    return name[:found.start()].strip(" ,，;；"), (found["spec"] or found["glued"]).strip()
_CUSTOMER = {"customer.name": "name", "customer.code": "code", "customer.contact": "contact",
             "customer.phone": "phone", "customer.address": "address"}
_MONEY = ("freight", "stated_goods_total", "stated_total")


def build_draft(pairs: list[Pair], *, reference_date: date | None = None) -> tuple[OrderDraft, list[Problem]]:
    """The draft the pairs describe, and what in them could not be read."""
    reader = _Reader(reference_date, pairs)
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
    for mention in (PO_MENTION, PO_MENTION_IN_REPLY):
        if draft.customer_po is None:
            draft.customer_po = next((normalize(pair.value) for pair in rest if pair.label.field == mention), None)
    if draft.stated_total is None and not (draft.freight or draft.discount):
        total = next((pair.value for pair in rest if pair.label.field == GOODS_OR_TOTAL and pair.value), None)
        draft.stated_total = amounts.parse_amount(total) if total is not None else None
    return draft, reader.problems


def _set_field(draft: OrderDraft, reader: _Reader, name: str, value: str) -> None:
    if name in ("customer.code", "customer.phone", "customer_po"):
        value = normalize(value)
    if name in _CUSTOMER:
        # A customer field ends with its sentence: "兴滨路2号。到了打我电话…", "0931-2612345。"
        value = _SENTENCE_END.split(value, 1)[0].strip() or value
        setattr(draft.customer, _CUSTOMER[name], value)
    elif name == "customer.email":
        found = _EMAIL.search(normalize(value))
        if found:
            draft.customer.email = found.group(0).lower()
        else:
            reader.problem("customer.email", "invalid", f"not an email address: {quoted(value)}")
    elif name == "customer_po":
        # "(our PO: SCF-2291):" — the bracket and colon around a number are the sentence's, not the number's
        draft.customer_po = value.strip(" ）)]】:：,，.。;；") or value
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
