"""Order attachments (CSV, XLSX, text PDF) → text the order readers understand.

Stub: issue 3 fills it in.
"""
from __future__ import annotations

from parsers.message import MailMessage

__all__ = ["attachment_texts"]


def attachment_texts(mail: MailMessage) -> list[str]:
    """One text per readable attachment: header-block lines as "label: value"
    and table rows with tab-separated cells, so `read_pairs` reads them like a
    pasted table."""
    return []
