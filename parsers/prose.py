"""Orders written as sentences → the same label/value pairs a form gives.

Stub: issue 3 fills it in.
"""
from __future__ import annotations

from parsers.order_text import Pair

__all__ = ["prose_pairs"]


def prose_pairs(text: str) -> list[Pair]:
    """Pairs read from prose ("需要订购QW型潜水排污泵二十台，每台三千一百五十元",
    "Please supply 150 units of …"); item pairs of one product carry
    new_item on the first so that each product becomes one line."""
    return []
