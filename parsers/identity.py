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
    r"(?:\s++(?:with|at|in)\s++(?:you|your\s++\w+))?\s*+(?:为|是|為|is|:|：|#)?\s*+"
    r"(?P<code>[A-Za-z]{0,8}-?\d[A-Za-z0-9\-_]{0,20}|[A-Za-z]{1,8}[-_]?[A-Za-z]*\d[A-Za-z0-9\-_]{0,20})",
    re.IGNORECASE)
_CODE_WITH_NAME = re.compile(rf"(?P<code>{_CODE})\s*+[（(](?P<main>[^()（）]{{2,60}})[)）]")
_DIGIT = re.compile(r"\d")

# A telephone number: 7 to 15 digits with the separators people write.
_PHONE = re.compile(r"(?<![\w+])\+?\d[\d\- ()（）]{5,24}\d(?:\s*+(?:转|ext\.?|x)\s*+\d{1,6})?(?![\w])", re.IGNORECASE)
_PHONE_LABEL = re.compile(r"(?:联系电话|电话|手机号码|手机号|手机|座机|TEL|Phone|Telephone|Mobile|Mob|Cell|[TM])\s*+[:：.]?\s*+$",
                          re.IGNORECASE)
_FAX_LABEL = re.compile(r"(?:传真|fax|[F])\s*+[:：.]?\s*+$", re.IGNORECASE)
_ADDRESS_LABEL = re.compile(r"^\s*+(?:地址|公司地址|收货地址|联系地址|Address|Addr\.?|Add\.?)\s*+[:：]\s*+(?P<v>.+)$",
                            re.IGNORECASE)
_COMPANY_LABEL = re.compile(r"^\s*+(?:公司|公司名称|单位|Company)\s*+[:：]\s*+(?P<v>.+)$", re.IGNORECASE)
_CN_ADDRESS = re.compile(r"[省市区县镇乡村].{0,40}?[路街道巷弄里号]|[路街道巷弄].{0,20}?\d+\s*+号")
# A street word (in any of the languages customers write) on a line with a number.
_EN_ADDRESS = re.compile(
    r"\b(?:road|rd|street|st|avenue|ave|av|lane|ln|drive|dr|boulevard|blvd|way|place|pl|square|sq|highway|hwy|plot"
    r"|park|building|bldg|tower|floor|suite|ste|unit|room|rua|avenida|calle|via|rue|strasse|straße|str|weg|platz"
    r"|gasse|allee|industrial area|estate|zone)\b\.?|[a-z](?:strasse|straße|str\.|weg|platz|gasse)\b",
    re.IGNORECASE)
_CN_COMPANY = re.compile(
    r"(?P<c>[\u4e00-\u9fff（）()A-Za-z0-9&·]{2,40}(?:股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|厂|研究所|研究院|商行"
    r"|经营部|门市部|事务所|工作室))")
_EN_COMPANY = re.compile(
    r"(?P<c>[A-Z0-9][\w&.,'() -]{0,60}\b(?:Co\.,?\s*+Ltd\.?|Co\.?,?\s*+Limited|Company\s++Limited|Pvt\.?\s*+Ltd\.?"
    r"|Pty\.?\s*+Ltd\.?|Pte\.?\s*+Ltd\.?|Sdn\.?\s*+Bhd\.?|Ltd\.?|Ltda\.?|Limited|Inc\.?|LLC|L\.L\.C\.|LLP|GmbH|AG|KG"
    r"|Corp\.?|Corporation|Company|S\.A\.?|S\.p\.A\.?|S\.r\.l\.?|SARL|SAS|B\.V\.|N\.V\.|BV|NV|PLC|A/S|AB|Oy|K\.K\."
    r"|Trading))(?![\w])")
_NOT_COMPANY = re.compile(r"^(?:我|我们|我司|贵|本|请|谢谢|此致|您|dear|please|thank|we\b|our\b|the\b(?! [A-Z]))",
                          re.IGNORECASE)

_SIGNATURE_RULE = re.compile(r"^\s*(?:--|-- |——|__|-{3,}|_{3,})\s*$")
_SIGN_OFF = re.compile(
    r"^\s*+(?:此致|敬礼|此致敬礼|顺祝商祺|顺颂商祺|祝商祺|祝好|谢谢|多谢|感谢|谢谢合作|祝工作顺利|Best regards|Kind regards"
    r"|Warm regards|Regards|Best wishes|Best|Sincerely|Yours sincerely|Yours faithfully|Yours truly|Thanks|Thank you"
    r"|Many thanks|Cheers)[\s,.!，。！]*$", re.IGNORECASE)
