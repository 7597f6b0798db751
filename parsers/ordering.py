"""Whether a new message places an order whose items the label and sentence
readers could not take apart.

An order is a commitment to buy: the writer asks for goods in words of its
own ("我司下达…订单如下", "Please book the order below", "hiermit bestellen
wir", "麻烦分两处送"; a subject that says order is not enough, since a supplier's
notice names our PO there too), names a quantity of them ("12000件", "60 pcs",
"250 Stück") and says what else an order says: a price, where or when to
deliver, how to pay, its PO number. Such a message is an order even when its item lines are written in a
way no reader takes apart ("60 pcs   P004  Control board …", "Pos. 1: …"):
its missing items become questions, not a message nobody reads.

What the mail reports or puts off (a quotation, an invoice, a shipping notice,
a forecast, a supplier's confirmation of our order) is told earlier
(parsers.classify); a question about an order already placed ("我们5月8号下的
那单什么时候发？", "when will our order PO-123 ship?") asks for no goods, and
a request for a quotation orders nothing yet.
"""
from __future__ import annotations

import re

from parsers.amounts import NUMBER_TEXT, QUANTITY_UNITS
from parsers.order_text import Pair

__all__ = ["places_order"]

# Fields of an order beyond its items: one of them, or a price, makes the quantity an order's.
_ORDER_FIELDS = frozenset({"customer.address", "requested_delivery_date", "payment_terms", "customer_po",
                           "freight", "stated_total", "unit_price", "amount"})

_ASCII_UNITS = sorted({u.lower() for u in QUANTITY_UNITS if u.isascii()} | {"stück", "stk", "st", "ea", "each",
                                                                             "pces", "nos"}, key=len, reverse=True)
_CJK_UNITS = sorted({u for u in QUANTITY_UNITS if not u.isascii()}, key=len, reverse=True)
# A number and a unit of goods: "12000件", "８台", "60 pcs", "1.000 Stück". 个 before 月,
# 工作日 or 小时 is a duration, not a count.
_QUANTITY_RE = re.compile(
    rf"(?<![A-Za-z0-9.,-]){NUMBER_TEXT}\s*+(?:(?:{'|'.join(map(re.escape, _CJK_UNITS))})(?!月|工作|星期|礼拜|小时|钟|季度|年|项目)"
    rf"|(?:{'|'.join(map(re.escape, _ASCII_UNITS))})(?![a-zäöü]))",
    re.IGNORECASE)
# A price: an amount with its currency.
_MONEY_RE = re.compile(
    r"(?:[¥￥$€£]|(?<![a-z])(?:rmb|cny|usd|eur|cad|aud|gbp|hkd|nt\$|ntd|jpy|sgd|chf)(?![a-z]))\s*+\d"
    r"|\d[\d,.]*\s*+(?:元|万元|万|块钱|円|(?<![a-z])(?:rmb|cny|usd|eur|euro|cad|aud|gbp|hkd|ntd|jpy|sgd|chf|yuan)(?![a-z]))",
    re.IGNORECASE)
# Words of a buyer placing an order, beyond parsers.classify's: a framework order issued, an
# order "below", a German or French order.
_PLACING_RE = re.compile(
    r"下达[^。\n]{0,16}订单|订单如下|要货如下|采购订单如下|(?:我们|我司)(?:定|订)了"
    r"|(?:请|麻烦|烦请)[^。！!?？\n，,]{0,8}(?<![补重退换])(?:送货|送到|送至|送|发货|发到|发至|寄)"
    r"|(?<![a-z])(?:order (?:below|as follows)|(?:the|our) following (?:order|items)|new (?:purchase )?order"
    r"|bestellen (?:wir|hiermit)|wir bestellen|hiermit bestellen|nous commandons|veuillez (?:livrer|trouver notre commande))",
    re.IGNORECASE)
# A question about an order already placed, or a request for prices: no goods asked for now.
_NOT_NOW_RE = re.compile(
    r"什么时候|啥时候|何时|几时|到哪了|催一下|还没(?:有)?(?:到|发|收)|有没有发|发了没"
    r"|询价|报个价|报价给|请报价|报一下价"
    r"|(?<![a-z])(?:when (?:will|can|do|does|did)|status (?:of|update)|not (?:yet )?(?:arrived|received"
    r"|shipped|delivered)|still waiting|haven'?t (?:yet )?received|please (?:quote|advise (?:your|the) price)"
    r"|request for (?:a )?quot|\bRFQ\b)",
    re.IGNORECASE)


def places_order(text: str, subject: str, pairs: list[Pair], ordering: bool) -> bool:
    """Whether the new text `text` (Simplified, its quotes removed) places an order:
    `ordering` (parsers.classify found a buyer's ordering words) or words of its own, no
    question about an order placed before, a quantity of goods, and a price or another
    order field in `pairs`. (`subject` may only say it asks for prices.)"""
    head = text[:5000]
    if not (ordering or _PLACING_RE.search(head)):
        return False
    if _NOT_NOW_RE.search(head) or _NOT_NOW_RE.search(subject or ""):
        return False
    if not _QUANTITY_RE.search(head):
        return False
    filled = {pair.label.field for pair in pairs if pair.value}
    return bool(filled & _ORDER_FIELDS) or bool(_MONEY_RE.search(head))
