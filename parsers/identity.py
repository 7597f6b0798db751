"""Who the customer is when no label says it: combined fields, the signature
block, the sender.

Filled only where the labels left a field empty, in this order:
1. combined values split: "客户：华东精密（编码 C-1024）" / "Customer: ACME Ltd
   (code ACME01)" → name and code; "联系人：王明 13800138000" → contact and phone;
2. the signature block of the new text (below "-- ", a sign-off such as 此致 or
   Best regards, or else the last paragraph when it reads as one): a person's
   name → contact, a line ending in 有限公司/公司/集团/厂/Co., Ltd./Inc./GmbH/
   Limited… → name, a telephone (not a fax) → phone, an address → address;
3. the sender's display name → contact (or → name when it is a company);
4. the sender's address → email.
A forwarded order ("Fwd:"/"转发:") is the forwarded sender's: its From line
gives the address and display name and its text the signature, never the
colleague who forwarded it.
"""
from __future__ import annotations

import re

from orders.model import CustomerInfo, OrderDraft
from parsers.entities import (NOT_PERSON, Phone, address_in, chinese_name, company_in, companies_in, is_trailer, person_in,
                              phones_in, short_company)
from parsers.quotes import forwarded_part, strip_quoted
from parsers.result import Envelope
from parsers.text import normalize

__all__ = ["fill_identity", "signature_identity"]

MAX_TEXT = 100_000  # characters read, as for the order body
MAX_BLOCK_LINES = 10  # a signature is a few lines; more is the message itself
MAX_LINE = 80

_CODE = r"[A-Za-z0-9][A-Za-z0-9\-_/.]{0,23}"
_CODE_TAG = (r"(?:客户编码|客户代码|客户编号|客户号|编码|代码|编号|customer\s*+(?:code|id|no\.?|number)|code|cust\.?\s*+(?:no\.?|id)"
             r"|account\s*+(?:no\.?|number)?|acct\.?|id|no\.?)")
_NAME_WITH_CODE = re.compile(
    rf"(?P<main>.+?)\s*+(?:[（(]\s*+(?:(?P<tag>{_CODE_TAG})\s*+[:：#]?\s*+)?(?P<code>{_CODE})\s*+[)）]"
    rf"|[\s,，;；]++{_CODE_TAG}\s*+[:：#]?\s*+(?P<code2>{_CODE}))",
    re.IGNORECASE)
# The customer's code named in a sentence or a bracket, not as a label: "客户编码 CUST0447，交货…",
# "我司某某公司（客户编码CUST0184）订购…", "本公司客戶編號為CUST0932", "Our customer code with you is C-2291."
_CODE_MENTION = re.compile(
    r"(?:客[户戶](?:编码|編碼|代码|代碼|编号|編號|号|號)|customer\s++(?:code|id|no\.?|number)|account\s++(?:no\.?|number))"
    r"(?:\s++(?:with|at|in)\s++(?:you|your\s++\w+))?\s*+"
    r"(?:(?:应该|應該|应当|應當|应|應|大概|可能|也|还|還|就|仍|仍然)?(?:为|是|為)|(?:should|would|must|might)\s++be|is|was|:|：|#)?\s*+"
    r"(?P<code>[A-Za-z]{0,8}-?\d[A-Za-z0-9\-_]{0,20}|[A-Za-z]{1,8}[-_]?[A-Za-z]*\d[A-Za-z0-9\-_]{0,20})",
    re.IGNORECASE)
_CODE_WITH_NAME = re.compile(rf"(?P<code>{_CODE})\s*+[（(](?P<main>[^()（）]{{2,60}})[)）]")
_DIGIT = re.compile(r"\d")

_ADDRESS_LABEL = re.compile(
    r"^\s*+(?:地址|公司地址|收货地址|收貨地址|联系地址|聯絡地址|送货地址|送貨地址|Address|Addr\.?|Add\.?|Adresse|Anschrift|住所|所在地)"
    r"\s*+[:：]\s*+(?P<v>.+)$", re.IGNORECASE)
