"""Orders written as sentences → the same label/value pairs a form gives.

    需要订购QW型潜水排污泵二十台，每台三千一百五十元，要求10月15日前送到。
    我司拟采购不锈钢法兰DN50 两百个，单价45元，货到后30天付款。
    Please supply 150 units of hydraulic pump HP-200 at RMB 1,280 each, delivery by 15 October 2023.
    We'd like to order 2 sets of X and 30 pcs of Y.

The text is cut into sentences (。！？；, a full stop before a blank, a line
end) and each sentence into clauses (，、 and a comma that is no thousands
separator). A line item is a quantity (a number and a unit word: 二十台, 150
units, 30 pcs, "100 x") with the product written before it ("不锈钢法兰DN50
两百个") or after it ("150 units of hydraulic pump HP-200"). Items are read
only where the writer orders: a sentence with an order verb (订购, 采购, 需要,
order, supply, need …), or the lines after one that announces a list (如下,
以下, as follows). Questions (？, 吗, 多少, how much), requests for a quotation
and refusals (不需要, don't) order nothing.

A price in the clause of an item, or in a later clause (每台三千一百五十元, 单价45元,
45元/个, at RMB 1,280 each), is that item's unit price; a spec in a clause of
its own ("型号GL-J302", "规格YJV 3×95+2×50") is the spec of the item before it;
"两千米" at a price per 米 is 2000 米. Order-level facts are read from their own
clauses: the delivery date (a delivery word and a date or a vague time:
要求10月15日前送到, delivery by 15 October, 请尽快发货 — but not "请尽快回复"), the
delivery address (送货到广州市…, "delivered … to our warehouse at …"), the
payment terms (from the first clause that states a term, without a label or
lead-in: "付款按老规矩，月结30天" → "月结30天"), a total of money (共计63,000元),
freight (运费200元) and packing or document requests (需防潮包装, 随货附合格证).

Product name and spec: a code-like token (letters and digits such as HP-200,
DN50, QW-150, HW200×200) at the end or the start of the product is its spec
when a name remains beside it ("hydraulic pump HP-200" → name "hydraulic pump",
spec "HP-200"; "不锈钢法兰DN50" → "不锈钢法兰" + "DN50"). A code that is part of
a type name stays in the name ("QW型潜水排污泵", "QW150型水泵"), and a product
written only as a code is its name. Prose never says which code is the seller's
item code, so nothing goes to sku.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsers.amounts import CURRENCY_CODES, CN_NUMERAL, EN_NUMBER_WORDS, NUMBER_TEXT, QUANTITY_UNITS, find_total
from parsers.dates import read_date
from parsers.item_codes import bracketed_codes
from parsers.labels import LABEL_RE, Label, unspaced_label
from parsers.order_text import Pair
from parsers.traditional import with_traditional

__all__ = ["prose_pairs"]

MAX_PROSE = 20_000  # characters read; an order written in sentences is far shorter
MAX_PRODUCT = 60  # characters of a product's wording
MAX_CLAUSE = 400  # a longer "clause" is no sentence about an order

# Latin-script units in lower case (the quantity scan runs over lower-cased text: "40 Stück" → "stück").
_LATIN = re.compile(r"[A-Za-zÀ-ÿ.]+")
_ASCII_UNITS = sorted({u.lower() for u in QUANTITY_UNITS if _LATIN.fullmatch(u)}, key=len, reverse=True)
_CJK_UNITS = sorted((u for u in QUANTITY_UNITS if not _LATIN.fullmatch(u)), key=len, reverse=True)
_UNIT = (rf"(?:{'|'.join(map(re.escape, _CJK_UNITS))})(?!月|星期|礼拜|小时|钟头|工作日|季度|人|次|事|问题)"
         rf"|(?:{'|'.join(map(re.escape, _ASCII_UNITS))})(?![A-Za-z])"
         r"|(?<=\s)m(?![A-Za-z0-9²³])")  # "40 m" of belt, set apart by a space ("3M" is a brand)
# A quantity: a number not inside a code ("HP-200") and a unit word after it.
_QUANTITY = re.compile(
    rf"(?<![A-Za-z0-9.,\-/#_×*第])(?P<num>{NUMBER_TEXT}|(?<![A-Za-z])(?:{EN_NUMBER_WORDS})(?:[\s-]++(?:{EN_NUMBER_WORDS}))*+)"
    rf"\s*+(?P<unit>{_UNIT})"
    r"|(?<![A-Za-z0-9.,\-/#_×*])(?P<xnum>\d++)\s++[x×]\s++(?=[A-Za-z\u4e00-\u9fff])",
    re.IGNORECASE)
_NUMBER_HINT = re.compile(r"[\d零〇一二两兩三四五六七八九十百千万萬亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟]")
_EN_NUMBER_HINT = re.compile(r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty"
                             r"|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen")
_QUANTITY_LOWER = re.compile(_QUANTITY.pattern)
# "一个报价", "两个问题": a lone small numeral and a generic measure word is no order of goods.
_GENERIC_COUNT = re.compile(r"[一两几]\s*+(?:个|件|张|只|把|条|份)")

_ORDER_VERBS = with_traditional("订购 采购 购买 订货 订做 定做 定购 预订 预定 下单 下个单 下一单 下张单 再加 再补 请安排 麻烦安排 烦请安排 求购 需要 想要 加订 补订 追加 再订 购置 进货 备货 供应 "
                                 "帮我安排 给我安排 再来 再要 再订 再发".split())
_CN_VERB = re.compile(rf"(?:{'|'.join(sorted(_ORDER_VERBS, key=len, reverse=True))})++"
                      r"|(?<=[们我请再])发(?![货票布表言生出现送])"
                      r"|(?<![签预修])订(?![单金])|(?<![采选收])购(?![物销])|(?<![收])买(?![家方])"
                      r"|(?<![需想主重只必摘纲不])要(?![求点是])|(?<![必所不])需(?![求要])"
                      r"|(?<![出起过回带])来(?=\s*+[一二两三四五六七八九十百千\d０-９])"  # "控制板来两百个"
                      r"|(?<![修弥填候])补(?=\s*+[一二两三四五六七八九十百千\d０-９])")  # "A产品再补50台"
_EN_VERB = re.compile(
    r"\b(?:order(?:ing)?|purchas(?:e|ing)|buy(?:ing)?|supply|need|require|want|send|ship|deliver|provide"
    r"|book|procure|reserve|place an order for|go ahead with|proceed with|confirm (?:the|our) order for"
    # the buyer's own language: German, Dutch, Spanish, French, Italian
    r"|bestellen|bestelle|bestellt|bestel|bestellen wir|pedido|pedimos|solicitamos|suministren|env[ií]en|commandons|commander"
    r"|ordiniamo)\b(?:\s++(?:us|me|to us|the following|following|another"
    r"|additional|further|an additional|a further))*+", re.IGNORECASE)
_LIST_INTRO = re.compile(r"如下|以下|下列|下面|下述|as follows|the following(?: items?| products?| goods)?\s*+[:：]|following items"
                         r"|\b(?:order|items?|goods|products?|list(?:ed)?|quantities|lines?|as)\s++below\b"
                         r"|\b(?:el siguiente|los siguientes|folgende|nachstehende|volgende|ci-dessous|suivante)",
                         re.IGNORECASE)
_QUESTION = re.compile(
    r"[？?]|吗|呢\s*$|多少|几时|几天|是否|能否|可否|可不可以|能不能|有没有|有货|询价|报个价|价格表"
    r"|请(?:贵司|您|你们)?(?:报价|提供报价|报一下价)|how much|how many|how long|could you (?:please )?(?:quote|tell|let)"
    r"|\bRFQ\b|price list|(?:please |kindly )quote\b(?!\s++(?:our|the|this|your)\s++(?:po|p\.o\.|order|reference|ref))|quot(?:e|ation) for|request(?:ing)? (?:a |for )?(?:quot|price)"
    r"|send (?:us )?(?:a |your )?(?:quot|price)|do you have|is it possible|in stock|availability|\bif you can\b"
    r"|\bwhether\b", re.IGNORECASE)
# Asking for the price of the item just ordered: its price is not fixed yet.
_QUOTE_THE_PRICE = re.compile(r"quote (?:the |your |a )?(?:unit )?price|(?:报|报一下|给个)(?:个)?(?:单价|价格|价)", re.IGNORECASE)
# A refusal or a condition ("如需订购…请联系", "if you order 10 sets") orders nothing.
_REFUSAL = re.compile(r"不需要|不要|无需|不用|取消|暂不|不再|如果|如需|若需|若要|假如|倘若|don'?t|do not|no longer|cancel"
                      r"|not need|\bif\b|\bshould you\b|\bunless\b", re.IGNORECASE)
_NOT_GOODS = re.compile(
    r"^(?:订单|报价|报价单|问题|事情?|回复|答复|邮件|电话|合同|发票|时间|机会|价格|清单|名单|方案|图纸|文件|附件|账单"
    r"|以上|以下|左右|起|即可|可以?|就|才|的话|免费|优惠|折扣)"
    r"|^(?:quote|quotation|question|reply|invoice|e-?mail|contract|call|meeting|orders?|offer|price|list|days?|weeks?"
    r"|months?|years?|hours?|now|today|tomorrow|again|please|and|or|to|get|from|in|on|at|per|each|more|less|than"
    r"|off|free|only|just|or more|minimum)\b", re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:RMB|CNY|USD|HKD|EUR|GBP|JPY|[¥￥$€£]|人民币)\s*+$", re.IGNORECASE)
_NOISE = re.compile(r"[\w.+-]@[\w-]+\.[A-Za-z]|https?:|www\.|电话|手机|传真|地址|邮编|tel\b|phone|fax|mobile|address", re.IGNORECASE)

# The currencies a price is written in (a buyer abroad pays in theirs): before or after the figure.
_CURRENCY = rf"(?:{CURRENCY_CODES}|[¥￥$€£])"
_CURRENCY_AFTER = r"(?:元|块钱|RMB|CNY|USD|HKD|EUR|GBP|JPY|yuan|dollars?|euros?)"
_MONEY_MARKED = (rf"(?:{_CURRENCY}\s*+{NUMBER_TEXT}(?:\s*+{_CURRENCY_AFTER})?"
                 rf"|{NUMBER_TEXT}\s*+{_CURRENCY_AFTER}(?:\s*+整)?)")
_GLUED_AFTER = re.compile(r"[\u4e00-\u9fff]")
_COLLOQUIAL_YUAN = re.compile(r"[\d.,]+\s*+(?:块|塊)(?:\d(?![\d.]))?")
_PER_UNIT_PRICE = re.compile(r"(?:[\d.,]+|[一二两三四五六七八九十百千万]+)\s*+(?:(?:块|塊)\d|块|塊|元)?\s*+一\s*+[^\s\d，,。；;、]")
# "一千二一台", "八百五一个": a colloquial figure whose last digit drops its unit, then the unit priced.
_ELIDED = r"[一二两三四五六七八九十]++[百千万][一二两三四五六七八九](?=一)"
_JIAO = r"(?:\s*+[\d一二两三四五六七八九]\s*+角|(?<=块)\d(?!\d))?"  # "十二元五角": 12.5; "3块5": 3.5
_MONEY = rf"(?:{_CURRENCY}?\s*+{NUMBER_TEXT}(?:\s*+(?:{_CURRENCY_AFTER}|块){_JIAO})?(?:\s*+整)?)"
_PER = r"(?:千克|公斤|[A-Za-z]++|[^\s\d，,。；;、]{1,2}?)"
_PRICE_WORDS = "|".join(sorted(with_traditional(["含税单价", "不含税单价", "单价", "价格", "售价"]), key=len, reverse=True))
_PRICE = re.compile(
    rf"(?:{_PRICE_WORDS}|unit\s++price|price)\s*+"
    rf"(?:还是|仍是|仍为|照旧|(?:还|仍)?按(?:上次|上回|之前|原来|原价)?的?|为|是|:|：|of|is|at)?\s*+"
    rf"(?P<v1>{_MONEY}(?:\s*+/\s*+{_PER})?)"
    rf"|(?P<v2>每\s*+{_PER}\s*+(?:为|是)?\s*+{_MONEY})"
    rf"|(?P<v3>{_MONEY_MARKED}\s*+(?:/\s*+{_PER}|一\s*+{_PER}|each\b|apiece\b|(?:per|por|pro|par|je)\s++[a-zà-ÿ]++))"
    rf"|(?:\bat\b(?:\s++(?:the|a|an))?|@)\s*+(?P<v4>{_MONEY_MARKED})"
    rf"|(?P<v5>(?:{NUMBER_TEXT}|{_ELIDED})\s*+(?:(?:块|塊)\d|块|塊|元)?\s*+一\s*+{_PER})"  # "还是1200一台": a figure for one unit is its price
    # "zu je 49,50 EUR", "à EUR 12,80", "a 14,20 € la unidad": each unit's price
    rf"|(?:\b(?:zu\s++)?je|\bà|\bpor\s++unidad\s++a?|\bper\s++stuk)\s*+(?P<v7>{_MONEY_MARKED})"
    # "单价待定", "price to be confirmed": a price not fixed yet (the clarification asks for it)
    rf"|(?:{_PRICE_WORDS}|unit\s++price|price)\s*+(?:为|是|:|：|is)?\s*+(?P<v6>待定|面议|另议|待确认|待报价|TBD|TBC"
    r"|to be (?:confirmed|quoted|advised|agreed))",
    re.IGNORECASE)
# A line's own total after its quantity and price: "金额25000元", "小计：1,200元", "amount USD 3,525".
_LINE_AMOUNT = re.compile(rf"^(?:金额|小计|计|共|合计|共计|amount|subtotal|line total)\s*+(?:为|是|:|：)?\s*+(?P<v>{_MONEY_MARKED}|{_MONEY})"
                          r"\s*+(?:[（(][^（）()]*[)）])?\s*+$",
                          re.IGNORECASE)
_SENTENCE_TOTAL = re.compile(r"^(?:合计|共计)")  # a total word that sums the order unless its item is in the sentence
_FREIGHT = re.compile(rf"(?:运费|物流费|快递费|freight(?: costs?| charges?)?|shipping (?:fee|cost|charge)s?|transport(?:ation)? (?:costs?|charges?)"
                      rf"|delivery (?:fee|charge)s?|carriage|Frachtkosten|Fracht|Versandkosten|Transportkosten|portes|gastos de env[ií]o)"
                      r"(?:\s++(?:to|for)\s++[^:：\d\n]{1,30}?)?"  # "Sea freight to Laem Chabang: USD 450.00"
                      rf"\s*+(?:为|是|:|：|of|is)?\s*+(?P<v>{_MONEY_MARKED})",
                      re.IGNORECASE)

_FREE_FREIGHT = re.compile(r"运费由(?:贵司|你们|你司|贵方|卖方|供方)(?:承担|负责|出)|包邮|免运费|运费全免|免费送货|送货上门不收运费"
                           r"|free (?:shipping|delivery|freight)|freight (?:free|prepaid|included|paid by you)|carriage paid",
                           re.IGNORECASE)
_DISCOUNT = re.compile(rf"(?:优惠|折扣|让利|减免|discount)\s*+(?:为|是|:|：|of|is)?\s*+(?P<v>{_MONEY_MARKED})", re.IGNORECASE)
_PAYABLE = re.compile(rf"(?:实付|应付|实际支付)(?:金额|总额|合计|款|总计)?\s*+(?:为|是|:|：)?\s*+(?P<v>{_MONEY_MARKED})")
_GOODS_TOTAL = re.compile(r"货款(?:合计|总额|总计)|商品(?:合计|总额|总价)|sub-?total|goods total", re.IGNORECASE)
_DELIVERY_WORDS = re.compile(
    r"送到|送达|送至|到货|交货|交付|发货|发出|供货|到厂|送货|交期|货期|到位|运到|运抵|出货|提货|备货|安排生产"
    # "下周五前需要一批货", "6月18号前到", "我们下周五要用": the time the goods are needed by
    r"|前\s*+(?:需要|要|需|给我|給我|安排|到|送|交|发|運|运)|(?:要|需要|急)用(?!途)"
    r"|deliver|delivery|ship|dispatch|arriv|required by|needed by|need (?:it|them|the goods|these|this)\b|lead time",
    re.IGNORECASE)
_PAYMENT_WORDS = re.compile(
    r"付款|预付|先付|定金|订金|首付|尾款|余款|款到|月结|账期|结算|先款|全款|付清|结清|支付|汇款|电汇|货到付|现金"
    r"|payment|prepay|deposit|\bnet\s*+-?\s*+\d|\bT/?T\b|\bL/?C\b|\bCOD\b|cash on delivery|in advance"
    r"|credit (?:terms|period|days)|on credit|balance\s++(?:payment|due|before|after|against|on|upon|within|by|in)"
    r"|\d\s*+%\s*+balance",
    re.IGNORECASE)
_COMPANY = re.compile(r"有限公司|公司|集团|厂$|\b(?:Ltd|Inc|GmbH|LLC|Co\.)(?![A-Za-z])", re.IGNORECASE)
# Packing, marking, documents and tests a customer asks for, in the languages buyers write.
_NOTE_WORDS = ("包装 木箱 装箱 纸箱 外箱 防潮 防锈 防震 标签 唛头 保护膜 合格证 质检报告 检测报告 检验报告 材质证明 说明书 随货 标识 喷码 "
               "坡口 管帽 贴上 "
               "packing packaging pallet label crate carton certificate test report marking mark inspection "
               "zeugnis verpack etikett kennzeichn palette prüfbericht "
               "certificado embalaje etiqueta palé certificaat verpakking etiket "
               "paperwork lieferschein "
               "梱包 ラベル 成績書 証明書 添付").split()
_NOTES_WORDS = re.compile("|".join(rf"\b{re.escape(word)}" if word.isascii() and len(word) < 6 else re.escape(word)
                                   for word in with_traditional(_NOTE_WORDS)), re.IGNORECASE)
# "型号GL-J302", "规格YJV 3×95+2×50", "(model PW-2HP)": the spec of the item just named.
_SPEC_CLAUSE = re.compile(r"^(?:规格型号|规格型號|型号|型號|规格|規格|尺寸|材质|材質|modelo|model|size|spec(?:ification)?|type|Typ"
                          r"|Ausführung|Größe|tipo|medida|maat|afmeting|uitvoering|型式|型番)\s*+(?:为|是|:|：)?\s*+(?P<v>\S.*)$",
                          re.IGNORECASE)
_SPEC_LEAD = re.compile(r"^[(（]?\s*+(?:规格型号|型号|规格|尺寸|model|size|spec(?:ification)?|type)?\s*+[:：]?\s*+", re.IGNORECASE)
# Where the goods go: "送货到广州市…", "delivered … to our warehouse at Industriestrasse 12, …".
_SHIP_WORDS = "|".join(with_traditional("送货到 送到 送至 送达 运到 运至 发到 发至 寄到 寄至 交货地点 交货地址 送货地址".split()))
_CN_SHIP_TO = re.compile(rf"(?:{_SHIP_WORDS}"
                         r"|(?:^|(?<=[前后日号]))送(?=[\u4e00-\u9fff]{2,8}?(?:省|市|区|县)))\s*+(?:为|是|:|：)?\s*+"
                         r"(?P<a>[^，,。；;！!？?]{4,80})")
_EN_SHIP_TO = re.compile(
    r"\b(?:deliver(?:ed|y)?|ship(?:ped|ment)?|send|sent|dispatch(?:ed)?)\b[^.;]{0,80}?\bto\s++(?:(?:our|the|your)\s++)?"
    r"(?:(?:new\s++|main\s++)?(?:warehouse|factory|plant|site|office|store|premises|facility|address|yard|depot)"
    r"(?:\s++(?:at|in))?\s++)?(?P<a>[^.;]{6,160})", re.IGNORECASE)
_SCHEDULE = re.compile(r"(?:交货|交貨|送货|送貨|发货|發貨|到货|到貨)(?:计划|計劃|安排|时间表|時間表)|(?:delivery|release|shipping) schedule"
                       r"|Lieferplan|納入計画", re.IGNORECASE)
_DATE_HINT = re.compile(r"\d\s*+[月日号天周]|[年月]底|月[中初]|周|星期|\d[-/.]\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
                        r"|day|week|month|tomorrow|today|asap|soon", re.IGNORECASE)
# "（收货人：钱工 13912345678）" after an address: who receives, not where.
_WHO_RECEIVES = re.compile(r"\s*+[（(][^（）()]*?(?:收货人|收貨人|联系人|聯絡人|联系|电话|電話|手机|手機|attn|contact|\d{7,})[^（）()]*[)）]",
                           re.IGNORECASE)
_BRACKETED = re.compile(r"[（(]([^()（）]{4,80})[)）]")
_OURS = re.compile(r"我|贵|你|您|本|(?:our|your|the|us)\b", re.IGNORECASE)
_ADDRESS_SHAPE = re.compile(r"[省市区县镇乡村路街道号园]|工地|仓库|大厦|楼|\d")
_TERM = re.compile(r"\d\s*+%|百分之|[一二三四五六七八九]成|一半|\d+\s*+(?:天|日|days?)|\bnet\s*+-?\s*+\d|款到|先款|全款|全额|货到付"
                   r"|月底结清|月末结清|月底结|月结"
                   r"|in advance|in full|before shipment|on delivery|\bCOD\b|against", re.IGNORECASE)
# "老规矩月结30天", "same terms as before (Net 45)": the terms, not the pointer back at them.
_AS_BEFORE = re.compile(r"^(?:还是|仍然|仍是|照旧|依旧|按老规矩|老规矩|跟以前一样|和以前一样)[，,]?\s*+"
                        r"|^same (?:terms|as) (?:as )?(?:before|last time)\s*+[(（](?=.*[)）]$)", re.IGNORECASE)
_TERMS_LABEL = re.compile(r"^(?:付款方式|付款条件|结算方式|支付方式|付款|结算|支付|payment terms|payment|terms)\s*+(?:为|是|按|:|：)?\s*+"
                          r"(?:还是|仍然|仍是|照旧|依旧|跟以前一样|和以前一样|按老规矩)?[，,]?\s*+",
                          re.IGNORECASE)

# Words that may signal each kind of sentence or clause, found in one pass of
# a plain alternation (which the regex engine scans fast); the precise pattern
# of a kind runs only where one of its words was seen.
_TRIGGER_WORDS = {
    "question": "？ ? 吗 呢 多少 几时 几天 是否 能否 可否 可不可以 能不能 有没有 有货 询价 报价 报个价 报一下价 价格表 how rfq quot "
                "request send could possible stock availability whether",
    "verb": "订购 采购 购买 订货 订做 定做 定购 预订 预定 下单 下个单 下一单 下张单 再加 再补 请安排 麻烦安排 烦请安排 求购 需要 想要 加订 补订 追加 再订 购置 进货 备货 供应 订 购 买 要 需 发 "
            "帮我安排 给我安排 再来 再要 再订 再发 来 补 order purchas buy supply need require want send ship deliver provide book procure reserve "
            "go ahead proceed bestell pedido pedimos solicitamos suministren envíen envien commandons commander ordiniamo",
    "intro": "如下 以下 下列 下面 下述 follow below siguiente folgende nachstehende volgende ci-dessous suivante",
    "refusal": "不需要 不要 无需 不用 取消 暂不 不再 如果 如需 若需 若要 假如 倘若 don't dont do not no longer cancel if "
               "should unless",
    "noise": "@ http www. 电话 手机 传真 地址 邮编 tel phone fax mobile address",
    "pay": "付款 预付 先付 定金 订金 首付 尾款 余款 款到 月结 账期 结算 先款 全款 付清 结清 支付 汇款 电汇 货到付 现金 payment prepay "
           "deposit net t/t tt l/c lc cod cash advance credit balance",
    "total": "共计 合计 总计 总共 一共 总价 总金额 总额 价税合计 实付 应付 total",
    "discount": "优惠 折扣 让利 减免 discount",
    "freight": "运费 物流费 快递费 包邮 免运费 免费送货 freight shipping carriage transport fracht versandkosten portes gastos",
    "deliver": "送到 送达 送至 到货 交货 交付 发货 发出 供货 到厂 送货 交期 货期 到位 运到 运抵 出货 提货 备货 安排生产 前需 前要 前给 前安排 前到 前送 前交 前发 前运 要用 急用 deliver ship "
               "dispatch arriv required needed need lead",
    "notes": " ".join(_NOTE_WORDS).lower(),
    "spec": "规格 型号 尺寸 材质 model size spec type typ ausführung größe tipo modelo medida maat afmeting uitvoering 型式 型番",
    "ship_to": "送货到 送到 送至 送达 运到 运至 发到 发至 寄到 寄至 交货地点 交货地址 送货地址 送 deliver ship send sent dispatch",
    "price": "单价 价格 售价 每 元 人民币 rmb cny eur hkd gbp jpy per each je à 块一 ¥ ￥ @ at price yuan 一台 一个 一件 一套 一块 一支 一箱 一吨 一米 usd $ € £ "
             "一片 一只 一条 一根 一卷 一包 一盒 一桶 一瓶 一副 一对 一张 一把 一组 一公斤 一千克 一辆 一部 一扇 一樘 一座 一立方 一平米",
}
_TRIGGERS: dict[str, set[str]] = {}
for _kind, _words in _TRIGGER_WORDS.items():
    for _word in with_traditional(_words.split()):  # 訂購, 採購, 規格 … as Hong Kong and Taiwan write them
        _TRIGGERS.setdefault(_word, set()).add(_kind)
for _word, _kinds in _TRIGGERS.items():  # the scan finds the longest word at a place: "要用" signals what "要" does
    for _end in range(1, len(_word)):
        _kinds |= _TRIGGERS.get(_word[:_end], set())
# Case-sensitive over lower-cased text: IGNORECASE would cost the fast scan.
# Overlapping words all count ("前送到" is both a need-by and a ship-to): the scan looks ahead, so it
# finds a word at every position where one starts.
_TRIGGER = re.compile("(?=(" + "|".join(map(re.escape, sorted(_TRIGGERS, key=len, reverse=True))) + "))")
_TRIGGER_ANY_CASE = re.compile(_TRIGGER.pattern, re.IGNORECASE)
# A full stop ends a sentence, but not after an abbreviation ("Art.-Nr. P004", "Co. Ltd.", "approx. 3").
# (the dot is matched first, then looked behind: the abbreviations cost a look at each dot only)
_SENTENCE = re.compile(r"[。！？!?；;]|\.(?<!\bNr\.)(?<!\bnr\.)(?<!\bNo\.)(?<!\bno\.)(?<!\bArt\.)(?<!\bPos\.)(?<!\bCo\.)(?<!\bLtd\.)(?<!\bInc\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bTel\.)(?<!\btel\.)(?<!\bca\.)(?<!\bincl\.)(?<!\bexcl\.)(?<!\bapprox\.)(?<!\bRef\.)(?<!\bref\.)(?<!\bvs\.)(?<!\bAbs\.)(?<!\bFa\.)(?<!\bbzw\.)(?<!\bz\.B\.)(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bNos\.)(?<!\bStk\.)(?<!\bpcs\.)(?<!\bSr\.)(?<!\bSra\.)(?<!\bnúm\.)(?<!\bNúm\.)(?=\s|$)")
# A note in brackets that is a clause of its own ("（定制的，按上回的图纸做）"): about the item, not its name.
_BRACKET_NOTE = re.compile(r"\s*+[（(][^（）()]*[，,][^（）()]*[)）]")
_OPEN_BRACKETS = re.compile(r"[（(]")
_CLOSE_BRACKETS = re.compile(r"[）)]")
_CLAUSE = re.compile(r"[，、]|(?<!\d),|,(?!\d)")
_LIST_MARK = re.compile(r"^\s*+(?:(?:Pos(?:ition)?\.?|Item|Line)\s*+\d{1,5}\s*+[:.)]|\d{1,2}\s*+[.、)）](?!\d)|[（(]\s*+\d{1,2}\s*+[)）]|[-*•·]\s"
                        r"|[一二三四五六七八九十]{1,3}\s*+[、.．)）]|[（(]\s*+[一二三四五六七八九十]{1,3}\s*+[)）])\s*+")
_SOME_GOODS = re.compile(r"(?:点|些|批)(?:货|东西)|以下的?货|下面的?货")
# A request to send what follows: "麻烦分两处送：", "请按以下发货", "please ship to:".
_SEND_REQUEST = re.compile(r"(?:请|請|麻烦|麻煩|帮忙|幫忙|烦请|煩請)[^：:，。]{0,10}(?:送|发|發|寄|运|運)[^：:，。]{0,4}[：:]$"
                           r"|please (?:ship|send|deliver)\b[^:]{0,30}:$", re.IGNORECASE)
# A sentence that reports a delivery rather than asks for one ("已发货如下：").
_REPORTED = re.compile(r"已|了(?:[，,。]|$)|has been|have been|were|was ", re.IGNORECASE)
_SENTENCE_PUNCT = "。！？!?；;：:.，,"
# A note asks for something; "五层瓦楞纸箱" alone is a product's name.
_ASKS = re.compile("|".join(
    rf"\b{re.escape(word)}\b" if word.isascii() else re.escape(word) for word in with_traditional(
        "请 需 要 须 务必 必须 应 贴 附 加 标注 注明 用 做 提供 单独 分开 每 "
        "please pls kindly must shall should require required requires need to be mark attach include provide ensure "
        "bitte zu beizu muss müssen beizulegen ください こと 願 por favor incluyan rogamos graag".split())), re.IGNORECASE)
# A row of a table (cells apart by tabs, pipes or runs of spaces) is no sentence: its packing words name goods.
_TABLE_ROW = re.compile(r"\t|\|.*\||\S {2,}\S.* {2,}\S")

_LEAD = re.compile(
    r"^(?:另外|以及|还有|配套的|[\s:：,，、的了共各为是和及与跟另再还也并]|一批|一些|以下|如下|下列|贵司的?|贵公司的?|你们的?|你司的?|您的"
    r"|贵方的?|共计|合计|总共|数量为?|产品为?|货物为?|of\b|the\b|some\b|your\b|more\b|additional\b|another\b"
    r"|following\b|us\b|and\b|plus\b)++", re.IGNORECASE)
# What stands between a product and its quantity: "Control board - 80 pcs", "B product x 2 sets".
_TRAIL = re.compile(r"(?:[\s:：,，、的各共和及与等]|[-–—]|(?<=\s)[x×*]|以及|还有|(?<=\s)(?:数量|數量|订购|訂購)(?:为|是)?"
                    r"|(?<![A-Za-z])(?:and|plus|the|with|of|for|to|qty|quantity))++$", re.IGNORECASE)
_PRODUCT_END = re.compile(
    r"\s(?:at|@|for|priced|costing|with|to be|by|before|each|per|delivered|shipped|unit price|price|in total)\b"
    r"|@|单价|每|价格|含税|不含税|要求|需在|需于|请于|于\d|交货|送到|送达|到货|发货|，|；"
    rf"|\s(?:{CURRENCY_CODES})(?=\s*+\d)|[$€£¥￥](?=\s*+\d)"  # a price
    rf"|\s(?:a|à|zu|je|zu je|por)\s++(?=\d[\d.,]*+\s*+(?:{CURRENCY_CODES}|€|\$|£))"  # "a 66,00 EUR/unidad"
    rf"|^\s*+\d[\d.,]*+\s*+(?:{CURRENCY_CODES}|€)",
    re.IGNORECASE)

_CODE = r"(?:[A-Za-zΦφ∅]{0,8}[-_/.]?\d[A-Za-z0-9\-_/.×*#+]*+|[A-Za-z]++-[A-Za-z0-9\-_/.×*#+]*?\d[A-Za-z0-9\-_/.×*#+]*+)"
_TRAILING_CODES = re.compile(
    rf"(?<![A-Za-z0-9\-_/.×*#+Φφ∅])(?:{_CODE}|[(（][^()（）]{{1,24}}[)）])(?:\s*+(?:{_CODE}|[(（][^()（）]{{1,24}}[)）]))*+\s*+$")
_LEADING_CODES = re.compile(rf"^(?:{_CODE})(?:\s++{_CODE})*+(?:\s++|(?=[\u4e00-\u9fff]))(?![型系款号])")
_SPEC_WORDS = re.compile(r"(?:[,，\s]*+(?:型号|规格|规格型号|model|spec(?:ification)?|size|type)\s*+[:：]?\s*+)$",
                         re.IGNORECASE)
# An item code leading a line of an order list: letters then digits ("P004", "GL-BK-250"), then the name.
_LEADING_SKU = re.compile(r"(?P<sku>[A-Z]{1,6}(?:-[A-Z]{1,6})*-?\d{2,}[A-Z0-9]*(?:-[A-Z0-9]+)*)\s++(?=[^\s\d])")
# "Custom mounting bracket per attached drawing PCS-BRK-7", "支架（按附图）": the drawing is referred to, not a spec.
_DRAWING_REF = re.compile(r"\s*+[,，]?\s*+(?:(?:as\s++)?per|according\s++to|to|acc\.\s*+to)\s++(?:the\s++|our\s++|your\s++)?"
                          r"(?:attached\s++)?drawings?\b.*$|\s*+[（(]?(?:按|根据|依)(?:附件|附)?(?:图纸|图)[^）)]*[)）]?$", re.IGNORECASE)
_DASH = re.compile(r"\s++[-–—]\s++")
_LETTERS = re.compile(r"[A-Za-z\u4e00-\u9fff]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_CN_NUMERAL_ONLY = re.compile(rf"{CN_NUMERAL}")


@dataclass
class _Item:
    product: str
    quantity: str
    at: int = 0  # where its quantity starts in its clause
    end: int = 0  # and where it ends
    price: str | None = None
    spec: str | None = None  # from a clause of its own ("型号GL-J302")
    amount: str | None = None  # the line's own total ("金额25000元"), as the writer stated it
    sum_stated: str | None = None  # "合计42万元" in the item's sentence: its amount, or the order's total
    listed: bool = False  # a line of a list: a code leading it is the item code


@dataclass
class _Reading:
    items: list[_Item] = field(default_factory=list)
    pending_clauses: list[str] = field(default_factory=list)  # clauses without a quantity, in this sentence
    pending_price: str | None = None
    pending_spec: str | None = None  # "型号CB-24V" written before the item's quantity
    list_line: bool = False  # a line of a list announced by 如下/as follows: its first clause may be the product
    delivery: str | None = None
    payment: str | None = None
    total: str | None = None
    freight: str | None = None
    discount: str | None = None
    goods_total: str | None = None
    address: str | None = None
    notes: list[str] = field(default_factory=list)


def prose_pairs(text: str, *, items: bool = True) -> list[Pair]:
    """Pairs read from prose ("需要订购QW型潜水排污泵二十台，每台三千一百五十元",
    "Please supply 150 units of …"); item pairs of one product carry
    new_item on the first so that each product becomes one line.

    With `items=False` only the order-level facts are read (delivery date,
    payment terms, address, totals, notes): for an order whose items are
    labelled but whose delivery date is a sentence ("Please deliver by the end
    of this month."). Notes are never read from a labelled line ("Remarks: …"
    is the form's).
    """
    reading = _Reading()
    listing = False  # after "如下"/"as follows": lines without a verb may be items
    schedule = False  # after "分批交货计划：": the lines are the releases, the first one's date is asked
    for sentence, labelled in _sentences(text[:MAX_PROSE]):
        if labelled and not items:
            if reading.address is None and _CN_SHIP_TO.search(sentence):  # "交貨：5月24日前送達香港…"
                _ship_to(sentence, reading)
            continue  # the labels of the form are read as labels
        if schedule and reading.delivery is None and _DATE_HINT.search(sentence) and read_date(sentence).status != "invalid":
            reading.delivery = sentence  # the first release of a delivery schedule ("第一批 3000件 6月28日前")
            continue
        schedule = sentence.endswith((":", "：")) and bool(_SCHEDULE.search(sentence))
        triggers = _triggers(sentence)
        if not triggers and not listing:
            continue  # nothing about an order here: a greeting, a name, a number
        kinds = set().union(*(found for _, found in triggers))
        if "question" in kinds and _QUESTION.search(sentence):
            if reading.items and reading.items[-1].price is None and _QUOTE_THE_PRICE.search(sentence):
                reading.items[-1].price = "to be quoted"  # "Please quote the unit price before we confirm this line."
            continue
        ordering = items and "verb" in kinds and bool(_CN_VERB.search(sentence) or _EN_VERB.search(sentence))
        reading.list_line = items and listing and not ordering
        items_before = len(reading.items)
        _read_sentence(sentence, triggers, reading, ordering or (items and listing), notes=not labelled)
        announces = sentence.endswith((":", "：")) or ("intro" in kinds and _LIST_INTRO.search(sentence))
        # "煩請依下列明細出貨：", "please ship the following:": a request to deliver a list orders it too.
        shipping = (("deliver" in kinds and "intro" in kinds and _LIST_INTRO.search(sentence) or _SEND_REQUEST.search(sentence))
                    and not _REPORTED.search(sentence))
        # "帮我发点货哈" then the lines: a request for goods that names none announces them
        asks_for_goods = ordering and _SOME_GOODS.search(sentence) and len(reading.items) == items_before
        if (announces and (ordering or (items and shipping))) or asks_for_goods:
            listing = True
    return _pairs(reading)


def _triggers(sentence: str) -> list[tuple[int, set[str]]]:
    """Where each trigger word is, with the kinds it may signal."""
    lower = sentence.lower()
    if len(lower) == len(sentence):
        matches = _TRIGGER.finditer(lower)
    else:  # a character whose lower case is longer: positions would drift
        matches = _TRIGGER_ANY_CASE.finditer(sentence)
    return [(match.start(), _TRIGGERS.get(match.group(1).lower(), set())) for match in matches]


def _sentences(text: str) -> list[tuple[str, bool]]:
    """Sentences, with hard-wrapped lines of a paragraph joined first, each
    with whether its line holds a label ("备注：…": the form's, not prose)."""
    paragraphs: list[list[str]] = []  # each a line and the wrapped lines that continue it
    for raw in text.replace("\r", "").split("\n"):
        line = _LIST_MARK.sub("", raw).strip()
        if not line:
            paragraphs.append([])
            continue
        previous = paragraphs[-1][-1] if paragraphs and paragraphs[-1] else ""
        if (len(previous) >= 50 and previous[-1] not in _SENTENCE_PUNCT and raw[:1] not in " \t-*•"
                and not _LIST_MARK.match(raw) and not (_QUANTITY.search(previous) and _QUANTITY.search(line))):
            paragraphs[-1].append(line)  # a wrapped line continues its sentence; two item lines do not
        else:
            paragraphs.append([line])
    lines = [" ".join(parts) for parts in paragraphs]
    found = []
    for line in lines:
        labelled = bool(("：" in line or ":" in line) and LABEL_RE.match(unspaced_label(line).replace("：", ":")))
        found.extend((part.strip(), labelled) for part in _SENTENCE.split(line) if part.strip())
    return found


def _clauses(sentence: str) -> list[tuple[int, str]]:
    """The clauses of a sentence with where each starts."""
    found, start = [], 0
    for separator in _CLAUSE.finditer(sentence):
        if len(_OPEN_BRACKETS.findall(sentence, start, separator.start())) > len(
                _CLOSE_BRACKETS.findall(sentence, start, separator.start())):
            continue  # "支架（定制的，按图纸做）": a comma inside brackets parts no clauses
        found.append((start, sentence[start:separator.start()]))
        start = separator.end()
    found.append((start, sentence[start:]))
    return [(at + len(part) - len(part.lstrip()), part.strip()) for at, part in found if part.strip()]


def _read_sentence(sentence: str, triggers: list, reading: _Reading, ordering: bool, notes: bool) -> None:
    payment: list[tuple[int, str]] = []
    reading.pending_clauses, reading.pending_price = [], None  # neither reaches into another sentence
    reading.pending_spec = None
    next_trigger = 0  # clauses and triggers both run left to right: walk them together
    sentence_kinds: set[str] = set()
    note = False
    free: list[tuple[int, int, str]] = []  # clauses that state no other fact: a note's wording
    items_here: list[_Item] = []  # the items this sentence orders
    for number, (at, clause) in enumerate(_clauses(sentence)):
        kinds: set[str] = set()
        while next_trigger < len(triggers) and triggers[next_trigger][0] < at + len(clause):
            if triggers[next_trigger][0] >= at:
                kinds |= triggers[next_trigger][1]
            next_trigger += 1
        sentence_kinds |= kinds
        if len(clause) > MAX_CLAUSE:
            continue
        blocked = ("noise" in kinds and _NOISE.search(clause)) or ("refusal" in kinds and _REFUSAL.search(clause))
        items = _items(clause, reading) if ordering and not blocked else []
        items_here.extend(items)
        if "price" in kinds:
            _prices(clause, items, reading)
        if "ship_to" in kinds and reading.address is None:
            _ship_to(clause, reading)
        if "pay" in kinds and _PAYMENT_WORDS.search(clause):
            payment.append((at, clause))
            continue
        if "spec" in kinds and not items and _spec_clause(clause, reading):
            continue
        line_amount = _LINE_AMOUNT.match(clause)
        # "订购输送带两千米，单价210元/米，合计42万元（含税）": in the item's own sentence, its amount
        sums = bool(line_amount) and bool(_SENTENCE_TOTAL.match(clause))
        of_this_item = reading.items and (reading.items[-1] in items_here or not sums)
        if line_amount and of_this_item and not items and reading.items[-1].amount is None:
            if sums:  # "…两千米，单价210元/米，合计42万元": the line's amount, or the order's if no other total comes
                reading.items[-1].sum_stated = line_amount["v"]
            else:
                reading.items[-1].amount = line_amount["v"]  # "50台，单价500元，金额25000元": the line's own total
            continue
        if "total" in kinds:
            payable = _PAYABLE.search(clause)
            total = payable["v"] if payable else find_total(clause)
            if total is not None:
                if payable:  # "实付金额…": what is paid, after freight and discount
                    reading.total = total
                elif _GOODS_TOTAL.search(clause):  # "货款合计…": the goods alone
                    reading.goods_total = reading.goods_total or total
                else:
                    reading.total = reading.total or total
                continue
        if "discount" in kinds:
            discount = _DISCOUNT.search(clause)
            if discount:
                reading.discount = reading.discount or discount["v"]
                continue
        if "freight" in kinds:
            freight = _FREIGHT.search(clause)
            if freight:
                reading.freight = reading.freight or freight["v"]
                continue
            if _FREE_FREIGHT.search(clause):  # "运费由贵司承担", "free shipping": no freight on the order
                reading.freight = reading.freight or "0"
                continue
        if "deliver" in kinds:
            rest = clause[items[-1].end:].strip(" ，,") if items else clause
            status = read_date(rest).status if _DELIVERY_WORDS.search(rest) else "invalid"
            if status != "invalid":
                # "五一后要用 … 5月10日前送到": a date written later wins over a vague time before it
                if reading.delivery is None or (status == "date" and read_date(reading.delivery).status != "date"):
                    reading.delivery = rest
                continue
        if items or ("price" in kinds and _PRICE.search(clause)) or ("noise" in kinds and _NOISE.search(clause)):
            continue
        free.append((number, at, clause))
        if notes and "notes" in kinds and _NOTES_WORDS.search(clause) and not _COMPANY.search(clause):
            note = True
    if "ship_to" in sentence_kinds and reading.address is None:
        found = _EN_SHIP_TO.search(sentence)  # an English address runs on over commas
        if found:
            _take_address(found["a"], reading)
    if payment and reading.payment is None:
        reading.payment = _terms(sentence, payment)  # None when no clause states a term
    if note and _ASKS.search(sentence) and not _TABLE_ROW.search(sentence):  # the request as written, with the clauses around it that say no other fact
        reading.notes.append(_wording(sentence, free))


def _wording(sentence: str, clauses: list[tuple[int, int, str]]) -> str:
    """The clauses as the sentence writes them: one stretch when they follow
    each other, else joined with "，"."""
    (first, start, _), (last, end, clause) = clauses[0], clauses[-1]
    if last - first + 1 == len(clauses):
        return sentence[start:end + len(clause)]
    return "，".join(clause for _, _, clause in clauses)


def _spec_clause(clause: str, reading: _Reading) -> bool:
    found = _SPEC_CLAUSE.match(clause)
    if not found:
        return False
    spec = found["v"][:_cut(found["v"], 0)].strip()
    if spec and reading.pending_clauses[:-1] and (reading.list_line or not reading.items or reading.items[-1].spec):
        # [-1] is this clause; "订购A产品，规格L-500×300，共100台": the product waits for its quantity
        reading.pending_spec = spec  # "控制板，型号CB-24V，80块": the item comes after its spec
        return True
    if not reading.items or reading.items[-1].spec is not None:
        return False
    if spec:
        reading.items[-1].spec = spec
    return bool(spec)


def _ship_to(clause: str, reading: _Reading) -> None:
    found = _CN_SHIP_TO.search(clause)
    if found:
        _take_address(found["a"], reading)


def _take_address(address: str, reading: _Reading) -> None:
    address = _WHO_RECEIVES.sub("", address).strip(" ,，.。:：")
    if _OURS.match(address):
        inside = _BRACKETED.search(address)  # "送到我们厂里（嘉兴市秀洲区洪兴路599号）"
        if not inside:
            return  # "送至我司仓库": a place the customer knows, not an address
        address = inside[1].strip()
    if len(address) >= 4 and _ADDRESS_SHAPE.search(address) and _LETTERS.search(address) and not (
            _DATE_HINT.search(address) and read_date(address).status != "invalid"):  # "to 15 October" is a date
        reading.address = address


def _terms(sentence: str, payment: list[tuple[int, str]]) -> str | None:
    """The payment terms as written: from the first clause that states a term
    ("付款按老规矩，月结30天" → "月结30天"), without a label ("付款方式为…")."""
    first = next((n for n, (_, clause) in enumerate(payment) if _TERM.search(clause)), None)
    if first is None:
        return None  # "付款方式" alone, "付款按老规矩": no terms stated
    start, stop = payment[first][0], payment[-1][0] + len(payment[-1][1])
    terms = sentence[start:stop].strip()
    lead, colon, rest = terms.partition("：") if "：" in terms else terms.partition(":")
    if colon and rest.strip() and _TERM.search(rest) and not _TERM.search(lead):
        terms = rest.strip()  # "付款按报价单上的条件：预付30%，余款月结30天": the terms after the lead-in
    terms = _TERMS_LABEL.sub("", terms, count=1) or terms
    return _AS_BEFORE.sub("", terms, count=1) or terms


def _items(clause: str, reading: _Reading) -> list[_Item]:
    """The items a clause orders, each with its product wording."""
    lower = clause.lower()
    quantities = [m for m in _quantity_matches(clause, lower) if not _GENERIC_COUNT.fullmatch(m.group(0).strip())
                  and not _CURRENCY_BEFORE.search(lower, max(0, m.start() - 4), m.start())
                  ] if _NUMBER_HINT.search(clause) or _EN_NUMBER_HINT.search(lower) else []
    if quantities and _PER_UNIT_PRICE.search(clause):  # "还是一千二一台", "八十块一件": a price per unit, not a count
        prices = [match.span() for match in _PER_UNIT_PRICE.finditer(clause)]
        quantities = [m for m in quantities if not any(start <= m.start() < end for start, end in prices)]
    if len(quantities) > 1:
        # "6204轴成 两百个": a count glued to the word after it is part of a model's name, when another count follows
        quantities = [m for n, m in enumerate(quantities)
                      if n == len(quantities) - 1 or not _GLUED_AFTER.match(clause, m.end())] or quantities
    colloquial_price = None
    if len(quantities) > 1 and quantities[-1].group("unit") in ("块", "塊") and quantities[0].group("unit") not in ("块", "塊"):
        last = quantities.pop()  # "6205轴承 150个 4块2": after a count, 块 is money (4.2 yuan), not a unit
        colloquial_price = _COLLOQUIAL_YUAN.match(clause, last.start())
    spec = _SPEC_CLAUSE.match(clause) if quantities else None
    if spec and quantities[0].start() == spec.start("v"):
        quantities = []  # "规格1.5米": a length that is the spec, not a count
    if not quantities:
        reading.pending_clauses.append(clause)  # "We need hydraulic pumps HP-200," then "150 units"
        return []
    verb = _verb_end(clause, before=quantities[0].start())
    start = verb or 0
    lead = clause[start:quantities[0].start()]
    if _QUANTITY_WORD.fullmatch(lead.strip()):  # "數量 12 台": the clause names no product of its own
        start, lead, verb = quantities[0].start(), "", None
    if reading.list_line and reading.pending_clauses and _SPEC_CLAUSE.match(_TRAIL.sub("", lead.strip())):
        # "P004 Control board, model CB-24V - 80 pcs": the product came first, this clause is its spec
        reading.pending_spec = _SPEC_CLAUSE.match(_TRAIL.sub("", lead.strip()))["v"]
        start = quantities[0].start()
    product_first = bool(_product(clause[start:quantities[0].start()]))
    found = []
    for number, match in enumerate(quantities):
        if product_first:
            begin = start if number == 0 else quantities[number - 1].end()
            product = _product(clause[begin:match.start()])
        else:
            stop = quantities[number + 1].start() if number + 1 < len(quantities) else len(clause)
            product = _product(clause[match.end():min(stop, _cut(clause, match.end()))])
        if product is None and number == 0 and verb and not clause[start:match.start()].strip():
            product = _product_before_verb(clause, start)  # "B产品再订6台", "滤芯再要20支"
            while product is None and reading.pending_clauses:
                # "还是上次那款RO设备（型号…），再来两套": the verb's clause orders the clause before it;
                # "…设备，我们定了，要3台": a clause about the writer names no product
                clause_before = reading.pending_clauses.pop()
                if not _ABOUT_US.match(clause_before):
                    product = _product(_LEAD.sub("", _THAT_ONE.sub("", clause_before)))
            reading.pending_clauses.clear()
        if product is None and number == 0:
            product = _pending_product(reading)
        if product is None or _NOT_GOODS.match(product):
            continue  # a count of something that is not goods, or of nothing named
        found.append(_Item(product, _quantity_text(match, clause), at=match.start(), end=match.end(),
                           spec=reading.pending_spec if number == 0 else None, listed=reading.list_line))
        reading.pending_spec = None
    if colloquial_price and found and found[-1].price is None:
        found[-1].price = colloquial_price.group(0)
    reading.items.extend(found)
    return found


def _pending_product(reading: _Reading) -> str | None:
    """The product an earlier clause of the sentence ordered without a quantity."""
    if reading.list_line and reading.pending_clauses:
        # A line of a list ("A产品，规格L-500×300，50台"): the list's intro ordered, the line names the product first.
        first = reading.pending_clauses[0]
        code = _CODE_CLAUSE.match(first)
        if code and len(reading.pending_clauses) > 1:  # "货号 P002，B产品，规格…，6台": the code, then the name
            first = f"{code['code']} {reading.pending_clauses[1]}"
        reading.pending_clauses.clear()
        verb = _verb_end(first) or 0
        return _product(first[verb:_cut(first, verb)])
    while reading.pending_clauses:
        clause = reading.pending_clauses.pop()
        verb = _verb_end(clause)
        if verb is not None:
            reading.pending_clauses.clear()
            return _product(clause[verb:_cut(clause, verb)])
    return None


def _quantity_matches(clause: str, lower: str):
    # Case-sensitive over the lower-cased clause: IGNORECASE costs the unit alternation its speed.
    return _QUANTITY_LOWER.finditer(lower) if len(lower) == len(clause) else _QUANTITY.finditer(clause)


def _quantity_text(match: re.Match, clause: str) -> str:
    """The quantity as written (the match may be of the lower-cased clause)."""
    if match["xnum"]:
        return clause[match.start("xnum"):match.end("xnum")]
    return clause[match.start():match.end()].strip()


def _verb_end(clause: str, before: int | None = None) -> int | None:
    """Where the last order verb before `before` ends. A one-character verb
    right after another verb is the start of the product ("订购订书机")."""
    end = None
    stop = len(clause) if before is None else before
    for match in _CN_VERB.finditer(clause):  # the whole clause: "来" looks ahead at its number
        if match.end() > stop:
            break
        if len(match.group(0)) == 1 and match.start() == end:
            continue
        end = match.end()
    for match in _EN_VERB.finditer(clause, 0, stop):
        end = max(end or 0, match.end())
    return end


_QUANTITY_WORD = re.compile(r"(?:订购|訂購|订货|訂貨|采购|採購)?(?:数量|數量|qty|quantity)\s*+(?:为|是|為|:|：)?",
                            re.IGNORECASE)
# "还是上次那款", "跟上次一样的": words that point back at an earlier order before the product.
# A clause naming only the item's code: "货号 P002", "Part No. 4711-03".
_REFERENCE_WORD = re.compile(r"^(?:referencia|ref\.?|art\.?-?\s*+nr\.?|artikel(?:nummer)?|item\s++code|part\s*+no\.?)\s*+[:：#]?\s*+(?=[A-Z0-9])",
                             re.IGNORECASE)
_CODE_CLAUSE = re.compile(r"^(?:货号|貨號|料号|料號|编码|編碼|编号|編號|物料号|产品编号|產品編號|品番|part\s*+no\.?|sku|item\s++code"
                          r"|referencia|ref\.?|art\.?-?\s*+nr\.?|artikel(?:nummer)?)\s*+[:：#]?\s*+"
                          r"(?P<code>[A-Za-z0-9][A-Za-z0-9\-_/.]*\d[A-Za-z0-9\-_/.]*)$", re.IGNORECASE)
_ABOUT_US = re.compile(r"^(?:我们|我們|我司|咱们|本公司|我|那就|就|好的|ok\b|we\b|i\b)", re.IGNORECASE)
_THAT_ONE = re.compile(r"^.*?(?:那款|那种|那个|那批|一样的|同款的?|同样的)\s*+")
_AGAIN = re.compile(r"(?:再|还|又|另外|另|也|给我们|给我|帮我们|帮我|给|帮)+$")


def _product_before_verb(clause: str, verb_end: int) -> str | None:
    """The product written before the order verb when the quantity follows it at once:
    "B产品再订6台" (product, verb, quantity), the colloquial repeat order."""
    match = next((found for found in _CN_VERB.finditer(clause) if found.end() == verb_end), None)
    if match is None:
        return None
    head = _AGAIN.sub("", _BRACKET_NOTE.sub("", clause[:match.start()]).rstrip())
    head = re.split(r"[，,。；;：:]", head)[-1]
    return _product(_LEAD.sub("", head))


def _cut(clause: str, start: int) -> int:
    found = _PRODUCT_END.search(clause, start)
    return found.start() if found else len(clause)


def _product(text: str) -> str | None:
    text = _TRAIL.sub("", _LEAD.sub("", text.strip())).strip()
    if not text or len(text) > MAX_PRODUCT or not _LETTERS.search(text):
        return None
    if _CN_NUMERAL_ONLY.fullmatch(text):
        return None
    return text


def _prices(clause: str, items: list[_Item], reading: _Reading) -> None:
    for match in _PRICE.finditer(clause):
        value = next(v for v in (match["v1"], match["v2"], match["v3"], match["v4"], match["v5"], match["v6"],
                                 match["v7"]) if v).strip()
        owners = [item for item in items if item.at <= match.start()]
        owner = owners[-1] if owners else (reading.items[-1] if reading.items else None)
        if owner is None:
            reading.pending_price = reading.pending_price or value
        elif owner.price is None:
            owner.price = value
            if not items:  # "单价按报价单的1,150元/台" after lines of one product sent to two sites: the price of each
                unpriced = [item for item in reading.items if item.price is None]
                if unpriced and len({item.product for item in unpriced + [owner]}) == 1:
                    for item in unpriced:
                        item.price = value
    if reading.pending_price and items and items[0].price is None:
        items[0].price, reading.pending_price = reading.pending_price, None


def _dashed_spec(product: str) -> tuple[str, str | None]:
    """"Redutor de velocidade coaxial - modelo R47 i=15,2": a part set off by a dash that names the
    model or size is the spec, the rest the name."""
    parts = _DASH.split(product)
    if len(parts) < 2:
        return product, None
    for number, part in enumerate(parts):
        stated = _SPEC_CLAUSE.match(part.strip())
        if stated and number:
            return " - ".join(p for n, p in enumerate(parts) if n != number).strip(" -–—"), stated["v"].strip()
    return product, None


def split_product(text: str) -> tuple[str | None, str | None]:
    """A product's wording as (name, spec): a code beside a name is the spec."""
    text = " ".join(text.split())
    if len(text) > MAX_PRODUCT:
        return text, None
    trailing = _TRAILING_CODES.search(text)
    if trailing and re.search(r"\d", trailing.group(0)):
        name = _SPEC_WORDS.sub("", text[:trailing.start()]).strip(" ,，:：-")
        if name and _LETTERS.search(name):
            return name, _clean_spec(trailing.group(0))
    leading = _LEADING_CODES.match(text)
    if leading and _ASCII_LETTER.search(leading.group(0)):  # "3.5寸显示屏": a measure, not a model
        name = text[leading.end():].strip(" ,，:：-")
        if name and _LETTERS.search(name):
            return name, leading.group(0).strip()
    return text, None


def _per_metre(price: str) -> bool:
    return bool(re.search(r"每\s*+米|/\s*+米|元\s*+一\s*+米", price))


def _clean_spec(spec: str) -> str:
    """"(size DN40)" → "DN40": the brackets and the word that names a spec go."""
    spec = spec.strip()
    if spec[:1] in "(（" and spec[-1:] in ")）" and spec.count("(") + spec.count("（") == 1:
        spec = _SPEC_LEAD.sub("", spec[1:-1]).strip()
    return spec


def _pairs(reading: _Reading) -> list[Pair]:
    pairs: list[Pair] = []
    summed = [item for item in reading.items if item.sum_stated]
    if len(summed) == 1 and reading.total is None and len(reading.items) == 1:
        reading.total = summed[0].sum_stated  # "25台，单价1200元，共计30,000元": the one line's total is the order's
    else:
        for item in summed:
            item.amount = item.amount or item.sum_stated
    for item in reading.items:
        sku, product = None, item.product
        if item.listed:
            product = _REFERENCE_WORD.sub("", product)  # "Referencia P001 - Producto A"
        leading = _LEADING_SKU.match(product) if item.listed else None
        if leading:  # "P004 Control board, model CB-24V": an order list names the item by its code first
            sku, product = leading["sku"], product[leading.end():].lstrip("-–—:： ")
        product, coded, stated = bracketed_codes(product)
        item_spec, coded_in_spec, _ = bracketed_codes(item.spec or "")
        sku = sku or coded or coded_in_spec
        product, dashed = _dashed_spec(product)
        name, spec = split_product(_DRAWING_REF.sub("", product) or product)
        spec = stated or dashed or spec
        if item_spec:
            spec = f"{spec} {item_spec}" if spec else item_spec
        if item.quantity.endswith("千米") and item.price and _per_metre(item.price):
            item.quantity = item.quantity[:-1] + " 米"  # "两千米" at a price per 米 is 2000 米
        values = (("sku", sku), ("name", name), ("spec", spec), ("quantity", item.quantity),
                  ("unit_price", item.price), ("amount", item.amount))
        first = True
        for label, value in values:
            if value:
                pairs.append(Pair(Label(label), value, new_item=first))
                first = False
    for label, value in (("requested_delivery_date", reading.delivery), ("payment_terms", reading.payment),
                         ("customer.address", reading.address),
                         ("stated_total", reading.total), ("stated_goods_total", reading.goods_total),
                         ("freight", reading.freight), ("discount", reading.discount)):
        if value:
            pairs.append(Pair(Label(label), value))
    pairs.extend(Pair(Label("special_requirements"), note) for note in reading.notes)
    return pairs
