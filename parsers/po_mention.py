"""An order number named without a label ("钢材采购订单 XG-0415",
"PO 4500018832", "Order / 订单 YZ-2404-88"): the customer's PO when no label
gives one."""
from __future__ import annotations

import re

from parsers.traditional import with_traditional

PO_MENTION = "customer_po_mention"
# A number named in a reply's subject ("RE: PO 7781 shipment") is the thread's: the body's own wins over it.
PO_MENTION_IN_REPLY = "customer_po_mention_in_reply"
REPLY_SUBJECT = re.compile(r"^\s*+(?:(?:re|aw|sv|antw|回复|回覆|答复)\s*+[:：]\s*+)+", re.IGNORECASE)
# Words that name the buyer's own purchase order: after them a plain number of four digits is one.
_PURCHASE_WORDS = "|".join(with_traditional(["采购订单", "采购单", "订购单", "订货单"]) + (
    r"(?<![A-Za-z])P\.?O\.?(?![A-Za-z])", r"purchase\s*+order", "Bestellung", "Bestellnummer", "Bestell-Nr",
    "Pedido", "Bestelling", "Commande", "Ordine",
    "注文番号", "注文書", "発注番号", "発注書"))
_ORDER_WORD = "|".join(with_traditional(["订单", "合同", "第一单", "新单", "下单"]) + (r"(?<![A-Za-z])order", "Auftrag", "注文"))
_PO_MENTION = re.compile(
    rf"(?:(?P<purchase>{_PURCHASE_WORDS})|{_ORDER_WORD})"
    r"[ \t]*+(?:确认|確認|确定|編號|编号|号码|號碼|号|號|no\.?|nr\.?|number|#)?[ \t]*+(?:[:#/：]|\bis\b)?[ \t]*+(?:订单[ \t]*+)?"
    r"(?=[A-Za-z0-9\-_/.]*\d)(?P<po>[A-Za-z0-9][A-Za-z0-9\-_/.]{2,30}[A-Za-z0-9])(?![A-Za-z0-9\-_/]|\.[A-Za-z0-9])", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_NEW = re.compile(r"\bnew\b|新|neue|nuevo|nouvelle", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d{2}")
_OUR_ORDER_NO = re.compile(r"SO\d{10,}", re.IGNORECASE)
_ORDER_WORDS = ("单", "單", "合同", "po", "p.o", "order", "bestell", "auftrag", "注文", "発注", "pedido", "commande", "ordine")


# A code that says it is a purchase order: "DF-PO-260209", "NW-PO-5521", "PO2024-118".
_PO_CODE = re.compile(r"(?<![A-Za-z0-9-])(?:[A-Z0-9]{1,6}-)?PO-?(?=[A-Z0-9-]*\d{3})[A-Z0-9]+(?:-[A-Z0-9]+)*(?![A-Za-z0-9-])")


def po_mention(text: str) -> str | None:
    """The order number after an order word, when it looks like one: a code
    with a digit and a letter, or six digits or more; not a date."""
    if len(text) > 300:
        return None
    lower = text.lower()
    if not any(word in lower for word in _ORDER_WORDS):
        return None
    found_numbers = []
    for found in _PO_MENTION.finditer(text):
        po = found["po"].rstrip(".")
        if not any(char.isdigit() for char in po) or _DATE_LIKE.fullmatch(po) or _YEAR.fullmatch(po) or _OUR_ORDER_NO.fullmatch(po):
            continue
        digits = sum(char.isdigit() for char in po)
        if any(char.isalpha() for char in po) or digits >= 6 or (found["purchase"] and digits >= 4):
            found_numbers.append((po, found.start()))
    # "Thanks for the update on PO 7781 … please book a new order, PO 7824": the new one is this mail's
    newer = [po for po, at in found_numbers if _NEW.search(text, max(0, at - 24), at)]
    if not found_numbers and "PO" in text:
        coded = _PO_CODE.search(text)
        return coded.group(0) if coded else None
    return (newer or [po for po, _ in found_numbers] or [None])[0]
