"""What staff and customers say in plain text after an order is approved (procedure steps 4–6).

Each reader takes the reply's own text, the quoted history already cut off, and returns
None (False for `read_close`) when the text does not say the thing. A greeting line at
the top ("王经理，您好：", "Hi Anna,") and a signature at the bottom (a closing word, a
name, a department, a phone number: "张工\\n13800138000") are set aside first. Chinese
(simplified, full-width punctuation and digits too) and English are read; no reader does
any I/O.

The replies, and who sends them:
- feasibility: engineering answers whether a non-standard item can be made
  ("技术可行", "不可行：孔距太小，最小只能做到8mm") → `read_feasibility`;
- production: the workshop says the order is scheduled, perhaps with the planned
  completion date ("已排产，预计10月20日完工"), or that it is completed → `read_production`;
- picking: the warehouse says the goods are picked, perhaps line by line
  ("已备货 P001 100，P002 48") → `read_picked`;
- payment: finance says how much has come in ("已收款 35,560.00", "已到账 5万") → `read_payment`;
- shipping: logistics gives the carrier, the tracking number and the number of packages
  ("承运商:顺丰速运 运单号:SF1234567890123 件数:2") → `read_shipping`;
- delay: logistics says the delivery is late, why, and the new date
  ("延迟:暴雨封路 预计送达:10月18日") → `read_delay`;
- delivery window: the customer proposes the days they can receive the goods
  ("10月15日-10月16日", "15-16 Oct") → `read_window`;
- close: the sales rep says the order can be closed ("可以闭环") → `read_close`.

A word said in the negative (未完工, 还没到账, not picked yet, 不能闭环) or asked as a
question (可行吗？, 是否可以闭环) says nothing. Dates are read by `parsers.dates.read_date`
and amounts by `parsers.amounts`; a month and day without a year take the year that puts
the date closest after `today`, a date up to two months past keeping this year (a
delivery date just missed is still that date, not next year's).

The texts the readers give back (a reason, a carrier) are cut from the text as it was
written, full-width punctuation and all; a tracking number is given half-width and
without spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from orders.carriers import CARRIERS
from parsers.amounts import CURRENCY_CODES, NUMBER_TEXT, chinese_number, parse_amount, parse_quantity
from parsers.dates import read_date
from parsers.text import normalize

__all__ = [
    "Feasibility", "ProductionWord", "Picked", "Shipping", "Delay", "Arrival", "SurveyAnswer",
    "read_feasibility", "read_production", "read_picked", "read_payment", "read_shipping",
    "read_delay", "read_window", "read_close", "read_shortage_choice", "read_arrival",
    "read_solution", "read_case_verdict", "read_survey", "concerns",
]

MAX_TEXT = 20_000  # characters of a reply read; a staff reply is a few lines
PAST_TOLERANCE = timedelta(days=61)  # a month-day this far before today is still this year's
MAX_WRAPPED_WINDOW = timedelta(days=62)  # "12月30日-1月2日" crosses the year; "10月16日-10月15日" does not


# --- results ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Feasibility:
    verdict: Literal["feasible", "infeasible"]
    reason: str | None = None  # why not, as written; None for a feasible item or an unexplained "no"


@dataclass(frozen=True)
class ProductionWord:
    state: Literal["scheduled", "completed"]
    finish: date | None = None  # the planned completion date of a scheduled order


@dataclass(frozen=True)
class Picked:
    quantities: dict[str, Decimal] = field(default_factory=dict)  # SKU (upper case) → quantity picked
    specs: dict[str, str] = field(default_factory=dict)  # SKU → the spec picked, where the line gives one


@dataclass(frozen=True)
class Shipping:
    carrier: str | None
    tracking_no: str | None
    packages: int | None


@dataclass(frozen=True)
class Delay:
    reason: str | None
    new_date: date | None


# --- the text: folded to half-width, greeting and signature set aside ---------------------------

@dataclass(frozen=True)
class _Body:
    text: str  # the lines kept, as written
    folded: str  # the same, character for character, with full-width forms folded (positions agree)


_GREETING = re.compile(
    r"[^\n]{0,16}?(?:您好|你好|早上好|上午好|下午好|晚上好|大家好)[\s,.:;!~。、]*"
    r"|(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))(?:\s+(?-i:[A-Z])[\w.'-]*){0,3}\s*[,:!.]?",
    re.IGNORECASE)
_CLOSING = re.compile(
    r"(?:谢谢|多谢|感谢|非常感谢)(?:您|你|大家)?的?(?:支持|配合|合作|帮助|关注)?|此致(?:敬礼)?|敬礼|祝好|顺祝(?:商祺|安好)?|祝商祺|商祺"
    r"|(?:many\s+)?thanks?(?:\s+you)?(?:\s+very\s+much)?(?:\s+and\s+(?:best\s+)?regards)?"
    r"|(?:best|kind|warm|warmest)(?:\s+regards)?|regards|br|cheers|sincerely(?:\s+yours)?"
    r"|yours\s+(?:sincerely|faithfully|truly)|sent\s+from\s+my\s+\w+|发自我的\S+",
    re.IGNORECASE)
# A phone number alone, after a name, or labelled: "13800138000", "张工 13800138000", "Tel: 0755-12345678".
_PHONE = r"(?:\+?86[\s-]?)?1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}|(?:\+?86[\s-]?)?0\d{2,3}[\s-]?\d{7,8}(?:-\d{1,5})?"
_TITLE_NAME = (r"[\u4e00-\u9fff]{1,2}(?<![完开加施员手分竣停做复动])工|[\u4e00-\u9fff]{1,2}(?<![汇总])总"
               r"|[\u4e00-\u9fff]{1,3}(?:经理|主管|专员|工程师|先生|女士|小姐|主任|助理)")
_PHONE_LINE = re.compile(
    rf"(?:(?:{_TITLE_NAME}|[\u4e00-\u9fff]{{2,4}}(?<![单号数款额])|[A-Za-z][A-Za-z .]{{0,20}})\s*[:]?\s*)?"
    rf"(?:{_PHONE})(?:\s*[/,]\s*(?:{_PHONE}))*")
_CONTACT_LINE = re.compile(r"(?:tel|phone|mobile|mob|fax|e-?mail|手机|电话|传真|邮箱|微信|wechat)\b[^\n]*|\S+@\S+\.\S+",
                           re.IGNORECASE)
_NAME_LINE = re.compile(_TITLE_NAME)
# Common surnames: a bare "王伟" above a phone number is a name; "已备货" is not.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
             "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
# A person's name, only as the line above a phone number or an address.
_PERSON_LINE = re.compile(rf"[{_SURNAMES}][\u4e00-\u9fff]{{1,2}}|[A-Z][a-z]+(?:\s+[A-Z][a-z]*\.?){{0,2}}")
# A department or a company, only within a signature: "生产部 张工", "仓库 李四", "深圳某某有限公司".
_ORG_LINE = re.compile(
    r"[\u4e00-\u9fff]{0,6}(?:生产|销售|财务|物流|仓储|仓库|技术|工程|采购|质量|品质|商务|客服|市场|计划|储运|业务|运营)"
    r"(?:(?:部门?|科|组|中心|处)(?:\s*[\u4e00-\u9fff]{2,4})?|\s+[\u4e00-\u9fff]{2,4})"
    r"|[\u4e00-\u9fff()（）]{2,30}(?:公司|工厂|厂)")
_END_PUNCT = " \t,.:;!~。、"


def _fold(text: str) -> str:
    """Full-width digits, letters and punctuation as ASCII (parsers.text.normalize) and
    Traditional characters as Simplified (OpenCC t2s: 已備貨 → 已备货, 運單號 → 运单号), one
    character at a time, so that positions in the folded text are positions in the text."""
    return "".join(_fold_char(char) for char in text)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    if char == "\n":
        return char
    if char.isspace():
        return " "
    folded = normalize(char)
    if len(folded) != 1:
        return char
    simplified = _to_simplified().convert(folded) if not folded.isascii() else folded
    return simplified if len(simplified) == 1 else folded


@lru_cache(maxsize=1)
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s")


def _body(text: str) -> _Body:
    """The reply without its greeting lines and its signature block."""
    lines = (text or "")[:MAX_TEXT].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    folded = [_fold(line) for line in lines]
    start, end = 0, len(lines)
    while start < end and (not folded[start].strip() or _GREETING.fullmatch(folded[start].strip())):
        start += 1
    for index in range(start, end):
        if _CLOSING.fullmatch(folded[index].strip(_END_PUNCT)):
            end = index
            break
    below = None  # what the line below, already set aside, was
    while end > start:
        line = folded[end - 1].strip(_END_PUNCT)
        if not line:
            kind = below
        elif _PHONE_LINE.fullmatch(line) or _CONTACT_LINE.fullmatch(line):
            kind = "contact"
        elif _NAME_LINE.fullmatch(line) or (below == "contact" and _PERSON_LINE.fullmatch(line)):
            kind = "name"  # "张工"; "王伟" above "13800138000"
        elif below and _ORG_LINE.fullmatch(line):
            kind = "org"
        else:
            break
        end, below = end - 1, kind
    return _Body("\n".join(lines[start:end]), "\n".join(folded[start:end]))


def _mask(text: str, *patterns: re.Pattern) -> str:
    """The text with what `patterns` match blanked out (same length, so positions agree)."""
    for pattern in patterns:
        text = pattern.sub(lambda match: " " * len(match.group(0)), text)
    return text


_CLAUSE_MARK = re.compile(r"[。!;,\n?]")  # what ends a clause (folded: ，；！？ too)
_QUESTION = re.compile(r"吗|[?]|是否|能否|可否|有没有|能不能|可不可以|可不可行|是不是|行不行")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause around text[start:end], a closing question mark included."""
    before = [m.end() for m in _CLAUSE_MARK.finditer(text, 0, start)]
    after = _CLAUSE_MARK.search(text, end)
    return (before[-1] if before else 0), (after.end() if after else len(text))


