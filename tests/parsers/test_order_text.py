"""The label:value body of an order, as customers write it."""
from datetime import date
from decimal import Decimal

import pytest

from parsers import parse_order_text
from parsers.labels import label_cell

REF = date(2023, 10, 1)


def parse(text):
    return parse_order_text(text, reference_date=REF)


SEED = """订单号：SO2023901
客户名称：公司
序号：1
商品总价：50,000元
要求交付日期：2023-10-15
特殊需求：需防潮包装
下单日期：2023-10-01
客户编码：CUST001
商品编码：P001
运费：800元
实际发货日期：2023-10-14
付款方式：预付30%
订单状态：已生效
联系人：*先生
商品名称：A产品
折扣金额：0元
预计送达日期：2023-10-16
联系方式：123
规格型号：L-500×300
实付金额：50,800元
实际交付日期：2023-10-16
收货地址：市区路
单位：台
数量：100
单价(元)：500
"""


def test_reads_the_seed_template_in_its_own_field_order():
    draft, problems = parse(SEED)
    assert problems == []
    assert draft.customer_po == "SO2023901"
    assert draft.customer.model_dump() == {"code": "CUST001", "name": "公司", "contact": "*先生",
                                           "phone": "123", "email": None, "address": "市区路"}
    [line] = draft.lines
    assert (line.line_no, line.sku, line.name, line.spec, line.unit) == (1, "P001", "A产品", "L-500×300", "台")
    assert (line.quantity, line.unit_price) == (Decimal(100), Decimal(500))
    assert draft.stated_goods_total == Decimal(50000)
    assert (draft.freight, draft.discount, draft.stated_total) == (Decimal(800), Decimal(0), Decimal(50800))
    assert draft.payment_terms.prepayment_percent == Decimal(30)
    assert draft.order_date == date(2023, 10, 1)
    assert draft.requested_delivery_date == date(2023, 10, 15)
    assert draft.special_requirements == "需防潮包装"


def test_template_fields_the_customer_does_not_fill_are_ignored():
    draft, _ = parse("实际交付日期：2023-10-16\n预计送达日期：2023-10-20\n订单状态：已生效\n")
    assert draft.requested_delivery_date is None


@pytest.mark.parametrize("separator", ["：", ":", " : ", "=", " = "])
def test_full_and_half_width_colons_and_equals(separator):
    draft, _ = parse(f"商品名称{separator}A产品\n数量{separator}5台")
    assert (draft.lines[0].name, draft.lines[0].quantity, draft.lines[0].unit) == ("A产品", 5, "台")


def test_english_labels_ignore_case():
    draft, _ = parse("PRODUCT: Widget\nqty: 3\nUNIT PRICE: 9.90\nship to: 1 Main St")
    line = draft.lines[0]
    assert (line.name, line.quantity, line.unit_price) == ("Widget", 3, Decimal("9.90"))
    assert draft.customer.address == "1 Main St"


def test_several_pairs_on_one_line():
    draft, _ = parse("商品名称：A产品  数量：100台  单价：500元")
    assert (draft.lines[0].name, draft.lines[0].quantity, draft.lines[0].unit_price) == ("A产品", 100, 500)


def test_a_repeated_item_field_starts_a_new_line():
    draft, _ = parse("商品名称：A产品\n数量：1\n商品名称：B产品\n数量：2\n")
    assert [(l.line_no, l.name, l.quantity) for l in draft.lines] == [(1, "A产品", 1), (2, "B产品", 2)]


def test_serial_number_starts_a_new_line():
    draft, _ = parse("序号：1\n商品编码：P1\n序号：2\n商品名称：B产品\n")
    assert [(l.sku, l.name) for l in draft.lines] == [("P1", None), (None, "B产品")]


def test_numbered_labels_pick_their_line():
    draft, _ = parse("商品1名称：甲\n商品2名称：乙\n数量2：20\n数量1：10\nItem 3 qty: 30\n")
    assert [(l.name, l.quantity) for l in draft.lines] == [("甲", 10), ("乙", 20), (None, 30)]


def test_a_table_with_a_header_row_gives_one_line_per_row():
    text = "商品编码 | 商品名称 | 数量 | 单价\n---|---|---|---\nP1 | 甲 | 10台 | 5\nP2 | 乙 | 20 | 6.5\n"
    draft, _ = parse(text)
    assert [(l.sku, l.name, l.quantity, l.unit_price) for l in draft.lines] == [
        ("P1", "甲", 10, 5), ("P2", "乙", 20, Decimal("6.5"))]


def test_label_and_value_cells():
    draft, _ = parse("客户名称\t上海某公司\t联系人：\t李四\n")
    assert (draft.customer.name, draft.customer.contact) == ("上海某公司", "李四")


def test_the_unit_comes_from_the_quantity_or_the_label_or_the_price():
    assert parse("商品名称：A\n数量：100台")[0].lines[0].unit == "台"
    assert parse("商品名称：A\n数量（箱）：100")[0].lines[0].unit == "箱"
    assert parse("商品名称：A\n数量：100\n单价：500元/套")[0].lines[0].unit == "套"
    assert parse("商品名称：A\n单位：个\n数量：100台")[0].lines[0].unit == "个"


