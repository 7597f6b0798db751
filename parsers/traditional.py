"""Traditional Chinese forms of the words the readers look for.

Customers in Hong Kong and Taiwan write 數量, 單價, 聯絡人, 客戶編號 where the
readers know 数量, 单价, 联系人, 客户编号. Rather than convert the email (the
values must stay as written: 信義精密工業股份有限公司 is that company's name),
every Simplified keyword gains its Traditional forms, by OpenCC's standard
(s2t), Taiwan (s2twp, with its own words: 联系人 → 聯絡人) and Hong Kong (s2hk)
conversions.
"""
from __future__ import annotations

from functools import lru_cache

import opencc

__all__ = ["with_traditional"]

_CONFIGS = ("s2t", "s2twp", "s2hk")


@lru_cache(maxsize=1)
def _converters() -> tuple[opencc.OpenCC, ...]:
    return tuple(opencc.OpenCC(config) for config in _CONFIGS)


def with_traditional(words) -> tuple[str, ...]:
    """The words, each followed by its Traditional forms (ASCII words as they are), no repeats."""
    found: dict[str, None] = {}
    for word in words:
        found[word] = None
        if not word.isascii():
            for converter in _converters():
                found[converter.convert(word)] = None
    return tuple(found)