def _statements(pattern: re.Pattern, text: str, plain: str | None = None) -> list[re.Match]:
    """Where `pattern` is said, not asked. `plain`: the text before masking, where the
    question words are looked for (a mask may have blanked half of 有没有)."""
    found, asked = [], plain if plain is not None else text
    for match in pattern.finditer(text):
        left, right = _clause(asked, match.start(), match.end())
        if not _QUESTION.search(asked, left, right):
            found.append(match)
    return found


_NEG = r"(?:未|没有?|尚未|还没有?|还未|暂未|暂时没有?|暂时未|并未|并没有?|仍未|还不)"
_EN_NEG = r"(?:\b(?:not|never)|n[’']t)\s+(?:yet\s+)?(?:been\s+)?"


# --- 1. feasibility -----------------------------------------------------------------------------

_INFEASIBLE = re.compile(
    r"(?:技术上?)?(?:不太|不大|不|唔)可行|无法(?:实现|生产|加工|制作|制造|做)|做不了|做不到|做不出来?|生产不了|加工不了"
    r"|(?:做|整|生产)唔(?:到|了)"
    r"|(?:不能|不可以|没法|没办法)(?:做|生产|加工|制作|制造|实现)"
    r"|\b(?:not|isn[’']t)\s+(?:technically\s+|really\s+)?feasible\b|\b(?:in|un)feasible\b"
    r"|\b(?:cannot|can\s+not|can[’']t|could\s+not|couldn[’']t)\s+(?:be\s+)?(?:made|produced|manufactured|make|produce|manufacture)\b"
    r"|\bunable\s+to\s+(?:make|produce|manufacture)\b|\bnot\s+possible\b",
    re.IGNORECASE)
_FEASIBLE = re.compile(
    r"(?<![不否唔])(?:技术上?)?可行(?!性)|(?<![不没])可以(?:做|生产|加工|制作)|(?<![不只才])能做(?!到)|(?<![不只才])能生产"
    r"|没问题[\s,]*可以(?:生产|做)"
    r"|\bfeas[ai]ble\b|\bok(?:ay)?\s+(?:to|for)\s+(?:produce|production|make|manufacture)\b"
    r"|\bcan\s+be\s+(?:made|produced|manufactured)\b|\bwe\s+can\s+(?:make|produce|manufacture)\s+(?:it|this|them|that)\b",
    re.IGNORECASE)
_REASON_LEAD = re.compile(
    r"(?:[\s:：,，;；。.、\-—!！]+|(?:原因|理由)(?:是|为|如下)?|因为|由于|因(?![此素])"
    r"|(?:because(?:\s+of)?|reasons?(?:\s+is)?|due\s+to|owing\s+to)\b)+",
    re.IGNORECASE)
_REASON_TAIL = " \t\n,，;；。.!！:："


_NO_VERDICT_YET = re.compile(
    r"先别推进|先不要推进|暂缓|最终结论|再答复|再回复|再给(?:您|你)?答复|还要等|待确认|确认(?:了|后)我?再"
    r"|可行还是不可行|可不可行|要看(?:客户|图纸|材料|情况)"
    r"|\bnot\s+final\b|\bpreliminary\b|\bwill\s+(?:confirm|revert|get\s+back)\b",
    re.IGNORECASE)


def read_feasibility(text: str) -> Feasibility | None:
    """Engineering's verdict on a non-standard item: 可行/技术可行/可以做/feasible/OK to produce,
    or 不可行/无法实现/做不了/not feasible/cannot be made with the reason that follows
    (on the line, or on the next lines when the line says no more)."""
    body = _body(text)
    if _NO_VERDICT_YET.search(body.folded):
        return None  # "初步看可行，但…才能给最终结论，先别推进": no verdict yet
    infeasible = _statements(_INFEASIBLE, body.folded)
    if infeasible:
        return Feasibility("infeasible", _reason_after(body, infeasible[0].end()))
    if _statements(_FEASIBLE, body.folded):
        return Feasibility("feasible", None)
    return None


def _reason_after(body: _Body, end: int) -> str | None:
    line_end = body.folded.find("\n", end)
    line_end = len(body.folded) if line_end < 0 else line_end
    reason = _clean_reason(body.text[end:line_end])
    if reason:
        return reason
    following: list[str] = []
    for line in body.text[line_end + 1:].split("\n"):
        if line.strip():
            following.append(line.strip())
        elif following:
            break  # a blank line ends the reason
    return _clean_reason("\n".join(following))


def _clean_reason(text: str) -> str | None:
    lead = _REASON_LEAD.match(text)
    text = text[lead.end():] if lead else text
    text = text.strip(_REASON_TAIL)
    return text or None


# --- 2. production ------------------------------------------------------------------------------

_PRODUCTION_NEG = re.compile(
    rf"{_NEG}\s*(?:开始)?\s*(?:安排)?\s*(?:生产|排产|投产|完工|完成|做完|排期|排上)"
    r"|(?:不是|并非|并不是)\s*(?:已经?|全部)?\s*(?:完工|生产完成|做完|排产)"
    r"|(?:生产|排产)\s*(?:未|没有?|尚未|还没有?|还未)\s*(?:完成|完毕|结束|安排)?"
    rf"|{_EN_NEG}(?:completed|complete|finished|done|scheduled|started)\b"
    r"|\byet\s+to\s+be\s+(?:completed|finished|done|scheduled)\b",
    re.IGNORECASE)
# A completion still to come is no completion: 预计10月20日完工, 完工日期, to be completed by.
_PRODUCTION_FUTURE = re.compile(
    r"(?:预计|计划|将会?|预期|争取|估计|需要|大约|大概)[^,;。\n]{0,15}?(?:完工|生产完成|生产完毕|完成|做完)"
    r"|(?:完工|完成|生产完成|生产完毕)\s*(?:日期|时间|日)"
    r"|\b(?:will|to|should|shall|would|going\s+to|expected\s+to|planned\s+to|estimated\s+to)\s+(?:be\s+)?"
    r"(?:completed|complete|finished|done)\b",
    re.IGNORECASE)
_COMPLETED = re.compile(
    r"已经?完工|完工了|全部完工|(?:已经?)?生产(?:已经?|均已|全部)?(?:完成|完毕|结束)|已经?(?:完成|结束)生产|已经?生产好|生产好了"
    r"|已经?做完|\bcompleted\b|\bfinished\b|\bproduction\s+(?:is\s+|has\s+been\s+)?(?:done|complete|over)\b",
    re.IGNORECASE)
_SCHEDULED = re.compile(
    r"已经?排产|排产(?:已经?)?(?:完成|完毕|好了|了)|已经?安排(?:好)?生产|已经?排上|已经?下达生产|已经?投产|已经?开始生产"
    r"|正在生产|生产中|(?:已经?)?重新排产|(?:调整|改|推迟|延)(?:为|到|至)[^,;。\n]{0,12}?完工"
    r"|\bscheduled\b|\bin\s+production\b|\bproduction\s+(?:has\s+)?started\b|\brescheduled\b",
    re.IGNORECASE)
_FINISH_WORDS = re.compile(
    r"完工|(?<!排产)(?<!排产已)完成|做完|交期|交货|出货|出厂|\bready\b|complet|finish|\bdue\b|\bdone\b|\beta\b",
    re.IGNORECASE)


def read_production(text: str, today: date) -> ProductionWord | None:
    """The workshop's word: 已排产/排产完成/scheduled, with the planned completion date when one
    is given (完工日期 2023-10-20, 预计10月20日完工, completion 20 Oct), or 已完工/生产完成/
    completed/finished. When both are said, the one said last counts ("已排产，现已完工")."""
    body = _body(text)
    masked = _mask(body.folded, _PRODUCTION_NEG, _PRODUCTION_FUTURE)
    said = [("completed", m) for m in _statements(_COMPLETED, masked)]
    said += [("scheduled", m) for m in _statements(_SCHEDULED, masked)]
    if not said:
        return None
    state, _ = max(said, key=lambda found: found[1].start())
    if state == "completed":
        return ProductionWord("completed", None)
    return ProductionWord("scheduled", _finish_date(body.folded, today))


_SUPERSEDED = re.compile(r"原定|原计划|原来|本来|之前|previously|originally|was\s+(?:planned|due)", re.IGNORECASE)


def _finish_date(folded: str, today: date) -> date | None:
    """The date in a clause that speaks of completion; a relative one (预计下周五完工) too."""
    for match in _DATE_TOKEN.finditer(folded):
        left, right = _clause(folded, match.start(), match.end())
        if _SUPERSEDED.search(folded, max(left, match.start() - 6), match.start()):
            continue  # 原定10月13日完工: the plan it replaces
        if _FINISH_WORDS.search(folded, left, right):
            found = _resolve(match.group(0), today)
            if found is not None:
                return found
    for clause in _CLAUSE_MARK.split(folded):
        if _FINISH_WORDS.search(clause) and not _DATE_TOKEN.search(clause):
            reading = read_date(clause, today)
            if reading.status == "date":
                return reading.value
    return None


