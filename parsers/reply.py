"""A reply in an order's thread → its intent, reason, survey score, token, answers.

The first intent word in the new text decides ("确认无误，不需要修改" confirms),
words that deny ("不同意", "无需修改", "没有破损") are read as the phrase they
are, and a complaint word anywhere turns a sign-off, confirmation or survey
answer into a complaint ("已收货，但有两台破损"). Label:value data in the reply
is an answer to our questions; with no intent word it makes the intent "answer".

The verdict of a reply-to-approve mailto link travels in the subject with a
token ("[SO2023100001] 同意 approve [T:abc.def]"); the subject is read for an
intent only when it carries a token, since the subject of any reply also
repeats the words of our own message ("请确认"); the reason is then the body
("原因：单价低于最低售价").

In a thread that asks for an approval ("[SO…] 订单审批 / Approval request") a
plain "OK" or "确认" approves. A reply with no intent word that attaches a
photo or a scan in a delivery thread ("签收单", "发货通知 / Shipped") returns
the signed sign-off form. The reason is the writer's why: what follows the
verdict for a rejection or a cancellation ("请取消这个订单，项目暂停了" →
"项目暂停了"), the line that asks for a change, the line that describes a
complaint. Only the new text counts: quoted history is removed first, so an
"APPROVE" or "同意" in the message being answered never does.
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from orders.model import Attachment, Problem
from parsers.classify import ORDER_TAG_RE, thread_order_no
from parsers.order_text import build_draft, read_pairs
from parsers.quotes import strip_quoted, strip_signature
from parsers.result import Envelope, Reply
from parsers.text import normalize

__all__ = ["parse_reply", "find_token", "read_intent", "read_score"]

# What a customer finds wrong with goods received, beyond the words of a complaint itself.
_DAMAGE_CN = ("变形", "挤压", "压坏", "压扁", "压碎", "划伤", "划痕", "刮花", "刮伤", "磕碰", "磕伤", "凹陷", "凹痕",
              "裂纹", "开裂", "破裂", "裂了", "碎了", "摔坏", "漏水", "漏油", "渗漏", "生锈", "锈蚀", "异响", "故障",
              "不能用", "无法使用", "用不了", "不能正常", "不合格", "瑕疵", "受潮", "进水", "烧坏", "不工作")
_DAMAGE_EN = ("dent(?:ed|s)?", "scratch(?:ed|es)", "crack(?:ed|s)?", "crushed", "deformed", "bent", "faulty",
              "not working", "(?:does not|doesn'?t|do not|don'?t) work", "leak(?:s|ing|ed)?", "rust(?:y|ed)",
              "malfunction(?:ing|s)?", "out of spec")
# "没有变形", "无划痕", "no dents", "避免挤压": a damage word denied or guarded against is no complaint.
_DENIED_DAMAGE = (rf"(?:没有|没|无|未见|未发现|并无|不存在|避免|防止|以免|请勿|不要|注意)(?:任何|明显)?(?:{'|'.join(_DAMAGE_CN)})",
                  rf"(?:no|not|without|nor|avoid)(?: any| visible| obvious)? (?:{'|'.join(_DAMAGE_EN)})")

_INTENT_WORDS: dict[str | None, tuple[str, ...]] = {
    # None: phrases that deny a word of another intent, read and passed over.
    None: ("不需要修改", "无需修改", "不用修改", "没有修改", "无修改", "无需变更", "不需要变更", "不用变更",
           "没有变更", "无变更", "不变更", "不用取消", "不取消", "没有破损", "无破损", "没有损坏", "无损坏",
           "没有质量问题", "无质量问题", "没有少发", "没有漏发", "没有错发", "无少发", "无错发", "no changes?",
           "no damage", "not damaged", "no complaints?", "nothing (?:is )?missing", "no shortage",
           "don'?t cancel", "do not cancel", *_DENIED_DAMAGE),
    "reject": ("驳回", "拒绝", "不同意", "不批准", "不通过", "reject(?:ed)?", "declined?", "not approved",
               "disapprove[d]?"),
    "cancel": ("取消订单", "取消", "撤单", "撤销", "cancel(?:led|ed|lation)?"),
    "complaint": ("投诉", "破损", "损坏", "质量问题", "坏了", "少发", "漏发", "错发", "发错", "短少", "缺件",
                  *_DAMAGE_CN, *_DAMAGE_EN,
                  "(?:少|缺)了[\\d一二两三四五六七八九十几]*\\s*[箱件台个套只包盒卷袋桶根条片张]", "数量不对", "数量不符", "型号不对", "规格不对", "规格不符",
                  "complain(?:t|ts|ed)?", "damaged?", "broken", "defective", "short[- ]shipped", "shortage", "short by",
                  "wrong (?:items?|models?|sizes?|goods|products?)",
                  "missing (?:items?|cartons?|boxes|pieces|parts|pallets?)",
                  "(?:items?|cartons?|boxes|pieces|pcs|units|pallets?) (?:were |are )?missing"),
    "approve": ("同意", "批准", "审批通过", "approve[d]?", "approval granted"),
    "signoff": ("签收", "已收货", "已收到货", "收到货", "确认收货", "货已收到", "货物已收到", "已全部收到",
                "goods received", "delivery received",
                "received (?:the |our |all (?:the )?)?(?:goods|shipment|delivery|order|parcels?|packages?|items?)"),
    "confirm": ("确认无误", "确认", "没问题", "没有问题", "无误", "confirm(?:ed)?", "ok(?:ay)?", "yes",
                "no problem", "looks good", "all good"),
    "change": ("变更", "修改", "更改", "改为", "改成", "调整为", "change[ds]?", "modify", "amend",
               "please update", "update the"),
}
_WORD_PATTERN = "|".join(
    f"(?P<i{number}>{'|'.join(sorted(words, key=len, reverse=True))})"
    for number, words in enumerate(_INTENT_WORDS.values()))
_INTENT_RE = re.compile(rf"(?<![a-z])(?:{_WORD_PATTERN})(?![a-z])", re.IGNORECASE)
_INTENTS = list(_INTENT_WORDS)
_CANCEL_GROUP = f"i{_INTENTS.index('cancel')}"
_COMPLAINT_RE = re.compile(
    rf"(?<![a-z])(?:(?P<deny>{'|'.join(_INTENT_WORDS[None])})|{'|'.join(_INTENT_WORDS['complaint'])})(?![a-z])",
    re.IGNORECASE)
# "Received." alone signs off; "收到" alone means "noted" and does not.
_SHORT_RECEIVED_RE = re.compile(r"^\W*(?:received|all received|goods received)\W*$", re.IGNORECASE)
_REASON_LEAD = re.compile(r"^[\s,.:;!，。：；！、-]*+(?:(?:原因|理由)(?:是|为|在于)?|(?:the )?reason(?: is)?|because)?"
                          r"[\s,.:;：，]*+", re.IGNORECASE)
# A greeting that may open the line of a verdict: "李经理，这个订单取消吧".
_SALUTATION_RE = re.compile(r"^\s*(?:(?:hi|hello|dear)\b[^,，:：\n]{0,30}|[^，,：:。\n]{0,8}(?:经理|总|先生|女士|小姐|老师|工|主任|您好|你好))"
                            r"\s*[，,：:!！]\s*", re.IGNORECASE)

_TOKEN_RES = (re.compile(r"\btoken\s*+[=:]\s*+([A-Za-z0-9._~+/-]++=*)", re.IGNORECASE),
              re.compile(r"\[T:\s*+([A-Za-z0-9._~+/-]++=*)\s*+\]", re.IGNORECASE))
_SCORE_RE = re.compile(r"(?:满意度|评分|打分|分数|score|rating)\D{0,6}?([1-5])(?!\d)", re.IGNORECASE)
# Read only in a reply to a survey, where "3星" cannot be the start of "3星期".
_SURVEY_SCORE_RE = re.compile(r"(?<!\d)([1-5])\s*+(?:分|星|颗星|stars?|/\s*5|out of 5)(?!钟|期)", re.IGNORECASE)
_SURVEY_SUBJECT_RE = re.compile(r"满意度|调查|问卷|回访|评价|survey|feedback|satisfaction|rating", re.IGNORECASE)
_BARE_SCORE_RE = re.compile(r"^\W*([1-5])\W*$")
_SATISFACTION = (("非常不满意", 1), ("很不满意", 1), ("不满意", 2), ("一般", 3), ("非常满意", 5),
                 ("很满意", 5), ("满意", 4))


# What itsdangerous's URL-safe serializer writes: payload.signature (the payload
# compressed after a leading dot when that is shorter), never short.
_TOKEN_SHAPE = re.compile(r"\.?[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}")


def find_token(*texts: str) -> str | None:
    """A signed token: "[T:XXXX]", or "token=XXXX" shaped like the ones the
    pipeline issues (a customer's "token=abc" in a PO number is not one)."""
    for text in texts:
        for pattern in _TOKEN_RES:
            for found in pattern.finditer(text or ""):
                # "[T:…]" is our own marker; a bare "token=…" may be anyone's words.
                if pattern is _TOKEN_RES[1] or _TOKEN_SHAPE.fullmatch(found.group(1)):
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


# What a cancellation names before its reason: "请取消这个订单，项目暂停了", "cancel this order. Our client …".
_CANCEL_OBJECT = re.compile(
    r"^\s*(?:掉)?(?:(?:本|这个|这张|该|此|整个|我们的|我的|我司的?)?(?:订单|单子|采购单|采购|订购)|(?:这|那|此|该)(?:个|张)?单"
    r"|(?:the |this |my |our |whole |entire )?(?:(?:purchase )?order|po)\b(?: (?:no\.?|number) ?[\w-]+)?)",
    re.IGNORECASE)


# What may follow a cancelling verb before its reason: "取消吧，…", "取消掉，…", "cancel it please. …".
_CANCEL_TAIL = re.compile(r"^(?:\s*+(?:掉|了|一下|吧|啊|哈|哦|呢|呀|啦|哈|it|please|thanks?|thank you)(?![a-z]))*+",
                          re.IGNORECASE)


def _reason(text: str, end: int, skip: re.Pattern | None = None) -> str | None:
    """What follows the intent word: the rest of its line, else the next lines."""
    rest = text[end:]
    if skip is not None:
        rest = _CANCEL_TAIL.sub("", skip.sub("", rest, count=1), count=1)
    line, _, below = rest.partition("\n")
    reason = _REASON_LEAD.sub("", line).strip()
    if not reason and not _signature_below(below):
        reason = _REASON_LEAD.sub("", re.split(r"\n[ \t]*\n", below.strip())[0]).strip()  # its paragraph
    return reason[:500] or None


_REASON_WORD_RE = re.compile(r"^\s*(?:原因|理由|因为|由于|reason|because|due to)", re.IGNORECASE)
_SENTENCE_MARK_RE = re.compile(r"[。.!！,，;；:：]")


def _signature_below(below: str) -> bool:
    """A new paragraph under a bare verdict that is only a name or a company ("\n\n郑国强\n恒力汽车"),
    not a reason: short lines with no sentence marks and no word of a reason."""
    if not below.lstrip(" \t").startswith("\n"):
        return False
    lines = [line.strip() for line in below.strip().split("\n") if line.strip()]
    return bool(lines) and not _REASON_WORD_RE.match(lines[0]) and all(
        len(line) <= 24 and not _SENTENCE_MARK_RE.search(line) for line in lines[:3])


def _reason_before(text: str, found: re.Match) -> str | None:
    """The why written before a verdict that ends its line ("项目暂停了，这个订单取消吧。"), when
    nothing but particles follows the verdict on that line."""
    rest = _CANCEL_TAIL.sub("", _CANCEL_OBJECT.sub("", text[found.end():], count=1), count=1)
    if _REASON_LEAD.sub("", rest.partition("\n")[0]).strip(" \t。.!！"):
        return None
    line_start = text.rfind("\n", 0, found.start()) + 1
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, line_start, found.start())), default=line_start)
    before = _SALUTATION_RE.sub("", text[line_start:clause_start], count=1)
    before = _REASON_LEAD.sub("", before).strip().rstrip("，,；;")
    return before[:500] or None


