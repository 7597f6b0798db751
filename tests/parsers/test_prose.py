"""Orders written as sentences, in Chinese and English."""
import time
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers import parse_email
from parsers.order_text import build_draft
from parsers.prose import prose_pairs, split_product

MONDAY = date(2023, 10, 2)


def read(text):
    return build_draft(prose_pairs(text), reference_date=MONDAY)


def lines(text):
    draft, _ = read(text)
    return [(line.name, line.spec, line.quantity, line.unit, line.unit_price) for line in draft.lines]


def test_a_chinese_order_sentence_with_numerals_a_price_per_unit_and_a_date():
    draft, problems = read("需要订购QW型潜水排污泵二十台，每台三千一百五十元，要求10月15日前送到")
    assert problems == []
    [line] = draft.lines
    assert (line.name, line.spec, line.quantity, line.unit, line.unit_price) == (
        "QW型潜水排污泵", None, Decimal(20), "台", Decimal(3150))
    assert draft.requested_delivery_date == date(2023, 10, 15)
    assert draft.requested_delivery_text == "要求10月15日前送到"


def test_a_code_beside_the_name_is_the_spec():
    assert lines("我司拟采购不锈钢法兰DN50 两百个，单价45元") == [
        ("不锈钢法兰", "DN50", Decimal(200), "个", Decimal(45))]


def test_an_english_order_sentence():
    draft, problems = read("Please supply 150 units of hydraulic pump HP-200 at RMB 1,280 each, "
                           "delivery by 15 October 2023")
    assert problems == []
    assert [(l.name, l.spec, l.quantity, l.unit, l.unit_price) for l in draft.lines] == [
        ("hydraulic pump", "HP-200", Decimal(150), "units", Decimal(1280))]
    assert draft.requested_delivery_date == date(2023, 10, 15)


def test_two_products_in_one_english_sentence():
    assert lines("We'd like to order 2 sets of X and 30 pcs of Y") == [
        ("X", None, Decimal(2), "sets", None), ("Y", None, Decimal(30), "pcs", None)]


def test_two_products_in_one_chinese_sentence_quantity_first_and_product_first():
    assert lines("订购100台A产品和50套B产品") == [
        ("A产品", None, Decimal(100), "台", None), ("B产品", None, Decimal(50), "套", None)]
    assert lines("采购A产品100台、B产品50套") == [
        ("A产品", None, Decimal(100), "台", None), ("B产品", None, Decimal(50), "套", None)]


def test_a_list_announced_by_a_sentence():
    text = ("您好！\n我司需要订购以下产品：\n1. QW型潜水排污泵 20台，单价3150元\n"
            "2. 不锈钢法兰DN50 200个，单价45元\n请于10月15日前送到，款到发货。")
    draft, problems = read(text)
    assert problems == []
    assert [(l.name, l.spec, l.quantity, l.unit_price) for l in draft.lines] == [
        ("QW型潜水排污泵", None, Decimal(20), Decimal(3150)), ("不锈钢法兰", "DN50", Decimal(200), Decimal(45))]
    assert draft.requested_delivery_date == date(2023, 10, 15)
    assert (draft.payment_terms.text, draft.payment_terms.prepayment_percent) == ("款到发货", Decimal(100))


def test_a_product_named_before_its_quantity_in_another_clause():
    assert lines("We need hydraulic pumps HP-200, 150 units, at RMB 1,280 each.") == [
        ("hydraulic pumps", "HP-200", Decimal(150), "units", Decimal(1280))]


def test_a_price_in_the_next_sentence_belongs_to_the_item():
    assert lines("需要订购球阀DN25 五十个。单价为120元。") == [("球阀", "DN25", Decimal(50), "个", Decimal(120))]


def test_hard_wrapped_english_lines_are_one_sentence():
    text = ("We would like to order 20 boxes of A4 copy paper and 5 sets of\n"
            "HP-200 hydraulic pump at RMB 1,280 per set.")
    assert lines(text) == [("copy paper", "A4", Decimal(20), "boxes", None),
                           ("hydraulic pump", "HP-200", Decimal(5), "sets", Decimal(1280))]


