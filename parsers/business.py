"""Whether a message talks business: quantities of goods with prices,
products or amounts. Mail the pipeline cannot place but that talks like
this goes to a sales rep instead of being filed unread ("老样子，A产品再来
一百台，价格按上次的"). Two kinds of signal are needed, so a signature
with a phone number or a lone price in a newsletter does not count."""
from __future__ import annotations

import re
import unicodedata

__all__ = ["talks_business"]

_NUMBER = r"(?:\d[\d,]*(?:\.\d+)?|[一二两三四五六七八九十百千万]+)"
_UNIT = (r"(?:台|件|个|套|箱|吨|公斤|千克|米|卷|把|支|只|瓶|桶|包|袋|盒|片|块|张|条|根|副|组|批|托|"
         r"(?<![a-z])(?:pcs|pieces|units?|sets?|boxes|cartons|kg|tons?|rolls|pallets|dozen)(?![a-z]))")
_QUANTITY = re.compile(_NUMBER + r"\s*" + _UNIT, re.IGNORECASE)
_MONEY = re.compile(r"[¥$€]\s*\d|\d[\d,.]*\s*(?:元|万元|块钱|(?<![a-z])(?:rmb|cny|usd|yuan)(?![a-z]))"
                    r"|(?<![a-z])(?:rmb|cny|usd)\s*\d", re.IGNORECASE)
_GOODS = re.compile(r"产品|货|型号|规格|品名|物料|配件|订购|采购|下单|订单|再来|补货|老样子|照旧|按上次|价格|单价|报价|"
                    r"(?<![a-z])(?:products?|items?|sku|model|goods|order|purchase|price|quote|reorder|same as last)"
                    r"(?![a-z])", re.IGNORECASE)


def talks_business(text: str) -> bool:
    text = unicodedata.normalize("NFKC", text or "")[:20_000]
    signals = [bool(_QUANTITY.search(text)), bool(_MONEY.search(text)), bool(_GOODS.search(text))]
    return signals[0] and sum(signals) >= 2 or (signals[1] and signals[2])