def _line(text: str, start: int, end: int) -> str | None:
    """The whole line around a match: a change request or a complaint as the writer put it."""
    first = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    return text[first:stop if stop >= 0 else None].strip()[:500] or None


# Words that make a confirmation, approval or cancellation not (yet) one:
# "我们内部确认后回复您", "we will confirm shortly", "if … we will have to cancel".
_HEDGE_RE = re.compile(r"后|稍后|以后|再|将|会|需要|待|如果|若|的话|否则|只能|是否|吗|\?|(?<![a-z])(?:will|shall|shortly|"
                       r"later|if|once|need(?:s)? to|would|could|whether|unless|otherwise)(?![a-z])", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[。！!?？；;，,\n]")
_SENTENCE_END = re.compile(r"[。！!?？；;\n]")
# Only these cancel the whole order; "请取消第二项" asks for a change.
_WHOLE_ORDER_CANCEL_RE = re.compile(
    r"(?:取消|撤销)(?:掉)?(?:本|这个|这张|这|该|此|整个|我们的|我的|我司的?)?(?:订单|单子|采购|订购)|撤单|"
    r"(?:取消|撤销)(?:掉)?(?:这|那|此|该)(?:个|张)?单|"
    # "这个订单请取消吧", "这单就取消了": the order named first, only words of asking between
    r"(?:(?:本|这个|这张|这|该|此|整个|我们的|我的|我司的?)(?:订单|单子|单|采购单)|订单|单子)"
    r"(?:请|就|帮忙|麻烦|帮我们|帮我|先|全部|都|直接|暂时|也|还是|要|您|你们|给)*(?:作废|取消|撤销)|"
    r"(?<![a-z])cancel(?:led|ed)? (?:the |this |my |our |whole |entire )?(?:order|po|purchase order)(?![a-z])|"
    # "This order has to be cancelled", "PO 4500123 - please cancel"
    r"(?<![a-z])(?:(?:the|this|our|my|whole|entire) (?:purchase )?order|po)(?: (?:no\.?|number|#)? ?[A-Z]*-?\d[\w-]*)?"
    r"(?: (?:has|have|must|should|is|needs?) (?:to )?be| (?:is|was)| please| ?[-–:]| ?[-–:] please)? cancel(?:led|ed)?(?![a-z])",
    re.IGNORECASE)
# What may stand beside a bare "取消" / "cancel" that still means the whole order.
_POLITE_RE = re.compile(r"请|麻烦|帮忙|帮我们|吧|了|谢谢|多谢|please|thanks?|thank you|kindly|[\W_]", re.IGNORECASE)


def _clause(text: str, start: int, end: int, ends: re.Pattern = _CLAUSE_END) -> str:
    before = max((m.end() for m in ends.finditer(text, 0, start)), default=0)
    after = ends.search(text, end)
    return text[before:after.start() if after else len(text)]


_DENIAL_RE = re.compile(rf"(?<![a-z])(?:{'|'.join(_INTENT_WORDS[None])})(?![a-z])", re.IGNORECASE)


# "不需要了", "用不上了": no longer needed, a reason to cancel, not a condition on it.
_NO_LONGER_NEEDED_RE = re.compile(r"不(?:再)?需要|用不上|不用了")


def _hedged(text: str, found: re.Match) -> bool:
    sentence = _clause(text, found.start(), found.end(), _SENTENCE_END).replace(found.group(0), " ")
    sentence = _NO_LONGER_NEEDED_RE.sub(" ", sentence)
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
        if intent == "change":  # "业主那边设计变更了，这个订单取消吧": the change is the cancellation's why
            cancelling = _whole_order_cancel_after(text, found.end())
            if cancelling is not None:
                intent, found = "cancel", cancelling
        if intent in ("signoff", "confirm", "approve", "complaint") and _has_complaint(text):
            return "complaint", _complaint_reason(text, wording)
        return intent, _intent_reason(intent, wording, found)
    if _SHORT_RECEIVED_RE.match(text):
        return "signoff", None
    return None, None


def _whole_order_cancel_after(text: str, position: int) -> re.Match | None:
    """A later, unhedged cancellation of the whole order."""
    for found in _INTENT_RE.finditer(text, position):
        if (found.lastgroup == _CANCEL_GROUP and not _hedged(text, found)
                and _WHOLE_ORDER_CANCEL_RE.search(_clause(text, found.start(), found.end()))):
            return found
    return None


def _intent_reason(intent: str, wording: str, found: re.Match) -> str | None:
    if intent == "reject":
        return _reason(wording, found.end())
    if intent == "cancel":
        return _reason_before(wording, found) or _reason(wording, found.end(), skip=_CANCEL_OBJECT)
    if intent == "change":
        return _line(wording, found.start(), found.end())
    return None


def _has_complaint(text: str) -> bool:
    return any(not found.group("deny") for found in _COMPLAINT_RE.finditer(text))


def _complaint_reason(text: str, wording: str) -> str | None:
    for found in _COMPLAINT_RE.finditer(text):
        if not found.group("deny"):
            return _line(wording, found.start(), found.end())
    return None


def _subject_words(subject: str) -> str:
    subject = ORDER_TAG_RE.sub(" ", subject)
    for pattern in _TOKEN_RES:
        subject = pattern.sub(" ", subject)
    return re.sub(r"^\s*(?:(?:re|回复|答复|aw|sv)\s*[:：]\s*)+", "", subject, flags=re.IGNORECASE)


# Our approval requests: there "OK" and "确认" approve.
_APPROVAL_THREAD_RE = re.compile(r"审批|批准|approval|approve", re.IGNORECASE)
# Our delivery mail: a photo or scan sent back in it is the signed sign-off form.
# (Not "delivery" alone: "交货时间确认 / Delivery date" asks to confirm a date, not the goods.)
_DELIVERY_THREAD_RE = re.compile(r"签收|回单|发货通知|已发货|送达|到货通知|shipped|shipment|delivered|sign[- ]?off|\bPOD\b"
                                 r"|delivery note|proof of delivery", re.IGNORECASE)
_SIGNED_FORM_NAME_RE = re.compile(r"签收|回单|签字|sign|\bPOD\b|delivery", re.IGNORECASE)
# "已收到" answers a delivery notice with the goods; elsewhere it only means "noted".
_RECEIVED_RE = re.compile(r"已收到(?!您|你|贵|邮件|来信|信息|消息|通知|报价|回复|的邮件)|都收到了|收到了|已到货|到货了"
                          r"|(?<![a-z])(?:received|arrived)(?![a-z])", re.IGNORECASE)
_SCAN_TYPES = ("image/", "application/pdf")
# A logo in a signature is smaller than this; a phone photo or a scan of a form is bigger.
MIN_SCAN_BYTES = 20_000


def _returns_signed_form(subject: str, attachments: list[Attachment]) -> bool:
    if not _DELIVERY_THREAD_RE.search(_subject_words(subject)):
        return False
    return any(a.content_type.lower().startswith(_SCAN_TYPES)
               and (a.size >= MIN_SCAN_BYTES or _SIGNED_FORM_NAME_RE.search(a.filename))
               for a in attachments)


def _received(text: str) -> bool:
    text = unicodedata.normalize("NFKC", text)
    return any(not _hedged(text, found) for found in _RECEIVED_RE.finditer(text))


def _verdict_from_subject(subject: str, body: str) -> tuple[str | None, str | None]:
    """The verdict a mailto link put in the subject; the reason is what the approver wrote."""
    intent, reason = read_intent(_subject_words(subject))
    if intent in ("reject", "cancel", "change"):
        reason = _REASON_LEAD.sub("", body.strip()).strip()[:500] or None
    return intent, reason


def parse_reply(text: str, envelope: Envelope, *, reference_date: date | None = None,
                attachments: list[Attachment] | None = None) -> tuple[Reply, list[Problem]]:
    """`attachments`: the files the reply carries (a photo of the signed sign-off form)."""
    new_text = strip_signature(strip_quoted(text))
    clean = normalize(new_text)
    token = find_token(envelope.subject, clean)
    # A token only in the quoted request (a client that drops In-Reply-To still
    # quotes what it answers) is kept apart: it proves receipt when nothing
    # better does, and never decides where the reply goes.
    quoted_token = None if token else find_token(normalize(text))
    intent, reason = read_intent(new_text)
    if intent is None and token:
        intent, reason = _verdict_from_subject(envelope.subject, new_text)
    if intent == "confirm" and _APPROVAL_THREAD_RE.search(_subject_words(envelope.subject)):
        intent = "approve"
    if _DELIVERY_THREAD_RE.search(_subject_words(envelope.subject)):
        # Our delivery notice asks for "确认收货": there a confirmation signs off.
        if intent == "confirm" or (intent is None and (
                _received(new_text) or (attachments and _returns_signed_form(envelope.subject, attachments)))):
            intent = "signoff"
    score = read_score(clean, envelope.subject)
    pairs = read_pairs(new_text)
    answer, problems = build_draft(pairs, reference_date=reference_date) if pairs else (None, [])
    if score is not None and intent in (None, "confirm", "approve", "signoff"):
        intent = "survey"
    intent = intent or "answer"
    reply = Reply(order_no=thread_order_no(envelope), intent=intent, reason=reason,
                  score=score if intent in ("survey", "complaint") else None,
                  token=token, quoted_token=quoted_token, text=new_text, answer=answer)
    return reply, problems
