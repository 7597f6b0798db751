"""One-word answers to the pipeline's yes/no questions to staff: whether a
sender speaks for a customer (确认 / 不是), whether a message is an order
(是订单 / 不是). Read from the new text of the reply only (quotes removed)."""
from __future__ import annotations

import re
import unicodedata

__all__ = ["read_yes_no"]

# "No" first: 不是 starts like 是 does not, but 不确认 contains 确认.
_NO = re.compile(r"(?:不是|不属于|不确认|不代表|并非|非订单|否|拒绝|驳回|(?:no|not|reject)(?![a-z]))", re.IGNORECASE)
_YES = re.compile(r"(?:是订单|是的|属实|确认|同意|是|(?:yes|confirm(?:ed)?|order|approved?|ok)(?![a-z]))",
                  re.IGNORECASE)
_LEAD = re.compile(r"^[\s>*_\-\[\]【】\"'“”‘’:：]*")


def read_yes_no(text: str) -> str | None:
    """"yes", "no", or None. Only the first line that has words counts, and
    only when it starts with the answer ("是订单，请跟进", "不是，是询价",
    "Yes, please"): an out-of-office text that says "not in the office"
    further on decides nothing."""
    for line in unicodedata.normalize("NFKC", text or "").splitlines():
        line = _LEAD.sub("", line)
        if not line:
            continue
        if _NO.match(line):
            return "no"
        if _YES.match(line):
            return "yes"
        return None
    return None