_COMPANY_LABEL = re.compile(r"^\s*+(?:公司|公司名称|公司名稱|单位|單位|Company|Firma|会社名)\s*+[:：]\s*+(?P<v>.+)$", re.IGNORECASE)
_CONTACT_LABEL = re.compile(r"(?:联系人|聯絡人|聯繫人|收货人|收貨人|姓名|Contact|Name|Attn\.?|担当)\s*+[:：]\s*+(?P<v>[^\s:：,，|/]+(?: [A-Z][a-z]+)?)",
                            re.IGNORECASE)
# An English street address on a signature line (a street word and a number).
_EN_ADDRESS = re.compile(
    r"\b(?:road|rd|street|st|avenue|ave|av|lane|ln|drive|dr|boulevard|blvd|way|place|pl|square|sq|highway|hwy|plot"
    r"|park|building|bldg|tower|floor|suite|ste|unit|room|rua|avenida|calle|via|rue|strasse|straße|str|weg|platz"
    r"|gasse|allee|industrial area|estate|zone|pkwy|parkway)\b\.?|[a-z](?:strasse|straße|str\.|weg|platz|gasse)\b",
    re.IGNORECASE)
_SIGNATURE_RULE = re.compile(r"^\s*(?:--|-- |——|__|-{3,}|_{3,})\s*$")
_SIGN_OFF = re.compile(
    r"^\s*+(?:此致|敬礼|此致敬礼|顺祝商祺|顺颂商祺|祝商祺|祝好|谢谢|謝謝|多谢|感谢|谢谢合作|祝工作顺利|よろしくお願いいたします"
    r"|よろしくお願い致します|よろしくお願いします|以上|Best regards|Kind regards|Warm regards|Regards|Best wishes|Best|Sincerely"
    r"|Yours sincerely|Yours faithfully|Yours truly|Thanks|Thank you|Many thanks|Cheers|Mit freundlichen Grüßen"
    r"|Freundliche Grüße|Viele Grüße|Beste Grüße|Cordialement|Saludos|Atenciosamente)"
    r"(?:\s*+/\s*+[A-Za-z ]{2,20})?[\s,.!，。！]*$", re.IGNORECASE)
# A run of blank lines is one: the quote readers in parsers.quotes take time
# growing with the square of such a run (their patterns start with ^\s*).
_BLANK_RUN = re.compile(r"\n[ \t\r\f\v]*+(?:\n[ \t\r\f\v]*+)++")
_QUOTE_HINT = re.compile(r">|wrote|写道|--|__|发件人|from\s*+[:：]|sent\s*+:|原始邮件", re.IGNORECASE)
# A labelled line in a signature has one of these labels; any other label
# ("运费：", "备注：") means the line is the order, not a signature.
_SIGNATURE_LABEL = (
    r"电话|電話|手机|手機|座机|传真|傳真|地址|邮箱|郵箱|电邮|電郵|邮件|郵件|邮编|郵編|QQ|微信|网址|網址|网站|網站|公司|单位|單位|部门|部門|职位|職位"
    r"|职务|職務|联系人|聯絡人|姓名|Tel|Phone|Telephone|Mobile|Mob|Cell|Fax|E-?mail|Web|Website|Address|Addr|Add|Company"
    r"|Skype|WeChat|WhatsApp|Dept|Title|Contact|Name|Handy|Telefon|Telefax|TEL|FAX|[TMFEWPm]"
    # Russian, Vietnamese (the last word of Điện thoại, Di động, Địa chỉ), Korean, Indonesian, Thai
    r"|Тел|Телефон|Моб|Мобильный|Факс|Адрес|Почта|ĐT|DĐ|thoại|động|chỉ|전화|휴대폰|팩스|주소|이메일|Telp|HP|Alamat|โทร|มือถือ")