def test_order_level_facts_from_their_own_clauses():
    draft, _ = read("订购100台A产品，共计6万元，运费200元，需木箱包装。30%预付，70%发货前付清")
    assert draft.stated_total == Decimal(60000)
    assert draft.freight == Decimal(200)
    assert draft.special_requirements == "需木箱包装"
    assert draft.payment_terms.text == "30%预付，70%发货前付清"
    assert draft.payment_terms.prepayment_percent == Decimal(30)


@pytest.mark.parametrize("text, percent, days", [
    ("需要订购A产品20台，货到后30天付款", None, 30),
    ("Please supply 10 sets of X. Payment terms: net 60 days.", None, 60),
    ("订购A产品20台，先付一半，余款发货前付清", Decimal(50), None),
    ("Please supply 10 sets of X, T/T 30% in advance, balance before shipment.", Decimal(30), None),
])
def test_payment_terms_written_in_prose(text, percent, days):
    draft, _ = read(text)
    assert (draft.payment_terms.prepayment_percent, draft.payment_terms.credit_days) == (percent, days)


@pytest.mark.parametrize("text, expected", [
    ("订购A产品20台，下周五前送到", date(2023, 10, 13)),
    ("订购A产品20台，月底前交货", date(2023, 10, 31)),
    ("Please supply 10 sets of X, delivery within two weeks.", date(2023, 10, 16)),
    ("订购A产品20台，10天内到货", date(2023, 10, 12)),
])
def test_relative_delivery_dates_in_prose(text, expected):
    draft, _ = read(text)
    assert draft.requested_delivery_date == expected


def test_asap_is_vague_only_when_it_is_about_the_delivery():
    draft, problems = read("订购A产品20台，请尽快发货。")
    assert draft.requested_delivery_text == "请尽快发货"
    assert [(p.field, p.code) for p in problems] == [("requested_delivery_date", "vague")]
    draft, problems = read("订购A产品20台。请尽快回复，谢谢！")
    assert draft.requested_delivery_text is None and problems == []
    draft, problems = read("Please supply 10 sets of X. Please reply as soon as possible.")
    assert draft.requested_delivery_text is None and problems == []


@pytest.mark.parametrize("text", [
    "您好，请问A产品（L-500×300）现在有货吗？100台的话单价多少？交期多久？\n\n谢谢",
    "请报价：QW泵20台",
    "Could you quote for 100 units of HP-200?",
    "Please quote 100 units of HP-200.",
    "需要一个报价",
    "如需订购20台以上，请联系我们",
    "我们暂不需要订购A产品20台",
    "If you order 10 sets of X you get a discount.",
    "Order 2 sets now and get 20% off!",
    "您好，附件是我司资料，请查收。请尽快回复。",
    "本公司成立于2003年，拥有员工200人。",
    "王明\n采购部\n华东精密机械有限公司\n电话：021-5555 0101\n地址：上海市浦东新区张江路100号",
    "Tel: +852 2345 6789\nAddress: 18 Harbour Road, Wan Chai",
    "订购二十台",  # nothing named
])
def test_sentences_about_other_things_are_no_items(text):
    assert [p for p in prose_pairs(text) if p.label.field in ("name", "quantity")] == []


def test_what_only_looks_like_a_date_or_quantity_in_an_order_sentence():
    assert lines("订购10/15型水泵20台") == [("10/15型水泵", None, Decimal(20), "台", None)]
    draft, problems = read("需要订购3.5寸显示屏20个，送到上海市浦东新区张江路100号")
    assert [(l.name, l.quantity) for l in draft.lines] == [("3.5寸显示屏", Decimal(20))]
    assert draft.requested_delivery_date is None and problems == []  # an address is no date


def test_an_order_verb_inside_a_product_name():
    assert lines("订购订书机50个") == [("订书机", None, Decimal(50), "个", None)]


