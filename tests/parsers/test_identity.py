"""Who the customer is when no label says it."""
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orders.model import CustomerInfo, OrderDraft
from parsers import parse_email
from parsers.identity import fill_identity, signature_identity
from parsers.result import Envelope

SENDER = Envelope(subject="订单", sender="wangming@hd-precision.cn", sender_name="王明")


def filled(text="", envelope=SENDER, **customer):
    draft = OrderDraft(customer=CustomerInfo(**customer))
    fill_identity(draft, text, envelope)
    return draft.customer


@pytest.mark.parametrize("name, expected_name, code", [
    ("华东精密（编码 C-1024）", "华东精密", "C-1024"),
    ("华东精密（客户编码：C-1024）", "华东精密", "C-1024"),
    ("华东精密(C-1024)", "华东精密", "C-1024"),
    ("华东精密，编码C-1024", "华东精密", "C-1024"),
    ("ACME Ltd (code ACME01)", "ACME Ltd", "ACME01"),
    ("ACME Ltd (Customer ID: ACME01)", "ACME Ltd", "ACME01"),
    ("华东精密（上海）有限公司", "华东精密（上海）有限公司", None),  # a place in brackets is part of the name
    ("Pacific Rim (HK) Ltd", "Pacific Rim (HK) Ltd", None),
])
def test_a_name_with_its_code_is_split(name, expected_name, code):
    customer = filled(name=name)
    assert (customer.name, customer.code) == (expected_name, code)


def test_a_labelled_code_is_kept_when_the_name_carries_another():
    customer = filled(name="华东精密（编码 C-1024）", code="CUST001")
    assert (customer.name, customer.code) == ("华东精密", "CUST001")


def test_a_code_with_the_name_in_brackets():
    customer = filled(code="C-1024（华东精密）")
    assert (customer.name, customer.code) == ("华东精密", "C-1024")


@pytest.mark.parametrize("contact, name, phone", [
    ("王明 13800138000", "王明", "13800138000"),
    ("王明（电话：021-5555 0101）", "王明", "021-5555 0101"),
    ("Jane Doe, Tel +852 2345 6789", "Jane Doe", "+852 2345 6789"),
    ("王明", "王明", None),
])
def test_a_contact_with_a_phone_is_split(contact, name, phone):
    customer = filled(contact=contact)
    assert (customer.contact, customer.phone) == (name, phone)


SIGNED = """您好！

需要订购QW型潜水排污泵二十台，每台三千一百五十元。

王明
采购部
华东精密机械有限公司
电话：021-5555 0101
传真：021-5555 0102
地址：上海市浦东新区张江路100号
"""


def test_the_signature_block_fills_the_customer():
    customer = filled(SIGNED)
    assert customer.model_dump() == {"code": None, "name": "华东精密机械有限公司", "contact": "王明",
                                     "phone": "021-5555 0101", "email": "wangming@hd-precision.cn",
                                     "address": "上海市浦东新区张江路100号"}


def test_labelled_values_are_never_overwritten():
    customer = filled(SIGNED, name="华东精密", contact="王先生", phone="13800138000", email="buyer@hd.cn",
                      address="上海市浦东新区张江路200号")
    assert customer.model_dump() == {"code": None, "name": "华东精密", "contact": "王先生",
                                     "phone": "13800138000", "email": "buyer@hd.cn",
                                     "address": "上海市浦东新区张江路200号"}


