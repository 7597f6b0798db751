"""One-word answers to the pipeline's yes/no questions to staff: whether a
sender speaks for a customer (确认 / 不是), whether a message is an order
(是订单 / 不是). Read from the new text of the reply only (quotes removed)."""
from __future__ import annotations

import re
import unicodedata

__all__ = ["read_yes_no"]

# "No" first: 不是 contains 是, 不确认 contains 确认.
_NO = re.compile(r"不是|不属于|不确认|不代表|并非|非订单|不是订单|否|拒绝|驳回|(?<![a-z])(?:no|not|reject)(?![a-z])",
                 re.IGNORECASE)
_YES = re.compile(r"是订单|是的|属实|确认|同意|是|(?<![a-z])(?:yes|confirm(?:ed)?|order|approve[d]?|ok)(?![a-z])",
                  re.IGNORECASE)


def read_yes_no(text: str) -> str | None:
    """"yes", "no", or None when the first line that says either is missing.
    The first word that answers decides: "是订单，请跟进" is yes, "不是，是询价" no."""
    for line in unicodedata.normalize("NFKC", text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        no, yes = _NO.search(line), _YES.search(line)
        if no and (not yes or no.start() <= yes.start()):
            return "no"
        if yes:
            return "yes"
    return None