_CN_PERSON = re.compile(r"[\u4e00-\u9fff·]{2,4}")
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
_EN_PERSON = re.compile(rf"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s++)?[{_UPPER}][{_LOWER}]+(?:[ '-][{_UPPER}][{_LOWER}]*\.?){{0,2}}")
_NOT_PERSON = re.compile(
    r"部|科$|处$|组$|经理(?!.{0,1}$)|主管|总监|主任|助理|专员|采购|销售|财务|客服|谢谢|此致|敬礼|祝|顺颂|商祺|您好|你好|公司|集团"
    r"|有限|地址|电话|手机|邮箱|传真|附件|以上|如下|订单|中心|办公室|工厂|仓库"
    r"|manager|director|purchas|procurement|department|dept|sales|team|officer|engineer|regards|thanks|thank"
    r"|sincerely|cheers|office|buyer|assistant|head|chief|ceo|cfo|coo|president|supervisor|company|limited|ltd"
    r"|inc\b|gmbh|trading|group|orders?\b|info\b|admin|service|support|noreply|no-reply",
    re.IGNORECASE)
_CN_TITLE_PERSON = re.compile(r"^[\u4e00-\u9fff]{1,2}(?:先生|女士|小姐|经理|总|工|主任|老师)$")
# A run of blank lines is one: the quote readers in parsers.quotes take time
# growing with the square of such a run (their patterns start with ^\s*).
_BLANK_RUN = re.compile(r"\n[ \t\r\f\v]*+(?:\n[ \t\r\f\v]*+)++")
_QUOTE_HINT = re.compile(r">|wrote|写道|--|__|发件人|from\s*+[:：]|sent\s*+:|原始邮件", re.IGNORECASE)
# A labelled line in a signature has one of these labels; any other label
# ("运费：", "备注：") means the paragraph is the order, not a signature.
_SIGNATURE_LABEL = re.compile(
    r"^[^:：]{0,24}?(?<![A-Za-z])(?:电话|手机|座机|传真|地址|邮箱|邮件|邮编|QQ|微信|网址|网站|公司|单位|部门|职位|职务|Tel|Phone|Mobile|Mob|Cell"
    r"|Fax|E-?mail|Web|Website|Address|Addr|Add|Company|Skype|WeChat|WhatsApp|Dept|Title|[TMFEW])\.?\s*+[:：]",
    re.IGNORECASE)
_SENTENCE_PUNCT = re.compile(r"[，。！？!?]")
_SPLIT_TOKENS = re.compile(r"[\s|/,，、]+")
_PHONE_WORDS = re.compile(r"(?:联系电话|电话|手机|Tel\.?|Phone|Mobile|Mob\.?|Cell)\s*+[:：]?", re.IGNORECASE)
_FROM_LINE = re.compile(r"^[ \t>]*+\**(?:发件人|From)\**\s*+[:：]\s*+(?P<v>.*)$", re.IGNORECASE | re.MULTILINE)
_DISPLAY_NAME = re.compile(r"^\s*+\"?(?P<name>[^\"<>@]+?)\"?\s*+[<\[(（]")


def fill_identity(draft: OrderDraft, text: str, envelope: Envelope) -> None:
    """Fill customer fields the labels left empty; never overwrite a labelled value."""
    customer = draft.customer
    _split_combined(customer)
    text = _BLANK_RUN.sub("\n\n", (text or "")[:MAX_TEXT])
    forwarded = forwarded_part(text, envelope.subject) if text else None
    sender, sender_name = envelope.sender, envelope.sender_name
    if forwarded and forwarded[1]:
        sender_name = _forwarded_name(text, forwarded[1])
        text, sender = forwarded
    if not customer.code:
        mention = _CODE_MENTION.search(_new_text(text))
        if mention:
            customer.code = normalize(mention["code"].rstrip(".-_"))
    missing = [name for name in ("name", "contact", "phone", "address") if not getattr(customer, name)]
    if missing:
        found = signature_identity(_new_text(text))
        for name in missing:
            if getattr(found, name):
                setattr(customer, name, getattr(found, name))
    _from_display_name(customer, sender_name)
    if not customer.email and sender:
        customer.email = sender.lower()


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


def _split_combined(customer: CustomerInfo) -> None:
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
            rest = customer.contact.replace(phone[1], " ")
            rest = _PHONE_WORDS.sub(" ", rest)
            rest = rest.strip(" ,，;；/|()（）")
            if rest:
                customer.contact = rest
                customer.phone = customer.phone or phone[0]