# --- 3. picking ---------------------------------------------------------------------------------

_PICKED_NEG = re.compile(
    rf"{_NEG}\s*(?:开始)?\s*(?:备货|备好|备齐|备完|拣货|拣好|拣完|配货|配好|配齐)"
    r"|(?:备货|拣货|配货)\s*(?:未|没有?|尚未|还没有?|还未)\s*(?:完成|好|齐)?"
    rf"|{_EN_NEG}(?:picked|ready)\b|\byet\s+to\s+be\s+picked\b",
    re.IGNORECASE)
_PICKED = re.compile(
    r"已经?备货|备货(?:已经?)?(?:完成|完毕|好了|齐了|已齐)|已经?备好|备好货?了|货(?:已经?)?备(?:好|齐)|已经?备齐"
    r"|已经?拣货|拣货(?:已经?)?(?:完成|完毕)|已经?拣好|已经?配货|配货(?:已经?)?(?:完成|完毕)"
    r"|\bpicked\b|\bready\s+(?:to\s+ship|for\s+(?:shipment|shipping|dispatch|pick-?up|delivery|collection))\b"
    r"|\bgoods\s+(?:are\s+)?ready\b|\bpacked\s+and\s+ready\b",
    re.IGNORECASE)
# "P001 100", "P001:100台", "P001 x 100", "P001 100 pcs", "P002 数量 48", "AB-1203*5", "SKU9 2.5"
_SKU_QUANTITY = re.compile(
    r"(?<![A-Za-z0-9-])(?P<sku>[A-Za-z]{1,10}-?\d+)(?!\d)"
    r"\s*(?:[:x×*]|数量|qty\.?|quantity)?\s*:?\s*"
    r"(?P<qty>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.])",
    re.IGNORECASE)


# "P001 100 规格 L-500×300", "P001 100 spec: L-800x400": what was picked, when it is written
_PICKED_SPEC = re.compile(r"(?:规格(?:型号)?|型号|spec(?:ification)?)\s*[:：]?\s*(?P<spec>[^,，;；\n]+)", re.IGNORECASE)


def _is_dimension(folded: str, match: re.Match, last_end: int | None) -> bool:
    """A "SKU × number" right after another line's figure, on its line: a size (L-500×300), not a SKU."""
    joiner = folded[match.end("sku"):match.start("qty")]
    return (last_end is not None and any(c in joiner for c in "x×*X")
            and not folded[last_end:match.start()].strip(" \t"))


def read_picked(text: str) -> Picked | None:
    """The warehouse's word that the goods are picked (已备货/备货完成/已拣货/picked/ready to ship),
    with the quantity of each line where they are given; a SKU named twice keeps its last figure."""
    body = _body(text)
    masked = _mask(body.folded, _PICKED_NEG)
    if not _statements(_PICKED, masked):
        return None
    quantities: dict[str, Decimal] = {}
    specs: dict[str, str] = {}
    named = list(_PICKED_SPEC.finditer(body.folded))  # "规格 L-500×300" is no SKU and quantity
    last_end = None
    for match in _SKU_QUANTITY.finditer(_mask(body.folded, _PICKED_SPEC)):
        if _is_dimension(body.folded, match, last_end):
            continue  # "P001 100 L-500×300": the spec after a line's figure
        found = parse_quantity(match["qty"])
        if found is not None:
            last_end = match.end()
            quantities[match["sku"].upper()] = found[0]
            line_end = body.folded.find("\n", match.end())
            spec = next((s for s in named if match.end() <= s.start() and (line_end < 0 or s.start() < line_end)), None)
            if spec:
                specs[match["sku"].upper()] = body.text[spec.start("spec"):spec.end("spec")].strip()
    return Picked(quantities, specs)


# --- 4. payment ---------------------------------------------------------------------------------

_PAYMENT_NEG = re.compile(
    rf"{_NEG}\s*(?:收到|收款|到账|到帐|入账|收齐|回款)"
    r"|(?:款|货款|款项)\s*(?:未|没有?|尚未|还没有?|还未)\s*(?:收到|到账|到帐|入账|到)"
    rf"|{_EN_NEG}(?:received|arrived|credited)\b|\bno\s+payment\b",
    re.IGNORECASE)
_RECEIVED = (r"已经?收款|已经?收到|收到了?|已经?到账|到账了?|已经?到帐|已经?入账|(?<=[\d:：])入账|(?<=于)[^,，。\n]{0,20}?入账"
             r"|款已收到|已经?回款"
             r"|\bpayment\s+(?:has\s+been\s+|was\s+)?received\b|\breceived\b|\bcredited\b")
# The words that may stand between the receipt and its amount: "收到贵司货款 17780元", "received payment of USD 1,000".
_BETWEEN = (r"(?:\s|[:#]|的|为|是|了|共计|合计|金额|货款|款项|尾款|余款|定金|订金|预付款|首付款|全款|贵司|贵公司|您的|付款|汇款|款|人民币"
            r"|\b(?:of|the|amount|payment|funds|sum|total|full|in|your|balance|remaining|final|deposit|advance"
            r"|down|prepayment|wire|transfer|bank)\b)*")
_AMOUNT = (rf"(?:(?:{CURRENCY_CODES})\s*)?[¥$€£]?\s*(?:{NUMBER_TEXT})\s*(?:元|块钱|块|圆|{CURRENCY_CODES}|yuan)?"
           r"(?![\d%/:-]|[.,]\d|\s*(?:月|日|号|年|个|件|台|套|箱|pcs))")
_PAYMENT = re.compile(
    rf"(?:{_RECEIVED}){_BETWEEN}(?P<after>{_AMOUNT})"
    rf"|(?<![A-Za-z\d.,/:-])(?P<before>{_AMOUNT})\s*(?:已经?|has\s+been|have\s+been|was|were)?\s*(?:{_RECEIVED})",
    re.IGNORECASE)
_NO_DIGIT = re.compile(r"\D*")
_MONEY_WORD = re.compile(r"[¥$€£元块圆万]")


# How people type amounts in chat: 1w5 = 15,000 (万 and a digit of 千), 3w = 30,000, 15k = 15,000.
_SHORTHAND = re.compile(r"(?<![A-Za-z\d.])(?P<n>\d+(?:\.\d+)?)\s*(?P<unit>[wWkK])(?P<tail>\d)?(?![A-Za-z\d])")


def _spelled_out(match: re.Match) -> str:
    number = Decimal(match["n"])
    if match["unit"] in "wW":
        value = number * 10000 + (Decimal(match["tail"]) * 1000 if match["tail"] else 0)
    elif match["tail"]:
        return match.group(0)  # "15k5" is no amount anyone writes
    else:
        value = number * 1000
    return f"{value:.2f}元"


def read_payment(text: str) -> Decimal | None:
    """The amount finance says has come in: 已收款 35,560.00, 已收款：¥35560, 收到货款 17780元,
    已到账 5万 (50000), payment received 35,560.00, received CNY 35560, Received: 17,780.00."""
    body = _body(text)
    masked = _SHORTHAND.sub(_spelled_out, _mask(body.folded, _PAYMENT_NEG))  # 1w5, 15k
    for match in _statements(_PAYMENT, masked):
        amount = (match["after"] or match["before"]).strip()
        if _NO_DIGIT.fullmatch(amount) and not _MONEY_WORD.search(amount):
            continue  # "收到一笔": a Chinese numeral is money only with a money word
        value = parse_amount(amount)
        if value is not None:
            return value
    return None


# --- 5. shipping --------------------------------------------------------------------------------

_NOT_CJK_BEFORE = r"(?<![\u4e00-\u9fff])"
_LABEL = re.compile(
    r"(?P<track>快递单号|物流单号|运单号码?|运单编号|快递单|"
    rf"{_NOT_CJK_BEFORE}(?:单号|运单)"
    r"|\btracking\s*(?:no\.?|number|num|code|id|#)|\btracking\b|\bwaybill(?:\s*(?:no\.?|number|#))?|\bawb(?:\s*(?:no\.?|number|#))?)"
    r"|(?P<carrier>承运商|承运公司|承运人|快递公司|物流公司|"
    rf"{_NOT_CJK_BEFORE}(?:快递|物流)(?=\s*:|\s)"
    r"|\bcarrier\b|\bcourier\b|\bforwarder\b|\b(?:shipping|logistics)\s+company\b)"
    r"|(?P<packages>件数|箱数|包裹数|\bpackages?\b|\bpkgs?\b|\bparcels?\b|\bpcs\b|\bcartons?\b|\bctns?\b|\bboxes\b)",
    re.IGNORECASE)
