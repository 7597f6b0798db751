"""What kind of message this is: bounce, auto-reply, list mail, reply, order, other.

The order of the checks is the order of the rules that keep the pipeline from
looping: a bounce or an auto-reply is never answered, even when it quotes an
order number; list and bulk mail is "other" whatever it says; then a message
in one of our threads is a reply; then a new message that reads as an order.

Some mail reads like an order and is none: a calendar invitation whose agenda
names quantities, a newsletter with a price table, a supplier's quotation to
us, an invoice notice. Each has marks an order lacks (a text/calendar part;
an unsubscribe link beside sales talk; "报价如下"/"pleased to quote" with a
validity; an invoice number with the amount due), and an order has words a
quotation or an invoice lacks ("订购", "please supply", "our purchase order"),
so those are told apart before the body is read for an order. An
out-of-office message that carries no auto-reply header is known by its
opening sentence ("I am out of the office until …", "我目前正在休假，…返回").

An auto-reply is an absence answer (Auto-Submitted: auto-replied, X-Autoreply,
an out-of-office text); mail a program sent of itself (Auto-Submitted:
auto-generated: an e-invoice platform, a portal's forecast) is "other", never
answered and never put before a rep. A report is not an order however many
quantities it names: a supplier's confirmation of an order the company placed
("贵司采购单…我司已确认"), minutes ("会议纪要"), a forecast. A message in one of
our threads is a reply, unless its new text is a complete new order of its own
("另外新下一单（新采购单号 QM-PO-0604）" with its items and delivery); a change
or a cancellation naming a new order stays a reply. The word patterns read a
Simplified copy of the subject and text, so 報價單 and 訂購 are 报价单 and 订购.
"""
from __future__ import annotations

import re

from parsers.message import MailMessage
from parsers.labels import ITEM_FIELDS, find_labels
from parsers.order_text import Pair
from parsers.quotes import strip_quoted
from parsers.result import Envelope, Kind
from parsers.simplified import simplified
from parsers.text import normalize

__all__ = ["kind_from_headers", "order_no_from_subject", "order_no_from_ids", "thread_order_no",
           "looks_like_order", "is_calendar_invitation", "is_newsletter", "is_quotation", "is_invoice_notice",
           "is_out_of_office"]

ORDER_TAG_RE = re.compile(r"\[(SO\d{10,})\]", re.IGNORECASE)
# The pipeline's own Message-IDs: <SO2023100001.<purpose>.<hex>@domain>.
OUR_MESSAGE_ID_RE = re.compile(r"^<?(SO\d{10,})\.[^@<>]*@[^<>]+>?$", re.IGNORECASE)