def test_a_bad_quantity_is_an_invalid_problem_named_by_its_line():
    draft, problems = parse("商品名称：A产品\n数量：5\n商品名称：B产品\n数量：abc\n")
    assert draft.lines[1].quantity is None
    assert [(p.field, p.code) for p in problems] == [("lines[2].quantity", "invalid")]
    assert "abc" in problems[0].detail


def test_a_vague_date_keeps_its_wording_and_is_a_vague_problem():
    draft, problems = parse("商品名称：A\n要求交付日期：尽快，越快越好")
    assert draft.requested_delivery_date is None
    assert draft.requested_delivery_text == "尽快，越快越好"  # the customer's own wording, to quote back
    assert [(p.field, p.code) for p in problems] == [("requested_delivery_date", "vague")]


def test_an_unreadable_date_is_invalid():
    _, problems = parse("交货日期：某天")
    assert [(p.field, p.code) for p in problems] == [("requested_delivery_date", "invalid")]


def test_a_delivery_window_gives_its_first_day_and_keeps_the_text():
    draft, problems = parse("送货日期：10月15日-10月16日")
    assert draft.requested_delivery_date == date(2023, 10, 15)
    assert draft.requested_delivery_text == "10月15日-10月16日"
    assert problems == []


def test_bad_amounts_are_invalid_and_open_prices_vague():
    _, problems = parse("商品名称：A\n单价：面议\n运费：很多\n折扣：9折")
    assert [(p.field, p.code) for p in problems] == [
        ("lines[1].unit_price", "vague"), ("freight", "invalid"), ("discount", "invalid")]


def test_a_custom_spec_asks_for_a_drawing():
    _, problems = parse("商品名称：控制柜\n规格型号：定制\n数量：1")
    assert [(p.field, p.code) for p in problems] == [("lines[1].spec", "needs_drawing")]


def test_payment_terms_keep_text_percent_and_days():
    draft, _ = parse("付款方式：预付30%，余款月结60天")
    assert draft.payment_terms.model_dump() == {"text": "预付30%，余款月结60天",
                                                "prepayment_percent": Decimal(30), "credit_days": 60}


def test_codes_are_ascii_and_free_text_keeps_its_characters():
    draft, _ = parse("商品编码：Ｐ００１\n商品名称：Ａ产品（加强型）\n客户编码：ＣＵＳＴ００１")
    assert draft.lines[0].sku == "P001"
    assert draft.lines[0].name == "Ａ产品（加强型）"
    assert draft.customer.code == "CUST001"


def test_notes_on_the_next_line_and_several_notes_are_kept():
    draft, _ = parse("备注：\n请周一送货\n特殊需求：需防潮包装")
    assert draft.special_requirements == "请周一送货；需防潮包装"


def test_the_first_value_of_an_order_field_counts():
    draft, _ = parse("客户名称：甲公司\n公司名称：乙公司")
    assert draft.customer.name == "甲公司"


def test_an_email_label_needs_an_address():
    draft, problems = parse("邮箱：Li.Si@Example.COM")
    assert draft.customer.email == "li.si@example.com" and problems == []
    _, problems = parse("邮箱：稍后提供")
    assert [(p.field, p.code) for p in problems] == [("customer.email", "invalid")]


def test_words_inside_a_sentence_are_not_labels():
    draft, _ = parse("请注意数量：100台的包装\n实际交付日期：2023-10-16")
    assert draft.lines == [] and draft.requested_delivery_date is None


@pytest.mark.parametrize("cell, field", [("商品名称", "name"), ("Qty:", "quantity"), ("单价（元）", "unit_price"),
                                         ("商品2编码", "sku"), ("Unit Price", "unit_price"), ("P/N", "sku")])
def test_label_cells(cell, field):
    from parsers.text import normalize
    assert label_cell(normalize(cell)).field == field


def test_plain_text_is_no_order():
    draft, problems = parse("您好，请问A产品有货吗？")
    assert draft.lines == [] and problems == []


def test_a_customer_field_ends_with_its_sentence_and_a_minus_discount_is_its_amount():
    from parsers.order_text import parse_order_text

    draft, problems = parse_order_text("地址：绍兴市柯桥区兴滨路2号。到了打我电话\n电话：0931-2612345。\n优惠：-1000元（老客户返利）\n")
    assert draft.customer.address == "绍兴市柯桥区兴滨路2号" and draft.customer.phone == "0931-2612345"
    assert str(draft.discount) == "1000" and not [p for p in problems if p.field == "discount"]


def test_the_one_bare_cell_of_an_item_line_of_labelled_cells_is_the_name():
    from parsers.order_text import parse_order_text

    draft, _ = parse_order_text("SKU: P004 | Control board | Spec: CB-24V | Qty: 40 pcs | Unit price: 355\n"
                                "SKU: P001 | A product | Qty: 10 units | Unit price: 495\n")
    assert [(line.sku, line.name, line.spec, str(line.quantity)) for line in draft.lines] == [
        ("P004", "Control board", "CB-24V", "40"), ("P001", "A product", None, "10")]
