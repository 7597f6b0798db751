"""The kind decision on mail the blind set showed misread: machine notices, Traditional
quotations, answers to our quotations, a supplier's confirmation of our order, minutes,
orders whose items no reader takes apart, a new order in an old order's thread."""
from __future__ import annotations


import pytest

from parsers import parse_email
from tests.parsers import mails
from parsers.ordering import places_order


def mail(subject: str, body: str, sender: str = "buyer@example.cn", **headers) -> bytes:
    return mails.mail(subject, body, sender, date="Mon, 03 Jun 2024 10:00:00 +0800", Message_ID="<m1@example.cn>",
                      **headers)


def kind(*args, **kwargs) -> str:
    return parse_email(mail(*args, **kwargs)).kind


ORDER = "商品名称：A产品\n数量：100台\n单价：500元\n收货地址：上海市浦东新区张江路1号\n"


# --- machine-sent mail: "other", not an auto-reply, and nobody is asked about it -----------------

@pytest.mark.parametrize("value", ["auto-generated", "auto-notified", "auto-generated (portal)"])
def test_a_machine_notice_is_other_not_an_auto_reply(value):
    raw = mail("【电子发票】您收到一张电子发票", "发票号码：24332000000012345678\n价税合计：￥12,400.00\n"
               "本邮件由系统自动发送，请勿回复。", sender="invoice@nuonuo.example", Auto_Submitted=value)
    result = parse_email(raw)
    assert result.kind == "other"
    assert result.bulk  # never put before a rep as a customer's unplaced message


def test_a_machine_notice_in_our_thread_is_never_a_reply_nor_an_order():
    assert kind("[SO2023100001] 订单", ORDER, Auto_Submitted="auto-generated") == "other"


def test_an_absence_answer_is_still_an_auto_reply():
    assert kind("Re: 订单", "您好，我正在休假，6月10日返回。", Auto_Submitted="auto-replied") == "auto_reply"
    assert kind("Re: order", "Hello", Auto_Submitted="auto-replied (vacation)") == "auto_reply"


# --- quotations to us, in Traditional characters; answers to our quotations --------------------

def test_a_traditional_chinese_quotation_to_us_is_other():
    body = ("敬啟者：承蒙詢價，茲將報價內容列示如下，請惠予參考。\n品名：正齒輪\n數量：100個\n單價：380\n"
            "報價有效期限：2024年12月31日\n如蒙訂購，請回傳訂購單，謝謝！")
    assert kind("報價單 QT-1130", body) == "other"


def test_an_answer_to_our_quotation_that_orders_is_an_order():
    body = "上次说的那个A产品，我们定了。\n商品名称：A产品\n数量：3台\n单价：500元\n交货日期：2024年6月30日\n"
    assert kind("回复：报价 - A产品", body) == "order"


def test_a_supplier_quoting_in_a_reply_is_still_a_quotation():
    assert kind("Re: 报价", "王经理好，报价如下：\n品名：轴承6205\n数量：2000套\n单价：5.49元\n报价有效期：30天") == "other"


# --- reports: a supplier's confirmation of our order, minutes ----------------------------------

def test_a_supplier_confirming_our_purchase_order_is_other():
    body = ("感谢惠顾！贵司采购单 HT-P-0528 我司已确认，订单确认书如下：\n品名：深沟球轴承\n型号：6205-2RS\n数量：2000套\n"
            "单价：6.20元\n交货日期：2024年6月15日\n付款方式：月结30天")
    assert kind("订单确认：贵司采购单HT-P-0528", body) == "other"


def test_we_confirm_your_po_is_a_supplier_confirmation():
    body = ("Dear buyer,\nWe confirm your PO 4500123 as follows.\nItem: Bearing 6205\nQty: 2000 pcs\n"
            "Unit price: USD 0.80\nDelivery date: 2024-06-15")
    assert kind("Order acknowledgement", body) == "other"


def test_a_buyer_asking_for_our_order_confirmation_still_orders():
    body = ("Please supply the following.\nProduct: A product\nQty: 10 units\nUnit price: USD 74.00\n"
            "Ship to: 1420 Industrial Pkwy, Cedar Rapids\nPlease send your order confirmation no later than Friday.")
    assert kind("PO 77812", body) == "order"


