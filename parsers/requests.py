"""What staff and customers ask for in a reply beyond its intent: the reason
given for a change request (变更原因) and new payment terms (a sales rep's
answer to a credit hold, "已与客户协商,改为预付50%")."""
from __future__ import annotations

import re
import unicodedata

from orders.model import PaymentTerms
from parsers.amounts import parse_credit_days, parse_percent

__all__ = ["change_reason", "read_new_terms"]

MAX_REASON = 300
# "变更原因:项目扩大" / "原因:…" / "Reason: …"
_REASON_LABEL = re.compile(r"^[ \t]*(?:变更|修改|更改)?(?:原因|理由|事由)[ \t]*[:：][ \t]*(.+)$"
                           r"|^[ \t]*(?:reason(?: for (?:the )?change)?)[ \t]*[:：][ \t]*(.+)$",
                           re.IGNORECASE | re.MULTILINE)
# "…,因为项目扩大" / "due to a larger project"
_REASON_CLAUSE = re.compile(r"(?:因为|由于|原因是|because(?: of)?|due to|as our)\s*([^。.!！\n]{2,})", re.IGNORECASE)
_TERMS_WORDS = re.compile(r"预付|先付|定金|订金|首付|款到|月结|账期|货到付|全款|prepay|in advance|deposit|net\s*\d|credit",
                          re.IGNORECASE)
_SENTENCE_END = re.compile(r"[。.!！?？\n]")


def change_reason(text: str) -> str | None:
    """The reason a change request states: a labelled line first, else a
    because-clause; None when the writer gave none (the procedure requires one)."""
    text = unicodedata.normalize("NFKC", text)
    labelled = _REASON_LABEL.search(text)
    if labelled:
        reason = (labelled[1] or labelled[2]).strip()
        return reason[:MAX_REASON] or None
    clause = _REASON_CLAUSE.search(text)
    return clause[1].strip()[:MAX_REASON] if clause else None


def read_new_terms(text: str) -> PaymentTerms | None:
    """The payment terms a reply states, labelled or in prose; None if it states none."""
    for sentence in _SENTENCE_END.split(text):
        if not _TERMS_WORDS.search(sentence):
            continue
        percent, days = parse_percent(sentence), parse_credit_days(sentence)
        if percent is not None or days is not None:
            wording = re.sub(r"^.*?(?:改为|改成|调整为|变更为|同意|[:：])\s*", "", sentence.strip())
            return PaymentTerms(text=wording or sentence.strip(), prepayment_percent=percent, credit_days=days)
    return None