@pytest.mark.parametrize("text, expected", [
    ("订购A产品20台。\n\n此致\n敬礼\n王建国\n采购部  电话：021-55556666\n",
     {"contact": "王建国", "phone": "021-55556666", "name": None, "address": None}),
    ("Please supply 10 sets of X.\n\nBest regards,\nJane Doe\nPurchasing Manager\nPacific Rim Trading Ltd.\n"
     "Tel: +852 2345 6789\nFax: +852 2345 6780\n18 Harbour Road, Wan Chai, Hong Kong\n",
     {"contact": "Jane Doe", "phone": "+852 2345 6789", "name": "Pacific Rim Trading Ltd.",
      "address": "18 Harbour Road, Wan Chai, Hong Kong"}),
    ("订购A产品20台。\n--\n李华 | 苏州恒通电子有限公司\n手机：138 0013 8000\n",
     {"contact": "李华", "phone": "138 0013 8000", "name": "苏州恒通电子有限公司", "address": None}),
    ("Order below.\n\nThanks,\nHans Müller\nMüller Maschinenbau GmbH\n+49 89 1234 5678\n",
     {"contact": "Hans Müller", "phone": "+49 89 1234 5678", "name": "Müller Maschinenbau GmbH", "address": None}),
    ("订购A产品20台。\n\n杭州西溪仪表厂\n0571-8888 6666\n",
     {"contact": None, "phone": "0571-8888 6666", "name": "杭州西溪仪表厂", "address": None}),
    ("We need the following.\n\nBest regards,\n\nCarlos Mendes\nImport Manager\nMendes Agro Irrigação Ltda.\n"
     "Av. Brasil 1450, Ribeirão Preto - SP, 14020-260, Brazil\nPhone: +55 16 3610 4455\n",
     {"contact": "Carlos Mendes", "phone": "+55 16 3610 4455", "name": "Mendes Agro Irrigação Ltda.",
      "address": "Av. Brasil 1450, Ribeirão Preto - SP, 14020-260, Brazil"}),
    ("Thanks,\nPriya Nair\nCoastal Aqua Farms Pvt Ltd\n+91 461 234 5678\n",
     {"contact": "Priya Nair", "phone": "+91 461 234 5678", "name": "Coastal Aqua Farms Pvt Ltd", "address": None}),
    ("您好，\n\n请按下表备货。\n\n--\n贺伟 | 设备部\n山西太行矿业装备有限公司\n电话：0351-7032 889  手机：139 3456 7788\n"
     "地址：山西省太原市小店区龙城大街71号\n",
     {"contact": "贺伟", "phone": "0351-7032 889", "name": "山西太行矿业装备有限公司",
      "address": "山西省太原市小店区龙城大街71号"}),
    ("付款：月结30天。\n\n桂林漓江旅游用品有限公司 韦东\n电话：0773-2856 611\n",
     {"contact": "韦东", "phone": "0773-2856 611", "name": "桂林漓江旅游用品有限公司", "address": None}),
    ("Order below.\n\nRegards,\nSupport Team\nACME Trading Co., Ltd.\nUnit 5, 18 Harbour Road, Wan Chai\n",
     {"contact": None, "phone": None, "name": "ACME Trading Co., Ltd.", "address": "Unit 5, 18 Harbour Road, Wan Chai"}),
])
def test_signature_blocks(text, expected):
    found = signature_identity(text)
    assert {name: getattr(found, name) for name in expected} == expected


@pytest.mark.parametrize("text", [
    "客户名称：宁波港通物流\n商品名称：托盘\n数量：约200个\n期望交付时间：尽快",  # the order itself, one paragraph
    "各位好，\n\n运费：RMB 3,600\n优惠：1.2千元\n合计：103,600元\n备注：C配件请单独装箱",  # order labels, not a signature
    "订购A产品20台。\n\n谢谢",
    "需要订购QW型潜水排污泵二十台。\n\n王明",  # a name alone is not enough to tell a signature
    "",
])
def test_text_without_a_signature_gives_nothing(text):
    assert signature_identity(text) == CustomerInfo()


def test_the_sender_display_name_is_the_contact_when_nothing_else_says():
    assert filled("订购A产品20台").contact == "王明"
    assert filled("订购A产品20台", contact="王先生").contact == "王先生"
    envelope = Envelope(subject="x", sender="jane@pacificrim.example", sender_name="Purchasing Dept")
    assert filled("x", envelope).contact is None  # a department is nobody to call
    envelope = Envelope(subject="x", sender="buy@acme.example", sender_name="ACME Trading Co., Ltd.")
    customer = filled("x", envelope)
    assert (customer.name, customer.contact) == ("ACME Trading Co., Ltd.", None)