_LABEL = re.compile(r"(?P<label>[^\s:：|/,，]{1,12}(?:\s*+/\s*+[^\s:：|/,，]{1,12})?)\.?\s*+[:：]")
_SIG_LABEL = re.compile(rf"^(?:(?:{_SIGNATURE_LABEL})(?:\s*+/\s*+(?:{_SIGNATURE_LABEL}))?)$", re.IGNORECASE)
_FULL_STOP = re.compile(r"[。！？!?；;]|\.\s+[a-z]")
_SENTENCE_PUNCT = re.compile(r"[，。！？!?；;]|\.\s+[a-z]")
_PHONE_WORDS = re.compile(r"(?:联系电话|电话|電話|手机|手機|Tel\.?|Phone|Mobile|Mob\.?|Cell)\s*+[:：]?", re.IGNORECASE)
_FROM_LINE = re.compile(r"^[ \t>]*+\**(?:发件人|From)\**\s*+[:：]\s*+(?P<v>.*)$", re.IGNORECASE | re.MULTILINE)
_DISPLAY_NAME = re.compile(r"^\s*+\"?(?P<name>[^\"<>@]+?)\"?\s*+[<\[(（]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+", re.IGNORECASE)
_BARE_CODE = re.compile(r"^\s*+(?:编码|編碼|代码|代碼|编号|編號|Code|No\.?)\s*+[:：]\s*+(?P<code>[A-Za-z]{0,8}-?\d[A-Za-z0-9\-_]{0,20})\s*+$",
                        re.IGNORECASE)
_CUSTOMER_WORD = re.compile(r"客户|客戶|customer|单位|單位|公司|company|buyer", re.IGNORECASE)
# Around a company named in running text: the supplier (us), or the one the greeting addresses.
_SUPPLIER_BEFORE = re.compile(r"(?:供应商|供應商|供方|卖方|賣方|承揽方|vendor|supplier|seller|致|收件人|\bTo)\s*+[:：]?[^:：]{0,60}$",
                              re.IGNORECASE)
_ADDRESSED_AFTER = re.compile(
    r"^(?:[\s\u4e00-\u9fff]{0,10}?(?:様|御中|殿|先生|女士|小姐|经理|經理|总|總|工|老师|您好|你好|各位)[\s：:，,！!]*|\s*+[：:]\s*+)$")
_ADDRESSED_BEFORE = re.compile(r"(?:贵司|貴司|贵公司|貴公司|Dear|To|Attn\.?|致)\s*+[:：]?\s*+$", re.IGNORECASE)
_DATE_LINE = re.compile(r"^\s*+\d{2,4}\s*+[年./-]\s*+\d{1,2}\s*+[月./-]\s*+\d{1,2}\s*+日?\s*+$")
MAX_BODY_LINES = 400  # lines of running text looked at for a company, an address, a phone


def fill_identity(draft: OrderDraft, text: str, envelope: Envelope) -> None:
    """Fill customer fields the labels left empty; never overwrite a labelled value."""
    customer = draft.customer
    text = _BLANK_RUN.sub("\n\n", (text or "")[:MAX_TEXT])
    _split_combined(customer, text)
    forwarded = forwarded_part(text, envelope.subject) if text else None
    sender, sender_name = envelope.sender, envelope.sender_name
    note = ""  # a colleague's words above a forwarded order ("客户编码 C-2031，老客户")
    if forwarded and forwarded[1]:
        sender_name = _forwarded_name(text, forwarded[1])
        note = _new_text(text)
        text, sender = forwarded
    new = _new_text(text)
    if not customer.code:
        mention = _CODE_MENTION.search(new) or (_CODE_MENTION.search(note) if note else None)
        code = normalize(mention["code"].rstrip(".-_")) if mention else _code_in_customer_block(new)
        customer.code = code or None
    _clean_address(customer)
    _first_phone(customer)
    _contact_alone(customer)
    colleague = not note and _from_colleague(new)
    if colleague:  # our rep passes an order on: the sender, his name and signature are ours
        customer.contact = customer.contact or _chat_partner(new, sender_name)
        customer.email = customer.email or _customer_email(new, sender)
        sender = sender_name = None
    missing = [name for name in ("name", "contact", "phone", "address") if not getattr(customer, name)]
    if missing:
        lines = new.split("\n")
        start, block = _block_at(lines)
        found = CustomerInfo() if colleague else _read_block(block, sender_name, japanese=bool(_KANA.search(new)))
        body = _read_body(lines[:start], missing) if start else CustomerInfo()
        # Reading order for the phone and the address (a delivery address in the
        # text comes before the signature's); the signature first for the others.
        for name, first, second in (("name", found, body), ("contact", body, found), ("phone", body, found),
                                    ("address", body, found)):
            if name in missing:
                setattr(customer, name, getattr(first, name) or getattr(second, name))
    _from_display_name(customer, sender_name)
    if not customer.email and sender:
        customer.email = sender.lower()


