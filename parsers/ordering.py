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

__all__ = ["places_order", "asks_for_count", "only_asks"]

# Fields of an order beyond its items: one of them, or a price, makes the quantity an order's.
_ORDER_FIELDS = frozenset({"customer.address", "requested_delivery_date", "payment_terms", "customer_po",
                           "freight", "stated_total", "unit_price", "amount"})

# Beyond parsers.amounts' units: German, Spanish, Portuguese, Italian, French and Dutch counts of goods.
_FOREIGN_UNITS = {"stück", "stk", "st", "ea", "each", "pces", "nos", "unidades", "unidad", "uds", "ud", "piezas", "pzas",
                  "unités", "pièces", "pezzi", "pz", "unità", "peças", "stuks"}
_ASCII_UNITS = sorted({u.lower() for u in QUANTITY_UNITS if u.isascii()} | _FOREIGN_UNITS, key=len, reverse=True)
_CJK_UNITS = sorted({u for u in QUANTITY_UNITS if not u.isascii()}, key=len, reverse=True)
# A number and a unit of goods: "12000件", "８台", "60 pcs", "1.000 Stück". 个 before 月,
# 工作日 or 小时 is a duration, not a count.
_UNIT = (rf"(?:(?:{'|'.join(map(re.escape, _CJK_UNITS))})(?!月|工作|星期|礼拜|小时|钟|季度|年|项目)"
         rf"|(?:{'|'.join(map(re.escape, _ASCII_UNITS))})(?![a-zäöüéèà]))")
_QUANTITY_RE = re.compile(rf"(?<![A-Za-z0-9.,-]){NUMBER_TEXT}\s*+{_UNIT}", re.IGNORECASE)
# A line that is only a product code and a count: "P001 × 50", "CB-24V x 200", "50 × P004".
_CODE = r"(?=[A-Z0-9-]*\d)[A-Z][A-Z0-9]{0,7}(?:-[A-Z0-9]{1,8}){0,3}"
_TIMES = r"(?:\s*+[×*]\s*+|\s++[xX]\s++)"
_CODE_QUANTITY_RE = re.compile(
    rf"^[ \t]*+(?:[-*•·]\s*+)?(?:{_CODE}{_TIMES}\d++(?:\s*+{_UNIT})?|\d++{_TIMES}{_CODE})[ \t]*+$",
    re.MULTILINE | re.IGNORECASE)
