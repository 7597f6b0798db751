"""Text in Simplified characters, for the classifier's word patterns only.

The kind of a message is told by words ("报价如下", "订购", "发票号码"); a
Taiwan or Hong Kong writer's 報價單, 訂購 and 發票號碼 are the same words. The
classifier reads a Simplified copy (OpenCC t2s) of the subject and the new text
and keeps its patterns in one script; the values the readers take stay as
written (parsers.traditional adds the Traditional forms of their keywords).
"""
from __future__ import annotations

from functools import lru_cache

import opencc

__all__ = ["simplified"]


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=256)
def simplified(text: str) -> str:
    """The text with Traditional characters in their Simplified forms (ASCII text as it is)."""
    if text.isascii():
        return text
    return _converter().convert(text)