# A colleague's note passing a customer's order on to be entered ("客户鼎盛机电在微信上下的单，
# 聊天记录如下，请录入。"): an instruction to enter it and the customer spoken of in the third person.
_ENTER_IT = re.compile(r"请录入|請錄入|录入系统|錄入系統|系统录入|系統錄入|订单系统|訂單系統|(?:into|in)\s++(?:the\s++)?(?:order\s++)?system"
                       r"|(?:enter|key\s++in)\s++(?:it|this|the\s++order)\s++(?:into|in)\b", re.IGNORECASE)
# The customer spoken of, not a customer speaking of itself ("我们是贵司的老客户"): 客户 saying who
# ("客户是常州精工", "客户：…") or what he did ("客户鼎盛机电在微信上下的单"), or "the customer".
_THE_CUSTOMER = re.compile(
    r"(?<![老的])客[户戶](?:是|为|為|[:：]|[\u4e00-\u9fff]{2,12}?(?:在|通过|通過|打|来电|來電|电话|電話|微信|下|订|訂|要|说|說))"
    r"|\bthe\s++customer\b|\bcustomer\s*+:", re.IGNORECASE)
# A pasted chat: each message under its speaker and time ("张总 2025-07-25 16:02").
_CHAT_SPEAKER = re.compile(
    r"^[ \t]*+(?P<who>[^\s\d:：<>@]{1,16}(?: [^\s\d:：<>@]{1,16})?)[ \t]++(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]++)?"
    r"\d{1,2}:\d{2}(?::\d{2})?[ \t]*+$", re.MULTILINE)
_LABELLED_CUSTOMER_EMAIL = re.compile(
    r"(?:客户|客戶|customer|buyer|client)(?:\s*+的)?\s*+(?:邮箱|郵箱|电邮|電郵|邮件地址|郵件地址|e-?mail(?:\s++address)?)\s*+[:：]?\s*+"
    r"(?P<email>[\w.+-]++@[\w-]++(?:\.[\w-]++)++)", re.IGNORECASE)


def _from_colleague(text: str) -> bool:
    """The new text is a colleague's note passing an order on to be entered."""
    head = text[:2000]
    if not ("录入" in head or "錄入" in head or "系统" in head or "系統" in head or "system" in head.lower()):
        return False  # the words every such note has, looked for before the patterns
    return bool(_ENTER_IT.search(head) and _THE_CUSTOMER.search(head))


def _chat_partner(text: str, sender_name: str | None) -> str | None:
    """In a pasted chat, the first speaker who is not the sender."""
    for match in _CHAT_SPEAKER.finditer(text[:MAX_TEXT]):
        who = match["who"].strip()
        if not (sender_name and (who == sender_name.strip() or _same_person(who, sender_name))) \
                and not NOT_PERSON.search(who):
            return who
    return None


def _customer_email(text: str, sender: str | None) -> str | None:
    """The customer's address where the text labels it as the customer's."""
    match = _LABELLED_CUSTOMER_EMAIL.search(text[:MAX_TEXT])
    email = match["email"].lower() if match else None
    return email if email != (sender or "").lower() else None


def _new_text(text: str) -> str:
    """The text above any quoted earlier message (strip_quoted only when one may be there)."""
    return strip_quoted(text, library=False) if _QUOTE_HINT.search(text) else text


def _forwarded_name(text: str, address: str) -> str | None:
    """The display name in the forwarded message's From line ("From: 孙经理 <sun@…>")."""
    for match in _FROM_LINE.finditer(text):
        line = match["v"]
        if address.lower() in line.lower():
            name = _DISPLAY_NAME.match(line)
            return name["name"].strip() if name else None
    return None