_DAEMON_RE = re.compile(r"^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.IGNORECASE)
_FAILURE_SUBJECT_RE = re.compile(
    r"undeliver|undelivered|delivery (?:status notification|failure|has failed|failed|problem)"
    r"|failure notice|returned mail|mail delivery (?:failed|failure|subsystem)|could not be delivered"
    r"|non-?delivery|delivery incomplete|退信|投递失败|发送失败|无法投递|未能送达|退回",
    re.IGNORECASE)
_AUTO_SUBJECT_RE = re.compile(
    r"自动回复|自动答复|自动回覆|休假|不在办公室|Auto[- ]?Reply|Auto[- ]?Response|Autoreply"
    r"|Out of (?:the )?Office|Automatic reply|Abwesenheit|On vacation|Vacation reply",
    re.IGNORECASE)
_BULK_PRECEDENCE = frozenset({"bulk", "list", "junk"})
_FOREIGN_ORDER_WORDS = r"|\bBestellung\b|\bcommande\b|\bpedido\b|\borden de compra\b"
_ORDER_SUBJECT_RE = re.compile(
    r"订单|订购|采购|下单|订货|\border\b|\bpurchase\s+order\b|\bPO\b|\bP\.O\." + _FOREIGN_ORDER_WORDS, re.IGNORECASE)
_LINE_CORE = frozenset({"sku", "name", "quantity"})
# A request for a quotation names products and quantities too, but orders nothing yet.
# (A quotation to us, 报价单, is told from an order placed on one by `is_quotation`.)
_ENQUIRY_SUBJECT_RE = re.compile(r"询价|询盘|\bRFQ\b|request for (?:a )?quot(?:e|ation)|price enquiry|price inquiry",
                                 re.IGNORECASE)
# A subject that names the act of ordering, not an order as a thing ("下单", "补单", "Reorder"): a
# supplier's notice names our order or PO in its subject, never "下单".
_ORDERING_SUBJECT_RE = re.compile(r"下单|补单|加单|返单|翻单|追加订单|订货|订购|(?<![a-z])(?:re-?order|repeat order"
                                  r"|new order|place (?:an |a new )?order)(?![a-z])", re.IGNORECASE)
_FIRM_ORDER_SUBJECT_RE = re.compile(r"订单|订购|下单|订货|\bpurchase\s+order\b|\bPO\b|\bP\.O\." + _FOREIGN_ORDER_WORDS,
                                    re.IGNORECASE)

# Words of a buyer placing an order; a quotation or an invoice does not say them of itself.
_ORDERING_RE = re.compile(
    r"订购|下单|订货|我司采购|我们采购|现采购|采购如下|采购以下|请安排(?:生产|发货|备货)?|请按.{0,12}(?:备货|发货|生产)"
    r"|(?<![a-z])(?:please (?:supply|deliver|ship|book|process|enter|accept|find (?:attached )?our (?:purchase )?order)"
    r"|(?:we|i) (?:hereby )?(?:would like to |wish to |want to )?(?:order|place (?:an |the |the following |our |this )?order)"
    r"|our (?:confirmed |firm |official |new )?(?:purchase )?(?:order|PO)\b(?! confirmation)|following order)",
    re.IGNORECASE)
# "如需订购请…", "if you would like to order …": a seller inviting an order, not a buyer placing one.
_INVITING_RE = re.compile(r"(?:如需|如要|如果|若|欢迎|如您|如贵司|贵司如|期待|如蒙|倘蒙|如承|敬请|静候|if you|should you"
                          r"|once you|when you|you can|(?<![a-z])(?:if|once|before|after|unless|should|shall)(?![a-z])"
                          r"|you may|feel free to|look forward to)[^。.!！?？\n]{0,14}$", re.IGNORECASE)
# A supplier quoting to us: its own offer, with a validity or a quotation number.
_QUOTATION_BODY_RE = re.compile(
    r"报价[^。.\n]{0,8}如下|我司报价|我方报价|现报价|特此报价|报价有效期|报价单号|报价编号|有效期\s*[:：为至]"
    r"|pleased to (?:quote|offer)|(?<![a-z])our (?:best )?(?:quotation|quote|offer)|quotation (?:no|number|#)"
    r"|quote (?:no|number|#)|(?:price |offer |quote )?validity\s*:|(?:quote|quotation|offer|prices?) (?:is |are )?valid"
    r" (?:for|until|till)",
    re.IGNORECASE)
_QUOTATION_SUBJECT_RE = re.compile(r"报价|quotation|\bquote\b|\boffer\b|proforma", re.IGNORECASE)
# An invoice notice: the subject says invoice and the body gives its number or the amount due.
_INVOICE_SUBJECT_RE = re.compile(r"发票|开票|\binvoice\b|\bbilling statement\b|账单", re.IGNORECASE)
_INVOICE_BODY_RE = re.compile(
    r"发票号码|发票代码|开票日期|价税合计|电子发票|invoice (?:no|number|#|date)|\bINV[-\s]?\d|amount due|balance due"
    r"|payment due|due date", re.IGNORECASE)
# Mail that reports what happened to goods or money rather than asking for goods: a shipping
# notice, a receipt, invoicing details, a statement, a remittance. Told by its subject, or by
# its opening words when they report a past event (已发货, 货已收到, has been shipped).
_REPORT_SUBJECT_RE = re.compile(
    r"发货通知|送货通知|到货通知|出货通知|已发货|开票信息|开票资料|对账单|对账|付款通知|汇款通知|水单|收款确认|回款"
    r"|remittance|payment advice|payment (?:notice|notification|confirmation)|statement of account|account statement"
    r"|monthly statement|ship(?:ping|ment) (?:notice|notification|advice)|dispatch (?:notice|advice)|advance ship"
    r"|invoic(?:e|ing) (?:details|information|info)"
    r"|会议纪要|会议记录|会谈纪要|沟通纪要|拜访记录|拜访报告|\bminutes\b|meeting (?:notes|summary|recap)|\bMoM\b|call notes"
    r"|visit report", re.IGNORECASE)
_REPORT_OPENING_RE = re.compile(
    r"已于[^。\n]{0,12}发货|已发货|货已收到|已收到货|已经收到|款已(?:汇|付|支付)|已(?:汇|付)款|已支付"
    r"|(?:has|have) been (?:shipped|dispatched|sent|paid|transferred|received)|we have (?:shipped|dispatched|paid|received)",
    re.IGNORECASE)
# A seller's notice to us: new prices from a date (调价通知, "price adjustment"), a carrier's pickup
# booking (上门取件预约成功). It names goods, counts and money, and orders nothing unless its
# writer says so ("按新价格订购如下" answers one).
_NOTICE_SUBJECT_RE = re.compile(
    r"调价|价格调整|价格变动|涨价|新价格|价格表|价目表|取件|揽收|提货通知|预约成功"
    r"|(?<![a-z])(?:price (?:list|adjustment|increase|change|revision)|new prices|pick-?up (?:notice|confirmation|booking"
    r"|request|scheduled)|collection (?:notice|booking)|booking confirmation)(?![a-z])", re.IGNORECASE)
# Mail that puts the commitment off: it asks about stock, samples or prices and orders later.
_DEFERRING_RE = re.compile(
    r"(?:再|才|后|之后)(?:正式)?下单|正式下单前|先(?:帮我)?(?:看看|查查|问问)?(?:库存|留着|预留)|寄(?:些|点|几个)?样品|索取样品"
    r"|(?:plan|intend|expect)s? to (?:order|place)|will (?:then )?(?:place|issue|send) (?:a|the|our) (?:formal |firm )?"
    r"(?:order|PO)|samples? (?:for|to) (?:test|evaluat)|send (?:us )?(?:\d+ )?(?:pcs |pieces |units )?samples?"
    r"|\bforecast\b|预测|意向|预计(?:采购|订购|下单|订货|要货)|以[^。\n]{0,12}正式(?:采购单|采购订单|订单|合同|PO)为准"
    r"|(?:将|会|再)发正式(?:采购单|采购订单|订单)|formal (?:PO|purchase order|order) (?:will follow|to follow)", re.IGNORECASE)
# A supplier confirming an order we placed: it names the order as the reader's ("贵司采购单
# HT-P-0528 我司已确认", "we confirm your PO 4500123") or sends its confirmation of it. A
# buyer asking for that confirmation ("please send your order confirmation") does not.
_THEIR_ORDER = (r"(?:贵司|贵公司|贵方|(?<![a-z])your)\s*+(?:的\s*)?(?:采购单|采购订单|订货单|订单|purchase order|P\.?O\.?"
                r"|order)(?!\s*(?:确认书|确认单|confirmation|acknowledge?ment))")
_CONFIRMS_THEIRS_RE = re.compile(
    rf"{_THEIR_ORDER}[^。!！?？\n]{{0,40}}?(?:已确认|已经确认|确认如下|予以确认|已收到|已收悉|收悉|已接收|已受理"
    r"|(?:is|has been|are|have been) (?:confirmed|accepted|received|acknowledged))"
    rf"|(?:we|i) (?:hereby |are pleased to |would like to )?(?:confirm|acknowledge|accept)(?: receipt of)? {_THEIR_ORDER}"
    r"|thank you for your (?:purchase )?order|订单确认书如下|(?:订单)?确认书编号"
    r"|(?:order )?confirmation\s++(?:no\.?|number|#)\s*+[:：]?\s*+[A-Z]{0,4}(?:-?[A-Z]{1,4}){0,3}-?\d"
    r"|感谢惠顾", re.IGNORECASE)
# A seller's own document about an order the company placed: its title ("Sales Confirmation",
# "销售确认书", "Order Acknowledgement") or a label that names the order as the reader's
# ("Your PO: HT-PO-2503-004", "贵司订单号："). A buyer asking for one ("please send your
# sales confirmation") names it after a verb, not as a title.
_SELLER_TITLE_RE = re.compile(
    r"(?<![a-z])(?:sales (?:order )?confirmation|order acknowledge?ment|acknowledge?ment of (?:your )?order"
    r"|confirmation of (?:your )?order)(?![a-z])|销售确认书|售货确认书|销售确认单|订单确认书|订单回执", re.IGNORECASE)
_ASKING_FOR_IT_RE = re.compile(r"(?:send|return|provide|issue|need|want|request|await|请|提供|回传|发送|发来|出具|需要)"
                               r"\W{0,3}(?:us\W{1,3})?(?:the\W{1,3}|a\W{1,3}|your\W{1,3}|贵司\W{0,3}|一份)?$", re.IGNORECASE)
_YOUR_ORDER_LABEL_RE = re.compile(
    r"^[ \t]*+(?:(?<![a-z])your\s++(?:P\.?O\.?|purchase order|order)(?:\s*+(?:no\.?|number|#|ref\.?))?"
    r"|(?:贵司|贵公司|贵方)(?:的)?(?:采购单|采购订单|订单)(?:号|编号)?)\s*+[:：]", re.IGNORECASE | re.MULTILINE)
# An invitation to bid or to quote (询比价, 招标, a tender) or a mail that says it is no order:
# items, quantities and terms, and no commitment to buy.
_BID_SUBJECT_RE = re.compile(r"询比价|比价|招标|邀标|竞价|竞标|投标|竞争性谈判|(?<![a-z])(?:tender|invitation to (?:bid|tender|quote)"
                             r"|request for (?:proposal|tender)|RFP|ITB|bid invitation|call for (?:bids|tenders))(?![a-z])",
                             re.IGNORECASE)
_NO_ORDER_RE = re.compile(
    r"不构成(?:正式)?(?:订单|采购|要约)|不作为(?:正式)?订单|并非(?:正式)?订单|(?:欢迎|诚邀|邀请)[^。\n]{0,16}(?:报价|投标|参与)"
    r"|报价截止|投标截止|截标|开标时间"
    r"|(?<![a-z])(?:(?:is|this is) not an? (?:purchase )?order|not a purchase order|does not constitute an? (?:purchase )?order"
    r"|(?:quotations?|bids?|tenders?|offers?) (?:must|should) be (?:submitted|received)|(?:quotation|bid|tender) deadline"
    r"|closing date for (?:quotations|bids|tenders)|invite (?:you )?to (?:quote|bid|tender|submit))(?![a-z])",
    re.IGNORECASE)
_INVITATION_SUBJECT_RE = re.compile(
    r"^\s*(?:invitation|updated invitation|invitation updated|meeting request|会议邀请|邀请|会议通知|会议更新)\s*[:：]"
    r"|^\s*(?:accepted|declined|tentative|已接受|已拒绝|暂定)\s*[:：]", re.IGNORECASE)
_CALENDAR_TYPES = frozenset({"text/calendar", "application/ics", "text/x-vcalendar"})
_UNSUBSCRIBE_RE = re.compile(r"unsubscribe|opt[- ]out|退订|取消订阅|不再接收|manage (?:your )?(?:email )?preferences",
                             re.IGNORECASE)
_MARKETING_RE = re.compile(
    r"促销|特惠|特价|优惠|限时|抢购|秒杀|新品|折扣|包邮|活动|newsletter|webinar|promotion|\bsale\b|\boffers?\b|\bdeals?\b"
    r"|% off|在浏览器中查看|浏览器中打开|view (?:this email |it )?(?:in|online)|web version", re.IGNORECASE)
# The first sentence of an out-of-office message, and what it says about coming back.
_AWAY_RE = re.compile(
    r"out of (?:the )?office|\bOOO\b"
    r"|(?:i am|i'm|i will be)(?: currently)? (?:away|on (?:annual |parental |sick |business )?"
    r"(?:leave|vacation|holiday)|travell?ing|out of the country)|on (?:annual )?leave (?:until|till|from)"
    r"|(?:currently )?unavailable (?:until|till|from)|away from (?:the|my) (?:office|desk)"
    r"|不在办公室|不在公司|休假|休年假|年假|出差|外出|请假|假期中", re.IGNORECASE)
_AWAY_DETAIL_RE = re.compile(
    r"until|till|back (?:on|in)|return(?:ing)? (?:on|to)|limited access|urgent|in my absence|返回|回来|上班|期间|紧急|急事"
    r"|之后|以后|后回复|不便|延迟回复", re.IGNORECASE)
_GREETING_RE = re.compile(
    r"^[\W_]*(?:(?:hi|hello|dear)\b[^\n.,]{0,40}|您好|你好"
    r"|thank you for your (?:e-?mail|message)|thanks for your (?:e-?mail|message)"
    r"|感谢您的来信|感谢您的邮件|谢谢您的邮件|此邮件为自动回复|this is an automatic reply|自动回复)?[\W_]*"
    r"(?:(?:hi|hello|您好|你好|thank you for your (?:e-?mail|message)|感谢您的来信|感谢您的邮件)[\W_]*)?$", re.IGNORECASE)


def order_no_from_subject(subject: str) -> str | None:
    found = ORDER_TAG_RE.search(subject or "")
    return found.group(1).upper() if found else None


def order_no_from_ids(ids: list[str]) -> str | None:
    """The order number of the newest of our own Message-IDs in the list."""
    for message_id in reversed(ids):
        found = OUR_MESSAGE_ID_RE.match(message_id.strip())
        if found:
            return found.group(1).upper()
    return None


def thread_order_no(envelope: Envelope) -> str | None:
    """Subject tag first, then In-Reply-To, then References."""
    return (order_no_from_subject(envelope.subject) or order_no_from_ids(envelope.in_reply_to)
            or order_no_from_ids(envelope.references))


def _is_bounce(mail: MailMessage) -> bool:
    if mail.content_type == "multipart/report" and (mail.report_type or "").lower() == "delivery-status":
        return True
    if "message/delivery-status" in mail.part_types or mail.header("x-failed-recipients"):
        return True
    return bool(_DAEMON_RE.match(mail.envelope.sender or "")
                and _FAILURE_SUBJECT_RE.search(mail.envelope.subject))


def _auto_submitted(mail: MailMessage) -> str:
    """The Auto-Submitted header's keyword (RFC 3834): "auto-replied", "auto-generated", … or ""."""
    return mail.header("auto-submitted").strip().lower().split(";")[0].split("(")[0].strip()


def _is_auto_reply(mail: MailMessage) -> bool:
    """An automatic answer to a message: an absence notice, a vacation reply, a read receipt."""
    if _auto_submitted(mail).startswith("auto-replied"):
        return True
    if mail.header("x-autoreply") or mail.header("x-autorespond") or mail.header("x-autoresponder"):
        return True
    if mail.header("precedence").strip().lower() == "auto_reply":
        return True
    if mail.content_type == "multipart/report" or "message/disposition-notification" in mail.part_types:
        return True  # a read receipt or another machine report: never answered
    return bool(_AUTO_SUBJECT_RE.search(mail.envelope.subject))


def is_machine_sent(mail: MailMessage) -> bool:
    """Mail a program sent of itself, answering nobody (Auto-Submitted: auto-generated, an
    e-invoice platform's notice, a portal's forecast, our own pipeline's mail): never an
    auto-reply (that is an absence answer), never answered, never read as a reply or an order."""
    keyword = _auto_submitted(mail)
    return bool(keyword) and keyword != "no" and not keyword.startswith("auto-replied")


def _is_list_mail(mail: MailMessage) -> bool:
    if mail.header("precedence").strip().lower() in _BULK_PRECEDENCE:
        return True
    return bool(mail.header("list-id") or mail.header("list-unsubscribe"))


def not_for_us(mail: MailMessage) -> bool:
    """Mail nobody at the company needs to read for an order: lists, machine notices,
    newsletters, invitations."""
    return _is_list_mail(mail) or is_machine_sent(mail) or is_calendar_invitation(mail) or is_newsletter(mail)


def new_text(mail: MailMessage) -> str:
    """The writer's own text: quoted history removed (it may quote our order mail)."""
    return strip_quoted(mail.text[:20_000], library=False)


def _all_text(mail: MailMessage) -> str:
    return f"{mail.envelope.subject}\n{mail.text[:20_000]}\n{mail.html[:50_000]}"


def is_calendar_invitation(mail: MailMessage) -> bool:
    """A meeting invitation or an answer to one: a calendar part, or the subject of one."""
    return bool(_CALENDAR_TYPES & mail.part_types) or bool(_INVITATION_SUBJECT_RE.search(mail.envelope.subject))


def is_newsletter(mail: MailMessage) -> bool:
    """Bulk marketing sent without list headers: an unsubscribe link beside sales talk."""
    text = _all_text(mail)
    return bool(_UNSUBSCRIBE_RE.search(text) and _MARKETING_RE.search(text))


def _orders(text: str) -> bool:
    """Whether the writer places an order (not invites one)."""
    return any(not _INVITING_RE.search(text[max(0, found.start() - 24):found.start()])
               for found in _ORDERING_RE.finditer(text))


def buyer_orders(text: str) -> bool:
    """Whether the text has a buyer's ordering words ("订购", "please supply", "our purchase
    order"), not a seller's invitation to order ("如需订购请…")."""
    return _orders(text)


def subject_orders(subject: str) -> bool:
    """Whether the subject (Simplified) names the act of ordering ("下单", "补单", "reorder"),
    not an answer to one ("Re: 下单" answers whoever wrote it) nor a question."""
    subject = subject or ""
    if _strip_reply_prefix(subject) != subject and not _FORWARD_PREFIX_RE.match(subject):
        return False
    return bool(_ORDERING_SUBJECT_RE.search(subject)) and not _QUESTION_ONLY.search(subject)


_FORWARD_PREFIX_RE = re.compile(r"^\s*(?:fwd?|转发)\s*[:：]", re.IGNORECASE)


def enquiry_subject(subject: str) -> bool:
    """A subject asking for a quotation (询价, RFQ) that does not also say order."""
    return bool(_ENQUIRY_SUBJECT_RE.search(subject or "")) and not _ORDER_SUBJECT_RE.search(subject or "")


def is_quotation(mail: MailMessage, text: str | None = None) -> bool:
    """A supplier's quotation to us (报价单, "we are pleased to quote"), not an order placed on one
    ("参照贵司报价单，我司订购如下")."""
    text = new_text(mail) if text is None else text
    whole = _subject(mail).strip()
    subject = _strip_reply_prefix(whole)
    if _orders(text) or _orders(subject):
        return False
    quoting = _QUOTATION_BODY_RE.search(text)
    quote_subject = _QUOTATION_SUBJECT_RE.search(subject)
    if quoting and (quote_subject or quoting.start() < 400):
        return True
    # "回复：报价单", "Fwd: Re: Quotation": an answer to a quotation (ours, often) or its
    # forward; only words of quoting in the new text make it one.
    answered = subject != whole
    return bool(quote_subject and not answered and not _FIRM_ORDER_SUBJECT_RE.search(subject))


def is_invoice_notice(mail: MailMessage, text: str | None = None) -> bool:
    """An invoice or an e-invoice notice: the subject says invoice, the body its number or amount due."""
    text = new_text(mail) if text is None else text
    if not _INVOICE_SUBJECT_RE.search(_subject(mail)) or _orders(text):
        return False
    return bool(_INVOICE_BODY_RE.search(text))


def sellers_document(subject: str, text: str) -> bool:
    """A seller's sales confirmation or acknowledgement of an order the company placed: titled so
    in the subject or the opening lines (not asked for), or naming the order as the reader's
    in a label ("Your PO: …")."""
    for where in (subject, text[:300]):
        for found in _SELLER_TITLE_RE.finditer(where):
            if not _ASKING_FOR_IT_RE.search(where[max(0, found.start() - 24):found.start()]):
                return True
    return bool(_YOUR_ORDER_LABEL_RE.search(text[:3000]))


def invites_offers(subject: str, text: str) -> bool:
    """An invitation to bid or quote (询比价, 招标, a tender), or mail that says it is no order."""
    subject = _strip_reply_prefix(subject)
    bidding = _BID_SUBJECT_RE.search(subject) and not _FIRM_ORDER_SUBJECT_RE.search(subject)  # "投标项目 订单 …" orders
    return bool(bidding) or bool(_NO_ORDER_RE.search(text[:5000]))


def confirms_our_order(text: str) -> bool:
    """A supplier's confirmation of an order the company placed ("贵司采购单 HT-P-0528
    我司已确认，订单确认书如下"): it reports an order, it places none."""
    return bool(_CONFIRMS_THEIRS_RE.search(text[:3000]))


def reports_or_defers(mail: MailMessage, text: str) -> bool:
    """Mail about goods that reports (a shipping notice, a receipt, invoicing details,
    a statement, a remittance) or defers ("等老板批了我再正式下单", samples first):
    it commits to buy nothing now. An opening that reports ("上批货已经收到，谢谢。")
    before a new order ("另外新下一单：…") does not make the order a report."""
    subject = _subject(mail)
    if _REPORT_SUBJECT_RE.search(subject):
        return True
    if _NOTICE_SUBJECT_RE.search(subject) and not _orders(text):
        return True
    opening = text.strip()[:200]
    reports = bool(_REPORT_OPENING_RE.search(opening)) and not _NEW_ORDER_RE.search(text[:3000])
    return reports or bool(_DEFERRING_RE.search(text[:3000])) or confirms_our_order(text)


def is_out_of_office(text: str) -> bool:
    """A message that opens by saying its writer is away and when they are back,
    and orders nothing ("我在出差，订单如下：…" is an order)."""
    head = text.strip()[:300]
    found = _AWAY_RE.search(head)
    if not found or any(label.field in ITEM_FIELDS for label, _, _ in find_labels(normalize(text[:5000]))):
        return False
    before = head[:found.start()]
    # "…, I am out of the office": the words before the marker may only be a greeting or a pronoun.
    before = re.sub(r"(?:\s|i am|i'm|i will be|我|本人|目前|现在|正在|已经|已|正|在|将|于)+$", "", before,
                    flags=re.IGNORECASE)
    return bool(_GREETING_RE.match(before)) and bool(_AWAY_DETAIL_RE.search(text[:600]))


def _subject(mail: MailMessage) -> str:
    """The subject as the word patterns read it: in Simplified characters."""
    return simplified(mail.envelope.subject or "")


def _strip_reply_prefix(subject: str) -> str:
    return re.sub(r"^\s*(?:(?:re|回复|答复|aw|sv|fwd?|转发)\s*[:：]\s*)+", "", subject or "", flags=re.IGNORECASE)


# "还是老样子，照上次那单再发一批": a repeat of an earlier order, which names no items of its own.
_REPEAT_RE = re.compile(r"(?:照|按|跟|和|同)(?:上次|上回|上个月|上月|之前)(?:那单|那批|的订单|一样|的)?|老样子|照旧"
                        r"|same as (?:last|the last|our last|previous)|repeat (?:the |our )?(?:last |previous )?order",
                        re.IGNORECASE)
_AGAIN_ORDER_RE = re.compile(r"再(?:发|来|订|要|下|做|备)|(?:re-?order|send (?:us )?(?:another|the same)|ship (?:another|the same))",
                             re.IGNORECASE)


def orders_again(text: str) -> bool:
    """Whether the writer repeats an earlier order ("照上次那单再发一批", "same as last month, please send another")."""
    head = text[:2000]
    return bool(_REPEAT_RE.search(head) and _AGAIN_ORDER_RE.search(head)) and not _QUESTION_ONLY.search(head)


_QUESTION_ONLY = re.compile(r"[?？]\s*$")


def looks_like_order(pairs: list[Pair], subject: str) -> bool:
    """An item label with a value and one more order label with a value, or an
    order word in the subject and an item label with a value; not a request
    for a quotation (询价, RFQ) unless its subject also says order."""
    filled = {pair.label.field for pair in pairs if pair.value and pair.label.field not in ("ignore", "line")}
    if not filled & _LINE_CORE:
        return False
    subject = simplified(subject or "")  # 訂單, 採購單 as 订单, 采购单
    ordered = bool(_ORDER_SUBJECT_RE.search(subject))
    if _ENQUIRY_SUBJECT_RE.search(subject) and not ordered:
        return False
    return len(filled) >= 2 or ordered


# A new order written in one of our threads ("另外新下一单（我司新采购单号 QM-PO-0604）",
# "please also book a new order, PO 7781"): words of another order, not of a change to this one.
# "新订单" alone may be the thread's own order, new to its writer; a new one has a number of its own.
_NEW_ORDER_RE = re.compile(
    r"新下(?:一|了一)?单|另(?:外)?(?:再)?下(?:一|了一)?单|再下(?:一|了一)?单"
    r"|新(?:的)?(?:订单|采购单|采购订单|订货单)(?:号|编号)|另(?:一|外一)(?:张|个|份)(?:订单|采购单)"
    r"|(?<![a-z])(?:(?:a|one more) new (?:purchase )?order|another (?:purchase )?order|separate (?:purchase )?order"
    r"|new (?:PO|P\.O\.|purchase order)\s*+(?:no\.?|number|#)?\s*+[:：]?\s*+[A-Z]{0,6}[-/]?\d)(?![a-z])", re.IGNORECASE)
# Words of a change to, or a cancellation of, the order of the thread: such a mail stays a reply.
_CHANGE_RE = re.compile(r"取消|撤单|变更|修改|更改|改为|改成|改到|替换|代替|换成|作废"
                        r"|(?<![a-z])(?:cancel|change|amend|modify|revise|replace|instead)", re.IGNORECASE)
# What a complete order says beyond its items: its PO number, when or where to deliver.
_OWN_ORDER_FIELDS = frozenset({"customer_po", "customer_po_mention", "requested_delivery_date", "customer.address"})


def new_order_in_thread(mail: MailMessage) -> bool:
    """Whether a message in one of our threads speaks of a new order of its own rather
    than of the thread's (to be read for an order; it stays a reply unless it reads as one)."""
    text = simplified(new_text(mail))[:5000]
    return bool(_NEW_ORDER_RE.search(text)) and not _CHANGE_RE.search(text)


def is_complete_order(pairs: list[Pair]) -> bool:
    """Items and, besides them, the order's own PO number or its delivery."""
    filled = {pair.label.field for pair in pairs if pair.value}
    return bool(filled & _LINE_CORE) and bool(filled & _OWN_ORDER_FIELDS)


def kind_from_headers(mail: MailMessage) -> Kind | None:
    """The kind decided before the body is read for an order (bounce, auto-reply,
    list mail, invitation, newsletter, reply, quotation or invoice to us), or
    None when only the order reading can tell an order from other mail. (The
    name is historical: an out-of-office text, a calendar part or a quotation
    in the body decides too.)"""
    if _is_bounce(mail):
        return "bounce"
    text = simplified(new_text(mail))
    if _is_auto_reply(mail) or is_out_of_office(text):
        return "auto_reply"
    if is_machine_sent(mail) or _is_list_mail(mail) or is_calendar_invitation(mail):
        return "other"
    # Before the newsletter test: a reply quoting our mail (which has 折扣 and
    # the like) and saying 退订 is the customer's, not bulk marketing.
    if thread_order_no(mail.envelope):
        return "reply"
    if is_newsletter(mail):
        return "other"
    if is_quotation(mail, text) or is_invoice_notice(mail, text) or reports_or_defers(mail, text):
        return "other"
    subject = _subject(mail)
    if sellers_document(subject, text) or invites_offers(subject, text):
        return "other"
    return None