def test_each_product_starts_a_new_line_item():
    pairs = prose_pairs("We'd like to order 2 sets of X and 30 pcs of Y")
    assert [(p.label.field, p.new_item) for p in pairs] == [
        ("name", True), ("quantity", False), ("name", True), ("quantity", False)]


@pytest.mark.parametrize("text, name, spec", [
    ("hydraulic pump HP-200", "hydraulic pump", "HP-200"),
    ("HP-200 hydraulic pump", "hydraulic pump", "HP-200"),
    ("不锈钢法兰DN50", "不锈钢法兰", "DN50"),
    ("H型钢 HW200×200", "H型钢", "HW200×200"),
    ("潜水泵 QW-150", "潜水泵", "QW-150"),
    ("M8螺栓", "螺栓", "M8"),
    ("QW型潜水排污泵", "QW型潜水排污泵", None),
    ("QW150型潜水泵", "QW150型潜水泵", None),
    ("HP-200", "HP-200", None),  # a product written only as a code is its name
    ("A产品", "A产品", None),
    ("pump, model HP-200", "pump", "HP-200"),
])
def test_splits_name_and_spec(text, name, spec):
    assert split_product(text) == (name, spec)


def _mail(body, subject="订单"):
    head = ("From: 王明 <wangming@hd-precision.cn>\r\nTo: orders@example.com\r\n"
            f"Subject: {subject}\r\nDate: Mon, 02 Oct 2023 09:00:00 +0800\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\n")
    return (head + body).encode("utf-8")


def test_a_prose_email_parses_to_an_order():
    body = ("您好！\n\n需要订购QW型潜水排污泵二十台，每台三千一百五十元，要求10月15日前送到。货到后30天付款。\n"
            "请尽快回复，谢谢！\n\n王明\n采购部\n华东精密机械有限公司\n电话：021-5555 0101\n地址：上海市浦东新区张江路100号\n")
    result = parse_email(_mail(body)).contract()
    assert result["kind"] == "order"
    draft = result["draft"]
    assert draft["lines"] == [{"line_no": 1, "sku": None, "name": "QW型潜水排污泵", "spec": None, "unit": "台",
                               "quantity": "20", "unit_price": "3150", "amount": None}]
    assert draft["requested_delivery_date"] == "2023-10-15"
    assert draft["payment_terms"] == {"text": "货到后30天付款", "prepayment_percent": None, "credit_days": 30}
    assert draft["customer"] == {"code": None, "name": "华东精密机械有限公司", "contact": "王明",
                                 "phone": "021-5555 0101", "email": "wangming@hd-precision.cn",
                                 "address": "上海市浦东新区张江路100号"}
    assert result["problems"] == []


def test_an_enquiry_in_prose_stays_other():
    body = "您好，请问A产品（L-500×300）现在有货吗？100台的话单价多少？交期多久？\n\n谢谢"
    assert parse_email(_mail(body, subject="A产品")).kind == "other"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=500))
def test_never_raises_on_arbitrary_text(text):
    prose_pairs(text)
    prose_pairs("需要订购" + text + "二十台，每台" + text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["需要订购", "QW型", "潜水泵", "二十", "台", "，", "。", "每台", "三千", "元", "要求",
                                 "10月15日", "前送到", "order", " 2 ", "sets", " of ", "X", " at ", "RMB", "1,280",
                                 "each", "\n", "？", "如下：", "1. ", "HP-200", "DN50", "预付", "30%", "月底"]),
                max_size=60))
def test_never_raises_on_order_shaped_text(parts):
    text = "".join(parts)
    build_draft(prose_pairs(text), reference_date=MONDAY)


@pytest.mark.parametrize("shape", ["需要订购二十台 ", "订购A 1台、", "一", " ", "订购，", "x" * 70 + "\n",
                                   "Please supply 150 units of pump HP-200 at RMB 1,280 each. "])
