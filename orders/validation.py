"""The checks of procedure steps 1–2 (需求确认, 录入与初审) on an order record.

Each check returns problems, never raises: the problems become the questions
the customer is asked, or the notes of the initial review.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from orders.master import CustomerRecord, MasterData
from orders.model import Order, OrderLine, Problem
from orders.money import ZERO
from orders.text import norm, same

CUSTOM_WORDS = ("定制", "非标", "订制", "custom")
# A drawing or a parameter sheet: what 定制规格 needs before anyone can quote it.
DRAWING_EXTENSIONS = (".pdf", ".dwg", ".dxf", ".step", ".stp", ".igs", ".iges", ".png",
                      ".jpg", ".jpeg", ".tif", ".tiff", ".xlsx", ".xls", ".csv", ".zip")
HAS_PARAMETER = re.compile(r"\d")


def problem(field: str, code: str, detail: str) -> Problem:
    return Problem(field=field, code=code, detail=detail)


def check_required(order: Order) -> list[Problem]:
    """The required fields of the order entry (必填项): customer name, at least
    one line, and on each line a quantity and a price or amount."""
    found = []
    if not order.customer.name:
        found.append(problem("customer.name", "missing", "请提供客户名称 / customer name"))
    if not order.lines:
        found.append(problem("lines", "missing", "请列出所订商品:名称、规格、数量、单价 / the items ordered"))
    for line in order.lines:
        found.extend(_check_line_required(line))
    return found


def check_deliverable(order: Order) -> list[Problem]:
    """What step 1 must settle before the order can be confirmed: where to,
    whom to call, and by when (the customer record fills the first two)."""
    found = []
    if not order.customer.address:
        found.append(problem("customer.address", "missing", "请提供收货地址 / delivery address"))
    if not (order.customer.phone or order.customer.email):
        found.append(problem("customer.phone", "missing", "请提供联系电话 / contact phone"))
    if order.requested_delivery_date is None and not order.requested_delivery_text:
        found.append(problem("requested_delivery_date", "missing",
                             "请提供要求交付日期 / the delivery date you need"))
    return found


def _check_line_required(line: OrderLine) -> list[Problem]:
    at = f"lines[{line.line_no}]"
    label = line.name or line.sku or f"第{line.line_no}项"
    found = []
    if not (line.sku or line.name):
        found.append(problem(f"{at}.name", "missing", f"第{line.line_no}项缺少商品名称或编码 / item name or code"))
    if line.quantity is None:
        found.append(problem(f"{at}.quantity", "missing", f"{label}:请提供数量 / quantity"))
    elif line.quantity <= 0:
        found.append(problem(f"{at}.quantity", "invalid", f"{label}:数量须大于零 / quantity must be above zero"))
    if line.unit_price is None and line.amount is None:
        found.append(problem(f"{at}.unit_price", "missing", f"{label}:请提供单价或金额 / unit price or amount"))
    return found


def check_arithmetic(order: Order) -> list[Problem]:
    """单价×数量、运费、折扣: every figure the customer stated must add up."""
    found = []
    for line in order.lines:
        if line.amount is not None and line.quantity is not None and line.unit_price is not None:
            computed = line.computed_amount()
            if computed != line.amount:
                found.append(problem(f"lines[{line.line_no}].amount", "mismatch",
                                     f"{line.name or line.sku}:{line.quantity} × {line.unit_price} = {computed},"
                                     f"邮件中写的是 {line.amount} / line amount does not add up"))
    if order.goods_total is not None and order.stated_goods_total is not None \
            and order.goods_total != order.stated_goods_total:
        found.append(problem("goods_total", "mismatch",
                             f"商品总价应为 {order.goods_total},邮件中写的是 {order.stated_goods_total} / goods total"))
    if order.total_payable is not None and order.stated_total is not None \
            and order.total_payable != order.stated_total:
        found.append(problem("total_payable", "mismatch",
                             f"实付金额应为 {order.total_payable}(商品 {order.goods_total} + 运费 {order.freight}"
                             f" − 折扣 {order.discount}),邮件中写的是 {order.stated_total} / total payable"))
    return found


# Beyond these a figure is a typo (or an attack), not an order.
MAX_QUANTITY = Decimal("1000000000")
MAX_AMOUNT = Decimal("1000000000000")


def check_amounts(order: Order) -> list[Problem]:
    """Figures must be positive and plausible, and a discount cannot exceed the goods."""
    found = []
    for line in order.lines:
        at, label = f"lines[{line.line_no}]", line.name or line.sku or f"第{line.line_no}项"
        if line.quantity is not None and line.quantity > MAX_QUANTITY:
            found.append(problem(f"{at}.quantity", "invalid", f"{label}:数量 {line.quantity} 不合理 / implausible quantity"))
        for field, value in (("unit_price", line.unit_price), ("amount", line.amount)):
            if value is not None and not ZERO <= value <= MAX_AMOUNT:
                found.append(problem(f"{at}.{field}", "invalid", f"{label}:金额 {value} 不合理 / implausible amount"))
    for field, label in (("freight", "运费"), ("discount", "折扣")):
        value = getattr(order, field)
        if not ZERO <= value <= MAX_AMOUNT:
            found.append(problem(field, "invalid", f"{label} {value} 不合理 / implausible {field}"))
    if order.goods_total is not None and order.discount > order.goods_total:
        found.append(problem("discount", "invalid",
                             f"折扣 {order.discount} 超过商品总价 {order.goods_total} / discount exceeds the goods total"))
    return found


def check_dates(order: Order, today: date) -> list[Problem]:
    if order.requested_delivery_date is None and order.requested_delivery_text:
        return [problem("requested_delivery_date", "vague",
                        f"“{order.requested_delivery_text}”不是具体日期,请给出要求交付的日期 / please give a date")]
    if order.requested_delivery_date is not None and order.requested_delivery_date < today:
        return [problem("requested_delivery_date", "invalid",
                        f"要求交付日期 {order.requested_delivery_date} 已过,请重新确认 / the date is in the past")]
    return []


def is_custom(line: OrderLine) -> bool:
    if line.kind == "custom":
        return True
    text = f"{line.name or ''} {line.spec or ''}".casefold()
    return any(word in text for word in CUSTOM_WORDS)


def has_drawing(order: Order) -> bool:
    return any(a.filename.casefold().endswith(DRAWING_EXTENSIONS) for a in order.attachments)


def check_custom_specs(order: Order) -> list[Problem]:
    """定制规格 needs a drawing or parameters before it can be quoted and built."""
    if has_drawing(order):
        return []
    found = []
    for line in order.lines:
        spec_without_words = norm(line.spec)
        for word in CUSTOM_WORDS:
            spec_without_words = spec_without_words.replace(word, "")
        if is_custom(line) and not HAS_PARAMETER.search(spec_without_words):
            found.append(problem(f"lines[{line.line_no}].spec", "needs_drawing",
                                 f"{line.name or line.sku}:定制规格请附图纸或提供参数(尺寸、材质等)"
                                 " / custom item: attach a drawing or give the parameters"))
    return found


def check_customer(order: Order, record: CustomerRecord | None) -> list[Problem]:
    """客户信息(名称、地址、联系方式)与档案一致."""
    if record is None:
        return [problem("customer.code", "unknown",
                        f"在客户档案中找不到“{order.customer.name or order.customer.email or ''}”,"
                        "请提供客户编码或注册的公司全称 / customer not found in our records")]
    found = []
    for field, label in (("name", "客户名称"), ("address", "收货地址"), ("contact", "联系人")):
        given, on_file = getattr(order.customer, field), getattr(record, field)
        if given and on_file and not same(given, on_file):
            found.append(problem(f"customer.{field}", "mismatch",
                                 f"{label}“{given}”与档案“{on_file}”不一致,请确认 / differs from our records"))
    return found


def check_products(order: Order, master: MasterData) -> list[Problem]:
    if not master.has_products():
        return []
    return [problem(f"lines[{line.line_no}].sku", "unknown",
                    f"商品编码 {line.sku} 不在商品目录中,请核对 / unknown item code")
            for line in order.lines if line.sku and master.product_by_sku(line.sku) is None]


def review(order: Order, *, customer: CustomerRecord | None, master: MasterData, today: date) -> list[Problem]:
    """Every check of steps 1–2, one problem per field (the first found wins)."""
    found = (check_required(order) + check_deliverable(order) + check_amounts(order) + check_dates(order, today) + check_custom_specs(order)
             + check_arithmetic(order) + check_customer(order, customer) + check_products(order, master))
    return dedupe(found)


def combine(parse_problems: list[Problem], checks: list[Problem]) -> list[Problem]:
    """The checks' questions, except that where a check only saw a value
    missing, the parser's word on why (unreadable, say) is the better question."""
    by_field = {p.field: p for p in parse_problems}
    merged = [by_field.pop(p.field) if p.code == "missing" and p.field in by_field else p for p in checks]
    covered = {p.field for p in merged}
    return dedupe(merged + [p for p in by_field.values() if p.field not in covered])


def dedupe(problems: list[Problem]) -> list[Problem]:
    seen, kept = set(), []
    for p in problems:
        if p.field not in seen:
            seen.add(p.field)
            kept.append(p)
    return kept
