"""The labels customers write before a value, and the record field each means.

The Chinese labels are those of the company's standard order template
(标准订单格式模板) and their everyday variants; English labels match without
regard to case. A label may carry a line number ("商品2名称", "Item 2 qty",
"数量1") and a unit in brackets ("单价(元)", "数量(台)").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["LABELS", "ITEM_FIELDS", "Label", "find_labels", "label_cell"]

# field name → labels; "line" starts a new line item, "ignore" is read and dropped
# (fields of the template a customer does not fill in, such as 订单状态).
LABELS: dict[str, tuple[str, ...]] = {
    "customer_po": ("订单号", "订单编号", "客户订单号", "采购单号", "采购订单号", "采购订单编号",
                    "采购单编号", "合同号", "合同编号", "PO", "PO No.", "PO Number", "P.O.",
                    "P.O. No.", "Purchase order", "Purchase order no.", "Purchase order number",
                    "Order No.", "Order number", "Customer PO"),
    "order_date": ("下单日期", "订单日期", "订货日期", "采购日期", "Order date", "PO date"),
    "customer.name": ("客户名称", "客户", "公司名称", "公司", "单位名称", "客户单位", "订货单位",
                      "采购单位", "Customer", "Customer name", "Company", "Company name", "Buyer"),
    "customer.code": ("客户编码", "客户代码", "客户编号", "Customer code", "Customer ID",
                      "Customer No.", "Account No."),
    "customer.contact": ("联系人", "收货人", "采购员", "经办人", "Contact", "Contact person",
                         "Contact name", "Attn", "Attention"),
    "customer.phone": ("联系方式", "联系电话", "电话", "手机", "手机号", "手机号码", "座机", "Phone",
                       "Tel", "Telephone", "Mobile", "Cell"),
    "customer.email": ("邮箱", "电子邮件", "电子邮箱", "Email", "E-mail"),
    "customer.address": ("收货地址", "送货地址", "交货地址", "地址", "详细地址", "Address",
                         "Delivery address", "Shipping address", "Ship to"),
    "line": ("序号", "行号", "No.", "Line", "Line No.", "Item No."),
    "sku": ("商品编码", "物料编码", "产品编码", "商品代码", "产品代码", "物料号", "料号", "货号",
            "SKU", "Item code", "Product code", "Part No.", "Part number", "P/N",
            "Material code"),
    "name": ("商品名称", "产品名称", "品名", "商品", "产品", "物料名称", "货品名称", "名称",
             "Product", "Product name", "Item", "Item name", "Description", "Goods"),
    "spec": ("规格型号", "规格", "型号", "Spec", "Specs", "Specification", "Model", "Size"),
    "unit": ("单位", "计量单位", "Unit", "UOM"),
    "quantity": ("数量", "订购数量", "订货数量", "采购数量", "Qty", "Quantity"),
    "unit_price": ("单价", "含税单价", "价格", "Unit price", "Price", "Unit cost"),
    "amount": ("金额", "小计", "行金额", "Amount", "Line total", "Line amount"),
    "stated_goods_total": ("商品总价", "货款", "货款总额", "商品金额", "商品总额", "货物总价", "总价",
                           "Goods total", "Subtotal", "Sub-total", "Merchandise total"),
    "freight": ("运费", "物流费", "快递费", "运输费", "Freight", "Shipping", "Shipping fee",
                "Delivery fee"),
    "discount": ("折扣", "折扣金额", "优惠", "优惠金额", "让利", "Discount"),
    "stated_total": ("实付金额", "应付金额", "合计", "总计", "总金额", "订单金额", "订单总额",
                     "合计金额", "总额", "价税合计", "Total", "Grand total", "Total amount",
                     "Order total", "Amount due", "Total payable"),
    "payment_terms": ("付款方式", "付款条件", "结算方式", "支付方式", "账期", "Payment",
                      "Payment terms", "Terms", "Payment method"),
    "requested_delivery_date": ("要求交付日期", "交货日期", "交付日期", "期望交付时间", "期望交付日期",
                                "到货日期", "送货日期", "交货时间", "交付时间", "要求到货日期",
                                "要求到货时间", "期望到货日期", "交期", "Delivery date",
                                "Required by", "Required date", "Requested delivery date",
                                "Need by", "Delivery"),
    "special_requirements": ("特殊需求", "特殊要求", "备注", "包装要求", "Notes", "Note",
                             "Remarks", "Remark", "Special requirements", "Comments"),
    "ignore": ("订单状态", "状态", "实际发货日期", "预计送达日期", "实际交付日期", "运单号",
               "发货日期", "Status"),
}

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
LABEL_RE = re.compile(rf"(?:^|(?<=[\s,;、|]))(?:{_LABEL})\s*+[:=]", re.IGNORECASE)
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


def find_labels(text: str) -> list[tuple[Label, int, int]]:
    """Each label in `text` with the span of the label and its colon."""
    found = []
    for match in LABEL_RE.finditer(text):
        label = _label(match)
        if label is not None:
            found.append((label, match.start(), match.end()))
    return found


def label_cell(cell: str) -> Label | None:
    """The label when a table cell holds only a label, such as "商品名称" or "Qty:"."""
    match = CELL_LABEL_RE.fullmatch(cell)
    return _label(match) if match else None