_FIELD_END = re.compile(r"[,;。|]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN_RUN = re.compile(r"[\sA-Za-z0-9-]*")
_TRACKING_PREFIX = re.compile(r"[A-Za-z]{1,5}")
_DIGITS = re.compile(r"\d")
_COUNT = re.compile(r"\s*(\d{1,4})(?!\d)|\s*([一二两三四五六七八九十]{1,3})")
_PACKAGES_AFTER = re.compile(
    r"共\s*(?P<n>\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:件|箱|包|个包裹|个箱子)"
    r"|(?<![\w.-])(?P<m>\d{1,4})\s*(?:件|箱|包裹|个包裹|packages?\b|parcels?\b|cartons?\b|ctns?\b|boxes\b)",
    re.IGNORECASE)
_PACKAGE_COUNT_TAIL = re.compile(
    r"\s+\d{1,3}\s*(?:(?:件|箱|包裹?|个)(?![数裹])|(?:packages?|parcels?|cartons?|ctns?|pcs|boxes)(?![A-Za-z])(?!\s*[:#]))"
    r"[\s\S]*$", re.IGNORECASE)
MIN_TRACKING_DIGITS = 4


def read_shipping(text: str) -> Shipping | None:
    """Logistics' labelled fields, in any order, on one line or several: carrier (承运商, 快递公司,
    物流公司, 快递, carrier), tracking number (运单号, 快递单号, 单号, tracking no., waybill, AWB)
    and packages (件数, 箱数, 包裹数, 共2件, packages, cartons). None unless a carrier or a
    tracking number is given."""
    body = _body(text)
    carrier = tracking = packages = None
    for item in _fields(body):
        if item.kind == "track" and tracking is None:
            tracking = _tracking_no(item.rest)  # to the line's end: "SF1234 2 packages"
        elif item.kind == "carrier" and carrier is None:
            carrier = _carrier(item.written)
        elif item.kind == "packages" and packages is None:
            packages = _count(item.value)
    if carrier is None:  # "已发中通快递，运单号…", "Shipped via SF Express", "韵达快递 4312345678901"
        named = _carrier_named_in(body)
        if named is not None:
            written, after = named
            tracking = tracking or _tracking_no(after.split("\n")[0].lstrip(" ,，、:"))
            carrier = written if tracking else None  # "顺丰今天没来揽收": a carrier named is no shipment
    if carrier is None and tracking is None:
        return None
    if packages is None:
        packages = _packages_after(body.folded)
    return Shipping(carrier, tracking, packages)


# Carriers as people write them (orders.carriers), longest first so 顺丰速运 wins over 顺丰.
_CARRIER_NAMES = re.compile(
    "|".join(rf"(?<![A-Za-z0-9]){re.escape(name)}(?![A-Za-z0-9])" if name.isascii() else re.escape(name)
             for name in sorted({n for c in CARRIERS for n in c.names if len(n) > 1}, key=len, reverse=True)),
    re.IGNORECASE)


def _carrier_named_in(body: _Body) -> tuple[str, str] | None:
    """A known carrier named without a label: as written, and the folded text after it."""
    match = _CARRIER_NAMES.search(body.folded)
    if match is None:
        return None
    return body.text[match.start():match.end()], body.folded[match.end():]


@dataclass(frozen=True)
class _Field:
    kind: Literal["track", "carrier", "packages"]
    value: str  # folded, up to the next label or the line's end
    rest: str  # folded, up to the line's end
    written: str  # `value` as written


def _fields(body: _Body):
    """Each label with the text after it; a label alone at the end of its line takes the
    next line ("运单号：\nSF1234567890123")."""
    folded_lines, lines = body.folded.split("\n"), body.text.split("\n")
    for number, line in enumerate(folded_lines):
        labels = list(_LABEL.finditer(line))
        for index, label in enumerate(labels):
            kind = next(group for group in ("track", "carrier", "packages") if label[group])
            end = labels[index + 1].start() if index + 1 < len(labels) else len(line)
            value, rest, written = line[label.end():end], line[label.end():], lines[number][label.end():end]
            alone = end == len(line) and not value.strip(" :#")
            if alone and number + 1 < len(lines) and not _LABEL.search(folded_lines[number + 1]):
                value = rest = folded_lines[number + 1]
                written = lines[number + 1]
            yield _Field(kind, value, rest, written)


def _carrier(value: str) -> str | None:
    """The carrier as written, up to the end of its field: "顺丰速运", "SF Express"."""
    value = value.lstrip(" \t:：#")
    field_end = _FIELD_END.search(_fold(value))
    value = value[:field_end.start()] if field_end else value
    if _CJK.match(value):
        value = value.split()[0] if value.split() else value  # a Chinese name has no spaces
    else:
        cjk = _CJK.search(value)
        value = value[:cjk.start()] if cjk else value  # "SF Express 已发出"
    value = value.strip().strip(":：-").strip()
    return None if not value or _UNDECIDED.fullmatch(_fold(value)) else value


_UNDECIDED = re.compile(r"(?:还|暂|尚)?(?:没|未|待)(?:有)?(?:定|确定|决定)(?:好)?|待定|未知|\btbd\b|\bunknown\b|\bn/?a\b",
                        re.IGNORECASE)


def _tracking_no(value: str) -> str | None:
    """The tracking number at the start of a field, without spaces: "SF 1234 5678 9012" →
    "SF123456789012"; None when the field holds none ("待定", "稍后提供")."""
    value = _PACKAGE_COUNT_TAIL.sub("", value.lstrip(" :#"))  # "SF1234567890123 2件": 2 is no part of it
    kept: list[str] = []
    for word in _LATIN_RUN.match(value).group(0).split():
        if (word.isdigit() if kept and _DIGITS.search(kept[-1]) else _DIGITS.search(word)) or (
                not kept and _TRACKING_PREFIX.fullmatch(word)):
            kept.append(word)
        else:
            break
    number = "".join(kept)
    return number if len(_DIGITS.findall(number)) >= MIN_TRACKING_DIGITS else None


def _count(value: str) -> int | None:
    match = _COUNT.match(value.lstrip(" :#"))
    if not match:
        return None
    if match[1]:
        return int(match[1])
    found = chinese_number(match[2])
    return int(found) if found is not None else None


def _packages_after(folded: str) -> int | None:
    match = _PACKAGES_AFTER.search(folded)
    if not match:
        return None
    figure = match["n"] or match["m"]
    if figure.isdigit():
        return int(figure)
    found = chinese_number(figure)
    return int(found) if found is not None else None


# --- 6. delay -----------------------------------------------------------------------------------

_DELAY = re.compile(r"延迟|延误|推迟|延期|\bdelay(?:ed|s)?\b|\bpostponed\b", re.IGNORECASE)
_DELAY_NEG = re.compile(
    r"(?:不会|不|没有?|未|无|并未|并没有?|不存在|避免)\s*(?:任何)?\s*(?:延迟|延误|推迟|延期)"
    r"|\bno\s+(?:further\s+)?delays?\b|\bwithout\s+(?:any\s+)?delays?\b"
    r"|(?:\bnot|n[’']t)\s+(?:be\s+)?(?:delayed|postponed)\b",
    re.IGNORECASE)
_REASON_LABEL = re.compile(r"(?:原因|理由)\s*(?:是|为)?\s*:\s*|(?:原因|理由)(?:是|为)\s*|\breasons?\s*(?:is\s*)?:\s*",
                           re.IGNORECASE)
_CAUSE = re.compile(r"因为|由于|(?<![原基诱起])因(?![此素而])|\bdue\s+to\b|\bbecause(?:\s+of)?\b|\bowing\s+to\b",
                    re.IGNORECASE)
_DELAY_LABEL = re.compile(rf"(?:{_DELAY.pattern})\s*(?:原因)?\s*:\s*", re.IGNORECASE)
_ETA = re.compile(
    r"预计|预期|新的?(?:送达|到货|交货|交付)?(?:日期|时间)|改为|改到|改至|(?:推迟|延迟|延期|顺延|延)(?:到|至)|送达时间|到货时间"
    r"|\bnew\s+(?:eta|delivery\s+date|date)\b|\beta\b|\bexpected\b|\bestimated\b|\brescheduled\s+(?:to|for)\b"
    r"|\bnow\s+(?:due|arriving|expected)\b|\buntil\b",
    re.IGNORECASE)
_DURATION = re.compile(r"\d+\s*(?:个)?(?:天|日|周|星期|小时|days?|weeks?|hours?)|[一二两三四五六七八九十半]+\s*(?:个)?(?:天|周|星期|小时)",
                       re.IGNORECASE)


def read_delay(text: str, today: date) -> Delay | None:
    """Logistics' word that a delivery is late (延迟/延误/推迟/delayed), with the reason
    (延迟:暴雨封路, 原因：…, 因…, due to …) and the new date (预计送达:10月18日, new ETA 18 Oct)."""
    body = _body(text)
    masked = _mask(body.folded, _DELAY_NEG)
    if not _statements(_DELAY, masked):
        return None
    return Delay(_delay_reason(body, masked), _new_date(masked, today))


def _delay_reason(body: _Body, masked: str) -> str | None:
    for pattern, clause_only in ((_REASON_LABEL, False), (_DELAY_LABEL, False), (_CAUSE, True)):
        for match in pattern.finditer(masked):
            reason = _reason_until(body, match.end(), clause_only)
            if reason:
                return reason
    return None


def _reason_until(body: _Body, start: int, clause_only: bool) -> str | None:
    """The reason from `start` to the new date, the end of the line (or of the clause)."""
    folded = body.folded
    end = folded.find("\n", start)
    end = len(folded) if end < 0 else end
    stops = [_ETA, _DATE_TOKEN, _DELAY] + ([_CLAUSE_MARK] if clause_only else [])
    for stop in stops:
        found = stop.search(folded, start, end)
        if found:
            end = found.start()
    return _clean_reason(body.text[start:end])


def _new_date(masked: str, today: date) -> date | None:
    """The date after the new-date words; else the last date written (the first is
    often the date missed)."""
    for eta in _ETA.finditer(masked):
        line_end = masked.find("\n", eta.end())
        line_end = len(masked) if line_end < 0 else line_end
        for match in _DATE_TOKEN.finditer(masked, eta.start(), line_end):
            found = _resolve(match.group(0), today)
            if found is not None:
                return found
        after = masked[eta.end():line_end]
        if not _DURATION.search(after):  # "预计推迟两天": two days after a date not given
            reading = read_date(after, today)
            if reading.status == "date":
                return reading.value
    dates = [found for found in (_resolve(m.group(0), today) for m in _DATE_TOKEN.finditer(masked)) if found]
    return dates[-1] if dates else None


# --- 7. delivery window -------------------------------------------------------------------------

_MONTH_NAME = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
               r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_ORDINAL = r"(?:st|nd|rd|th)?"
# A figure after which "10-15" or "10/15" is a count, a size or a model, not a date.
_NOT_A_DATE_AFTER = (r"(?!\s*(?:天|个|工作日|周|星期|小时|件|台|套|箱|只|型|款|寸|%"
                     r"|(?:pcs|pc|mm|cm|m|kg|g|units?|sets?|days?|hours?|boxes|cartons?|ctns?)(?![a-z])|[a-z]\d))")
_DATE_TEXT = (
    r"(?<!\d)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?(?!\d)"
    r"|(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*[日号]?(?!\d)"
    rf"|(?<![a-z]){_MONTH_NAME}\s+\d{{1,2}}{_ORDINAL}(?:\s*,?\s+\d{{4}})?(?![\d:])"
    rf"|(?<![\d.])\d{{1,2}}{_ORDINAL}\s+(?:of\s+)?{_MONTH_NAME}(?![a-z])(?:,?\s+\d{{4}})?"
    rf"|(?<![\d/.])\d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?(?![\d/]){_NOT_A_DATE_AFTER}"
    rf"|(?<![\d/.-])\d{{1,2}}-\d{{1,2}}(?![\d/.-]){_NOT_A_DATE_AFTER}"
)
_DATE_TOKEN = re.compile(_DATE_TEXT, re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")
_SEP = r"\s*(?P<sep>-|~|〜|—|–|至|到|或|\bto\b|\buntil\b|\btill\b|\bthrough\b|\bthru\b|\bor\b)\s*"
_EARLIER_DELIVERY = re.compile(r"上次|上回|上一批|那批|之前那|last\s+time|previous\s+(?:delivery|shipment|order)",
                               re.IGNORECASE)
MAX_EITHER_DAYS = 2  # "Oct 24 or 25" is a window of two days; "10月15日或10月18日" is a choice, not a window
# Days the customer turns down: "10月15日-16日那两天我们放假", "原定22日-23日不行".
_REFUSED_DAYS = re.compile(r"不行|不可以|不方便|放假|休息|没人|无人|不在|不能收|收不了|盘点"
                           r"|not\s+(?:possible|good|ok|convenient)|unavailable|closed|can[’']?t|cannot|no\s+one",
                           re.IGNORECASE)
_FULL_RANGE = re.compile(rf"(?P<a>{_DATE_TEXT}){_SEP}(?P<b>{_DATE_TEXT})", re.IGNORECASE)
# "10月15日至16日", "2023年10月15-16日"
_CN_RANGE = re.compile(
    rf"(?:(?P<y>\d{{4}})\s*年\s*)?(?<!\d)(?P<m>\d{{1,2}})\s*月\s*(?P<d1>\d{{1,2}})\s*[日号]?{_SEP}"
    r"(?P<d2>\d{1,2})\s*[日号]?(?!\s*月|\d)")
# "21.-22.11.", "21.-22.11.2023": day.-day.month. as Germans write it
_EU_RANGE = re.compile(
    r"(?<![\d.])(?P<d1>\d{1,2})\.\s*(?P<sep>-|–|bis)\s*(?P<d2>\d{1,2})\.\s*(?P<m>\d{1,2})\.(?:\s*(?P<y>\d{4}))?(?!\d)")
# "between 04/12/2023 and 06/12/2023"
_BETWEEN_DATES = re.compile(rf"\bbetween\s+(?P<a>{_DATE_TEXT})\s+(?P<sep>and)\s+(?P<b>{_DATE_TEXT})", re.IGNORECASE)
# "between 6 and 8 November"
_EN_BETWEEN = re.compile(
    rf"\bbetween\s+(?:the\s+)?(?P<d1>\d{{1,2}}){_ORDINAL}\s+(?P<sep>and)\s+(?:the\s+)?(?P<d2>\d{{1,2}}){_ORDINAL}"
    rf"\s+(?:of\s+)?(?P<mon>{_MONTH_NAME})(?![a-z])(?:,?\s+(?P<y>\d{{4}}))?",
    re.IGNORECASE)
# "15-16 Oct", "15th to 16th October 2023"
_EN_DAYS_RANGE = re.compile(
    rf"(?<![\d.])(?P<d1>\d{{1,2}}){_ORDINAL}{_SEP}(?P<d2>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?"
    rf"(?P<mon>{_MONTH_NAME})(?![a-z])(?:,?\s+(?P<y>\d{{4}}))?",
    re.IGNORECASE)
# "Oct 15-16", "October 15 to 16, 2023"
_EN_MONTH_RANGE = re.compile(
    rf"(?<![a-z])(?P<mon>{_MONTH_NAME})\s+(?P<d1>\d{{1,2}}){_ORDINAL}{_SEP}(?P<d2>\d{{1,2}}){_ORDINAL}"
    rf"(?![\d:/])(?!\s*{_MONTH_NAME}(?![a-z]))(?:,?\s+(?P<y>\d{{4}}))?",
    re.IGNORECASE)


def read_window(text: str, today: date) -> tuple[date, date] | None:
    """The days a customer proposes for delivery, first and last: "10月15日-10月16日",
    "10月15日至16日", "2023-10-15 ~ 2023-10-16", "15-16 Oct", "Oct 15 to Oct 16", or one
    date (d, d). None when the last day is before the first, or when several dates are
    written and none as a range (which of them is meant?)."""
    folded = _body(text).folded
    ranges = [found for pattern in (_FULL_RANGE, _CN_RANGE, _EN_DAYS_RANGE, _EN_MONTH_RANGE, _EU_RANGE, _EN_BETWEEN,
                                    _BETWEEN_DATES)
              for found in pattern.finditer(folded)]
    wanted = [found for found in ranges if not _turned_down(folded, found)]
    if ranges:  # the last range the customer does not turn down
        chosen = max(wanted, key=lambda found: found.start(), default=None)
        return None if chosen is None else _range(*_range_texts(chosen), today,
                                                 either=chosen["sep"].lower() in ("or", "或"))
    tokens = [m for m in _DATE_TOKEN.finditer(folded) if not _turned_down(folded, m)]
    dates = {found for found in (_resolve(m.group(0), today) for m in tokens) if found}
    return (dates.pop(),) * 2 if len(dates) == 1 else None


def _turned_down(folded: str, match: re.Match) -> bool:
    """The clause the days are in says they do not suit, or that they were another delivery's."""
    left, right = _clause(folded, match.start(), match.end())
    return bool(_REFUSED_DAYS.search(folded, match.end(), right) or _EARLIER_DELIVERY.search(folded, left, right))


def _range_texts(match: re.Match) -> tuple[str, str]:
    groups = match.groupdict()
    if groups.get("a"):
        return match["a"], match["b"]
    year = groups.get("y")
    if groups.get("mon"):
        tail = f" {match['mon']}" + (f" {year}" if year else "")
        return f"{match['d1']}{tail}", f"{match['d2']}{tail}"
    head = (f"{year}年" if year else "") + f"{match['m']}月"
    return f"{head}{match['d1']}日", f"{head}{match['d2']}日"


def _range(first: str, last: str, today: date, either: bool = False) -> tuple[date, date] | None:
    start = _resolve(first, today)
    if start is None:
        return None
    reading = read_date(last, start)
    if reading.status != "date":
        end = _either_order(last, start)  # 06/12/2023 read the way that falls near the first day
    elif not _YEAR.search(last):  # the last day is the first such day on or after the first day
        end = _on_or_after(reading.value.month, reading.value.day, start)
    else:
        end = reading.value
    if end is None or end < start or (either and (end - start).days > MAX_EITHER_DAYS):
        return None
    return start, end


def _resolve(text: str, today: date) -> date | None:
    """The date `text` writes; a month and day without a year in the year that puts it
    closest after today (up to two months past still this year)."""
    reading = read_date(text, today)
    if reading.status != "date":
        return _either_order(text, today)
    if _YEAR.search(text):
        return reading.value
    for year in (today.year - 1, today.year, today.year + 1):
        candidate = _day(year, reading.value.month, reading.value.day)
        if candidate is not None and candidate >= today - PAST_TOLERANCE:
            return candidate
    return None


_NUMERIC_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
SOON = timedelta(days=183)  # how far ahead a delivery window is proposed


def _either_order(text: str, today: date) -> date | None:
    """04/12/2023 read day-first or month-first: the one reading that falls near today
    (from two months back to half a year ahead); None while both or neither do."""
    match = _NUMERIC_DATE.fullmatch(text.strip())
    if match is None:
        return None
    first, second, year = (int(part) for part in match.groups())
    near = {day for day in (_day(year, second, first), _day(year, first, second))
            if day is not None and today - PAST_TOLERANCE <= day <= today + SOON}
    return near.pop() if len(near) == 1 else None


def _on_or_after(month: int, day: int, start: date) -> date | None:
    same = _day(start.year, month, day)
    if same is not None and same >= start:
        return same
    following = _day(start.year + 1, month, day)
    return following if following is not None and following - start <= MAX_WRAPPED_WINDOW else None


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- 8. close -----------------------------------------------------------------------------------

_CLOSE_NEG = re.compile(
    r"(?:不能|不可以?|暂不|暂时不|先不|不要|不用|别|无法|未|没有?|还不能|尚未|不予|不)\s*(?:进行)?\s*(?:闭环|关闭|关单)"
    r"|(?:\b(?:do|does|should|can|could|must|will)\s*not|n[’']t|\bnot|\bnever)\s+(?:yet\s+)?(?:be\s+)?clos(?:e|ed|ing)\b",
    re.IGNORECASE)
_CLOSE = re.compile(
    r"闭环|关闭(?:此|该|这个|本)?订单|订单(?:可以)?关闭|可以关闭|关单"
    r"|\bclose\s+(?:the|this|that|our|your)?\s*order\b|\bclose\s+it\b|\bclose\s+this\b|\bcan\s+be\s+closed\b"
    r"|\bok(?:ay)?\s+to\s+close\b|\bplease\s+close\b",
    re.IGNORECASE)


def read_close(text: str) -> bool:
    """True when the rep says the order can be closed (闭环, 可以闭环, 关闭订单, close the order,
    close it); False for 不能闭环, 暂不闭环, don't close, a question, or nothing said."""
    body = _body(text)
    return bool(_statements(_CLOSE, _mask(body.folded, _CLOSE_NEG)))


# --- 9. the customer's answer to a shortage notice -----------------------------------------------

_PARTIAL = re.compile(
    r"先发(?:现货|有货|库存|已有|现有|能发)|先(?:发|送|交)\s*\d+|有(?:多少|的)先发|现货先发|分批(?:发货|送货|交货|发)?"
    r"|部分(?:发货|交货|送货)|剩(?:下|余)的?[^。\n]{0,12}?(?:再|后)(?:发|送|补)"
    r"|\bship\s+(?:what|whatever)\s+(?:is|you\s+have)\b|\bpartial\s+(?:shipment|delivery)\b"
    r"|\bship\s+the\s+(?:available|rest\s+later)\b|\bsplit\s+(?:the\s+)?(?:shipment|delivery)\b"
    r"|\b(?:dispatch|send|ship|deliver)\s+(?:the\s+|whatever\s+)?(?:available|ready)\s+(?:quantity|stock|goods|units|items)\b"
    r"|\bthe\s+(?:balance|rest|remainder)\s+(?:may|can|should)\s+follow\b",
    re.IGNORECASE)
_WAIT = re.compile(
    r"(?:可以|能|愿意|我们)等|等吧|等着|不急|选择等待|等(?:新|一下|到)?(?:的)?交期|接受(?:新的?)?(?:交期|日期|时间)"
    r"|同意(?:延期|推迟|新交期)|延期(?:可以|没问题)|一(?:起|次性?)(?:发|送|交)"
    r"|(?:按|新)(?:新的?)?(?:交期|日期|交货期)[^。\n]{0,15}?(?:可以接受|接受|没问题|就行|可以|行)"
    r"|\b(?:we\s+)?(?:can|will|are\s+happy\s+to)\s+wait\b|\baccept\s+the\s+new\s+(?:date|delivery\s+date)\b"
    r"|\bwait\s+for\s+the\s+(?:full|whole|complete)\b",
    re.IGNORECASE)
_SUBSTITUTE = re.compile(r"替代|替换|换成|代替|改用|\bsubstitut(?:e|ion)\b|\balternative\b", re.IGNORECASE)
# An option turned down, or only weighed ("替代品的话请先发规格书"): no choice of it.
_CHOICE_DECLINED = re.compile(
    r"(?:不能|不想|没法|无法|不愿意?|不用|不必|等不了|不再)\s*(?:再)?等(?:了|待)?|\b(?:can(?:no|')t|cannot|won't)\s+wait\b"
    r"|(?:不要|不用|不需要|不接受|不同意|不能|不考虑|拒绝)\s*(?:用)?\s*(?:替代品?|替换|代替|分批(?:发货|送货|交货)?|部分(?:发货|交货))"
    r"|(?:替代品?|替换)[^,，。;；\n]{0,8}?(?:没法用|不能用|不行|不要|不考虑|的话)"
    r"|\bno\s+(?:partial|split)\s+(?:shipments?|deliver(?:y|ies))\b|\bno\s+substitut(?:e|es|ion)s?\b",
    re.IGNORECASE)


_JUST_WAIT = re.compile(r"(?:那就|就|我们)?等(?:吧|着|着吧)?[。.!！]*|wait[.!]*", re.IGNORECASE)


def read_shortage_choice(text: str) -> Literal["wait", "partial", "substitute"] | None:
    """The customer's choice after a shortage notice: wait for the new date, ship
    what is in stock now (先发现货, partial shipment), or a substitute."""
    body = _body(text)
    if _JUST_WAIT.fullmatch(body.folded.strip()):
        return "wait"  # "等" alone, as a buyer answers by phone
    kept = _mask(body.folded, _CHOICE_DECLINED)
    for choice, pattern in (("partial", _PARTIAL), ("substitute", _SUBSTITUTE), ("wait", _WAIT)):
        if _statements(pattern, kept):
            return choice
    return None


# --- 10. the customer's word on the goods' arrival -----------------------------------------------

@dataclass(frozen=True)
class Arrival:
    received: bool  # the goods arrived (or were signed for), with or without a problem
    problem: str | None = None  # the clause that reports damage, a shortage, a wrong item: as written


# What the carrier or the system says, or someone who is to sign: not the customer's word that it came.
_ARRIVAL_NOT_OURS = re.compile(
    r"(?:显示|物流|快递|系统|查询|跟踪|tracking)[^,;。\n]{0,8}?(?:已经?)?(?:签收|送达|delivered)"
    r"|(?:联系|找|请|由|让|交给|负责)[^,;。\n]{0,20}?签收|签收人(?:是|为|改|换)|货到付款|到付"
    r"|(?:等|待)(?:到|收到)?(?:货)?[^,;。\n]{0,6}?(?:到了?|收到)?[^,;。\n]{0,4}?再|收到(?:货)?后|到货后|到了以后|到了之后"
    r"|\b(?:once|when|after|upon|until)\s+(?:it\s+|the\s+goods\s+|we\s+)?(?:receiv|arriv|deliver|sign)\w*"
    r"|\b(?:will|to|shall|going\s+to)\s+(?:be\s+)?(?:receiv|sign|arriv|deliver)\w*"
    r"|(?:到|收到|签收|送到)了?没(?:有)?(?=[啊呀呢吧?\s]|$)"  # 货到了没啊: a question without 吗
    r"|(?:说好|约好|讲好|应该|本来|原定|预计|计划|约定)[^,;。\n]{0,8}?(?:到|送)",  # 说好昨天到的: a promise
    re.IGNORECASE)
_NOT_ARRIVED = re.compile(
    rf"{_NEG}\s*(?:人)?\s*(?:收到|到货|到|送到|送达|签收|收货|见到|入库)|没人收到|没有人收到|没看到货|不见货"
    r"|(?:货|东西|快递)\s*(?:还|仍然?|依然)\s*(?:没|未)"
    rf"|{_EN_NEG}(?:received|arrived|delivered|here|come|got)\b|\bnothing\s+(?:has\s+)?(?:arrived|came|come)\b"
    r"|\b(?:yet\s+to\s+(?:arrive|receive)|still\s+(?:waiting|in\s+transit)|no\s+sign\s+of)\b|\bnobody\s+(?:received|got)\b",
    re.IGNORECASE)
_ARRIVED = re.compile(
    r"已经?签收|签收了|签好(?:了|字)?|签(?:过)?字了|已经?签字|(?:已|以|己)经?(?:全部)?收(?:到)?货|收到(?:了)?货|货(?:物|品)?(?:已经?|都|全部|也)?(?:收到|到了|到啦|送到|送达|到齐)"
    r"|东西(?:已经?|都)?(?:收到|到了|到啦|送到)|(?:已|以)经?到货|到货了|货到了|(?:已|以)经?验收|验收(?:完毕|完成|合格|无误|没问题)"
    r"|收到(?:了|啦|拉|咯|喽)(?!您|你|贵|邮件|通知|消息|信息)|(?:已|以)经?(?:全部|都)?收到(?!您|你|贵|邮件|通知|消息|信息|提醒)"
    r"|(?:都|全部|已)收齐|拆(?:开|箱)|开箱|完好无损|\bunpacked\b|\binspected\b"
    r"|检查(?:过了|了|完毕)|核对(?:过|了|无误|完毕)|清点(?:无误|完毕|过了|了)|点收|收讫|已?入库"
    r"|货(?:物|品)?[^,;。\n]{0,5}?(?:到了|到啦|送到了|送达|到齐|是到了)|(?:东西|货)(?:都)?(?:是)?好的|东西都好|是到了"
    r"|(?:今天|昨天|前天|上午|下午|早上|晚上|刚刚?|刚才|已于|于)[^,;。\n]{0,12}?(?:到的|到了|到货|送达|送到|收到了?货?|送来)"
    r"|签(?:了|过)?的字|签了字|签了(?=[,;。!\s]|$)|(?:晚了|延误)[^,;。\n]{0,6}?才到"
    r"|\b(?:all|everything|quantity|qty)\s+(?:is\s+|are\s+)?(?:ok|okay|fine|good|correct)\b|\bconfirm\s+receipt\b"
    r"|签收单[^,;。\n]{0,6}?(?:附上|附后|发你|发给你|补上|拍照)|签收单(?:已经?)?(?:签好|签字|盖章|回传)|签收单[^,;。\n]{0,6}?(?:见|如|在)?附件|附件(?:是|为)?(?:已签(?:字)?的?)?签收单"
    r"|\b(?:received|rcvd|rcv'?d|recei?ved|arrived|got\s+(?:the|all|our)\s+(?:goods|shipment|delivery|order|items|parcels?)"
    r"|got\s+everything|got\s+it\s+all)\b"
    r"|\b(?:signed|sign-?off)\s+(?:form|copy|delivery\s+note|note|pod|slip|sheet)\b|\bpod\s+attached\b"
    r"|\bchecked\s+(?:everything|all|the\s+goods)\b|\b(?:all|goods|everything)\s+(?:is\s+|are\s+)?(?:here|in)\b",
    re.IGNORECASE)
# Damage, a shortage, a wrong item, goods that do not work: in the customer's words.
_PROBLEM = re.compile(
    r"破损|损坏|坏了|磕坏|磕碰|磕伤|碰坏|碰伤|刮伤|刮花|划伤|划痕|划花|凹陷|凹痕|变形|压坏|压扁|压变形|破了|裂开|裂了|开裂|碎了|摔坏"
    r"|漏(?:液|油|水|气)|渗漏|受潮|湿了|淋湿|泡水|进水|生锈|锈蚀|锈迹|少货|少了\s*[\d一二两三四五六七八九十几]|缺(?:了|少)?\s*[\d一二两三四五六七八九十几]+\s*[件个箱台套只包盒支根片张卷袋桶]"
    r"|缺件|缺少|短少|少发|漏发|数量不(?:对|符|足)|只(?:收到|到了?|有)\s*[\d一二两三四五六七八九十]+"
    r"|(?:型号|规格|尺寸|颜色|材质|电压|款式|货|产品)(?:也)?(?:不对|不符|错了|发错|有误)|发错|错发|送错了?货|不是我们订的"
    r"|不能用|无法使用|用不了|不工作|不能工作|不转|不亮|有异响|噪音(?:很)?大|故障|质量问题|有问题(?!吗)|拒收|退回"
    r"|滑丝|滑牙|拧不紧|松动|开不了机|无法开机|不能开机|不通电|点不亮|裂纹|断了|断裂|弯了|弯曲|瘪了|过期|漏了|少(?:咗|左)"
    r"|(?:配件|附件|说明书|遥控器|螺丝|零件|配套|合格证)[^,;。\n]{0,12}?(?:没有?|缺|少|不见|没看到|漏)"
    r"|与[^,;。\n]{0,8}?(?:合同|订单|单据|发货单|装箱单|要求)[^,;。\n]{0,4}?不(?:符|一致)|不符合(?:合同|订单|要求)|不合格"
    r"|(?:全部|都|全都)不对|弯(?:咗|了)|用唔到|用不到|(?:规格|型号|尺寸|外径|内径|长度)[^,;。\n]{0,6}?不符"
    r"|\b(?:damaged?|broken|dent(?:ed|s)?|crushed|scratch(?:ed|es)?|crack(?:ed|s)?|leak(?:ing|ed|s)?|soaked|wet|rust(?:y|ed)?"
    r"|missing|short(?:age|\s+by|-shipped|\s+shipped)?|defective|faulty|not\s+working|doesn'?t\s+work|does\s+not\s+work"
    r"|(?:wrong|incorrect)\s+(?:\w+\s+)?(?:model|colou?r|size|item|spec|specification|voltage|part|material|goods|products?)s?"
    r"|(?:model|colou?r|size|spec|voltage|material)\s+(?:is|was|are)\s+(?:wrong|incorrect|different)"
    r"|only\s+(?:received|got)\s+\d+|refused|can(?:'|no)?t\s+use|can\s+not\s+use|unable\s+to\s+use|unusable)\b",
    re.IGNORECASE)
# A problem denied, or about another batch: none for this delivery.
_NO_PROBLEM = re.compile(
    r"(?:无|没有?|未见|未发现|没发现|不存在|并无|毫无|无任何|没有任何)\s*(?:任何)?\s*(?:明显)?\s*(?:的)?\s*"
    r"(?:破损|损坏|磕碰|划痕|划伤|少货|缺件|缺少|短少|问题|质量问题|故障|变形|受潮|生锈|漏发|少发|错发)[^,;。!?\n]*"
    r"|(?:不|没)(?:少|缺)(?:货|件)?|(?:如有|若有|如果有|有)(?:任何)?(?:质量)?问题(?:的话|再|请|就|随时|会|可)"
    r"|\bif\s+(?:there\s+(?:is|are)\s+)?any\s+(?:issues?|problems?|damage)"
    r"|\bno\s+(?:\w+\s+){0,2}?(?:damage|shortage|discrepanc\w*|issues?|problems?|defects?)"
    r"(?:\s*(?:,|or|and|/|nor)\s*(?:\w+\s+)?(?:damage|shortage|discrepanc\w*|issues?|problems?|defects?|wrong\s+\w+))*"
    r"|(?:上次|上一批|之前|前一批|以前|上回)[^。\n]{0,30}"
    r"|\b(?:no|not|without|nothing|zero|any)\s+(?:\w+\s+){0,2}?(?:damage[sd]?|dents?|scratch(?:es)?|shortage|missing|issues?|problems?|defects?|rust|leaks?)\b"
    r"|\bundamaged\b|\bnot\s+(?:damaged|broken|missing|wrong|short)\b|\b(?:last|previous)\s+(?:time|batch|shipment|order)[^.\n]{0,60}",
    re.IGNORECASE)


def read_arrival(text: str) -> Arrival:
    """The customer's answer to the reminder the day before arrival: whether it says the goods
    came (已签收, 货收到了, 已验收, received, signed form attached), and the clause that reports
    a problem with them (破损, 少了2箱, 型号不符, damaged, wrong colour). A problem reported means
    the goods came. Not yet (还没收到, not yet received), someone else's word (物流显示已签收),
    a condition (到货后再验) or a question is no arrival; a denied problem (无破损, no damage) or
    one about an earlier batch is none."""
    body = _body(text)
    kept = _mask(body.folded, _ARRIVAL_NOT_OURS, _NOT_ARRIVED)
    problems = _statements(_PROBLEM, _mask(body.folded, _NO_PROBLEM), body.folded)
    problem = None
    if problems:
        left, right = _clause(body.folded, problems[0].start(), problems[0].end())
        sentence = _sentence(body.folded, left, right)
        problem = body.text[sentence[0]:sentence[1]].strip(" \t\n,，;；。.") or None
    received = bool(problem) or bool(_statements(_ARRIVED, kept, body.folded))
    return Arrival(received=received, problem=problem)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a clause: the remark as the customer wrote it (up to 。, !, ? or a line end)."""
    before = [m.end() for m in re.finditer(r"[。!?\n]|\.\s", text[:start])]
    after = re.search(r"[。!?\n]|\.(?:\s|$)", text[end - 1:])
    return (before[-1] if before else 0), (end - 1 + after.end() if after else len(text))


# --- 11. after-sales and the survey: customer service's solution, the customer's word on it, the score

_SOLUTION = re.compile(r"(?:处理方案|解决方案|方案|solution)\s*[:：]\s*(?P<text>\S[^\n]*(?:\n(?!\s*\n)[^\n]+)*)",
                       re.IGNORECASE)


def read_solution(text: str) -> str | None:
    """Customer service's 处理方案:… (solution: …): what follows the label, its lines up to a blank one."""
    body = _body(text)
    found = _SOLUTION.search(body.folded)
    if found is None:
        return None
    return body.text[found.start("text"):found.end("text")].strip() or None


# The customer's word on a solution, strongest first: still wrong; not decided yet; not come yet; settled.
_STILL_WRONG = re.compile(
    r"不满意|不太满意|没(?:有)?(?:解决|处理好|搞定)|还是[^,;。\n]{0,8}?(?:不对|不符|错|坏|少|缺|不|有问题)|不对|不符|发成了?|发错"
    r"|还没(?:换|修|补|处理|解决|退)|仍(?:然|旧)?(?:有问题|坏|少|缺|不)|不行|不可以"
    r"|不接受|不同意|不能接受|没用|(?:也|又|还)(?:是)?坏(?:了|的)?|坏的|破了|还(?:少|缺|差)|少了?一|至今未|依然"
    r"|\b(?:not\s+(?:satisfied|happy|resolved|solved|fixed|acceptable)|unsatisfied|dissatisfied"
    r"|still\s+(?:not|broken|damaged|missing|wrong|short)|unacceptable|doesn'?t\s+(?:help|solve|work)|also\s+broken)\b",
    re.IGNORECASE)
_NOT_DECIDED = re.compile(
    r"等[^,;。\n]{0,12}?再|再(?:说|回复|答复|确认|告诉)|问一下|请示|看看再|还没来得及|(?:拆|验|检查|试)完(?:再|了再)?(?:告诉|回复|说)"
    r"|方案(?:可以)?接受|接受(?:这个|该)?方案|同意(?:这个|该)?方案|暂时没问题|暂时还行"
    r"|\b(?:will|we'?ll|let\s+you\s+know|get\s+back|once|when\s+the\s+goods|after\s+we)\b"
    r"|\bplan\s+is\s+(?:fine|ok(?:ay)?|acceptable)\b|\bnoted\b",
    re.IGNORECASE)
_NOT_COME = re.compile(rf"{_NEG}\s*(?:收到|到货|到|送到|送达)|没收到|未到|\b(?:not\s+(?:yet\s+)?(?:received|arrived)|"
                       r"haven'?t\s+(?:received|got))\b", re.IGNORECASE)
_SETTLED = re.compile(
    r"满意|已解决|解决了|搞定了?|处理好了|处理完毕|已处理|没问[题提]了?|无问题|均无问题|可以了|收到(?:新|换|补)|已(?:换|补)"
    r"|\b(?:satisfied|resolved|solved|fixed|all\s+good|looks\s+good|all\s+fine|works\s+now|happy\s+now|settled"
    r"|checks?\s+out|everything\s+(?:is\s+)?(?:fine|ok(?:ay)?|good|in\s+order))\b",
    re.IGNORECASE)


def read_case_verdict(text: str) -> bool | None:
    """The customer's word on a solution: True for 满意/已解决/没问题/resolved; False for 不满意/
    还是不行/补发的也坏了/还少一件/not resolved, or nothing come; None for thanks, "ok noted",
    a plan accepted before anything arrived, or 等货到了验收再回复."""
    folded = _body(text).folded
    if _statements(_STILL_WRONG, folded):
        return False
    if _statements(_NOT_DECIDED, folded):
        return None
    if _statements(_NOT_COME, folded):
        return False
    return True if _statements(_SETTLED, folded) else None


@dataclass(frozen=True)
class SurveyAnswer:
    scores: tuple[int, ...]  # every score the reply gives: one is the answer; two, or a 7, are asked again
    satisfied: bool | None  # what the words say: 满意/很好/good, or 不满意/差/disappointed
    quality_ok: bool | None  # 质量是否符合预期
    on_time: bool | None  # 交付是否及时
    off_scale: str | None = None  # a score on another scale (10/10, 8/10): asked again


_NUM = r"(?:\d{1,3}|[零〇一二两三四五六七八九十])"
_SCORE_WORDS = re.compile(
    rf"(?:评分|打分|分数|得分|满意度|总分|综合|总体|overall|score|rating|rated?|grade)[^,;。\n\d零〇一二两三四五六七八九十]{{0,12}}?"
    rf"(?P<a>{_NUM})\s*(?:分|星|/\s*5)?"
    rf"|(?:给|打)\s*(?:你们|贵司)?\s*(?P<b>{_NUM})\s*(?:分|星)|(?<![\d.\-:/])(?P<c>{_NUM})\s*(?:分|星)(?!钟|之|期|批|开|别)"
    rf"|(?<![\d.\-:/])(?P<d>\d{{1,3}})\s*/\s*5\b|(?<![\d.\-:/])(?P<e>\d{{1,3}})\s+(?:out\s+of|of)\s+5\b"
    rf"|(?P<f>\d{{1,3}})\s*stars?\b",
    re.IGNORECASE)
_SCORE_RANGE = re.compile(rf"(?<![\d.])(?P<low>{_NUM})\s*[-~～到至]\s*(?P<high>{_NUM})\s*(?:分|星)")
_OFF_SCALE = re.compile(r"(?<![\d.\-:/])\d{1,3}\s*/\s*(?:10|100)\b")
_BARE_SCORE = re.compile(r"\s*(\d{1,2})\s*[.!。!]?\s*")
# "1. 是 2. 否 3. 4": the survey's three questions answered by number.
_NUMBERED = re.compile(r"(?m)(?:^|(?<=\s))(?P<n>[123])\s*[.、)]\s*(?P<v>\S[^\n]*?)\s*(?=\s[123]\s*[.、)]|$)")
_UNHAPPY = re.compile(r"不满意|不太满意|很差|太差|差劲|失望|不好|糟糕|再也不|不会再|\b(?:poor|bad|terrible|disappointed|"
                      r"unsatisfied|dissatisfied|never\s+again|not\s+(?:satisfied|happy|good))\b", re.IGNORECASE)
_HAPPY = re.compile(r"满意|很好|非常好|不错|挺好|很棒|好评|点赞|\b(?:good|great|excellent|satisfied|happy|perfect|"
                    r"well\s+done)\b", re.IGNORECASE)
_BUT = re.compile(r"就是|但是?|不过|可惜|\bbut\b|\bhowever\b", re.IGNORECASE)
_QUALITY = re.compile(r"(?:质量|品质|quality)[^,;。\n]{0,8}?(?P<v>否|不|差|一般|没有?达到|不符合|no\b|not\b|poor|bad|是|好|"
                      r"不错|符合|满意|没问题|可以|ok\b|yes\b|good|fine|as\s+expected)", re.IGNORECASE)
_ON_TIME = re.compile(r"(?:交付|交货|送货|到货|物流|发货|delivery|on\s+time)[^,;。\n]{0,8}?(?P<v>否|不\S{0,2}?及时|不\S{0,2}?准时|晚|延迟|延误|慢|no\b|"
                      r"not\b|late|delayed|是|及时|准时|按时|快|yes\b|on\s+time|ok\b|fine)", re.IGNORECASE)
_NO_WORDS = ("否", "不", "差", "一般", "没", "no", "not", "poor", "bad", "late", "delayed", "晚", "延", "慢")


def read_survey(text: str, subject: str = "") -> SurveyAnswer:
    """The customer's answer to the satisfaction survey: the scores it gives (评分 5, 4分, 五星,
    5/5, a bare "5", "3." answering question 3, the mailto link's subject), a score on another
    scale (10/10), what its words say, and the two questions' answers."""
    folded = _body(text).folded
    numbered = {m.group("n"): m.group("v").strip() for m in _NUMBERED.finditer(folded)}
    # The question numbers are no scores: blanked, their answers kept (3. 总体评分:4分).
    unnumbered = _NUMBERED.sub(lambda m: " " * (m.start("v") - m.start()) + m.group(0)[m.start("v") - m.start():],
                               folded)
    ranges = _statements(_SCORE_RANGE, unnumbered)
    scores = [_score(m) for m in ranges for m in (m.group("low"), m.group("high"))]
    scores += [_score(next(v for v in m.groupdict().values() if v))
               for m in _statements(_SCORE_WORDS, _mask(unnumbered, _SCORE_RANGE, _OFF_SCALE))]
    if numbered.get("3") and _BARE_SCORE.fullmatch(numbered["3"]):
        scores.append(int(numbered["3"]))
    bare = _BARE_SCORE.fullmatch(folded.strip())
    if not scores and bare:
        scores = [int(bare.group(1))]
    if not scores and subject:
        scores = [_score(next(v for v in m.groupdict().values() if v)) for m in _SCORE_WORDS.finditer(_fold(subject))]
    off_scale = next((m.group(0) for m in _statements(_OFF_SCALE, folded)), None)
    quality = _yes_no(_QUALITY, folded) if "1" not in numbered else _answered(_QUALITY, numbered["1"])
    on_time = _yes_no(_ON_TIME, folded) if "2" not in numbered else _answered(_ON_TIME, numbered["2"])
    unhappy, happy = _statements(_UNHAPPY, folded), _statements(_HAPPY, _mask(folded, _UNHAPPY))
    if unhappy:
        satisfied = False
    elif happy and not (quality is False or on_time is False or _BUT.search(folded)):
        satisfied = True
    elif not happy and quality is True and on_time is True:
        satisfied = True  # both questions answered yes
    else:
        satisfied = None
    return SurveyAnswer(tuple(dict.fromkeys(scores)), satisfied, quality, on_time, off_scale)


_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9, "十": 10}


def _score(value: str) -> int:
    return _NUMERALS[value] if value in _NUMERALS else int(value)


def _answered(pattern: re.Pattern, answer: str) -> bool | None:
    """A numbered question's answer: its words (交付不够及时), else 是 / 否."""
    said = _yes_no(pattern, answer)
    folded = answer.strip().lower()
    if said is not None or not folded:
        return said
    return not folded.startswith(_NO_WORDS)


def _yes_no(pattern: re.Pattern, text: str) -> bool | None:
    found = pattern.search(text)
    if found is None:
        return None
    return not found.group("v").lower().startswith(_NO_WORDS)


_MAKING_PROBLEM = re.compile(
    r"不能用|无法使用|用不了|不工作|不能工作|故障|质量|不亮|不转|异响|噪音|开不了机|无法开机|不能开机|不通电|点不亮|滑牙|滑丝"
    r"|拧不紧|裂纹|开裂|断裂|漏(?:液|油|水|气)|渗漏|生锈|锈|过期|不合格"
    r"|\b(?:not\s+working|doesn'?t\s+work|does\s+not\s+work|defective|faulty|quality|noisy|rust\w*|leak\w*|crack\w*"
    r"|expired|won'?t\s+(?:start|power))\b",
    re.IGNORECASE)


def concerns(problem: str) -> Literal["warehouse", "production"]:
    """Who must act on a problem besides customer service: production for goods that do not
    work or are badly made; the warehouse for damage in transit, a shortage or a wrong item."""
    return "production" if _MAKING_PROBLEM.search(_fold(problem or "")) else "warehouse"
