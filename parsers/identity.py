"""Who the customer is when no label says it: the signature block, combined
fields ("客户：X（编码 C-1024）"), the sender's address.

Stub: issue 3 fills it in.
"""
from __future__ import annotations

from orders.model import OrderDraft
from parsers.result import Envelope

__all__ = ["fill_identity"]


def fill_identity(draft: OrderDraft, text: str, envelope: Envelope) -> None:
    """Fill customer fields the labels left empty; never overwrite a labelled value."""
