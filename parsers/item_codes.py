"""A bracket naming an item's code, and its spec beside it: "B产品（物料号P002，规格L-800×400）",
"Steuerplatine, Typ CB-24V (Art.-Nr. P004)". Shared by the sentence reader and the line builder."""
from __future__ import annotations

import re

__all__ = ["bracketed_codes"]

CODE_WORDS = (r"(?:物料号|物料編號|物料编号|料号|料號|货号|貨號|编码|編碼|产品编号|產品編號|品番|Art\.?-?\s*+Nr\.?|Artikelnummer"
              r"|Artikel-Nr\.?|SKU|Part\s*+No\.?|Item\s*+(?:no\.?|code)|Ref\.?|Referencia|Código|Artikelnr\.?)")
_CODES_BRACKET = re.compile(rf"\s*+[（(]([^（）()]*?{CODE_WORDS}[^（）()]*)[)）]", re.IGNORECASE)
_CODE_PART = re.compile(rf"^{CODE_WORDS}\s*+[:：#]?\s*+(?P<v>[A-Za-z0-9][A-Za-z0-9\-_/.]*\d[A-Za-z0-9\-_/.]*)$", re.IGNORECASE)
_SPEC_PART = re.compile(r"^(?:规格型号|规格|型号|規格|型號|型式|model|modelo|spec|size|type|Typ)\s*+[:：]?\s*+(?P<v>\S.*)$",
                        re.IGNORECASE)


def bracketed_codes(text: str) -> tuple[str, str | None, str | None]:
    """A bracket naming the item's code and spec ("B产品（物料号P002，规格L-800×400）",
    "CB-24V (Art.-Nr. P004)"): the text without it, the code, the spec."""
    found = _CODES_BRACKET.search(text)
    if not found:
        return text, None, None
    sku = spec = None
    for part in re.split(r"[，,;；]", found[1]):
        labelled = _CODE_PART.match(part.strip())
        if labelled:
            sku = sku or labelled["v"]
            continue
        stated = _SPEC_PART.match(part.strip())
        if stated:
            spec = spec or stated["v"].strip()
    if sku is None:
        return text, None, None
    return (text[:found.start()] + text[found.end():]).strip(), sku, spec
