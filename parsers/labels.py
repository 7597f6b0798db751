"""The labels customers write before a value, and the record field each means.

The Chinese labels are those of the company's standard order template
(标准订单格式模板) and their everyday variants; English labels match without
regard to case. A label may carry a line number ("商品2名称", "Item 2 qty",
"数量1") and a unit in brackets ("单价(元)", "数量(台)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.traditional import with_traditional

__all__ = ["LABELS", "ITEM_FIELDS", "Label", "find_labels", "label_cell", "pair_label", "header_label", "summary_kind",
           "is_unit"]

# field name → labels; "line" starts a new line item, "ignore" is read and dropped
# (fields of the template a customer does not fill in, such as 订单状态).
LABELS: dict[str, tuple[str, ...]] = {
    "customer_po": ("订单号", "订单编号", "单据编号", "订单编码", "客户订单号", "采购单号", "采购订单号", "采购订单编号",
                    "采购单编号", "合同号", "合同编号", "PO", "PO No.", "PO Number", "P.O.",
                    "P.O. No.", "Purchase order", "Purchase order no.", "Purchase order number",
                    "Order No.", "Order number", "Customer PO", "单号", "订购单号", "订货单号", "订单号码", "PO#",
                    "Order #",
                    # German and Japanese purchase orders
                    "Bestellnummer", "Bestell-Nr.", "Bestellnr.", "Auftragsnummer", "注文番号", "発注番号", "注文No",
                    "Pedido nº", "Pedido n°", "Número de pedido", "Order No"),
    "order_date": ("下单日期", "订单日期", "订货日期", "采购日期", "Order date", "PO date", "Bestelldatum", "注文日", "発注日"),
    "customer.name": ("客户名称", "客户", "公司名称", "公司", "单位名称", "客户单位", "订货单位",
                      "采购单位", "需方", "买方", "采购方", "订购方", "购货单位", "Customer", "Customer name",
                      "Company", "Company name", "Buyer", "Purchaser", "Empresa", "Cliente", "Firma"),
    "customer.code": ("客户编码", "客户代码", "客户编号", "Customer code", "Customer ID",
                      "Customer No.", "Account No."),
    "customer.contact": ("联系人", "收货人", "采购员", "经办人", "Contact", "Contact person",
                         "Contact name", "Attn", "Attention", "Ansprechpartner", "担当者", "ご担当", "Contato", "Contacto",
                         # an ERP form names both sides: the buyer (需方/买方) is the customer
                         "需方联系人", "买方联系人", "采购联系人", "需方经办人"),
    "customer.phone": ("联系方式", "联系电话", "电话", "手机", "手机号", "手机号码", "座机", "Phone",
                       "Tel", "Telephone", "Mobile", "Cell", "Telefon", "電話番号", "需方电话", "需方联系电话",
                       "买方电话", "买方联系电话"),
    "customer.email": ("邮箱", "电子邮件", "电子邮箱", "Email", "E-mail", "需方邮箱", "买方邮箱"),
    "customer.address": ("收货地址", "送货地址", "交货地址", "地址", "详细地址", "Address",
                         "Delivery address", "Shipping address", "Ship to", "Ship-to", "Deliver to",
                         "Lieferanschrift", "Lieferadresse", "Anlieferadresse", "納入場所", "納品先", "納入先",
                         "Dirección de entrega", "Afleveradres", "Adresse de livraison", "Endereço de entrega",
                         "Endereço"),
    "line": ("序号", "行号", "No.", "Line", "Line No.", "Item No."),
    "sku": ("商品编码", "物料编码", "产品编码", "商品代码", "产品代码", "物料号", "料号", "货号",
            "SKU", "Item code", "Product code", "Part No.", "Part number", "P/N",
            "Material code", "Material", "Artikelnummer", "Art.-Nr.", "品番"),
    "name": ("商品名称", "产品名称", "品名", "商品", "产品", "货品", "物料", "物料名称", "货品名称", "名称",
             "配件名称", "零件名称", "部件名称", "备件名称", "配件",
             "Product", "Product name", "Item", "Item name", "Description", "Goods", "Short text",
             "Bezeichnung", "Artikel"),
    "spec": ("规格型号", "规格", "型号", "Spec", "Specs", "Specification", "Model", "Size", "Typ", "Ausführung",
             "型式", "型番"),
    "unit": ("单位", "计量单位", "Unit", "UOM", "Einheit", "単位"),
    "quantity": ("数量", "订购数量", "订货数量", "采购数量", "总数量", "总量", "年度总量", "Qty", "Quantity", "Menge",
                 "Order qty"),
    "unit_price": ("单价", "含税单价", "价格", "Unit price", "Price", "Unit cost", "Net price", "Einzelpreis",
                   "Stückpreis", "単価"),
    "amount": ("金额", "小计", "行金额", "Amount", "Line total", "Line amount", "Net value", "Gesamtpreis",
               "Gesamt"),
    "stated_goods_total": ("商品总价", "货款", "货款总额", "商品金额", "商品总额", "货物总价", "总价",
                           "货款合计", "商品合计", "不含税合计", "未税合计", "不含税总额", "不含税金额合计", "Goods total", "Subtotal", "Sub-total", "Merchandise total", "Total goods",
                           "Total goods value", "Warenwert", "Nettowarenwert"),
    "freight": ("运费", "物流费", "快递费", "运输费", "Freight", "Shipping", "Shipping fee",
                "Delivery fee", "Fracht", "Frachtkosten", "Verpackung und Fracht", "送料", "運賃", "Transport costs",
                "Transport", "Shipping costs", "Freight costs", "Freight charges", "Versandkosten", "Verzendkosten",
                "Transportkosten", "Portes", "Gastos de envío", "Frete"),
    "discount": ("折扣", "折扣金额", "优惠", "优惠金额", "让利", "Discount"),
    "stated_total": ("实付金额", "应付金额", "合计", "总计", "总金额", "订单金额", "订单总额",
                     "合计金额", "总额", "价税合计", "含税合计", "含税总额", "含税总价", "应付总额", "应付合计", "应付款合计", "Total", "Grand total",
                     "Total amount",
                     "Order total", "Amount due", "Total payable", "Gesamtbetrag", "Gesamtsumme", "Endbetrag", "合計金額",
                     "総額", "Total net value", "Gesamtbetrag netto", "Nettobetrag", "Summe netto", "Total net", "Totaal",
                     "Importe total", "Total pedido", "Valor total"),
    "payment_terms": ("付款方式", "付款条件", "结算方式", "支付方式", "支付条件", "账期", "付款", "Payment",
                      "Payment terms", "Terms", "Payment method", "Terms of payment", "Zahlungsbedingungen",
                      "Zahlungsbedingung", "Zahlungsziel", "支払条件", "お支払条件", "Forma de pago", "Condiciones de pago", "Condição de pagamento", "Condições de pagamento",
                      "Forma de pagamento",
                      "Betalingsvoorwaarden", "Conditions de paiement"),
    "requested_delivery_date": ("要求交付日期", "交货日期", "交货期", "交货", "交付日期", "期望交付时间", "期望交付日期",
                                "到货日期", "送货日期", "交货时间", "交付时间", "要求到货日期",
                                "要求到货时间", "期望到货日期", "交期", "Delivery date",
                                "Required by", "Required date", "Requested delivery date",
                                "Need by", "Delivery", "Required delivery", "Requested delivery", "Delivery required", "Liefertermin", "Lieferdatum", "Wunschtermin", "納期",
                                "納入日", "納品日", "Plazo de entrega", "Fecha de entrega", "Prazo de entrega", "Data de entrega", "Delivery time",
                                "Shipment", "Shipment date", "Date of shipment", "Latest shipment", "Leverdatum", "Date de livraison",
                                "Delivery required by"),
    "special_requirements": ("特殊需求", "特殊要求", "备注", "包装要求", "Notes", "Note",
                             "Remarks", "Remark", "Special requirements", "Comments", "Header text", "抬头文本",
                             "Bemerkung", "Bemerkungen", "Hinweis", "Anmerkung", "備考", "Observações", "Observaciones",
                             "Packing & marking", "Packing and marking", "Packing", "Marking", "Packaging",
                             "Documents", "Documentos"),
    "ignore": ("订单状态", "状态", "实际发货日期", "预计送达日期", "实际交付日期", "运单号",
               "发货日期", "Status",
               # the supplier named on a customer's purchase order is the company itself
               "供方", "卖方", "供应商", "供货单位", "供货方", "供应商名称", "供应商编码", "Supplier", "Vendor",
               "Price terms", "Delivery terms", "Trade terms", "Incoterms", "Incoterm", "Lieferbedingungen",
               "Vendor name", "Vendor no.", "Seller", "供方联系人", "供方电话", "供方邮箱", "卖方联系人", "供应商联系人"),
}

LABELS = {field: with_traditional(labels) for field, labels in LABELS.items()}

ITEM_FIELDS = frozenset({"line", "sku", "name", "spec", "unit", "quantity", "unit_price", "amount"})

# "商品2名称", "Item 2 qty": a prefix, the line number, then what of the line it is.
_NUMBERED_PARTS = {
    "名称": "name", "编码": "sku", "代码": "sku", "规格": "spec", "型号": "spec", "规格型号": "spec",
    "数量": "quantity", "单价": "unit_price", "金额": "amount", "单位": "unit",
    "name": "name", "code": "sku", "sku": "sku", "qty": "quantity", "quantity": "quantity",
    "price": "unit_price", "unit price": "unit_price", "spec": "spec", "model": "spec",
    "unit": "unit", "amount": "amount", "description": "name",
}


def _key(label: str) -> str:
    return re.sub(r"[\s.\-/]", "", label.lower())


_BY_KEY = {_key(label): field for field, labels in LABELS.items() for label in labels}
_NUMBERED_PARTS = {form: field for part, field in _NUMBERED_PARTS.items() for form in with_traditional([part])}
_BY_PART = {_key(part): field for part, field in _NUMBERED_PARTS.items()}


def _alternation(words) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s*") for w in ordered)


_PLAIN = _alternation(label for labels in LABELS.values() for label in labels)
# Possessive quantifiers (*+) throughout: whitespace is never given back, so a
# label followed by a long run of spaces costs a scan, not its square.
_LABEL = (rf"(?:(?P<pre>商品|产品|物料|货品|item|product|line)\s*+(?P<n1>\d{{1,3}})\s*+"
          rf"(?P<part>{_alternation(_NUMBERED_PARTS)})"
          rf"|(?P<plain>{_PLAIN})(?:\s*+(?P<n2>\d{{1,3}})(?![\d.,]))?)"
          r"(?:\s*+\((?P<paren>[^()]{0,12})\))?")
# A label starts a line or follows a separator and is followed by ":" or "=".
# A bilingual form doubles its labels ("Payment Terms / 付款条件:", "交货日期 / Delivery date:"): the
# other language's words around the slash go with the label.
_OTHER_LANGUAGE = r"[A-Za-z][A-Za-z .'-]{0,30}?"
LABEL_RE = re.compile(rf"(?:^|(?<=[\s,;、|/】\]]))(?:{_OTHER_LANGUAGE}\s*+/\s*+)?(?:{_LABEL})"
                      rf"(?:\s*+/\s*+[^\s:：/=][^:：/=\n]{{0,30}}?)?\s*+[:=]", re.IGNORECASE)
# The same without the other language's words, for a line with no slash (most lines): it scans much faster.
_LABEL_RE_ONE_LANGUAGE = re.compile(rf"(?:^|(?<=[\s,;、|】\]]))(?:{_LABEL})\s*+[:=]", re.IGNORECASE)
# A table cell that is nothing but a label (a header, or the left cell of a pair).
CELL_LABEL_RE = re.compile(rf"\s*+(?:{_LABEL})\s*+:?\s*+", re.IGNORECASE)


@dataclass(frozen=True)
class Label:
    field: str
    index: int | None = None  # the line number written in the label
    paren: str | None = None  # the bracketed part: a unit ("台") or a currency ("元")


def _label(match: re.Match) -> Label | None:
    if match["pre"]:
        field = _BY_PART.get(_key(match["part"]))
        index = int(match["n1"])
    else:
        field = _BY_KEY.get(_key(match["plain"]))
        index = int(match["n2"]) if match["n2"] else None
    if field is None:
        return None
    paren = (match["paren"] or "").strip() or None
    return Label(field, index, paren)


# A label whose characters a form spaced apart ("联 系 人：", "备    注："): two to five Han characters.
_SPACED_LABEL = re.compile(r"(\s*+)((?:[\u4e00-\u9fff][ \t\u3000]++){1,4}[\u4e00-\u9fff])(?=\s*+[:：])")


def unspaced_label(line: str) -> str:
    """The line with a spaced-out label closed up: "联 系 人：王工" → "联系人：王工"."""
    spaced = _SPACED_LABEL.match(line)
    if not spaced:
        return line
    return spaced[1] + re.sub(r"[ \t\u3000]+", "", spaced[2]) + line[spaced.end(2):]


def find_labels(text: str) -> list[tuple[Label, int, int]]:
    """Each label in `text` with the span of the label and its colon."""
    found = []
    for match in (LABEL_RE if "/" in text else _LABEL_RE_ONE_LANGUAGE).finditer(text):
        label = _label(match)
        if label is not None:
            found.append((label, match.start(), match.end()))
    return found


def label_cell(cell: str) -> Label | None:
    """The label when a table cell holds only a label, such as "商品名称" or "Qty:"."""
    match = CELL_LABEL_RE.fullmatch(cell)
    return _label(match) if match else None


# ---------------------------------------------------------------------------
# Table headers and the rows below an item table
#
# A column header is read with a wider vocabulary than a "label: value" label:
# words such as 描述, 编号 or "Total" head a column often, but in running text
# they would turn sentences into fields. In a header, totals words name the
# line amount ("Total" above each line's amount), and columns that carry
# nothing of the record (图片, 税率, Brand) are recognised so they count as
# header cells, then dropped.

_HEADER_EXTRA: dict[str, tuple[str, ...]] = {
    "line": ("项次", "项号", "编号", "No", "#", "S/N", "SN", "Sr. No.", "Sl. No.", "Seq", "Item #",
             "Item no", "Line item", "Pos", "Pos.", "Position", "Item pos."),
    "sku": ("编码", "代码", "产品编号", "商品编号", "物料编号", "货品编号", "存货编码", "存货代码", "物料代码",
            "零件号", "零件编号", "图号", "产品型号编码", "Code", "Item code", "Part #", "Part no", "Product No.",
            "Product ID", "Product code", "Material No.", "Material number", "Art. No.", "Article No.",
            "Cat. No.", "Catalog No.", "Catalogue No.", "Ref.", "Reference", "Model code"),
    "name": ("存货名称", "设备名称", "设备", "描述", "产品描述", "商品描述", "物料描述", "货物名称", "物品名称", "货品", "物品", "物料", "品名规格",
             "名称规格",
             "品名及规格", "名称及规格", "名称/规格", "产品名称及规格", "Name", "Item description",
             "Description of goods", "Goods description", "Product description", "Desc", "Article",
             "Material description", "Commodity", "Material", "Items", "Products"),
    "spec": ("型号规格", "规格参数", "技术参数", "参数", "尺寸", "产品规格", "商品规格", "物料规格", "产品型号",
             "商品型号", "规格尺寸", "规格说明", "颜色", "表面处理", "Model No.", "Model number", "Type", "Finish",
             "Surface finish", "Color", "Colour",
             "Dimension", "Dimensions", "Spec.", "Specifications"),
    "unit": ("单位", "主计量", "主单位", "计量", "U/M", "Unit of measure", "Units"),
    "quantity": ("需求数量", "订单数量", "件数", "订购量", "采购量", "需求量", "订货量", "订量", "下单数量",
                 "Q'ty", "Qty.", "Quantities", "Order qty", "Order quantity", "Qty ordered", "Quantity ordered"),
    "unit_price": ("未税单价", "不含税单价", "含税价", "采购单价", "订购单价", "销售单价", "U/P", "U.P.", "Rate",
                   "Unit rate", "Price each", "Each", "Price/unit", "Price per unit", "Net price",
                   "Unit price incl. VAT"),
    "amount": ("含税金额", "未税金额", "不含税金额", "采购金额", "小计金额", "总金额", "合计金额", "金额合计",
               "价税合计", "总价", "合计", "总计", "Total", "Total price", "Total amount", "Ext. price",
               "Extended price", "Extension", "Sum", "Subtotal", "Sub-total", "Value", "Net amount", "Line value",
               "Net value", "Total value", "Gross amount", "Amount incl. VAT"),
    "requested_delivery_date": ("交货期", "交期", "交货日", "到货时间", "Delivery", "Delivery date",
                                "Required date", "Ship date", "Due date"),
    "order_date": ("日期", "Date"),
    "special_requirements": ("备注", "说明", "Remark", "Remarks", "Note", "Notes", "Comment", "Comments"),
    "ignore": ("起订量", "起订数量", "最小起订量", "最低起订量", "MOQ", "Min. order", "Minimum order", "图片",
               "图示", "产品图片", "示意图", "Image", "Picture", "Photo", "税率", "Tax rate", "VAT", "品牌",
               "Brand", "产地", "Origin", "材质", "Werkstoff", "币种", "币别", "Currency", "重量", "Weight", "库存", "Stock"),
}
_HEADER_AS_AMOUNT = frozenset({"stated_total", "stated_goods_total"})
# Bracketed words in a header that are no unit: a currency or a tax note.
_NOT_A_UNIT = re.compile(r"元|¥|rmb|cny|usd|\$|人民币|含税|未税|不含|税|%|incl|excl|vat|tax", re.IGNORECASE)


_NOT_IN_KEY = re.compile(r"[\s.\-/_'’:*]")


def _header_key(text: str) -> str:
    return _NOT_IN_KEY.sub("", text.lower())


_HEADER_EXTRA = {field: with_traditional(words) for field, words in _HEADER_EXTRA.items()}


def _build_headers() -> dict[str, str]:
    table: dict[str, str] = {}
    for field, labels in LABELS.items():
        for label in labels:
            table[_header_key(label)] = "amount" if field in _HEADER_AS_AMOUNT else field
    for field, labels in _HEADER_EXTRA.items():
        for label in labels:
            table[_header_key(label)] = field
    table.pop("", None)
    table["#"] = "line"
    return table


_HEADERS = _build_headers()
_PARENS = re.compile(r"[(\[]([^()\[\]]{0,16})[)\]]")
# Runs of CJK and runs of anything else: "数量Qty", "单价 Unit Price" are two parts.
_SCRIPT_RUNS = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff]+|[^\u2e80-\u9fff\uf900-\ufaff]+")
HEADER_MAX = 40  # characters: a longer cell is a value, not a column header


def _unit_in(inner: str) -> str | None:
    """The unit a bracket in a header names: "台", "个/PCS" → "个", "元/台" → "台"."""
    first, slash, per = (part.strip() for part in inner.partition("/"))
    if slash and _NOT_A_UNIT.search(first):
        return per if per and is_unit(per) else None
    return first if first and is_unit(first) else None


def is_unit(text: str | None) -> bool:
    """A short word that can be a unit of measure, not a currency or a tax note."""
    return bool(text) and len(text) <= 8 and not _NOT_A_UNIT.search(text) and not any(c.isdigit() for c in text)


def _header_field(text: str) -> str | None:
    key = _header_key(text)
    if not key:
        return None
    return _HEADERS.get(key) or _HEADERS.get(key.rstrip("#"))  # "Item#"


def _agreed(fields: list[str]) -> str | None:
    """One field for the parts of a bilingual header ("物料编码 Item No." is a code)."""
    distinct = set(fields)
    if len(distinct) == 1:
        return fields[0]
    if distinct == {"line", "sku"}:
        return "sku"
    return None


_CURRENCY_AFTER_COMMA = re.compile(r"\s*+,\s*+(?:EUR|USD|CNY|RMB|GBP|JPY|HKD|AUD|SGD|CHF|RUB|€|\$|元)\s*+$", re.IGNORECASE)


def header_label(cell: str) -> Label | None:
    """What a table column holds, from its header cell (NFKC text): "数量(台)",
    "品名/Description", "单价(元) Unit Price", "规格型号 Spec", "Qty (pcs)", "Item No."

    Bilingual headers are read part by part and the parts must agree; two
    names joined by "/" ("品名/规格") take the first. A bracketed unit is kept
    in `paren` ("台"); a currency or tax note in brackets is not a unit.
    """
    text = cell.strip().strip("*:：").strip()
    if not text or len(text) > HEADER_MAX:
        return None
    paren = None
    if "(" in text or "[" in text:
        for inner in _PARENS.findall(text):
            paren = paren or _unit_in(inner)
        text = _PARENS.sub(" ", text).strip()
    text = _CURRENCY_AFTER_COMMA.sub("", text)  # "Price, EUR", "Sum, USD": the column's currency
    field = _header_field(text)
    if field is None:
        field = _split_header_field(text)
    return Label(field, None, paren) if field else None


def _split_header_field(text: str) -> str | None:
    if "/" in text or "\n" in text:
        alternatives = [part for part in re.split(r"[/\n]", text) if part.strip()]
        fields = [_header_field(part) or _split_header_field(part) if "/" not in part else None
                  for part in alternatives]
        if len(alternatives) >= 2 and all(fields):
            return _agreed(fields) or fields[0]
        if len(alternatives) == 1 and fields[0]:
            return fields[0]
        return None
    parts = [part for part in _SCRIPT_RUNS.findall(text) if part.strip()]
    if len(parts) < 2:
        return None
    fields = [_header_field(part) for part in parts]
    return _agreed(fields) if all(fields) else None


# The first cell of a row below the items that states a figure of the order.
# "total" rows (合计, Total) are the goods total when they equal the sum of the
# lines and the total payable otherwise; "payable" rows always the payable.
_SUMMARY: dict[str, tuple[str, ...]] = {
    "goods": ("小计", "商品总价", "货款", "货款合计", "货款总额", "商品金额", "商品总额", "商品合计", "货物总价",
              "总价", "货值", "Subtotal", "Sub total", "Sub-total", "Goods total", "Merchandise total"),
    "total": ("合计", "总计", "共计", "总合计", "总金额", "合计金额", "金额合计", "总额", "价税合计", "含税合计",
              "含税总额", "含税总价", "订单金额", "订单总额", "合计总价", "合计人民币", "总计人民币", "Total",
              "Totals", "Grand total", "Total amount", "Order total", "Sum", "Total sum", "Total value"),
    "payable": ("实付金额", "应付金额", "应付总额", "实付", "应付", "Amount due", "Total payable", "Total due",
                "Balance due", "Net payable", "Total amount due", "Amount payable"),
    "freight": ("运费", "物流费", "快递费", "运输费", "运杂费", "Freight", "Shipping", "Shipping fee",
                "Shipping & handling", "Shipping and handling", "Delivery fee", "Delivery charge", "Postage",
                "Carriage"),
    "discount": ("折扣", "折扣金额", "优惠", "优惠金额", "让利", "折让", "减免", "Discount", "Rebate"),
    "ignore": ("税额", "增值税", "税金", "税费", "Tax", "VAT", "Sales tax", "大写", "合计大写", "金额大写",
               "人民币大写", "总数量", "数量合计", "合计数量", "总数", "Total qty", "Total quantity",
               "Total pcs", "Total items"),
}
_SUMMARY = {kind: with_traditional(words) for kind, words in _SUMMARY.items()}
_SUMMARY_KEYS = {_header_key(word): kind for kind, words in _SUMMARY.items() for word in words}
# Chinese totals words also start a longer cell: "合计人民币(大写)", "合计金额(含税)".
_SUMMARY_PREFIXES = sorted((key for key in _SUMMARY_KEYS if not key.isascii()), key=len, reverse=True)


_FIGURE_AFTER = re.compile(r"(?P<head>[^\d¥$]*?)\s*+(?P<value>(?:[¥$]|RMB|CNY|人民币)?\s*+\d[\d,.]*+\s*+(?:元|RMB|CNY)?)",
                           re.IGNORECASE)


def summary_kind(cell: str) -> tuple[str, str] | None:
    """(kind, the value written in the same cell) when a row's first cell
    names a total, freight or discount rather than an item: "合计", "Total:",
    "合计：¥10,200", "运费(元)". Kinds: goods, total, payable, freight,
    discount, ignore."""
    text = cell.strip()
    if not text or len(text) > 60:
        return None
    head, colon, value = text.partition(":")
    if "：" in head:
        head, colon, value = text.partition("：")
    if not colon:  # "合计 ¥10,200", "Total RMB 5,000"
        found = _FIGURE_AFTER.fullmatch(text)
        if found:
            head, value = found["head"], found["value"]
    head = _PARENS.sub(" ", head)
    key = _header_key(head)
    if not key or len(key) > 24:
        return None
    kind = _summary_of(head, key)
    if kind is None and not key.isascii():
        parts = [part for part in _SCRIPT_RUNS.findall(head) if part.strip()]  # "Subtotal 小计", "合计 Total"
        kinds = {_summary_of(part, _header_key(part)) for part in parts} if len(parts) == 2 else set()
        kind = kinds.pop() if len(kinds) == 1 else None
    return (kind, value.strip()) if kind else None


def _summary_of(head: str, key: str) -> str | None:
    kind = _SUMMARY_KEYS.get(key)
    if kind is None and not key.isascii():
        kind = next((_SUMMARY_KEYS[prefix] for prefix in _SUMMARY_PREFIXES if key.startswith(prefix)), None)
    elif kind is None:
        kind = _english_summary(head.lower().split())
    return kind


_TOTAL_WORDS = frozenset({"amount", "value", "sum", "price", "cost", "due", "payable", "net", "gross", "order",
                          "goods", "invoice", "incl", "excl", "including", "excluding", "in", "of", "all", "cny",
                          "rmb", "¥", "vat", "tax", "before", "after", "discount", "freight", "&", "and"})
_INCOTERMS = frozenset({"exw", "fca", "fas", "fob", "cfr", "cif", "cpt", "cip", "dap", "dpu", "ddp", "c&f", "cnf"})
_COUNT_WORDS = frozenset({"qty", "quantity", "quantities", "pcs", "pieces", "items", "units", "weight", "cartons"})


def _english_summary(words: list[str]) -> str | None:
    """"Total net value", "Grand total (CNY)", "Sub total excl. VAT", "Total qty";
    not "Total Station" (a product)."""
    words = [word.strip(".,:") for word in words]
    if not words or len(words) > 6:
        return None
    if words[:2] == ["grand", "total"] or words[:2] == ["sub", "total"]:
        start, rest = words[:2], words[2:]
    else:
        start, rest = words[:1], words[1:]
    if start[0] not in ("total", "totals", "subtotal", "sub-total", "grand", "sub"):
        return None
    if any(word in _COUNT_WORDS for word in rest):
        return "ignore"
    if rest and rest[0] in _INCOTERMS:  # "Total CIF Jebel Ali": the total on those terms, the place after them
        rest = []
    if not all(word in _TOTAL_WORDS for word in rest):
        return None
    if start[0] in ("subtotal", "sub-total", "sub"):
        return "goods"
    if "tax" in rest[:1] or "vat" in rest[:1]:
        return "ignore"
    return "payable" if "due" in rest or "payable" in rest else "total"


# Label cells of a header block that are too loose as "label: value" labels in text.
_CELL_EXTRA = {_header_key(word): field for field, words in {
    "order_date": ("日期", "Date", "制单日期", "订购日期"),
    "customer.address": ("交货地点", "送货地点", "收货地点", "到货地点"),
    "payment_terms": ("付款", "结算"),
}.items() for word in words}


def _pair_part(text: str) -> Label | None:
    label = label_cell(text)
    if label is None and len(text) <= 12:
        extra = _CELL_EXTRA.get(_header_key(text))
        label = Label(extra) if extra else None
    return label


def pair_label(cell: str) -> Label | None:
    """The label of a label cell beside its value cell: "客户名称", "联系人：",
    also bilingual ("客户名称 Customer Name", "订单号/PO No.") when every part
    is the same label."""
    label = _pair_part(cell)
    if label is not None:
        return label
    text = cell.strip().rstrip(":：").strip()
    if not text or len(text) > HEADER_MAX:
        return None
    parts = text.split("/") if "/" in text else _SCRIPT_RUNS.findall(text)
    parts = [part for part in parts if part.strip()]
    if len(parts) < 2:
        return None
    labels = [_pair_part(part) for part in parts]
    if not all(labels) or len({label.field for label in labels}) != 1:
        return None
    paren = next((label.paren for label in labels if label.paren), None)
    return Label(labels[0].field, None, paren)