def _split_combined(customer: CustomerInfo, text: str = "") -> None:
    if customer.name and len(customer.name) <= MAX_LINE * 2:
        match = _NAME_WITH_CODE.fullmatch(customer.name.strip())
        code = match and (match["code"] or match["code2"])
        # A tagged code ("code ABC", ", 编码 C-1024") is one; a bare bracket only when it looks like a code.
        if match and code and (match["tag"] or match["code2"] or _DIGIT.search(code)) and match["main"].strip():
            customer.name = match["main"].strip(" ,，;；")
            customer.code = customer.code or normalize(code)
    if customer.code and not customer.name and len(customer.code) <= MAX_LINE * 2:
        match = _CODE_WITH_NAME.fullmatch(customer.code.strip())
        if match:
            customer.code, customer.name = normalize(match["code"]), match["main"].strip()
    if customer.contact and len(customer.contact) <= MAX_LINE * 2:
        phone = _phone_in(customer.contact)
        if phone:
            rest = customer.contact  # "周慧 0769-2289 3300 / 13728001234": every number goes
            for written in [_raw_at(rest, other)[1] for other in phones_in(rest)]:
                rest = rest.replace(written, " ")
            rest = _PHONE_WORDS.sub(" ", rest)
            rest = rest.strip(" ,，;；/|()（）-–—")
            if rest:
                customer.contact = rest
                # "The first number given": the contact's, unless the labelled phone is written before it.
                if not customer.phone or _first_in(text, phone[1], customer.phone) == phone[1]:
                    customer.phone = phone[0]


def _first_in(text: str, one: str, other: str) -> str:
    """Whichever of two values the text gives first (`other` when `one` is not found before it)."""
    at_one, at_other = text.find(one), text.find(other)
    return one if at_one >= 0 and (at_other < 0 or at_one < at_other) else other


def _phone_in(text: str) -> tuple[str, str] | None:
    """The first telephone number in `text`: (normalised, as written)."""
    for phone in phones_in(text[:MAX_LINE * 2]):
        return _raw_at(text, phone)
    return None


def _raw_at(text: str, phone: Phone) -> tuple[str, str]:
    raw = text[phone.start:]
    match = _RAW_PHONE.match(raw)
    written = match.group(0) if match else phone.number
    return phone.number, written.strip()


_RAW_PHONE = re.compile(r"[(（]?\+?\d[\d\- ()（）]{5,24}\d(?:\s*+(?:转|轉|分机|分機|ext\.?|x)\s*+\d{1,6})?[)）]?", re.IGNORECASE)


def _code_in_customer_block(text: str) -> str | None:
    """A bare "编码：CUST0615" standing among the customer's lines (next to a company or a 客户 heading)."""
    lines = [line for line in text.split("\n")[:MAX_BODY_LINES] if line.strip()]
    for index, line in enumerate(lines):
        match = _BARE_CODE.match(line)
        if not match:
            continue
        around = lines[max(0, index - 2):index] + lines[index + 1:index + 2]
        if any(_CUSTOMER_WORD.search(other) or company_in(other, strong=True) for other in around):
            return normalize(match["code"])
    return None


_CONSIGNEE_BRACKET = re.compile(r"\s*+[（(][^（）()]{0,40}(?:[:：]|\d{7,})[^（）()]{0,40}[)）]\s*+$")
# What may stand before the address in a value: a list mark, a place's name with a colon
# ("Long Beach DC: 1800 W Anaheim St…", "工地：重庆市…"), a share sent there ("60台送无锡市…").
_ADDRESS_LEAD = re.compile(
    r"^\s*+(?:(?:\d{1,2}\s*+[).、．]|[(（]\d{1,2}[)）]|[①-⑩]|[-*•·])\s*+)?"
    r"(?:[^\d:：]{1,30}[:：]|[^:：]{0,12}?(?:送到|送至|送往|运到|运至|運到|運至|发往|發往|发到|寄到|寄往|寄至|送|到|至|往))?\s*+$")
# What follows the address and is not part of it: the person and the number to call.
_ADDRESS_TAIL_WORDS = re.compile(r"收货人|收貨人|联系人|聯絡人|聯繫人|电话|電話|手机|手機|\battn\b|\bcontact\b|\btel\b|\bphone\b",
                                 re.IGNORECASE)


def _clean_address(customer: CustomerInfo) -> None:
    """The address alone, without what the value holds around it: a consignee and a
    number after it ("…瑞丰数控 仓库，联系人高敏 0531-8899 2211"), a list mark, a share
    or a place's name before it ("1) 60台送无锡市…", "工地：重庆市渝北区空港大道88号")."""
    value = customer.address
    if not value or len(value) > MAX_LINE * 2:
        return
    # "…博远项目部（收货人：钱工 13912345678）": the consignee in a bracket is not part of the address.
    value = _CONSIGNEE_BRACKET.sub("", value).strip() or value
    found = address_in(value)
    at = value.find(found) if found else -1
    if at >= 0:
        tail = value[at + len(found):]
        if tail.strip() and tail.lstrip()[:1] in ",，;；" and (phones_in(tail) or _ADDRESS_TAIL_WORDS.search(tail)):
            value = value[:at + len(found)]
            # "…3号厂房，联系人何振华 15973012266": the person and the number are the customer's
            phone = next((p for p in phones_in(tail) if p.labelled or p.shaped), None)
            customer.phone = customer.phone or (phone.number if phone else None)
            customer.contact = customer.contact or _contact_mention(tail)
        if at and _ADDRESS_LEAD.match(value[:at]):
            value = value[at:]
    customer.address = value.strip(" ,，;；。") or customer.address