def _phone_in(text: str) -> tuple[str, str] | None:
    """The first telephone number in `text`: (normalised, as written)."""
    for match in _PHONE.finditer(text):
        digits = sum(c.isdigit() for c in match.group(0))
        if 7 <= digits <= 16:
            written = match.group(0).strip(" ()（）")
            return " ".join(normalize(written).split()), written
    return None


def _block(text: str) -> list[str]:
    """The lines of the signature block at the end of the new text."""
    tail = text.rstrip().rsplit("\n", MAX_BLOCK_LINES + 3)
    more_above = len(tail) > MAX_BLOCK_LINES + 3  # only the last lines are looked at
    lines = [line.rstrip() for line in (tail[1:] if more_above else tail)]
    for index in range(len(lines) - 1, -1, -1):
        if _SIGNATURE_RULE.match(lines[index]) or _SIGN_OFF.match(lines[index]):
            block = [line for line in lines[index + 1:] if line.strip() and not _SIGN_OFF.match(line)]
            return block[:MAX_BLOCK_LINES]
    start = len(lines)
    while start > 0 and lines[start - 1].strip():
        start -= 1
    block = lines[start:]
    if not block or len(block) > MAX_BLOCK_LINES or (start == 0 and not more_above):
        return []  # the whole message is one paragraph: no block below it
    return block


def signature_identity(text: str) -> CustomerInfo:
    """Name, contact, phone and address read from the signature block of `text`."""
    found = CustomerInfo()
    block = [line.strip() for line in _block(text) if len(line.strip()) <= MAX_LINE]
    if not block or any((":" in line or "：" in line) and not _SIGNATURE_LABEL.match(line) for line in block):
        return found
    looks_like_signature = False
    for line in block:
        address = _ADDRESS_LABEL.match(line)
        if address:
            found.address = found.address or address["v"].strip()
            looks_like_signature = True
            continue
        phone = _labelled_phone(line)
        if phone:
            found.phone = found.phone or phone
            looks_like_signature = True
        company = _company(line)
        if company:
            found.name = found.name or company
            looks_like_signature = True
            found.contact = found.contact or _person(line.replace(company, " "))  # "李华 | 某某有限公司"
            continue
        if not found.address and not phone and (_CN_ADDRESS.search(line) or _EN_ADDRESS.search(line)) \
                and ":" not in line and "：" not in line and _DIGIT.search(line) and _letters(line) >= 4:
            found.address = line
            looks_like_signature = True
            continue
        if not phone and not found.phone:
            bare = _phone_in(line)
            if bare and len(line) - len(bare[1]) <= 4:
                found.phone = bare[0]
                looks_like_signature = True
                continue
        if not found.contact:
            found.contact = _person(line)
    if not looks_like_signature:
        return CustomerInfo()  # a name alone at the end is not enough to tell a signature
    return found


def _letters(line: str) -> int:
    return sum(c.isalpha() for c in line)


def _labelled_phone(line: str) -> str | None:
    for match in _PHONE.finditer(line):
        before = line[max(0, match.start() - 12):match.start()]
        if _FAX_LABEL.search(before):
            continue
        if _PHONE_LABEL.search(before):
            phone = _phone_in(match.group(0))
            if phone:
                return phone[0]
    return None


def _company(line: str) -> str | None:
    labelled = _COMPANY_LABEL.match(line)
    if labelled:
        return labelled["v"].strip()
    if _NOT_COMPANY.match(line) or _SENTENCE_PUNCT.search(line):
        return None
    match = _CN_COMPANY.search(line) or _EN_COMPANY.search(line)
    if not match:
        return None
    company = _without_titles(match["c"].strip(" ,"))
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


def _person(line: str) -> str | None:
    """A person's name on a signature line: "王明", "王明 采购经理", "Jane Doe"."""
    for token in _SPLIT_TOKENS.split(line):
        token = token.strip()
        if not token or _NOT_PERSON.search(token):
            continue
        if _CN_PERSON.fullmatch(token) or _CN_TITLE_PERSON.match(token):
            return token
        break
    line = line.strip()
    if _EN_PERSON.fullmatch(line) and not _NOT_PERSON.search(line):
        return line
    return None


def _from_display_name(customer: CustomerInfo, display: str | None) -> None:
    display = (display or "").strip().strip('"\'')
    if not display or "@" in display or len(display) > MAX_LINE:
        return
    company = _company(display)
    if company and company == display:
        customer.name = customer.name or company
        return
    if not customer.contact and not _NOT_PERSON.search(display) and len(display) <= 40:
        customer.contact = display