# A buyer's spoken way of asking for a count of goods: "A产品再补50台", "A产品来20台", "再加两台B产品".
# Not in a question or a condition ("要100台的话什么价？"), nor of samples.
_ASKS_FOR_COUNT_RE = re.compile(rf"(?:补|来|加|订|定|要|拿|备)(?:上|个)?\s*+{NUMBER_TEXT}\s*+{_UNIT}", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")
_NOT_ASKING_RE = re.compile(r"[?？吗]|的话|如果|假如|若|是否|样品|sample", re.IGNORECASE)
# A sentence that asks (its end, or 吗/呢 before it) and a clause that supposes ("要100台的话", "如果来20台").
_SENTENCE_END = re.compile(r"[。！!？?；;\n]")
_ASKS_RE = re.compile(r"[?？][\s）)]*$|[吗呢么][\s。.…~～]*$", re.IGNORECASE)
_SUPPOSES_RE = re.compile(r"的话|如果|假如|假设|若是|要是|(?<![a-z])(?:if|in case|should you|supposing)(?![a-z])",
                          re.IGNORECASE)
# A price: an amount with its currency.
_MONEY_RE = re.compile(
    r"(?:[¥￥$€£]|(?<![a-z])(?:rmb|cny|usd|eur|cad|aud|gbp|hkd|nt\$|ntd|jpy|sgd|chf)(?![a-z]))\s*+\d"
    r"|\d[\d,.]*\s*+(?:元|万元|万|块钱|块(?=\d)|円|(?<![a-z])(?:rmb|cny|usd|eur|euro|cad|aud|gbp|hkd|ntd|jpy|sgd|chf|yuan)(?![a-z]))",
    re.IGNORECASE)
# Words of a buyer placing an order, beyond parsers.classify's: a framework order issued, an
# order "below", a German or French order.
_PLACING_RE = re.compile(
    r"下达[^。\n]{0,16}订单|订单如下|要货如下|采购订单如下|(?:我们|我司)(?:定|订)了"
    r"|(?:请|麻烦|烦请)[^。！!?？\n，,]{0,8}(?<![补重退换])(?:送货|送到|送至|送|发货|发到|发至|寄)"
    # a shop owner asking a supplier he knows: "帮我发点货哈", "再送些货过来"
    r"|帮(?:我|我们|忙)[^。！!?？\n，,]{0,4}(?<![补重退换])(?:发|送|寄|备)(?:点|些|一些|一批|一下)?货|(?<![已])(?:发|送|寄|备)(?:点|些)货"
    # our rep passing on a customer's order for entry: "客户在微信上下的单，请录入", "转订单系统录入"
    r"|下(?:了|的)(?:一)?单(?!号)|(?:请|帮忙|麻烦)[^。\n，,]{0,4}录入|录入(?:系统|订单|一下)|转(?:订单)?系统录入"
    r"|(?<![a-z])(?:order (?:below|as follows)|(?:the|our) following (?:order|items)|new (?:purchase )?order"
    r"|bestellen (?:wir|hiermit)|wir bestellen|hiermit bestellen|(?:unsere|folgende) bestellung|bitte liefern sie"
    r"|nous commandons|veuillez (?:nous )?(?:livrer|fournir|expédier|trouver notre commande)|(?:notre|la) commande suivante"
    # Spanish, Portuguese, Italian, Dutch: "le confirmamos el siguiente pedido", "les rogamos nos suministren"
    r"|(?:nuestro|el siguiente|el presente|nosso|o seguinte) pedido|pedido (?:siguiente|de compra)|orden de compra"
    r"|(?:rogamos|ruego|solicitamos|pedimos|agradeceríamos)(?: que)? (?:nos )?(?:suministr|envi|envíen|sirv|remit|despach)"
    r"|(?:queremos|deseamos|quisiéramos|quisiera) (?:pedir|encargar|comprar|realizar (?:un|el siguiente) pedido)"
    r"|(?:il nostro|il seguente) ordine|vi preghiamo di (?:fornirci|inviarci|spedirci)|ordiniamo"
    r"|wij bestellen|(?:onze|de volgende) bestelling)",
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
    if not (ordering or _PLACING_RE.search(head) or asks_for_count(head)):
        return False
    if _NOT_NOW_RE.search(head) or _NOT_NOW_RE.search(subject or ""):
        return False
    if not (_QUANTITY_RE.search(head) or _CODE_QUANTITY_RE.search(head)):
        return False
    filled = {pair.label.field for pair in pairs if pair.value}
    return bool(filled & _ORDER_FIELDS) or bool(_MONEY_RE.search(head))


def asks_for_count(text: str) -> bool:
    """Whether a clause asks for a count of goods in spoken words ("A产品再补50台", "来20台"),
    not in a question, a condition or of samples."""
    for found in _ASKS_FOR_COUNT_RE.finditer(text):
        start = max((m.end() for m in _CLAUSE_END.finditer(text, max(0, found.start() - 40), found.start())),
                    default=max(0, found.start() - 40))
        end = _CLAUSE_END.search(text, found.end())
        clause = text[start:end.end() if end else len(text)]
        if not _NOT_ASKING_RE.search(clause):
            return True
    return False


def only_asks(text: str) -> bool:
    """Whether every sentence that names a quantity of goods asks or supposes rather than
    orders ("A产品要100台的话什么价？", "what is your price for 200 pcs of P001?"): a question
    about an order not placed, however its product and count read. False when no quantity
    is named. `text` is Simplified."""
    head = text[:5000]
    named = False
    for found in _QUANTITY_RE.finditer(head):
        named = True
        start = max((m.end() for m in _SENTENCE_END.finditer(head, max(0, found.start() - 200), found.start())),
                    default=max(0, found.start() - 200))
        end = _SENTENCE_END.search(head, found.end())
        sentence = head[start:end.end() if end else len(head)]
        if _ASKS_RE.search(sentence.rstrip()):
            continue
        clause_start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, found.start() - start)), default=0)
        clause_end = _CLAUSE_END.search(sentence, found.end() - start)
        if not _SUPPOSES_RE.search(sentence[clause_start:clause_end.start() if clause_end else len(sentence)]):
            return False
    return named