_BRACKETED = re.compile(r"\s*+[（(][^（）()]{1,30}(?:[)）]|$)\s*+")


def _contact_alone(customer: CustomerInfo) -> None:
    """The person without the department or title the value adds ("陈立新（后勤保障部）", "王工/设备科",
    "Rashid Al Mansoori (Procurement)")."""
    value = customer.contact
    if not value or len(value) > MAX_LINE or not any(c in value for c in "（(/ |｜"):
        return
    bracket = _BRACKETED.search(value)
    if bracket and not _BRACKETED.sub(" ", value).strip():
        return
    rest = _BRACKETED.sub(" ", value).strip() if bracket else value
    person = person_in(rest)
    if not person or person == value:
        return
    other = (rest.replace(person, " ", 1) + " " + (bracket.group(0) if bracket else "")).strip(" /|｜,，()（）")
    if not other or NOT_PERSON.search(other):
        customer.contact = person


_PHONE_SEPARATORS = re.compile(r"[\s/／,，;；、|]*+(?:or|或|或者)?[\s/／,，;；、|]*+", re.IGNORECASE)


def _first_phone(customer: CustomerInfo) -> None:
    """One number where the label gave several ("0571-87001234 / 13957112345"): the first."""
    value = customer.phone
    if not value or len(value) > MAX_LINE or not any(c in value for c in "/／,，;；、|或") and " or " not in value:
        return
    phones = phones_in(value)
    if len(phones) < 2:
        return
    rest = value
    for phone in phones:
        rest = rest.replace(_raw_at(rest, phone)[1], " ", 1)
    if _PHONE_SEPARATORS.fullmatch(rest) or not _PHONE_WORDS.sub("", rest).strip(" /／,，;；、|()（）"):
        customer.phone = phones[0].number


# ------------------------------------------------------------- the signature

def _labels_ok(line: str) -> tuple[bool, bool]:
    """(the line has a label, every label on it is one a signature has, the first near the start)."""
    found = [m for m in _LABEL.finditer(line) if not re.fullmatch(r"[\d\s.:-]+", m["label"])]
    return bool(found), all(_SIG_LABEL.match(m["label"].strip().rstrip(".")) for m in found) and (not found or found[0].start() <= 40)


def _signature_line(line: str, japanese: bool) -> str | None:
    """What a line of a signature is ("company", "phone", "address", "labelled", "person", "title",
    "contact") or None when it is part of the message."""
    if len(line) > MAX_LINE * 2 or _SIGN_OFF.match(line):
        return None
    if _FULL_STOP.search(line):
        return None
    has_labels, sig_labels = _labels_ok(line)
    if has_labels and not sig_labels:
        return None
    if has_labels:
        return "labelled"
    if _SENTENCE_PUNCT.search(line):
        return None
    if company_in(line) or short_company(line):
        return "company"
    if address_in(line) or (_EN_ADDRESS.search(line) and _DIGIT.search(line) and _letters(line) >= 4):
        return "address"
    phones = phones_in(line)
    if phones:
        rest = line
        for phone in phones:
            rest = rest.replace(phone.number, " ")
        rest = _PHONE_WORDS.sub(" ", rest)
        if len(rest.strip(" .:：|/,-")) <= 12 or any(p.labelled for p in phones) or person_in(rest, japanese=japanese):
            return "phone"
        return None
    if _EMAIL_OR_URL.fullmatch(line.strip()):
        return "title"
    if _DIGIT.search(line):
        return None
    if person_in(line, japanese=japanese):
        return "person"
    if len(line) <= 60 and NOT_PERSON.search(line):
        return "title"
    return None