def test_the_sender_address_is_the_email_when_no_label_gave_one():
    assert filled("x").email == "wangming@hd-precision.cn"
    assert filled("x", email="orders@hd.cn").email == "orders@hd.cn"
    assert filled("x", Envelope(subject="x")).email is None


FORWARDED = """请录入，谢谢。

---------- Forwarded message ---------
From: 孙经理 <sun@beifang-steel.cn>
Date: 2023年10月9日周一 上午9:00
Subject: 订单
To: <rep@example.com>

需要订购H型钢 HW200×200 二十吨，单价4200元/吨。

孙强
北方钢构有限公司
电话：010-6666 7777
"""


def test_a_forwarded_order_is_the_forwarded_senders():
    envelope = Envelope(subject="Fwd: 订单", sender="rep@example.com", sender_name="Rep Li")
    customer = filled(FORWARDED, envelope)
    assert customer.model_dump() == {"code": None, "name": "北方钢构有限公司", "contact": "孙强",
                                     "phone": "010-6666 7777", "email": "sun@beifang-steel.cn", "address": None}


def test_a_forwarded_sender_already_set_wins():
    envelope = Envelope(subject="Fwd: 订单", sender="rep@example.com", sender_name="Rep Li")
    assert filled(FORWARDED, envelope, email="sun@beifang-steel.cn").email == "sun@beifang-steel.cn"


def test_the_forwarded_from_lines_display_name_when_no_signature_names_anyone():
    text = FORWARDED.replace("孙强\n", "")
    envelope = Envelope(subject="Fwd: 订单", sender="rep@example.com", sender_name="Rep Li")
    assert filled(text, envelope).contact == "孙经理"


def test_the_quoted_message_below_a_reply_is_not_the_signature():
    text = "订购A产品20台。\n\n在 2023年10月3日 09:00，orders@example.com 写道：\n> 王明\n> 电话：021-1111 2222"
    assert filled(text).phone is None


def test_a_golden_forwarded_email_gets_the_customers_address(golden_bytes):
    draft = parse_email(golden_bytes("forwarded_order")).draft
    assert draft.customer.email == "sun@beifang-steel.cn"


def test_a_golden_order_gets_the_senders_address(golden_bytes):
    draft = parse_email(golden_bytes("seed_order_zh")).draft
    assert draft.customer.email == "wang.jg@huadong-machinery.cn"
    assert (draft.customer.contact, draft.customer.phone) == ("王先生", "13800138000")  # labelled, kept


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.text(max_size=60), st.text(max_size=60))
def test_never_raises(text, name, subject):
    draft = OrderDraft(customer=CustomerInfo(name=name or None, contact=name or None, code=name or None))
    fill_identity(draft, text, Envelope(subject=subject, sender="a@b.example", sender_name=name))
    fill_identity(draft, "Fwd: x\n-----Original Message-----\nFrom: " + text, Envelope(subject="Fwd: " + subject))


@pytest.mark.parametrize("shape", ["a", " ", "-", "王明\n", "电话：1 2 3 4 5 6 7\n", "A-1", "（编码 ", "1.", "有限公司",
                                   "\n", " \n", "\n\t\n", "> x\n", "From: a@b.example\n"])
def test_long_text_is_read_in_linear_time(shape):
    text = shape * (1_000_000 // len(shape))
    start = time.perf_counter()
    fill_identity(OrderDraft(customer=CustomerInfo(name=text[:100_000], contact=text[:100_000])), text,
                  Envelope(subject="Fwd: x", sender="a@b.example", sender_name=text[:10_000]))
    assert time.perf_counter() - start < 1


def test_a_title_and_department_before_the_company_in_a_signature_are_not_its_name():
    from parsers.identity import _company

    assert _company("Senior Buyer, Brindley Fluid Systems Ltd") == "Brindley Fluid Systems Ltd"
    assert _company("Assistant Manager, Procurement Dept., Nakamura Seiki Co., Ltd.") == "Nakamura Seiki Co., Ltd."
    assert _company("Brightwell Engineering Ltd") == "Brightwell Engineering Ltd"
