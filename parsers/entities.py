"""What a piece of text is, told by its form rather than by a label or a place:

- a company by its legal form (有限公司, 有限责任公司, 股份有限公司, 株式会社,
  GmbH, Ltd, Inc., Co., Ltd., S.A., B.V. …);
- an address by its administrative divisions (省/市/区/县 … then 路/街/号, or
  都/道/府/県 then 丁目 numbers) or by a street number with a street word and
  the town, postcode, state or country after it;
- a telephone number by its shape (a mobile 1[3-9]…, an area code 0xx-, a
  country code +xx, (231) 555-0187) and the label before it (a fax is none);
- a person's name (2–4 Han characters, "王工", "Jane Doe", Japanese "山田 太郎").

Pure functions of one line or a short text, each in time linear in its length.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from parsers.text import normalize

__all__ = ["Phone", "phones_in", "chinese_name", "company_in", "companies_in", "address_in", "person_in", "is_trailer",
           "short_company", "strip_lead_in"]

MAX_LINE = 400  # longer lines are text, not a name, an address or a number

_HAN = "\u4e00-\u9fff\u3400-\u4dbf"
_UPPER_ASCII = "A-Z"
_KANA = "\u3040-\u309f\u30a0-\u30ff\u30fc"

# ---------------------------------------------------------------- telephones

_PHONE = re.compile(
    r"(?<![A-Za-z0-9+(（])(?:\+|[(（]\+?)?\d[\d\- ()（）]{5,24}\d"
    r"(?:\s*+(?:转|轉|分机|分機|ext\.?|x)\s*+\d{1,6})?(?![A-Za-z0-9])", re.IGNORECASE)
# A label right before a number says what it is.
_FAX_BEFORE = re.compile(r"(?:传真|傳真|fax|\bF)\s*+[:：.]?\s*+$", re.IGNORECASE)
_PHONE_BEFORE = re.compile(
    r"(?:联系电话|聯絡電話|联系方式|電話號碼|电话|電話|手机号码|手机号|手机|手機|移动电话|座机|微信|whatsapp|tel|phone|telephone|mobile"
    r"|mob|cell|handy|telefon|(?<![A-Za-z])[TMPm])(?:\s*+/\s*+(?:微信|wechat|whatsapp))?[^\w]{0,6}$", re.IGNORECASE)
# Shapes a number has without a label: a Chinese mobile, a number with an area
# code or a country code, a North-American number.
_PHONE_SHAPE = re.compile(
    r"(?:\+|00)\d[\d\- ()]{6,}"
    r"|(?:[(（]\+?\d{2,4}[)）]\s*+)?1[3-9]\d(?:[- ]?\d{4}){2}"
    r"|0\d{1,3}[- ]\d{3,4}(?:[- ]?\d{3,4})?"
    r"|[(（]0?\d{2,4}[)）]\s*+\d{3,4}[- ]?\d{3,4}"
    r"|\d{3}[-.]\d{3}[-.]\d{4}", re.IGNORECASE)
_EXTENSION = re.compile(r"\s*+(?:转|轉|分机|分機|ext\.?|x)\s*+\d{1,6}$", re.IGNORECASE)


class Phone(NamedTuple):
    number: str  # as written (NFKC, spaces collapsed)
    start: int  # where it is in the line
    labelled: bool  # a phone label (电话, Tel, m.) is right before it
    shaped: bool  # it has a telephone's shape without any label


def _written(raw: str) -> str:
    raw = raw.strip()
    for left, right in (("(", ")"), ("（", "）")):
        if raw.startswith(left) and right not in raw:
            raw = raw[1:]
        if raw.endswith(right) and left not in raw:
            raw = raw[:-1]
    return " ".join(normalize(raw).split())


def phones_in(line: str) -> list[Phone]:
    """The telephone numbers of a line, in order; fax numbers left out."""
    found = []
    if len(line) > MAX_LINE:
        return found
    for match in _PHONE.finditer(line):
        raw = match.group(0)
        digits = sum(c.isdigit() for c in raw)
        if not 7 <= digits <= 18:
            continue
        before = line[max(0, match.start() - 14):match.start()]
        if _FAX_BEFORE.search(before):
            continue
        number = _written(raw)
        core = _EXTENSION.sub("", number)
        shaped = bool(_PHONE_SHAPE.fullmatch(core)) and sum(c.isdigit() for c in core) >= 8
        found.append(Phone(number, match.start(), bool(_PHONE_BEFORE.search(before)), shaped))
    return found


# ----------------------------------------------------------------- companies

_CN_FORMS = (r"股份有限公司|有限责任公司|有限責任公司|有限公司|集团有限公司|集團有限公司|集团公司|集團公司|集团|集團|株式会社|有限会社"
             r"|合同会社|公司|厂|廠|研究所|研究院|商行|经营部|經營部|门市部|門市部|事务所|事務所|工作室"
             # institutions that buy: a university, a college, a hospital, a school (not 大学城, 学院路, 医院街)
             r"|(?:大学|大學|学院|學院|医院|醫院|卫生院|衛生院|中学|中學|学校|學校)(?![城路街道巷区區生])"
             # a government body under its county or city: 清溪县水利局, 东江市交通运输局
             rf"|(?<=[县縣市区區省州旗镇鎮])[{_HAN}]{{0,6}}?(?:局|委员会|委員會|管理处|管理處|管委会|管委會|政府)")
_CN_STRONG = re.compile(r"有限|株式会社|有限会社|合同会社|集团|集團|股份")
_CN_COMPANY = re.compile(
    rf"(?P<c>[{_HAN}{_KANA}（）()A-Za-z0-9&·]{{2,40}}?(?:{_CN_FORMS}))(?![{_HAN}]{{0,2}}(?:有限|公司|会社))")
# A legal form written before the name: Russian/Kazakh ООО «Техснаб», OOO "UralPrivod", ТОО, АО; Indonesian
# PT Maju Jaya. Without quotes only where the form cannot be a word (OOO, ООО, PT before capitalised words).
_PREFIX_FORM = re.compile(
    r"(?<![\w])(?P<c>(?:OOO|ООО|ZAO|ЗАО|OAO|ОАО|PAO|ПАО|AO|АО|TOO|ТОО|ИП|PT\.?)\s*+[\"«“„'][^\"»”“'\n]{2,40}[\"»”']"
    r"|(?:OOO|ООО|PT\.?)\s++[A-ZА-ЯЁ][\w&-]*+(?:\s++[A-ZА-ЯЁ&][\w&-]*+){0,4}"
    # Vietnamese Công ty TNHH / Cổ phần …, Korean 주식회사 … / (주)…, Thai บริษัท … จำกัด
    r"|(?:Công\s++[Tt]y|CÔNG\s++TY|Cty|CTY)\s++(?:TNHH|Cổ\s++[Pp]hần|CỔ\s++PHẦN|CP)(?:\s++(?:MTV|[\w&.-]+)){1,8}"
    r"|(?:주식회사|유한회사|\(주\)|㈜)\s*+[가-힣A-Za-z0-9&]{2,20}|[가-힣A-Za-z0-9&]{2,20}\s*+(?:주식회사|\(주\)|㈜)"
    r"|บริษัท\s*+[^\n]{2,60}?\s*+จำกัด(?:\s*+\(มหาชน\))?)")
# "M/s. Sri Balaji Engineering Works": Messrs before a firm's name (India).
_MESSRS = re.compile(r"\bM/[sS]\.?\s*+(?P<c>[A-Z][\w&'()-]*(?:[ .][ ]?[A-Z&(][\w&'().-]*){0,7})")
_JP_PREFIXED = re.compile(rf"(?P<c>(?:株式会社|有限会社|合同会社)[{_HAN}{_KANA}A-Za-z0-9・&]{{2,20}})")
# Legal forms of companies written in Latin letters.
_EN_FORMS = (r"Ltd\.?\s*+Şti\.?|Co\.,?\s*+Ltd\.?|Co\.?,?\s*+Limited|Company\s++Limited|Pvt\.?\s*+Ltd\.?|Pty\.?\s*+Ltd\.?|Pte\.?\s*+Ltd\.?"
             r"|Sdn\.?\s*+Bhd\.?|GmbH\s*+&\s*+Co\.\s*+KG|Ltd\.?|Ltda\.?|Limited|Inc\.?|LLC|L\.L\.C\.|LLP|GmbH|mbH|AG|KG"
             r"|Corp\.?|Corporation|Company|Co\.|S\.A\.(?:\s*+de\s++C\.V\.)?|S\.A\.S\.|S\.p\.A\.?|S\.r\.l\.?|S\.L\.|SARL|SAS"
             r"|B\.V\.|N\.V\.|BV|NV|PLC|A/S|ApS|AB|Oy|Oyj|K\.K\.|Sp\.\s*+z\s*+o\.o\.|s\.r\.o\.|d\.o\.o\.|a\.s\.|Kft\.?"
             r"|Zrt\.?|S\.L\.U\.|S\.A\.U\.|SpA|Srl|JSC|PJSC|OJSC|CJSC|A\.Ş\.|Trading"
             # Gulf free zones and partnerships, Latin America, the Baltics, Central Asia, Indonesia
             r"|FZE|FZCO|FZC|DMCC|W\.L\.L\.?|WLL|S\.A\.C\.|C\.A\.|UAB|SIA|OÜ|TOO|Tbk\.?|Berhad|L\.L\.C|Est\.(?=\s*+$)"
             # the same in capitals, as letterheads write them
             r"|CO\.,?\s*+LTD\.?|CO\.?,?\s*+LIMITED|COMPANY\s++LIMITED|PVT\.?\s*+LTD\.?|PTY\.?\s*+LTD\.?|PTE\.?\s*+LTD\.?"
             r"|SDN\.?\s*+BHD\.?|LTD\.?|LTDA\.?|LIMITED|INC\.|CORP\.|CORPORATION|GMBH")
_EN_COMPANY = re.compile(
    rf"(?<!/)(?P<c>[A-Z0-9][\w&.,'() -]{{0,60}}\b(?P<form>{_EN_FORMS}))(?![\w])")
# Words that lead into a company named in a sentence: "我是X公司…", "以下是X公司的", "from X Ltd".
_CN_LEAD_IN = re.compile(
    r"^.*?(?:我是|我们是|我們是|这里是|這裡是|这是|這是|以下是|下面是|我司|本司|我们|我們|本公司|来自|來自|代表|贵司|貴司|就是|都是|也是)")
_EN_NAME_WORD = re.compile(r"^(?:\(?[A-Z0-9&À-ÖØ-Þ][\w&'.()-]*|of|and|for|the|de|du|la|le|des|del|della|der|den|van|von|und|et|y|e|i|en|ve|&)$")
# The forms' last words as plain literals (a search starting with a lookbehind would try every position).
_CN_FORM_HINT = re.compile(r"公司|厂|廠|会社|研究所|研究院|商行|经营部|經營部|门市部|門市部|事务所|事務所|工作室|集团|集團|大学|大學|中学|中學"
                           r"|学院|學院|学校|學校|医院|醫院|卫生院|衛生院|局|委员会|委員會|管理处|管理處|管委会|管委會|政府")
_EN_FORM_HINT = re.compile(rf"\b(?=[A-Z]|mbH|s\.r|d\.o|a\.s)(?:{_EN_FORMS})(?![\w])")  # the lookahead spares most word starts
_EN_FORM_END = re.compile(rf"\b(?:{_EN_FORMS})$")
_HAN_OR_KANA = re.compile(f"[{_HAN}{_KANA}]")
_NOT_COMPANY_START = re.compile(r"^(?:我|贵司|贵公司|貴司|貴公司|贵方|貴方|本公司|本司|本厂|本廠|请|請|谢谢|謝謝|此致|您|你|该|該|此|其"
                                r"|子公司|分公司|总公司|總公司|dear|please|thank|we\b|our\b|the\b(?! [A-Z]))", re.IGNORECASE)
_SENTENCE_PUNCT = re.compile(r"[，。！？!?；;]")


def strip_lead_in(company: str, form_at: int | None = None) -> str:
    """A company named in a sentence without the words that lead into it
    (`form_at`: where its legal form starts, when known)."""
    if _HAN_OR_KANA.search(company):
        cut = _CN_LEAD_IN.match(company)
        if cut and len(company) - cut.end() >= 2:
            company = company[cut.end():]
        return company
    # The legal form stays whatever its case ("Sp. z o.o.", "s.r.o."); the name before
    # it is the run of capitalised words.
    if form_at is None:
        form = _EN_FORM_END.search(company)
        form_at = form.start() if form else 0
    head, tail = (company[:form_at], company[form_at:]) if form_at > 0 else (company, "")
    words = head.rstrip().split(" ")
    gap = head[len(head.rstrip()):]
    keep = len(words)
    while keep > 0 and _EN_NAME_WORD.match(words[keep - 1].strip(",")):
        keep -= 1
    last = len(words) - (0 if tail else 1)  # without a form found, the last word is kept
    while keep < last and not words[keep][:1].isupper() and not words[keep][:1].isdigit():
        keep += 1
    kept = " ".join(words[keep:])
    return kept + gap + tail if kept else tail


# A college, an institute, a ward: part of the university, company or hospital named before it.
_PART_OF = ("学院", "學院", "研究所", "研究院", "中心", "实验室", "實驗室", "科室")


def companies_in(line: str, *, strong: bool = False) -> list[tuple[str, int, int]]:
    """Companies named on a line, by their legal form: (name, start, end).

    `strong` (for running text, not a signature) keeps only the unmistakable
    forms (有限公司, 集团, 株式会社, Ltd, GmbH …), not 公司/厂 after any word.
    """
    found: list[tuple[str, int, int]] = []
    if len(line) > MAX_LINE:
        return found
    # Each pattern ends with (or, in Japanese, starts with) a legal form: a line without one
    # is not searched with it.
    cjk = _CN_FORM_HINT.search(line) is not None
    latin = _EN_FORM_HINT.search(line) is not None
    # A form before the name is quoted after it, or is OOO/ООО/PT
    prefixed = "OOO" in line or "ООО" in line or "PT" in line or "AO" in line or "АО" in line or "TOO" in line \
        or "ТОО" in line or "ИП" in line or "TNHH" in line or "hần" in line or "HẦN" in line or "회사" in line \
        or "(주)" in line or "㈜" in line or "จำกัด" in line
    for pattern in (_JP_PREFIXED, _CN_COMPANY, _EN_COMPANY, _MESSRS, _PREFIX_FORM):
        if pattern is _MESSRS and "/" not in line or pattern is _EN_COMPANY and not latin \
                or pattern is _PREFIX_FORM and not prefixed \
                or pattern in (_JP_PREFIXED, _CN_COMPANY) and not cjk:
            continue
        for match in pattern.finditer(line):
            start, end = match.span("c")
            if any(s < end and start < e for _, s, e in found):
                continue
            raw = match["c"]
            name = raw.strip(" ,")
            form_at = match.start("form") - start - (len(raw) - len(raw.lstrip(" ,"))) if pattern is _EN_COMPANY else None
            clipped = name if pattern is _PREFIX_FORM else strip_lead_in(name, form_at)
            start += len(name) - len(clipped)
            name = clipped
            if pattern is _PREFIX_FORM:
                pass  # the form before the name says it is one
            elif pattern is _EN_COMPANY or pattern is _MESSRS:
                if len(name) < 4 or (strong and re.fullmatch(r"(?:[\w&'.-]+\s+)?(?:Company|Trading|AB|AG|KG)", name)):
                    continue
                first = name.split(" ")[0]
                if first.lower() == "to":  # "To: X Ltd" is the one written to
                    continue
                if first.lower() in ("from", "for", "by", "at") and len(name) - len(first) > 4:
                    # "For Kaveri Agro Industries Ltd." under a letter: signed for that company
                    start += len(first) + 1
                    name = name[len(first) + 1:].lstrip()
            else:
                if _NOT_COMPANY_START.match(name):
                    continue
                if found and name.endswith(_PART_OF) and not line[found[-1][2]:start].strip():
                    continue  # "东江大学 机械工程学院": the college of the university just named
                core = re.sub(_CN_FORMS, "", name)
                if strong and (not _CN_STRONG.search(name) and len(core) < 4 or len(core) < 2):
                    continue
                if not strong and len(name) < 4 and name.endswith(("公司", "会社", "大学", "大學", "医院", "醫院", "学院", "學院",
                                                                   "学校", "學校", "中学", "中學")):
                    continue
            found.append((name, start, end))
    found.sort(key=lambda item: item[1])
    return found


# A company's short name as a signature writes it, without a legal form: a trade name and
# the trade it is in ("润达泵业", "鼎盛机电", "華新電子 採購部").
_TRADES = (r"泵业|泵業|阀业|閥業|阀门|閥門|实业|實業|工业|工業|纸业|紙業|钢业|鋼業|铝业|鋁業|铜业|銅業|矿业|礦業|药业|藥業|塑业|塑業"
           r"|化工|机电|機電|电子|電子|电器|電器|电气|電氣|电机|電機|科技|机械|機械|精密|精工|精机|精機|五金|塑胶|塑膠|塑料|纺织|紡織"
           r"|纺机|紡機|贸易|貿易|商贸|商貿|物流|建材|制造|製造|制品|製品|设备|設備|仪器|儀器|仪表|儀表|汽配|模具|包装|包裝|印刷"
           r"|光电|光電|通讯|通訊|能源|环保|環保|传动|傳動|液压|液壓|气动|氣動|轴承|軸承|铸造|鑄造|锻造|鍛造|自动化|自動化|重工|电力|電力")
_SHORT_COMPANY = re.compile(
    rf"(?P<c>(?P<brand>[{_HAN}]{{2,5}}?)(?:{_TRADES}))(?:\s++[{_HAN}]{{1,5}}(?:部|科|课|課|处|處|组|組|中心))?")
# Words that make a trade name generic, a kind of goods rather than a firm ("控制设备", "精密机械").
_GENERIC = re.compile(rf"(?:{_TRADES}|控制|生产|生產|检测|檢測|测试|測試|检验|檢驗|维修|維修|安装|安裝|配套|配件|零件|备件|備件|专用|專用"
                      r"|进口|進口|国产|國產|标准|標準|非标|非標|定制|自动|自動|其他|相关|相關|工业|工業|电动|電動|数控|數控|智能)+")


# The same in English, as Indian and Gulf firms sign without a legal form: "Kaveri Engineering Works",
# "Shree Ganesh Industries", "Patel Brothers" — capitalised words ending in a word for a firm.
_EN_FIRM_WORDS = (r"Works|Industries|Enterprises|Engineers|Traders|Exports|Impex|Mills|Agencies|Associates|Brothers|Bros\.?"
                  r"|&\s*+Sons|Fabricators|Foundry|Forgings|Castings|Hydraulics|Pneumatics|Electricals|Udyog|Overseas")
_EN_SHORT_COMPANY = re.compile(
    rf"(?P<c>[{_UPPER_ASCII}][\w&'.-]*+(?:\s++(?:[{_UPPER_ASCII}&][\w&'.-]*+|of|and)){{0,4}}?\s++(?:{_EN_FIRM_WORDS}))")
# Words that open a department's or a trade's name, not a firm's: "Maintenance Works", "Civil Works".
_EN_NOT_FIRM = re.compile(r"^(?:The|Our|Your|Civil|Public|Maintenance|Project|Site|Plant|General|Electrical|Mechanical|Export"
                          r"|Import|Purchase|Purchasing|Sales|Dear|To|From|For|Attn|Re)\b")
_EN_TITLE_WORD = re.compile(r"\b(?:manager|director|officer|department|dept|team|head|assistant|executive|buyer|division)\b",
                            re.IGNORECASE)
# A person after the short name on one line: "永兴五金 老陈", "润达泵业 王明".
_FAMILIAR = re.compile(rf"[老小阿][{_HAN}]")


def short_company(line: str) -> str | None:
    """A line that is a company's short name alone (a trade name and its trade, maybe its
    department or the person signing after it), or None."""
    line = line.strip()
    if line[:1].isascii():
        match = _EN_SHORT_COMPANY.fullmatch(line) if line[:1].isupper() and " " in line else None
        if not match or _EN_NOT_FIRM.match(line) or _EN_TITLE_WORD.search(line):
            return None
        return match["c"]
    match = _SHORT_COMPANY.match(line)
    if not match or chinese_name(match["c"]) or _GENERIC.fullmatch(match["brand"]):
        return None
    rest = line[match.end():]
    if rest and not (rest[:1].isspace() and _signing_person(rest.strip())):
        return None
    return match["c"]


def _signing_person(word: str) -> bool:
    return chinese_name(word) or bool(_FAMILIAR.fullmatch(word)) and word[1] in _SURNAMES and word[1] not in "师師时時"


def company_in(line: str, *, strong: bool = False) -> str | None:
    """The first company named on a line, or None."""
    found = companies_in(line, strong=strong)
    return found[0][0] if found else None


# ----------------------------------------------------------------- addresses

_PROVINCES = (r"北京|天津|上海|重庆|重慶|河北|山西|辽宁|遼寧|吉林|黑龙江|黑龍江|江苏|江蘇|浙江|安徽|福建|江西|山东|山東|河南|湖北"
              r"|湖南|广东|廣東|海南|四川|贵州|貴州|云南|雲南|陕西|陝西|甘肃|甘肅|青海|台湾|台灣|臺灣|内蒙古|內蒙古|广西|廣西|西藏"
              r"|宁夏|寧夏|新疆|香港|澳门|澳門")
# Where a Chinese or Japanese address starts: a province, or a place named
# with its division (X市, X区, X県), not glued to the word before it unless
# that word is a verb of sending ("送厦门市…", "送達香港…") or says what the
# address is ("地址还是温州市…", "地址为…").
_CJK_START = re.compile(
    rf"(?:(?<![{_HAN}])|(?<=[送到至往在于於达達寄发發运運交是为為]))"
    rf"(?:(?:{_PROVINCES})(?:省|市|自治区|自治區|特别行政区|特別行政區)?|(?:東京都|(?![送到至往在于於寄发發是为為])[{_HAN}]{{1,3}}[府県])(?=[{_HAN}]{{1,4}}[市区区町村郡])"
    rf"|北海道|(?![送到至往在于於寄发發是为為这這那我你他她还還就也都])[{_HAN}]{{1,3}}?(?:市|州|县|縣|区|區|盟))")
_CJK_BODY = re.compile(r"[^\s，。；;！!？?、,()（）|｜:：]*+(?:[ 　](?=[^\s])[^\s，。；;！!？?、,()（）|｜:：]++)*+")
# A street and its number, a park or zone, a Japanese block number.
_CJK_STREET = re.compile(
    r"(?:[路街巷弄道里]|大道|大街).{0,12}?[\d０-９一二三四五六七八九十百]+\s*+[号號弄栋棟]?"
    r"|[\d０-９]+\s*+[号號栋棟幢楼樓室座]|园区|園區|工业园|工業園|工业区|工業區|开发区|開發區|科技园|科技園|产业园|產業園|项目部|項目部"
    r"|丁目|番地|(?<=[町村目丁])\d{1,4}-\d{1,4}(?:-\d{1,4})?"
    rf"|(?<=[{_HAN}{_KANA}])(?<![市州县縣区區府県都道省])\d{{1,4}}-\d{{1,4}}(?:-\d{{1,4}})?(?![\d-])")
# A label whose value is where the goods go or where the customer is.
_ADDRESS_LABEL = re.compile(
    r"(?:地址|地點|地点|场所|場所|工地|现场|現場|納入先|納品先|ship\s*+to|deliver(?:y)?\s*+(?:to|address|at)|address"
    r"|lieferanschrift|lieferadresse|anschrift|adresse|adres|direcci[oó]n|indirizzo|endere[cç]o|morada)"
    r"(?:(?!日期|時間|时间|date)[^:：]){0,16}[:：]\s*+",
    re.IGNORECASE)

_STREET_WORDS = (r"road|rd|street|st|avenue|ave|av|lane|ln|drive|dr|boulevard|blvd|way|place|pl|parkway|pkwy|highway"
                 r"|hwy|freeway|fwy|expressway|expy|turnpike|pike|route|rte|court|ct|terrace|crescent|close|park|estate|square"
                 r"|sq|circle|trail|row|quay|wharf|industrial\s+area")
_EN_START = re.compile(
    # (every alternative starts with a word's character: the lookahead spares the spaces and the punctuation)
    r"(?<![\w-])(?=\w)(?:(?:Unit|Suite|Ste|Room|Rm|Flat|Floor|Level|Bldg|Building|Block|Office|Warehouse|Shop|Shed|Plot|Gat"
    r"|Survey|Door|House|Godown|Khasra|Lot)\.?\s*+"
    r"(?:(?-i:[A-Z0-9#])[\w-]{0,5},?\s++(?:[A-Z0-9][\w'’.-]*\s++){0,5}?"
    rf"(?:{_STREET_WORDS}|tower|building|bldg|plaza|centre|center|complex|mall)\b"
    # a numbered plot, gate or warehouse, then the places ("Gat No. 312, Chakan MIDC, Pune 410501")
    r"|(?:No\.?\s*+)?[A-Z]?-?\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?(?=,))"
    r"|P\.?\s*+O\.?\s*+Box\s*+\d{2,7}(?=,)"
    # a number and the street (Vietnamese: Số 12 Đường …, 45 Phố …)
    r"|(?:No\.?\s*+|Số\s*+)?\d{1,6}[A-Za-z]?(?:[-/]\d{1,4})?,?\s++(?:[NSEW]\.?\s++)?(?:[A-Z][\w'’.-]*\s++){0,4}?"
    rf"(?:{_STREET_WORDS}|Đường|Phố|Ngõ)\b"
    r"|\d{1,6}[A-Za-z]?,?\s++(?:rue|via|calle|avenida|rua|av\.|viale|corso|piazza|chemin|allée|boulevard)\s"
    r"|(?:rue|via|calle|c/|avenida|avda\.|paseo|plaza|carretera|carrera|cra\.|ctra\.|camino|rua|av\.|viale|corso|piazza|chemin|jalan|jln\.?"
    r"|lorong|persiaran|ul\.|ulica|aleja|al\.|jl\.|ул\.|улица|пр-т|просп\.|пр\.|пер\.|ш\.|шоссе|наб\."
    r"|carrer|estrada|strada|cadde(?:si)?|sokak|sok\.|bulevar|bulvarı)\s++[\w'’. -]{2,40}?,?\s*+(?:No[.:]?\s*+|#\s*+|д\.\s*+|дом\s*+)?"
    r"\d{1,5}\b"
    r"|\d{1,6}[A-Za-z]?,?\s++[A-Z][\w'’.]*-(?:ro|gil|daero)\b"
    r"|[A-ZÄÖÜ][\wäöüßéè-]*(?:straße|strasse|str\.|weg|platz|gasse|allee|ring|damm|ufer|laan|straat|gracht|vej|gatan|väg)"
    r"\s*+\d{1,5}[a-z]?\b)", re.IGNORECASE)
_POSTCODE = re.compile(r"\b\d{4,6}(?:-\d{3,4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*+\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s*+\d[A-Z]\d\b")
_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\bSt)(?<!\bRd)(?<!\bAve)(?<!\bDr)(?<!\bCo)(?<!\bMt)(?<!\bAv)(?<!\bTP)\.(?=\s++[A-Z(]|\s*+$)"
                           r"|[;；。!?]|\s[–—|]\s|\s{3,}|\t")
_LOWER_SEGMENT = re.compile(r"^\s*+(?!(?:de|du|des|la|le|del|di|da|im|am|an|bei|upon|on|sur|van|von|y)\b)[a-z]")


# A lot, unit or floor written before the street ("Lot 5, Jalan Perusahaan 2, …", "#03-10, 8 Kaki Bukit Rd").
_EN_UNIT_BEFORE = re.compile(r"(?:\b(?:\d{1,5}(?:/\d{1,5})?\s++)?(?:Lot|Plot|Unit|Suite|Ste|Room|Rm|Flat|Floor|Level|Block|Blk|No\.?"
                             r"|Warehouse|Office|Shop|Shed|Godown|Moo|Soi)\s*+(?-i:[A-Z0-9])[\w-]{0,5}|#\d{1,3}-\d{1,4}),?\s*+$"
                             # the word before the number the street starts with: "Warehouse 14, Street 5"
                             r"|\b(?:\d{1,5}(?:/\d{1,5})?\s++)?(?:Warehouse|Unit|Office|Shop|Shed|Godown|Plot|Lot|Gat|Flat|Suite|Room"
                             r"|Block|Moo|Soi)\s*+(?:No\.?\s*+)?$"
                             # a postcode and the town before the street, as Russian addresses write them
                             r"|^\s*+\d{5,6},\s*+[^\d,]{2,30},\s*+$", re.IGNORECASE)


def _en_address(line: str) -> str | None:
    for start in _EN_START.finditer(line):
        rest = line[start.start():]
        end = _SENTENCE_END.search(rest, start.end() - start.start())
        span = rest[:end.start()] if end else rest
        segments = span.split(",")
        # words after the address are dropped, not a short part with its number ("…, sklad 4", "…, kv. 12")
        while len(segments) > 1 and _LOWER_SEGMENT.match(segments[-1]) \
                and not (len(segments[-1]) <= 16 and _DIGIT_IN.search(segments[-1])):
            segments.pop()
        span = ",".join(segments).strip(" .,")
        if len(span) > 160:
            continue
        unit = _EN_UNIT_BEFORE.search(line, max(0, start.start() - 40), start.start())
        if "," not in span[start.end() - start.start() - 1:] and not _POSTCODE.search(span) \
                and not (unit and _POSTCODE.search(unit.group(0))):
            continue
        return line[unit.start():start.start()] + span if unit else span
    return None


_DIGIT_IN = re.compile(r"\d")
# A Korean address: the province or city, the district, the road and its number ("서울특별시 강남구 테헤란로 123").
_KO_ADDRESS = re.compile(
    r"(?:[가-힣]{1,8}(?:특별시|광역시|특별자치시|특별자치도|도|시)\s++)?[가-힣]{1,8}(?:시|군|구)\s++(?:[가-힣0-9]{1,10}(?:동|읍|면)\s++)?"
    r"[가-힣0-9.]{1,16}(?:로|길)\s*+\d{1,5}(?:-\d{1,5})?(?:,?\s*+\d{1,4}(?:층|호|동))*")
_HANGUL = re.compile("[가-힣]")


_JP_POSTCODE_BEFORE = re.compile(r"〒\s*+\d{3}-?\d{4}\s*+$")


def _cjk_address(line: str) -> str | None:
    for start in _CJK_START.finditer(line):
        body = _CJK_BODY.match(line, start.start())
        span = body.group(0).rstrip() if body else ""
        if len(span) > start.end() - start.start() and _CJK_STREET.search(span, start.end() - start.start()) \
                and len(span) <= 120:
            postcode = _JP_POSTCODE_BEFORE.search(line, 0, start.start())  # "〒530-0001 大阪府…" keeps its postcode
            return line[postcode.start():start.start()] + span if postcode else span
    return None


_ADDRESS_HINT = re.compile(r"\d|园区|園區|工业|工業|项目部|項目部")


# Where the person and the number to call start after an address written on one line with them.
_CONTACT_AFTER = re.compile(r"\s++(?:收货人|收貨人|联系人|聯絡人|聯繫人|联系电话|聯絡電話|电话|電話|手机|手機|座机"
                            r"|(?i:tel|phone|mobile|mob|cell|attn|contact)\b)")


def _without_contact(span: str) -> str:
    """An address without the consignee and the number written after it on the line
    ("…工业北路2号 瑞丰数控 仓库 联系人高敏 0531-…", "…张江路100号 王工 13800000000")."""
    cut = _CONTACT_AFTER.search(span)
    if cut:
        span = span[:cut.start()]
    for phone in phones_in(span):
        if (phone.shaped or phone.labelled) and phone.start and span[phone.start - 1].isspace():
            span = span[:phone.start].rstrip()
            head, _, last = span.rpartition(" ")
            if head and (chinese_name(last) or _CN_TITLE_PERSON.match(last)):
                span = head  # "王工" before the number is the consignee
            break
    return span.rstrip(" ,，;；")


def address_in(line: str) -> str | None:
    """The address written on a line ("送到嘉兴市秀洲区洪兴路599号", "Ship to: 455 Research
    Blvd, Rockville, MD 20850"), as written, or None."""
    if len(line) > MAX_LINE or not _ADDRESS_HINT.search(line):
        return None
    line = line.strip()
    found = _cjk_address(line) if not line.isascii() else None
    if not found and not line.isascii() and _HANGUL.search(line):
        korean = _KO_ADDRESS.search(line)
        found = korean.group(0) if korean else None
    found = found or _en_address(line)
    if found:
        return _without_contact(found) or found
    label = _ADDRESS_LABEL.search(line)
    if label:  # "交貨地點：新竹科學園區力行六路8號": a labelled value with a street in it
        value = re.split(r"[，。；;！!？?]|\s{2,}|\t", line[label.end():], maxsplit=1)[0].strip()
        if value and _CJK_STREET.search(value) and len(value) <= 120:
            return value
        # "Dirección de entrega: Polígono Industrial Asipo, Calle B, Nave 7, 33428 Llanera, Asturias":
        # places written one after another with a postcode among them.
        value = value.strip(" .")
        if value.count(",") >= 2 and _POSTCODE.search(value) and len(value) <= 160 and value[:1].isupper():
            return value
    elif "地址" in line or "地點" in line or "地点" in line:
        # "地址还是老地方 永康五金城北区C座12号": the word without a colon, the place after a space or 是/在
        said = _ADDRESS_SAID.search(line)
        if said and _CJK_STREET.search(said["v"]):
            return said["v"]
    return None


_ADDRESS_SAID = re.compile(
    rf"(?:地址|地點|地点)(?:[^\s:：，。,;；\d]{{0,8}}?\s++|(?:是|为|為|在)\s*+)(?P<v>[{_HAN}][^\s，。；;！!？?、,()（）]{{3,60}})")


# ------------------------------------------------------------------- persons

_CN_PERSON = re.compile(rf"[{_HAN}·]{{2,4}}")
_JP_GIVEN = re.compile(rf"[{_HAN}]{{1,3}}")  # a Japanese given name may be one character: "佐藤 健"
_CN_TITLE_PERSON = re.compile(rf"^[{_HAN}]{{1,2}}(?:先生|女士|小姐|经理|經理|总|總|工|主任|老师|老師|姐|哥)$")
# Latin with its accents (Vietnamese Nguyễn, Polish Łukasz), and Cyrillic.
_UPPER, _LOWER = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿА-ЯЁ", "a-zß-öø-ÿĀ-ɏḀ-ỿа-яё"
# A given name and a surname, the surname maybe with its particles ("Pieter de Vries", "José de la Cruz").
_PARTICLES = r"(?:de|da|di|do|dos|das|del|della|van|von|der|den|ter|ten|le|la|du|bin|al|y)"
_EN_PERSON = re.compile(rf"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s++)?[{_UPPER}][{_LOWER}]+"
                        rf"(?:[ '-](?:{_PARTICLES} ){{0,2}}[{_UPPER}][{_LOWER}]*\.?){{0,2}}")
# Each alternative starts with a Han or kana character or with a Latin letter: a lookahead
# on the first character spares trying the other half at every position.
NOT_PERSON = re.compile(
    r"(?=[\u3000-\u9fff])(?:"
    r"部|科$|課$|处$|組$|组$|经理(?!.{0,1}$)|主管|总监|總監|主任|助理|专员|專員|采购|採購|購買|销售|銷售|营业|営業|財務|财务|客服|谢谢|謝謝"
    r"|此致|敬礼|祝|顺颂|商祺|您好|你好|公司|集团|有限|地址|电话|電話|手机|手機|邮箱|传真|附件|以上|如下|订单|訂單|中心|办公室|工厂|工場|仓库"
    r"|发自|發自|微信|样$|様$|殿$|御中|担当|担當|实验室|實驗室|课题组|課題組|学院|學院|大学|大學|医院|醫院)"
    r"|(?=[A-Za-zÀ-ÿ])(?:manager|director|purchas|procurement|department|dept|sales|team|officer|engineer|regards|thanks|thank"
    r"|sincerely|cheers|office|buyer|assistant|head|chief|ceo|cfo|coo|president|supervisor|company|limited|ltd"
    r"|inc\b|gmbh|trading|group|orders?\b|info\b|admin|service|support|noreply|no-reply|einkauf|purchasing|lead\b"
    r"|operations|logistics|account|planner|coordinator|specialist|executive|owner|founder|partner|\bsent\b|iphone"
    # the same in other languages: a buyer, purchasing, a department, a manager
    r"|inkoper|inkoop|einkäufer|vertrieb|verkauf|verkoop|leiter|geschäftsführ|abteilung|afdeling|comprador|compras"
    r"|ventas|departamento|gerente|\bjef[ae]\b|responsable|acheteu|achats|ventes|directeur|directrice|département"
    r"|acquisti|ufficio|direttore|diretor|\bsetor\b)"
    # Russian: a manager, a department, purchasing, supply, a director, an engineer
    r"|(?=[А-яЁё])(?:менеджер|отдел|директор|закуп|снабжен|руковод|инженер|специалист|начальник|бухгалт|уважением|спасибо)",
    re.IGNORECASE)
# Common Chinese surnames (simplified and traditional): a name in running text starts with one.
_SURNAMES = set(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣"
    "蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白邹鄒孟熊秦邱江尹薛闫閻段雷侯龙龍史陶黎"
    "贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐"
    "耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕"
    "屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应"
    "應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊乐樂冀郁胥南"
    "班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝郜海阚闞花权權强強帅帥屠豆朴隆")
_COMPOUND_SURNAMES = ("欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "慕容", "司徒", "皇甫", "令狐", "夏侯")
_NAME_TITLES = re.compile(r"(?:先生|女士|小姐|经理|經理|总|總|工|主任|老师|老師|姐|哥)$")


def chinese_name(token: str) -> bool:
    """A Chinese person's name as running text writes it: a surname and one or two
    characters ("孙喆", "何晓东"), or a surname with a title ("钱工", "王经理")."""
    if not 2 <= len(token) <= 4 or not _CN_PERSON.fullmatch(token):
        return False
    given = token[2:] if token.startswith(_COMPOUND_SURNAMES) else token[1:]
    if token[0] not in _SURNAMES and not token.startswith(_COMPOUND_SURNAMES):
        return False
    return bool(given) and (len(given) <= 2 or bool(_NAME_TITLES.search(given)))


_KO_SURNAMES = set("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄변채원천방공현함염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌")
_KO_PERSON = re.compile("[가-힣]{2,4}")
# Korean words of a title or a department, not a name: 구매팀, 영업부, 과장, 부장, 대리, 담당자, 감사합니다
_KO_NOT_PERSON = re.compile("(?:팀|부|과|실|님|회사|장|사원|대리|이사|주임|담당|담당자|감사합니다|드림|올림)$|^(?:구매|영업|자재|감사|안녕)")


def _korean_name(word: str) -> bool:
    """A Korean name: a surname and one to three syllables ("김민수", "남궁민")."""
    return bool(_KO_PERSON.fullmatch(word)) and word[0] in _KO_SURNAMES and not _KO_NOT_PERSON.search(word)


_TOKEN_SPLIT = re.compile(r"\s*+(?:[|/,，、｜]|\s[-–—]\s|\s{2,}|\t)\s*+")


def person_in(line: str, *, japanese: bool = False) -> str | None:
    """A person's name on a signature line: "王明", "购买部 王明", "Jane Doe", "山田 太郎" (Japanese)."""
    line = line.strip()
    if not line or len(line) > 80:
        return None
    if _EN_PERSON.fullmatch(line) and not NOT_PERSON.search(line):
        return line
    for segment in _TOKEN_SPLIT.split(line):
        if not segment or NOT_PERSON.search(segment) and not any(c.isspace() for c in segment):
            continue
        if _EN_PERSON.fullmatch(segment) and not NOT_PERSON.search(segment):
            return segment
        words = [w for w in segment.split() if w]
        for index, word in enumerate(words):
            if NOT_PERSON.search(word):
                continue
            if _CN_TITLE_PERSON.match(word):
                return word
            if "가" <= word[:1] <= "힣":
                if _korean_name(word):
                    return word
                if _KO_NOT_PERSON.search(word):
                    continue  # "구매팀 김민수": the department, then the name
            if _CN_PERSON.fullmatch(word):
                following = words[index + 1] if index + 1 < len(words) else ""
                if japanese and len(word) <= 3 and _JP_GIVEN.fullmatch(following) \
                        and not NOT_PERSON.search(following):
                    return f"{word} {following}"
                return word
            break
    return None


# ------------------------------------------------------------------ trailers

_TRAILER = re.compile(
    r"^\s*+[(（\[]?\s*+(?:发自我的|發自我的|来自我的|來自我的|发自|發自|Sent from my|Sent from|Get Outlook for|Von meinem|Envoyé de mon"
    r"|Enviado desde mi)[^\n]{0,40}?[)）\]]?\s*+$"
    # "从 Windows 版邮件发送", "從我的 iPad 發送": a mail program or a device said, then "sent"
    r"|^\s*+[(（\[]?\s*+(?:从|從|通过|通過)[^\n]{0,30}?(?:邮件|郵件|邮箱|郵箱|mail|iphone|ipad|android|客户端|客戶端|app|手机|手機|版)"
    r"[^\n]{0,10}?(?:发送|發送)\s*+[)）\]]?\s*+$", re.IGNORECASE)


def is_trailer(line: str) -> bool:
    """A line a mail client adds below the signature ("发自我的iPhone", "Sent from my iPhone", "（发自企业微信）")."""
    return len(line) <= 80 and bool(_TRAILER.match(line))