def _block_at(lines: list[str]) -> tuple[int, list[str]]:
    """Where the signature block at the end of `lines` starts, and its lines
    (read upwards while each line is one a signature has, skipping a mail
    client's "发自我的iPhone", stopping at a sign-off, "-- " or the message)."""
    japanese = any(_KANA.search(line) for line in lines[-MAX_BLOCK_LINES * 2:])
    block: list[str] = []
    index = len(lines)
    start = len(lines)
    while index > 0 and len(block) < MAX_BLOCK_LINES:
        index -= 1
        line = lines[index].strip()
        if not line or (not block and (is_trailer(line) or _DATE_LINE.match(line))):
            continue
        if _SIGNATURE_RULE.match(line) or _SIGN_OFF.match(line) or not _signature_line(line, japanese):
            break
        block.insert(0, line)
        start = index
    return start, block


def _read_block(block: list[str], display: str | None = None, *, japanese: bool = False) -> CustomerInfo:
    """Name, contact, phone and address read from the lines of a signature block."""
    found = CustomerInfo()
    if not block:
        return found
    kinds = [_signature_line(line, japanese) for line in block]
    strong = any(kind in ("company", "phone", "address", "labelled") for kind in kinds)
    persons = []
    for line in block:
        if len(line) > MAX_LINE * 2:
            continue
        rest = line
        address = _ADDRESS_LABEL.match(line)
        if address:
            found.address = found.address or address["v"].strip()
            continue
        company = _company(line)
        written_address = address_in(line) or (
            line if _EN_ADDRESS.search(line) and _DIGIT.search(line) and _letters(line) >= 4
            and not _LABEL.search(line) and not phones_in(line) else None)
        if written_address and (not company or company in written_address):
            found.address = found.address or written_address
            # "永康五金城北区C座12号 电话139…": the number written after the address on its line
            after = line[line.find(written_address) + len(written_address):] if written_address in line else ""
            phone = next((p for p in phones_in(after) if p.labelled or p.shaped), None) if _DIGIT.search(after) else None
            found.phone = found.phone or (phone.number if phone else None)
            continue
        if company:
            found.name = found.name or company
            rest = rest.replace(company, " ")
        for phone in phones_in(line):
            found.phone = found.phone or phone.number
        for phone in phones_in(rest):
            rest = rest.replace(_raw_at(rest, phone)[1], " ")
        contact = _CONTACT_LABEL.search(rest)
        rest = _EMAIL_OR_URL.sub(" ", rest)
        rest = _LABEL.sub(" ", rest)
        person = (person_in(contact["v"], japanese=japanese) if contact else None) or person_in(rest, japanese=japanese)
        if person:
            persons.append(person)
    if persons:
        # The sender's own name among them ("Pieter de Vries" above his title), else the first given.
        found.contact = _fullest(sorted(persons, key=lambda person: not _same_person(person, display)))
    if not strong:
        # A name alone at the end tells a signature only when it is the sender's ("陈建华" from "老陈").
        if found.contact and _same_person(found.contact, display):
            return CustomerInfo(contact=found.contact)
        return CustomerInfo()
    return found


def _fullest(persons: list[str]) -> str:
    """The first name given, or a fuller form of it written later ("Marcus" then "Marcus Bell")."""
    first = persons[0]
    for later in persons[1:]:
        if later != first and later.startswith(first) and len(later) > len(first):
            return later
    return first


def _same_person(name: str, display: str | None) -> bool:
    display = (display or "").strip()
    if not display:
        return False
    if name.isascii():
        return name.split()[0].lower() in display.lower()
    return name[0] in display


def signature_identity(text: str, display: str | None = None) -> CustomerInfo:
    """Name, contact, phone and address read from the signature block of `text`."""
    lines = (text or "")[:MAX_TEXT].split("\n")
    return _read_block(_block_at(lines)[1], display, japanese=bool(_KANA.search(text or "")))


# ------------------------------------------------------------ the running text

