"""Money, quantities, prepayment percentages and credit days, read from text.

Every number becomes a Decimal from its digits, never a float. Text is NFKC
normalised first: full-width digits and commas become ASCII, and ￥ (U+FFE5,
how GBK writes the yuan sign) becomes ¥. A stated number keeps the precision
it was written with ("¥1,200.00" → 1200.00); a 万/千/k multiple is given as a
whole number where it is one ("1.2万" → 12000).

Chinese numerals are read too, in everyday and capital (大写) forms: 二十,
两千, 一百五十, 一万二 (12000), 三千一百五十元, 壹佰贰拾叁元伍角, 二点五吨. cn2an
reads the whole part; it is given only runs of numeral characters, and a run
it refuses is no number. English number words read in quantities ("two sets").

Payment terms: the prepayment share (预付30%, 先付一半 → 50, 款到发货/全款/先款后货
→ 100) and the credit period (月结60天, net 60). Cash on delivery (货到付款, COD)
is prepayment 0 (nothing is paid before shipping) and no credit period (None:
no days are granted after delivery), unless the terms state a prepayment too
("预付30%，余款货到付款" is 30).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

from parsers.text import normalize
from parsers.traditional import with_traditional

__all__ = ["parse_amount", "parse_quantity", "parse_percent", "parse_credit_days",
           "is_vague_amount", "amount_unit", "chinese_number", "find_total",
           "CN_NUMERAL", "NUMBER_TEXT", "EN_NUMBER_WORDS", "QUANTITY_UNITS"]

# Continental Europe writes 12.225,00 and 48,90: a comma before exactly two digits at the end is a
# decimal comma (English thousands take three), and dots between groups of three are thousands.
_EUROPEAN = r"\d{1,3}(?:\.\d{3})++,\d{1,2}(?!\d)|\d{1,3}(?:[ \u00a0\u202f]\d{3})++,\d{2}(?!\d)|\d++,\d{2}(?![\d,])"
_NUMBER = rf"[+-]?(?:{_EUROPEAN}|(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?)"
_MULTIPLIERS = {"万": Decimal(10000), "千": Decimal(1000), "百": Decimal(100),
                "k": Decimal(1000), "K": Decimal(1000)}
# 千克 and 千米 are units (kg, km), not a thousand of 克 or 米.
_MULT = r"(?P<mult>万|千(?![克米瓦])|百|[kK](?![a-zA-Z]))"

_CN_DIGITS = "零〇一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
_CN_UNITS = "十拾百佰千仟万萬亿億"
# A run of Chinese numeral characters, with a decimal part after 点.
# It starts only where a run starts, so a long run costs one scan, not its square.
CN_NUMERAL = rf"(?<![{_CN_DIGITS}{_CN_UNITS}])[{_CN_DIGITS}{_CN_UNITS}]++(?:点[{_CN_DIGITS}]++[万萬亿億]?)?"
# A number in running text as written: digits (ASCII or full-width, \d reads
# both), a 万/千/百 multiple, or Chinese numerals.
NUMBER_TEXT = rf"(?:(?:{_EUROPEAN}|(?:\d{{1,3}}(?:,\d{{3}})++|\d++)(?:[.．]\d++)?)(?:\s*+[万千百](?![克米瓦]))?|{CN_NUMERAL})"
# Units a quantity in a sentence may carry; a number followed by one of these
# is a quantity ("二十台", "150 units"). 个 before 月/星期/小时 is a duration.
QUANTITY_UNITS = (
    "台", "套", "件", "箱", "吨", "米", "个", "只", "把", "张", "卷", "包", "桶", "支", "根", "条",
    "片", "瓶", "袋", "盒", "部", "辆", "双", "对", "组", "副", "块", "粒", "捆", "托", "扎", "罐",
    "千克", "公斤", "千米", "公里", "平方米", "平米", "立方米", "升", "吨位",
    "pcs", "pc", "pieces", "piece", "units", "unit", "sets", "set", "boxes", "box", "cartons",
    "carton", "ctns", "ctn", "rolls", "roll", "bags", "bag", "drums", "drum", "tons", "ton",
    "tonnes", "tonne", "meters", "meter", "metres", "metre", "kg", "kgs", "km", "pairs", "pair",
    "lots", "pallets", "pallet", "bottles", "bottle", "cases",
    "顶", "令", "樘", "扇", "株", "棵", "头", "匹", "座", "架", "枚", "颗", "盏", "幅", "本", "册", "听", "盘",
    "板", "串", "节", "轴", "方", "立方", "平方", "台套", "件套",
    "sqm", "m2", "reams", "ream", "coils", "coil", "sheets", "sheet", "bundles", "bundle", "crates", "crate",
    "kits", "kit", "dozens", "doz", "lengths", "spools", "spool", "barrels", "barrel", "cans", "tubes", "tube",
    # buyers abroad count in their own words: Stück, stuks, unidades, pezzi, pièces, 個
    "Stück", "Stk.", "Stk", "Stck", "Satz", "stuks", "stuk", "unidades", "unidad", "uds", "piezas", "pezzi",
    "pièces", "pcs.", "ea", "each", "個", "本",
)
QUANTITY_UNITS = with_traditional(QUANTITY_UNITS)  # 個, 條, 組, 噸 … as Hong Kong and Taiwan write them

_CN_FIXES = str.maketrans({"參": "叁", "兩": "两", "萬": "万", "億": "亿"})
_CN_RUN = re.compile(CN_NUMERAL)
_CN_FULL = re.compile(rf"[{_CN_DIGITS}{_CN_UNITS}]++")
_CN_FRACTION = re.compile(rf"[{_CN_DIGITS}]++")
_CN_DIGIT_VALUE = {c: i for i, c in enumerate("零一二三四五六七八九")}
_CN_DIGIT_VALUE.update({"〇": 0, "两": 2, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "肆": 4, "伍": 5,
                        "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9})
_CN_MAX = 24  # characters of one numeral run; no price or quantity is longer
MAX_VALUE = 200  # characters of an amount or quantity with its unit and note; a longer text is neither
MAX_TERMS = 1_000  # characters of payment terms read; terms are a sentence or two

# Currencies written as words before or after a figure: a buyer abroad writes theirs (USD 2.35, HK$ 1,200).
CURRENCY_CODES = (r"人民币|人民幣|港币|港幣|港元|美元|美金|欧元|歐元|日元|日圓|新台币|新台幣|台币|台幣"
                  r"|RMB|CNY|USD|US\$|HKD|HK\$|NTD|NT\$|TWD|EUR|GBP|JPY|SGD|S\$|AUD|A\$|CAD|C\$|CHF|MYR|THB|KRW|INR")
# After a figure: 元 and its colloquial forms, a currency code, or a currency's own word (円, 美元, euros).
_CURRENCY_WORDS_AFTER = (rf"元|块钱|块|圆|円|日元|美元|欧元|港元|港币|新台币|{CURRENCY_CODES}|yuan|dollars?|euros?|yen")
_AMOUNT_RE = re.compile(
    r"(?:每\s*+(?P<per0>[^\s\d/()]{1,4}?)\s*+)?"
    rf"(?:{CURRENCY_CODES})?\s*+[¥￥$€£]?\s*+(?P<num>{_NUMBER})\s*+{_MULT}?\s*+"
    rf"(?:{_CURRENCY_WORDS_AFTER})?(?:\s*+(?P<jiao>\d)\s*+角|(?<=块)(?P<jiao2>\d)(?![\d.]))?(?:\s*+(?P<fen>\d)\s*+分)?(?:整)?"
    r"\s*+(?:/\s*+(?:1\s*+)?(?P<per>[^\s\d/()]{1,6})|(?:(?<![\d.,])1|一)\s*+(?P<per1>[^\s\d/()]{1,3})|each|apiece|ea\."
    r"|(?:per|por|pro|par|je)\s++(?P<per2>[a-zà-ÿ]{1,12}))?"
    r"(?:\s*+\([^()]*\))?",  # a trailing note in brackets ("800元(含税)") does not change the amount
    re.IGNORECASE)
_QUANTITY_RE = re.compile(
    r"(?P<num>[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*+(?P<mult>万)?\s*+"
    r"(?P<unit>[^\s\d.,:;()+-][^\d:;()]{0,9}?)?(?:\s*+\([^()]*\))?")
_KNOWN_QUANTITY_RE = re.compile(
    r"(?P<num>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*+(?P<mult>万)?\s*+"
    rf"(?P<unit>{'|'.join(sorted(map(re.escape, QUANTITY_UNITS), key=len, reverse=True))})?(?:\s*+\([^()]*\))?",
    re.IGNORECASE)
_VAGUE_AMOUNT_RE = re.compile(
    r"面议|待定|待确认|待报价|另议|按合同|再议|\bTBD\b|\bTBC\b|to be (?:confirmed|determined|quoted|advised|agreed)|negotiable"
    r"|约|大约|大概|左右|上下|\babout\b|\bapprox|\baround\b|~", re.IGNORECASE)

_EN_NUMBERS = {word: n for n, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_EN_NUMBERS.update({"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                    "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "an": 1})
_EN_SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000}
EN_NUMBER_WORDS = "|".join(sorted([w for w in _EN_NUMBERS if len(w) > 2] + list(_EN_SCALES),
                                  key=len, reverse=True))
_EN_NUMBER_RE = re.compile(
    rf"(?P<words>(?:(?:{EN_NUMBER_WORDS}|an?)(?:[\s-]++(?:and[\s-]++)?)?)*(?:{EN_NUMBER_WORDS}))\b\s*+",
    re.IGNORECASE)

_PERCENT_RE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*+%")
_PREPAY_WORDS = re.compile(r"预付|预付款|定金|订金|首付|先付|prepay|advance|deposit|upfront|up-front|in advance"
                           r"|antecipad|anticipad|adelantad|Vorkasse|Anzahlung|acompte|à la commande|aanbetaling",
                           re.IGNORECASE)
_TERMS_CLAUSE = re.compile(r"[,，;；。]|\band\b")
_BALANCE_WORDS = re.compile(r"尾款|余款|balance|remaining|rest", re.IGNORECASE)
_FULL_PREPAY_RE = re.compile(
    r"全款|全额(?:预付|付款)|款到(?:后)?(?:即)?发货?|先款后货|先付款后发货|(?:收到|付清)(?:货款|全款|付款|款项)?后(?:再)?发货|100%\s*(?:预付|prepay|advance|T/?T)"
    r"|full (?:prepayment|payment in advance|payment before (?:shipment|delivery|dispatch))|(?<!% )payment in advance"
    r"|(?:payment|paid|pay) in full (?:in advance|before|prior to|upfront)|100% (?:payment )?before"
    r"|cash in advance|\bCIA\b|\bCWO\b|^\s*+T/?T in advance\s*+$|^\s*+(?:advance payment|payment in advance) by T/?T\s*+$"
    r"|100% against proforma", re.IGNORECASE)
_AFTER_RECEIPT = re.compile(r"到货|货到|验收|收货|安装|after (?:delivery|receipt|acceptance)|upon (?:delivery|receipt)", re.IGNORECASE)
_COD_RE = re.compile(r"货到(?:后)?付(?:款|清|全款)|货到全款|到货(?:后)?付(?:款|清)|cash on delivery|\bCOD\b|payment on delivery"
                     r"|pay(?:ment)? (?:up)?on (?:delivery|receipt of (?:the )?goods)", re.IGNORECASE)
_HALF_RE = re.compile(r"(?:先付|预付|定金|订金|首付)\s*+一半|一半\s*+(?:预付|定金|订金|首付)|half (?:in advance|prepay|upfront|deposit)"
                      r"|(?:50/50)", re.IGNORECASE)
# 百分之三十 → 30%, 三成 → 30%
_CN_PERCENT_RE = re.compile(rf"百分之\s*+({CN_NUMERAL}|\d+(?:\.\d+)?)|(?<![{_CN_DIGITS}])([一二三四五六七八九])\s*+成(?!品|本|交|套|型)")
_CREDIT_RES = tuple(re.compile(p, re.IGNORECASE) for p in (
    r"(?:账期|帳期|月结|月結|信用期|付款期|结算期|結算期)\s*+(\d{1,3})\s*+(?:天|日)",
    r"(?<!\d)(\d{1,3})\s*+(?:天|日)\s*+(?:账期|帳期|月结|月結|信用期|内付款|內付款|内付清|內付清|付款|结算|結算)",
    r"(?:货到|貨到|票到)\s*+(?:后\s*+|後\s*+)?(\d{1,3})\s*+(?:天|日)",
    r"(?:开票|開票|发票|發票|收到发票|见票|見票|收票|验收|驗收|検収|到货|到貨|收货|收貨|发货|發貨|納品)\s*+(?:后\s*+|後\s*+)?(\d{1,3})\s*+(?:天|日)",
    r"\bnet\s*+-?\s*+(\d{1,3})\b",
    r"(?:credit|within|terms?)\D{0,12}?(\d{1,3})\s*+days?",
    r"(?<!\d)(\d{1,3})\s*+(?:days?|Tage)\s*+(?:credit|net|netto|after|from|payment|nach)",
    r"(?:zahlbar\s++)?(?:innerhalb|binnen)\s++(\d{1,3})\s*+Tage",
    r"(?<!\d)(\d{1,3})\s*+(?:dias|días|Tage|days|jours|dagen|giorni)\s*+(?:após|apos|después|despues|nach|after|après|na)\b",
))
# A period of days with no other word, in a text already known to be payment terms ("T/T 30 days",
# "monthly settlement, 30 days"): the credit period, unless it counts down to shipment.
_TERMS_DAYS = re.compile(r"(?<![\d.%])(\d{1,3})\s*+(?:天|日|days?|Tage|d[ií]as|jours|dagen|giorni)(?!\s*+(?:前|before|prior|in advance|vor))",
                         re.IGNORECASE)
_TOTAL_RE = re.compile(
    r"(?:共计|合计|总计|总共|一共|总价|总金额|总额|货款总额|价税合计|\btotal(?:\s++(?:amount|price|value|cost))?\b)"
    r"\s*+(?:金额|货款)?\s*+(?:为|是|:|：|of|is)?\s*+"
    rf"(?P<amount>(?:{CURRENCY_CODES}|[¥￥$€£])?\s*+{NUMBER_TEXT}\s*+(?:元|块钱|块|圆|RMB|CNY|USD|EUR|yuan)?)",
    re.IGNORECASE)


def _number(digits: str) -> Decimal | None:
    if re.fullmatch(_EUROPEAN, digits.lstrip("+-")):
        digits = re.sub(r"[.\s]", "", digits).replace(",", ".")  # 12.225,00 and 6 240,00
    try:
        return Decimal(digits.replace(",", ""))
    except InvalidOperation:
        return None


def _times(value: Decimal, mult: str | None) -> Decimal:
    if not mult:
        return value
    value = value * _MULTIPLIERS[mult]
    # "1.2万" is 12000, not 12000.0: the multiple was a way of writing a whole number.
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _cn_integer(run: str) -> int | None:
    if len(run) > _CN_MAX:
        return None
    try:  # cn2an raises on what it cannot read (十十, 万万, a lone 百) and may return a float
        found = cn2an.cn2an(run, "smart")
    except Exception:
        return None
    if isinstance(found, float):
        return int(found) if found.is_integer() else None
    return found if isinstance(found, int) else None


def chinese_number(text: str) -> Decimal | None:
    """A number written in Chinese numerals: 二十 → 20, 两千 → 2000, 一万二 → 12000,
    壹佰贰拾叁 → 123, 二点五 → 2.5, 一点五万 → 15000; None for anything else."""
    run = text.strip().translate(_CN_FIXES)
    whole, point, fraction = run.partition("点")
    if point and not fraction:
        return None
    if not whole or whole[0] in "百佰千仟万亿" or not _CN_FULL.fullmatch(whole):
        return None  # a lone 百 or 万 is no number (and cn2an would only raise)
    value = _cn_integer(whole)
    if value is None:
        return None
    if not fraction:
        return Decimal(value)
    scale = None
    if fraction[-1] in "万亿":
        scale, fraction = (Decimal(10000) if fraction[-1] == "万" else Decimal(10) ** 8), fraction[:-1]
    if not fraction or not _CN_FRACTION.fullmatch(fraction) or len(fraction) > _CN_MAX:
        return None
    found = Decimal(f"{value}.{''.join(str(_CN_DIGIT_VALUE[c]) for c in fraction)}")
    if scale is not None:
        found *= scale
        found = found.quantize(Decimal(1)) if found == found.to_integral_value() else found.normalize()
    return found


def _arabic_run(match: re.Match) -> str:
    run = match.group(0)
    # A lone multiple after digits ("5万", "3千") is the Arabic reader's; so is 千 in 千克.
    if run[0] in "百佰千仟万萬亿億":
        return run
    following = match.string[match.end():match.end() + 1]
    if run == "一" and match.string[match.start() - 1:match.start()].isdigit():
        return run  # "1200一台": the price of one 台, not the figure 12001
    if run[-1] in "千仟" and following in ("克", "米", "瓦") and len(run) > 1:
        return _arabic_run_text(run[:-1]) + run[-1]
    # "一千二一台", "八百五一个": a colloquial price, then 一 and the unit it is the price of
    # (only after an elided figure, 千二 = 1200: "三十一台" stays 31 台)
    if (run[-1] == "一" and len(run) > 2 and run[-3] in "百佰千仟万萬" and run[-2] in _CN_DIGITS
            and following and following not in _CN_DIGITS + _CN_UNITS + "点"):
        value = chinese_number(run[:-1])
        if value is not None:
            return f"{format(value, 'f')}一"
    return _arabic_run_text(run)


def _arabic_run_text(run: str) -> str:
    value = chinese_number(run)
    return run if value is None else format(value, "f")


def _arabic(text: str) -> str:
    """Chinese numerals as Arabic digits: "三千一百五十元" → "3150元"."""
    return _CN_RUN.sub(_arabic_run, text) if any(c in _CN_DIGITS or c in _CN_UNITS for c in text) else text


def _english(text: str) -> str:
    """A leading English number: "two sets" → "2 sets", "a dozen boxes" → "12 boxes"."""
    match = _EN_NUMBER_RE.match(text)
    if not match:
        return text
    total, current = 0, 0
    for word in re.split(r"[\s-]+", match["words"].lower()):
        if word in ("and", ""):
            continue
        if word in _EN_SCALES:
            current = (current or 1) * _EN_SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
        else:
            current += _EN_NUMBERS[word]
    return f"{total + current} {text[match.end():]}".strip()


def _amount_match(text: str) -> re.Match | None:
    text = normalize(text)
    return _AMOUNT_RE.fullmatch(_arabic(text)) if len(text) <= MAX_VALUE else None


def parse_amount(text: str) -> Decimal | None:
    """An amount of money, or None when the text is not one.

    "50,000元", "¥1,200.00", "RMB 3,600", "CNY 800", "5万元", "1.2万", "3千元",
    "0元", "800", "500元/台" (a price per unit: see `amount_unit`), "三千一百五十元",
    "每台三千一百五十元", "RMB 1,280 each", "人民币叁仟壹佰伍拾元整", "45元一个".
    """
    match = _amount_match(text)
    if not match:
        return None
    value = _number(match["num"])
    if value is None:
        return None
    if match["jiao"] or match["jiao2"] or match["fen"]:
        if match["mult"]:
            return None
        value += Decimal(match["jiao"] or match["jiao2"] or 0) / 10 + Decimal(match["fen"] or 0) / 100
        return value
    return _times(value, match["mult"])


def amount_unit(text: str) -> str | None:
    """The unit of a price written per unit: "500元/台" → "台", "每台3150元" → "台"."""
    match = _amount_match(text)
    if not match:
        return None
    return match["per"] or match["per0"] or match["per1"] or match["per2"] or None


def parse_quantity(text: str) -> tuple[Decimal, str | None] | None:
    """A quantity and its unit, or None: "100台", "100 pcs", "1,000件", "2.5吨", "1万件",
    "二十台", "两百个", "１００台", "two sets".

    A number in words or Chinese numerals counts only with a known unit word
    (QUANTITY_UNITS) or none: "一次性手套" and "一、电气类" are no quantities."""
    text = normalize(text)
    if len(text) > MAX_VALUE:
        return None
    text = _SPELLED_AND_FIGURE.sub(r"\1", text)  # "ten (10) pcs", as contracts write it: the figure
    match = _QUANTITY_RE.fullmatch(text)
    if match is None:
        converted = _english(_arabic(text))
        match = _KNOWN_QUANTITY_RE.fullmatch(converted) if converted != text else None
    if not match:
        return None
    value = _number(match["num"])
    if value is None:
        return None
    unit = (match["unit"] or "").strip() or None
    if unit and _DOT_THOUSANDS.fullmatch(match["num"]) and not _MEASURE.match(unit):
        value = _number(match["num"].replace(".", ""))  # "1.000 Stück": nobody orders a thousandth of a piece
    return _times(value, match["mult"]), unit


_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
# Units that measure rather than count: their quantities may have decimals ("1.250 t", "2.500 kg").
_MEASURE = re.compile(r"(?:k?g|t|mm|cm|km|m|m2|m3|ml|l|lbs?|ft|yd|oz|gal|吨|噸|公斤|千克|克|米|公尺|升|毫升|斤|平方|立方|㎡|㎥|码|碼)"
                      r"(?![A-Za-z])", re.IGNORECASE)


_SPELLED_AND_FIGURE = re.compile(r"^[A-Za-z][A-Za-z -]{2,40}?\s*+\((\d[\d,.]*)\)")


def is_vague_amount(text: str) -> bool:
    """Words that stand for a number not yet fixed: 面议, 待定, 约100, about 100."""
    return bool(_VAGUE_AMOUNT_RE.search(normalize(text)))


def find_total(text: str) -> str | None:
    """The amount after a total word in running text: "共计63,000元" → "63,000元",
    "合计：三千元整" → "三千元"; None when there is no total of money."""
    match = _TOTAL_RE.search(text)
    if not match:
        return None
    amount = match["amount"].strip()
    marked = re.search(rf"元|块|圆|yuan|[¥￥$€£]|{CURRENCY_CODES}", amount, re.IGNORECASE)
    return amount if marked and parse_amount(amount) is not None else None


def _percent_words(text: str) -> str:
    def percent(match: re.Match) -> str:
        if match[1]:
            value = _number(match[1]) if match[1][0].isdigit() else chinese_number(match[1])
        else:
            value = Decimal(_CN_DIGIT_VALUE[match[2]] * 10)
        return f"{value}%" if value is not None else match[0]
    return _CN_PERCENT_RE.sub(percent, text) if ("百分之" in text or "成" in text) else text


def parse_percent(text: str) -> Decimal | None:
    """The prepayment percentage in payment terms: "预付30%", "30% prepayment",
    "30%预付，70%发货前付清" (the share next to a prepayment word wins),
    "先付一半" → 50, "预付百分之三十" → 30, "款到发货"/"全款"/"先款后货" → 100,
    "货到付款" (cash on delivery) → 0."""
    text = _percent_words(normalize(text)[:MAX_TERMS])
    found = list(_PERCENT_RE.finditer(text))
    for clause in _TERMS_CLAUSE.split(text) if len(found) > 1 else ():
        shares = _PERCENT_RE.findall(clause)
        if len(shares) == 1 and _PREPAY_WORDS.search(clause) and not _BALANCE_WORDS.search(clause):
            return _number(shares[0])  # "T/T 30% in advance, 70% against B/L copy"
    for match in found:
        around = text[max(0, match.start() - 8):match.end() + 20]  # "30% T/T in advance"
        if _PREPAY_WORDS.search(around) and not _BALANCE_WORDS.search(
                text[max(0, match.start() - 4):match.start()]):
            return _number(match[1])
    if len(found) == 1 and not _BALANCE_WORDS.search(text) and not _COD_RE.search(text):
        return _number(found[0][1])
    if _HALF_RE.search(text):
        return Decimal(50)
    if _COD_RE.search(text):
        return Decimal(0)
    full = _FULL_PREPAY_RE.search(text)
    if full and not _AFTER_RECEIPT.search(text, 0, full.start()):  # "验收合格后…支付全款" is paid after, not before
        return Decimal(100)
    return None


def parse_credit_days(text: str) -> int | None:
    """The credit period in days: "账期30天", "月结60天", "net 30", "30天账期",
    "货到后30天付款"; None when no period of days is granted (款到发货, 货到付款,
    余款发货前付清)."""
    text = _arabic(normalize(text)[:MAX_TERMS])  # 月结三十天 is 月结30天
    for pattern in _CREDIT_RES:
        match = pattern.search(text)
        if match:
            return int(match[1])
    days = {match[1] for match in _TERMS_DAYS.finditer(text)}
    if len(days) == 1 and not _PREPAY_WORDS.search(text):
        return int(days.pop())
    return None
