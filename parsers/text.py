"""Small text helpers shared by the readers."""
from __future__ import annotations

import unicodedata

__all__ = ["normalize", "quoted"]

QUOTE_MAX = 60


def normalize(text: str) -> str:
    """NFKC and stripped: full-width digits, colons and brackets become ASCII,
    ￥ (U+FFE5, the GBK yuan sign) becomes ¥."""
    return unicodedata.normalize("NFKC", text).strip()


def quoted(value: str) -> str:
    """A value as a problem's detail quotes it: in quotes, and short."""
    value = value.strip()
    return repr(value if len(value) <= QUOTE_MAX else value[:QUOTE_MAX - 1] + "…")