def _read_body(lines: list[str], wanted: list[str] = ("name", "contact", "phone", "address")) -> CustomerInfo:
    """What the running text above the signature says of the customer: the
    first address and the first telephone number written (a delivery address
    in a sentence, "收货人…，手机138…"), and a company named by its legal form
    that is neither the supplier nor the one the greeting addresses."""
    found = CustomerInfo()
    lines = lines[:MAX_BODY_LINES]
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line or len(line) > 400:
            continue
        if all(getattr(found, name) for name in wanted):
            break
        if not found.address and "address" in wanted:
            found.address = address_in(line)
        if not found.phone and "phone" in wanted:
            for phone in phones_in(line):
                if phone.labelled or phone.shaped:
                    found.phone = phone.number
                    break
        if not found.contact and "contact" in wanted:
            found.contact = _contact_mention(line)
        if not found.name and "name" in wanted:
            following = next((other for other in lines[index + 1:index + 2] if other.strip()), "")
            found.name = _customer_company(line, following if index < 3 else "") or _buyer_named(line)
    return found


_CONTACT_MENTION = re.compile(
    r"(?:联 ?系 ?人|聯 ?絡 ?人|聯 ?繫 ?人|收 ?货 ?人|收 ?貨 ?人|Contact(?:\s++person)?|Attn\.?)\s*+[:：]?\s*+(?P<v>[\u4e00-\u9fff]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
    r"(?=$|[\s,，;；。.()（）:：/|]|\d)")


def _contact_mention(line: str) -> str | None:
    """The person a sentence names as contact or consignee: "（收货人：钱工 139…）", "收货人孙喆，电话…"."""
    for match in _CONTACT_MENTION.finditer(line):
        value = match["v"]
        if value.isascii() and not NOT_PERSON.search(value) or chinese_name(value):
            return value
    return None


# The buyer as a purchasing platform or a contract names it ("采购人：清溪县水利局", "甲方：…").
_BUYER_LABEL = re.compile(r"(?:采购人|採購人|采购人名称|採購人名稱|采购单位名称|採購單位名稱|甲方|甲方名称|甲方名稱|买受人|買受人|订购人|訂購人"
                          r"|招标人|招標人)\s*+[:：]\s*+(?P<v>[^\s:：].{2,58}?)\s*+$")


def _buyer_named(line: str) -> str | None:
    if line[:1] not in "采採甲买買订訂招":
        return None
    match = _BUYER_LABEL.match(line)
    value = match["v"] if match else None
    if not value or chinese_name(value) or _DIGIT.search(value) or "@" in value:
        return None
    return value


def _customer_company(line: str, next_line: str) -> str | None:
    for name, start, end in companies_in(line, strong=True):
        before, after = line[:start], line[end:]
        if _SUPPLIER_BEFORE.search(before) or _ADDRESSED_BEFORE.search(before):
            continue
        if _ADDRESSED_AFTER.match(after) or (not after.strip() and _ADDRESSED_AFTER.match(next_line.strip())):
            continue
        return _without_titles(name)
    return None


def _letters(line: str) -> int:
    return sum(c.isalpha() for c in line)


def _company(line: str) -> str | None:
    labelled = _COMPANY_LABEL.match(line)
    if labelled:
        return labelled["v"].strip()
    company = company_in(line)
    if not company:
        return short_company(line)
    company = _without_titles(company.strip(" ,"))
    return company if len(company) >= 4 or not company.isascii() else None


# Words of a job title or a department, never of a company's name: "Senior Buyer, X Ltd",
# "Assistant Manager, Procurement Dept., Nakamura Seiki Co., Ltd.".
_TITLE_SEGMENT = re.compile(
    r"\b(?:buyer|manager|director|officer|engineer|purchasing|procurement|dept\.?|department|assistant|senior|head"
    r"|executive|specialist|coordinator|lead|vp|chief|sales|supply chain|sourcing|materials|planner|agent|team)\b",
    re.IGNORECASE)


def _without_titles(company: str) -> str:
    """The company alone, without the title and department written before it on the line."""
    segments = company.split(", ")
    while len(segments) > 1 and _TITLE_SEGMENT.search(segments[0]):
        segments = segments[1:]
    return ", ".join(segments)


def _from_display_name(customer: CustomerInfo, display: str | None) -> None:
    display = (display or "").strip().strip('"\'')
    if not display or "@" in display or len(display) > MAX_LINE:
        return
    company = _company(display)
    if company and company == display:
        customer.name = customer.name or company
        return
    if not customer.contact and not NOT_PERSON.search(display) and len(display) <= 40:
        customer.contact = display