def test_meeting_minutes_with_quantities_are_other():
    body = ("今天与客户季度沟通会纪要如下：\n1. 客户Q3预计采购A产品300台，具体以客户正式采购单为准。\n"
            "2. 价格维持现行报价（A产品500元/台）。\n商品名称：A产品\n数量：300台\n")
    assert kind("会议纪要：华东精密机械Q3沟通会", body) == "other"


# --- orders whose items no reader takes apart -----------------------------------------------

def test_an_order_with_unread_item_lines_is_an_order():
    body = ("Hi Li,\n\nPlease book the order below for Prairie Ag Parts Inc.\n\n"
            "  60 pcs   P004  Control board (model CB-24V)   USD 52.00/pc\n\n"
            "Ship to: 1420 Industrial Pkwy, Cedar Rapids, IA 52404, USA\nPayment: Net 45\n")
    assert kind("PO PA-77812 - new order", body) == "order"


def test_a_german_order_is_an_order():
    body = ("Sehr geehrter Herr Li,\n\nhiermit bestellen wir gemäß Ihrem Angebot:\n\n"
            "Pos. 1: Steuerplatine, Typ CB-24V, 250 Stück, je 48,90 EUR\n\nLiefertermin: 21.06.2024\n")
    assert kind("Bestellung 4711-2024-0387", body) == "order"


@pytest.mark.parametrize("text,placed", [
    ("麻烦分两处送：B产品8台送无锡，4台送常州，单价1150元/台。", True),
    ("我司下达2024年度框架订单如下：C型支架年度总量12000件，单价78元。", True),
    ("我们5月8号下的那单控制板200块什么时候能发？单价360元。", False),  # asks about an order placed before
    ("When will our order PO-123 for 100 pcs ship? We paid USD 5,000.", False),
    ("Please book the order below: 60 pcs control boards.", False),  # nothing an order says besides
    ("请尽快把少的5块补发过来，单价360元。", False),  # a complaint's make-good, not an order
    ("Please book the order below, we need 3 weeks to decide, USD 50.", False),  # no quantity of goods
])
def test_what_places_an_order(text, placed):
    assert places_order(text, "", [], ordering=False) is placed


# --- a new order in an old order's thread -----------------------------------------------------

THREAD = {"In_Reply_To": "<SO2024040007.shipped.1716883320@example.com>"}


def test_a_complete_new_order_in_an_old_thread_is_an_order():
    body = ("李工，上批货已经收到，谢谢。\n\n另外新下一单（我司新采购单号 QM-PO-0604）：\n"
            "商品名称：控制板\n数量：300块\n单价：360元\n交货日期：2024年6月20日\n")
    assert kind("Re: [SO2024040007] 发货通知 / Shipped", body, **THREAD) == "order"


def test_a_change_in_the_thread_naming_a_new_order_stays_a_reply():
    body = "请把数量改为300块，按新订单执行。\n商品名称：控制板\n数量：300块\n交货日期：2024年6月20日\n"
    assert kind("Re: [SO2024040007] 订单确认", body, **THREAD) == "reply"


def test_an_answer_with_items_but_no_new_order_stays_a_reply():
    body = "商品名称：控制板\n数量：300块\n交货日期：2024年6月20日\n"
    assert kind("Re: [SO2024040007] 请补充信息", body, **THREAD) == "reply"


def test_new_order_words_without_a_complete_order_stay_a_reply():
    assert kind("Re: [SO2024040007] Shipped", "Thanks, received. A new order will follow next week.",
                **THREAD) == "reply"


def test_a_new_order_opening_with_thanks_for_the_last_delivery_is_an_order():
    body = ("李工，上批货已经收到，谢谢。\n\n另外新下一单：\n商品名称：控制板\n数量：300块\n单价：360元\n"
            "交货日期：2024年6月20日\n")
    assert kind("控制板", body) == "order"
    assert kind("控制板", "李工，上批货已经收到，谢谢。\n商品名称：控制板\n数量：300块\n单价：360元\n") == "other"