def test_long_text_is_read_in_linear_time(shape):
    text = shape * (1_000_000 // len(shape))
    start = time.perf_counter()
    prose_pairs(text)
    assert time.perf_counter() - start < 1


def test_a_spec_in_a_clause_of_its_own_belongs_to_the_item_before_it():
    text = "请给我们发一百五十件冲锋衣，型号GL-J302，每件二百八十元；再要两百顶遮阳帽，每顶三十五元。月底前送到就行。"
    draft, problems = read(text)
    assert problems == []
    assert [(l.name, l.spec, l.quantity, l.unit, l.unit_price) for l in draft.lines] == [
        ("冲锋衣", "GL-J302", Decimal(150), "件", Decimal(280)), ("遮阳帽", None, Decimal(200), "顶", Decimal(35))]
    assert draft.requested_delivery_date == date(2023, 10, 31)


def test_a_spec_in_brackets_loses_its_brackets_and_its_word():
    assert lines("Please supply 150 units of Stainless Butterfly Valve (size DN40) at CNY 385 per unit") == [
        ("Stainless Butterfly Valve", "DN40", Decimal(150), "units", Decimal(385))]
    assert lines("we would like to order 40 sets of paddlewheel aerators (model PW-2HP) at CNY 1,150 per set") == [
        ("paddlewheel aerators", "PW-2HP", Decimal(40), "sets", Decimal(1150))]


def test_two_thousand_metres_at_a_price_per_metre():
    assert lines("我司工地需要电缆两千米，规格YJV 3×95+2×50，每米一百八十六元") == [
        ("电缆", "YJV 3×95+2×50", Decimal(2000), "米", Decimal(186))]
    assert lines("需要光缆两千米") == [("光缆", None, Decimal(2), "千米", None)]  # no price per 米: kilometres


def test_full_width_digits_and_decimal_point():
    assert lines("这次要订购茶叶包装礼盒１００箱，每箱４５０元；另外要手提纸袋２００个，每个３．５元。") == [
        ("茶叶包装礼盒", None, Decimal(100), "箱", Decimal(450)), ("手提纸袋", None, Decimal(200), "个", Decimal("3.5"))]


@pytest.mark.parametrize("text, address", [
    ("订购A产品20台。交货时间为2024年5月8日，送货到广州市番禺区南村镇兴业大道工地。", "广州市番禺区南村镇兴业大道工地"),
    ("订购A产品20台，麻烦５月１０日前送到福州市仓山区城门镇茶园路６号。", "福州市仓山区城门镇茶园路６号"),
    ("Please supply 10 sets of X. We need the goods delivered by 31 May 2024 to our warehouse at "
     "Industriestrasse 12, 85354 Freising, Germany.", "Industriestrasse 12, 85354 Freising, Germany"),
    ("Please supply 10 sets of X. Delivery: 2024-06-05 to Plot 17, SIPCOT Industrial Park, Tuticorin, "
     "Tamil Nadu 628008, India.", "Plot 17, SIPCOT Industrial Park, Tuticorin, Tamil Nadu 628008, India"),
])
def test_the_delivery_address_from_a_sentence(text, address):
    draft, _ = read(text)
    assert draft.customer.address == address


@pytest.mark.parametrize("text", ["订购A产品20台，请于5月20日前送到我厂。", "Please supply 10 sets of X, deliver to us by 15 October."])
def test_a_place_that_is_no_address_is_not_read(text):
    draft, _ = read(text)
    assert draft.customer.address is None


@pytest.mark.parametrize("text, terms", [
    ("订购A产品20台。\n\n付款按老规矩，月结30天。", "月结30天"),
    ("订购A产品20台，付款方式为预付30%，验收合格后付清余款。", "预付30%，验收合格后付清余款"),
    ("订购A产品20台。\n付款：全款预付。", "全款预付"),
    ("订购A产品20台。付款方式另行商定。", None),
])
def test_payment_terms_are_read_without_their_lead_in(text, terms):
    draft, _ = read(text)
    assert draft.payment_terms.text == terms


def test_notes_are_requests_about_packing_and_documents():
    draft, _ = read("订购钢化玻璃60片，每片215元。玻璃需贴3M保护膜，请于5月28日前送货。")
    assert draft.special_requirements == "玻璃需贴3M保护膜"
    draft, _ = read("订购纸箱60个。\n\n广州穗丰包装材料有限公司")
    assert draft.special_requirements is None  # a company's name is no packing request


def test_without_items_only_the_order_level_facts_are_read():
    text = ("Item: Dynamic rope 9.8mm x 60m\nQuantity: 150 pcs\nRemarks: label each carton.\n\n"
            "We also need 20 sets of X.\nPlease deliver by the end of this month.\n付款方面，款到发货")
    pairs = prose_pairs(text, items=False)
    assert [(p.label.field, p.value) for p in pairs] == [
        ("requested_delivery_date", "Please deliver by the end of this month"), ("payment_terms", "款到发货")]


def test_the_lines_of_an_announced_list_are_items_with_their_codes_specs_prices_and_amounts():
    from parsers.prose import prose_pairs

    text = ("We need two items:\n\n1. P004 Control board, model CB-24V - 80 pcs @ $50.00\n"
            "(2) P002 B product (model L-800x400) x 2 sets @ SGD 1,560.00\n")
    assert [(p.label.field, p.value) for p in prose_pairs(text)] == [
        ("sku", "P004"), ("name", "Control board"), ("spec", "CB-24V"), ("quantity", "80 pcs"), ("unit_price", "$50.00"),
        ("sku", "P002"), ("name", "B product"), ("spec", "L-800x400"), ("quantity", "2 sets"),
        ("unit_price", "SGD 1,560.00")]
    zh = "订货如下：\n1、A产品，规格L-500×300，50台，单价500元，金额25000元\n控制板，型号CB-24V，80块，360元/块\n"
    assert [(p.label.field, p.value) for p in prose_pairs(zh)] == [
        ("name", "A产品"), ("spec", "L-500×300"), ("quantity", "50台"), ("unit_price", "500元"), ("amount", "25000元"),
        ("name", "控制板"), ("spec", "CB-24V"), ("quantity", "80块"), ("unit_price", "360元/块")]


def test_colloquial_repeat_orders_name_the_product_before_the_verb_or_in_the_clause_before():
    from parsers.prose import prose_pairs

    def read(text):
        return [(p.label.field, p.value) for p in prose_pairs(text)]

    assert read("小李，B产品再给我订6台，还是1200一台") == [("name", "B产品"), ("quantity", "6台"), ("unit_price", "1200一台")]
    assert read("控制板（型号CB-24V）再来200块，单价还是360元") == [
        ("name", "控制板"), ("spec", "CB-24V"), ("quantity", "200块"), ("unit_price", "360元")]
    assert read("还是上次那款RO反渗透设备（型号HY-RO-2T），再来两套，单价按上次的23500") == [
        ("name", "RO反渗透设备"), ("spec", "HY-RO-2T"), ("quantity", "两套"), ("unit_price", "23500")]


def test_a_delivery_address_after_a_bare_song():
    from parsers.prose import prose_pairs

    pairs = prose_pairs("急单，麻烦帮我安排：\n控制板，型号CB-24V，80块，360元/块\n送广州市黄埔区开创大道2633号 珠江自动化\n")
    assert ("customer.address", "广州市黄埔区开创大道2633号 珠江自动化") in [(p.label.field, p.value) for p in pairs]


def test_a_traditional_list_with_chinese_numeral_marks_asked_to_be_shipped():
    from parsers.prose import prose_pairs

    text = "本公司客戶編號為CUST0932，煩請依下列明細出貨：\n\n一、A產品，規格 L-500×300，數量 12 台，單價 500 元\n"
    assert [(p.label.field, p.value) for p in prose_pairs(text)] == [
        ("name", "A產品"), ("spec", "L-500×300"), ("quantity", "12 台"), ("unit_price", "500 元")]
    reported = "贵司订单已于今日按下列明细发货：\n一、A产品，规格 L-500×300，12 台\n"
    assert not [p for p in prose_pairs(reported) if p.label.field == "quantity"]
