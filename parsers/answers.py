"""One-word answers to the pipeline's yes/no questions to staff: whether a
sender speaks for a customer (确认 / 不是), whether a message is an order
(是订单 / 不是). Read from the new text of the reply only (quotes removed)."""
from __future__ import annotations

import re
import unicodedata

__all__ = ["read_yes_no"]

# An answer is the first word(s) of the first line, ended by the line's end
# or punctuation: "是订单，请跟进" is yes, "是谁发的?" and "确认一下" are not.
_END = r"(?=$|[\s,，。.!！;；:：、)）]|$)"
_YES = re.compile(r"(?:是订单|是的|是|确认|同意|对|yes|confirm(?:ed)?|ok(?:ay)?)(?=$|[,，。.!！;；、])", re.IGNORECASE)
_NO = re.compile(r"(?:不是订单|不是的?|不确认|不代表|并非|否|拒绝|驳回|no|not an order|reject(?:ed)?)" + _END,
                 re.IGNORECASE)
_DOUBT = re.compile(r"[?？]|不|否|没|(?<![a-z])(?:not|no|unsure|maybe)(?![a-z])", re.IGNORECASE)
_LEAD = re.compile(r"^[\s>*_\-\[\]【】\"'“”‘’:：]*")


def read_yes_no(text: str) -> str | None:
    """"yes", "no", or None. Only the first line that has words counts, and
    only when it starts with the answer as a whole word ("是订单，请跟进",
    "不是，是询价", "Yes, please"). A yes with a question mark or a negation
    anywhere on its line ("是不是订单?", "确认不是") is no answer: a question
    must not register an address or open an order."""
    for line in unicodedata.normalize("NFKC", text or "").splitlines():
        line = _LEAD.sub("", line).strip()
        if not line:
            continue
        if _NO.match(line):
            return "no"
        yes = _YES.match(line)
        if yes and not _DOUBT.search(line[yes.end():]) and not _DOUBT.search(yes.group(0)):
            return "yes"
        return None
    return None
