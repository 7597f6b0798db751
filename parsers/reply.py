"""A reply in an order's thread → its intent, reason, survey score, token, answers.

The first intent word in the new text decides ("确认无误，不需要修改" confirms),
words that deny ("不同意", "无需修改", "没有破损") are read as the phrase they
are, and a complaint word anywhere turns a sign-off, confirmation or survey
answer into a complaint ("已收货，但有两台破损"). Label:value data in the reply
is an answer to our questions; with no intent word it makes the intent "answer".

The verdict of a reply-to-approve mailto link travels in the subject with a
token ("[SO2023100001] 同意 approve [T:abc.def]"); the subject is read for an
intent only when it carries a token, since the subject of any reply also
repeats the words of our own message ("请确认").
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from orders.model import Problem
from parsers.classify import ORDER_TAG_RE, thread_order_no
from parsers.order_text import build_draft, read_pairs
from parsers.quotes import strip_quoted, strip_signature
from parsers.result import Envelope, Reply
from parsers.text import normalize

__all__ = ["parse_reply", "find_token", "read_intent", "read_score"]

_INTENT_WORDS: dict[str | None, tuple[str, ...]] = {
    # None: phrases that deny a word of another intent, read and passed over.
    None: ("不需要修改", "无需修改", "不用修改", "没有修改", "无修改", "无需变更", "不需要变更", "不用变更",
           "没有变更", "无变更", "不变更", "不用取消", "不取消", "没有破损", "无破损", "没有损坏", "无损坏",
           "没有质量问题", "无质量问题", "no changes?", "no damage", "not damaged", "no complaints?",
           "don'?t cancel", "do not cancel"),
    "reject": ("驳回", "拒绝", "不同意", "不批准", "不通过", "reject(?:ed)?", "declined?", "not approved",
               "disapprove[d]?"),
    "cancel": ("取消订单", "取消", "撤单", "cancel(?:led|ed|lation)?"),
    "complaint": ("投诉", "破损", "损坏", "质量问题", "坏了", "complain(?:t|ts|ed)?", "damaged?", "broken",
                  "defective"),
    "approve": ("同意", "批准", "审批通过", "approve[d]?", "approval granted"),
    "signoff": ("签收", "已收货", "已收到货", "收到货", "确认收货", "goods received", "delivery received",
                "received (?:the )?(?:goods|shipment|delivery|order)"),
    "confirm": ("确认无误", "确认", "没问题", "没有问题", "无误", "confirm(?:ed)?", "ok(?:ay)?", "yes",
                "no problem", "looks good", "all good"),
    "change": ("变更", "修改", "更改", "改为", "改成", "change[ds]?", "modify", "amend"),
}
_WORD_PATTERN = "|".join(
    f"(?P<i{number}>{'|'.join(sorted(words, key=len, reverse=True))})"
    for number, words in enumerate(_INTENT_WORDS.values()))
_INTENT_RE = re.compile(rf"(?<![a-z])(?:{_WORD_PATTERN})(?![a-z])", re.IGNORECASE)
_INTENTS = list(_INTENT_WORDS)
_COMPLAINT_RE = re.compile(
    rf"(?<![a-z])(?:(?P<deny>{'|'.join(_INTENT_WORDS[None])})|{'|'.join(_INTENT_WORDS['complaint'])})(?![a-z])",
    re.IGNORECASE)
# "Received." alone signs off; "收到" alone means "noted" and does not.
_SHORT_RECEIVED_RE = re.compile(r"^\W*(?:received|all received|goods received)\W*$", re.IGNORECASE)
_REASON_LEAD = re.compile(r"^[\s,.:;!，。：；！、-]*+(?:原因|理由|reason|because)?[\s,.:;：，]*+", re.IGNORECASE)

_TOKEN_RES = (re.compile(r"\btoken\s*+[=:]\s*+([A-Za-z0-9._~+/-]++=*)", re.IGNORECASE),
              re.compile(r"\[T:\s*+([A-Za-z0-9._~+/-]++=*)\s*+\]", re.IGNORECASE))
_SCORE_RE = re.compile(r"(?:满意度|评分|打分|分数|score|rating)\D{0,6}?([1-5])(?!\d)", re.IGNORECASE)
# Read only in a reply to a survey, where "3星" cannot be the start of "3星期".
_SURVEY_SCORE_RE = re.compile(r"(?<!\d)([1-5])\s*+(?:分|星|颗星|stars?|/\s*5|out of 5)(?!钟|期)", re.IGNORECASE)
_SURVEY_SUBJECT_RE = re.compile(r"满意度|调查|问卷|回访|评价|survey|feedback|satisfaction|rating", re.IGNORECASE)
_BARE_SCORE_RE = re.compile(r"^\W*([1-5])\W*$")
_SATISFACTION = (("非常不满意", 1), ("很不满意", 1), ("不满意", 2), ("一般", 3), ("非常满意", 5),
                 ("很满意", 5), ("满意", 4))


def find_token(*texts: str) -> str | None:
    """A signed token: "token=XXXX" or "[T:XXXX]"."""
    for text in texts:
        for pattern in _TOKEN_RES:
            found = pattern.search(text or "")
            if found:
                return found.group(1)
    return None


def read_score(text: str, subject: str) -> int | None:
    """A satisfaction score 1–5: "满意度 4分", "score: 5", or a bare "5" (or 满意)
    answering a survey."""
    found = _SCORE_RE.search(text)
    if found:
        return int(found.group(1))
    if _SURVEY_SUBJECT_RE.search(subject or ""):
        found = _SURVEY_SCORE_RE.search(text) or _BARE_SCORE_RE.match(text)
        if found:
            return int(found.group(1))
        for word, score in _SATISFACTION:
            if word in text:
                return score
    return None


def _reason(text: str, end: int) -> str | None:
    """What follows the intent word: the rest of its line, else the next lines."""
    rest = text[end:]
    line, _, below = rest.partition("\n")
    reason = _REASON_LEAD.sub("", line).strip()
    if not reason:
        reason = _REASON_LEAD.sub("", below.strip()).strip()
    return reason[:500] or None


# Words that make a confirmation, approval or cancellation not (yet) one:
# "我们内部确认后回复您", "we will confirm shortly", "if … we will have to cancel".
_HEDGE_RE = re.compile(r"后|稍后|以后|再|将|会|需要|待|如果|若|的话|否则|只能|是否|吗|\?|(?<![a-z])(?:will|shall|shortly|"
                       r"later|if|once|need(?:s)? to|would|could|whether|unless|otherwise)(?![a-z])", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[。！!?？；;，,\n]")
_SENTENCE_END = re.compile(r"[。！!?？；;\n]")
# Only these cancel the whole order; "请取消第二项" asks for a change.
_WHOLE_ORDER_CANCEL_RE = re.compile(
    r"取消(?:本|这个|该|此|整个|我们的|我的|我司的?)?(?:订单|单子|采购|订购)|订单(?:作废|取消)|撤单|"
    r"(?<![a-z])cancel(?:led|ed)? (?:the |this |my |our |whole |entire )?(?:order|po|purchase order)(?![a-z])",
    re.IGNORECASE)
# What may stand beside a bare "取消" / "cancel" that still means the whole order.
_POLITE_RE = re.compile(r"请|麻烦|帮忙|帮我们|吧|了|谢谢|多谢|please|thanks?|thank you|kindly|[\W_]", re.IGNORECASE)


def _clause(text: str, start: int, end: int, ends: re.Pattern = _CLAUSE_END) -> str:
    before = max((m.end() for m in ends.finditer(text, 0, start)), default=0)
    after = ends.search(text, end)
    return text[before:after.start() if after else len(text)]


_DENIAL_RE = re.compile(rf"(?<![a-z])(?:{'|'.join(_INTENT_WORDS[None])})(?![a-z])", re.IGNORECASE)


def _hedged(text: str, found: re.Match) -> bool:
    sentence = _clause(text, found.start(), found.end(), _SENTENCE_END).replace(found.group(0), " ")
    return bool(_HEDGE_RE.search(_DENIAL_RE.sub(" ", sentence)))


def _cancels_whole_order(text: str, found: re.Match) -> bool:
    clause = _clause(text, found.start(), found.end())
    if _WHOLE_ORDER_CANCEL_RE.search(clause):
        return True
    # A reply that is only "取消" / "请取消。" / "Cancel, please": the order it answers.
    return not _POLITE_RE.sub("", text.replace(found.group(0), "", 1))


def read_intent(original: str) -> tuple[str | None, str | None]:
    """The first intent word in the text and the reason written after it (in
    the writer's own wording where NFKC keeps the text's length)."""
    text = unicodedata.normalize("NFKC", original)
    wording = original if len(text) == len(original) else text
    for found in _INTENT_RE.finditer(text):
        intent = _INTENTS[int(found.lastgroup[1:])]
        if intent is None:
            continue
        if intent in ("confirm", "approve", "cancel") and _hedged(text, found):
            continue
        if intent == "cancel" and not _cancels_whole_order(text, found):
            intent = "change"
        reason = _reason(wording, found.end()) if intent in ("reject", "cancel", "change", "complaint") else None
        if intent in ("signoff", "confirm", "approve") and _has_complaint(text):
            return "complaint", _complaint_reason(text, wording)
        return intent, reason
    if _SHORT_RECEIVED_RE.match(text):
        return "signoff", None
    return None, None


def _has_complaint(text: str) -> bool:
    return any(not found.group("deny") for found in _COMPLAINT_RE.finditer(text))


def _complaint_reason(text: str, wording: str) -> str | None:
    for found in _COMPLAINT_RE.finditer(text):
        if not found.group("deny"):
            start = text.rfind("\n", 0, found.start()) + 1
            stop = text.find("\n", found.end())
            return wording[start:stop if stop >= 0 else None].strip() or None
    return None


def _subject_words(subject: str) -> str:
    subject = ORDER_TAG_RE.sub(" ", subject)
    for pattern in _TOKEN_RES:
        subject = pattern.sub(" ", subject)
    return re.sub(r"^\s*(?:(?:re|回复|答复|aw|sv)\s*[:：]\s*)+", "", subject, flags=re.IGNORECASE)


def parse_reply(text: str, envelope: Envelope, *, reference_date: date | None = None) -> tuple[Reply, list[Problem]]:
    new_text = strip_signature(strip_quoted(text))
    clean = normalize(new_text)
    token = find_token(envelope.subject, clean)
    intent, reason = read_intent(new_text)
    if intent is None and token:
        intent, reason = read_intent(_subject_words(envelope.subject))
    score = read_score(clean, envelope.subject)
    pairs = read_pairs(new_text)
    answer, problems = build_draft(pairs, reference_date=reference_date) if pairs else (None, [])
    if score is not None and intent in (None, "confirm", "approve", "signoff"):
        intent = "survey"
    intent = intent or "answer"
    reply = Reply(order_no=thread_order_no(envelope), intent=intent, reason=reason,
                  score=score if intent in ("survey", "complaint") else None,
                  token=token, text=new_text, answer=answer)
    return reply, problems
