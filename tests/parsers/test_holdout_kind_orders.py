"""The kind decision on mail the held-out set showed misread: orders written as a buyer
speaks ("A产品再补50台"), as bare code × count lines, forwarded or pasted by our rep, in
Spanish; and a seller's sales confirmation or a bid invitation, which order nothing."""
from __future__ import annotations

import pytest

from parsers import parse_email
from parsers.classify import invites_offers, sellers_document, subject_orders
from parsers.ordering import asks_for_count, places_order
from tests.parsers import mails


def mail(subject: str, body: str, sender: str = "buyer@example.cn", **headers) -> bytes:
    return mails.mail(subject, body, sender, date="Mon, 03 Jun 2024 10:00:00 +0800", Message_ID="<h1@example.cn>",
                      **headers)


def kind(*args, **kwargs) -> str:
    return parse_email(mail(*args, **kwargs)).kind


# --- orders as a buyer speaks them -------------------------------------------------------------

@pytest.mark.parametrize("subject, body", [
    ("补单", "张经理，B产品再来30台，下周三前送到，价格不变。\n刘明\n\n发自我的iPhone"),
    ("加单", "王工，控制板再补200片，6月20日前到货，老价格。\n"),
    ("B产品", "李经理，B产品来十台，月底前送到老地址，货到付款。"),
])
def test_a_spoken_order_is_an_order(subject, body):
    assert kind(subject, body) == "order"


@pytest.mark.parametrize("text, asks", [
    ("A产品再补50台，月底前送到", True),
    ("行，再加两台B产品，一千二一台", True),
    ("A产品要100台的话什么价？", False),  # a question
    ("如果来20台能便宜点吗", False),      # a condition
    ("先要2个样品试试", False),           # samples
    ("交期要3个月", False),               # a duration, not a count
])
def test_asking_for_a_count_in_spoken_words(text, asks):
    assert asks_for_count(text) is asks


def test_a_stock_question_in_spoken_words_is_not_an_order():
    assert kind("库存", "李经理，A产品还有没有货？如果要20台的话月底前能送到吗？") == "other"


def test_code_times_count_lines_under_an_ordering_subject_are_an_order():
    body = "李工，\n\nB002 × 30\nCB-24V x 120\n\n价格按合同价，6月28日前到货。\n\n陈刚"
    assert kind("下单", body) == "order"


def test_code_times_count_lines_place_an_order_only_with_a_word_of_ordering():
    text = "李工，\n\nB002 × 30\nCB-24V x 120\n\n合计9,000元，6月28日前到货。"
    assert places_order(text, "下单", [], ordering=True)
    assert not places_order(text, "库存", [], ordering=False)
    assert not places_order("规格：\nL-500 x 300mm\n合计9,000元", "下单", [], ordering=True)  # a size, not a count


@pytest.mark.parametrize("subject, placed", [
    ("下单", True), ("补单 5月", True), ("Reorder: control boards", True), ("转发: 下单", True),
    ("Re: 下单", False),   # an answer to whoever ordered
    ("下单？", False),     # a question
    ("订单 PO-123", False),  # names an order, does not place one
])
def test_a_subject_that_places_an_order(subject, placed):
    assert subject_orders(subject) is placed


# --- orders our rep passes on --------------------------------------------------------------------

def test_an_order_forwarded_under_a_chinese_outlook_header_block_is_the_customers():
    body = ("转系统录入，老客户。\n\n王芳\n销售部\n\n________________________________\n"
            "发件人: 赵强 <zhaoq@kaida.example>\n发送时间: 2024年6月3日 9:30\n收件人: 王芳 <wang.rep@example.com>\n"
            "主题: 订单\n\n王经理好，\n请安排以下货物：\nD型减速机 8台，按2300元/台；\n6月25日前送到无锡市新区长江路8号。\n")
    result = parse_email(mail("转发: 订单", body, sender="wang.rep@example.com"))
    assert result.kind == "order"
    assert result.draft.customer.email == "zhaoq@kaida.example"


def test_a_rep_pasting_a_customers_chat_for_entry_is_an_order():
    body = ("订单系统：\n客户在微信上下的单，请录入。\n客户：无锡凯达机械有限公司\n\n"
            "赵总 2024-06-03 09:02\n王经理，D型减速机来8台，价格还是2300？\n\n王芳 2024-06-03 09:05\n可以。\n\n"
            "赵总 2024-06-03 09:07\n好，6月25号前送到无锡市新区长江路8号。\n")
    assert kind("凯达 微信订单", body, sender="wang.rep@example.com") == "order"


# --- Spanish -------------------------------------------------------------------------------------

@pytest.mark.parametrize("opening", ["Les rogamos nos suministren lo siguiente:", "Adjuntamos nuestro pedido:"])
def test_a_spanish_order_is_an_order(opening):
    body = (f"Estimados señores:\n\n{opening}\n\n- 40 unidades Producto B a 120,00 EUR/unidad\n\n"
            "Entrega: antes del 30 de junio de 2024\nForma de pago: 30 días fecha factura\n\nAtentamente,\nJuan Pérez")
    assert kind("Pedido 2024-118", body) == "order"


def test_spanish_units_count_as_a_quantity():
    assert places_order("les rogamos nos suministren 40 unidades a 120,00 EUR", "", [], ordering=False)


# --- a seller's confirmation of our order, a bid invitation --------------------------------------

SALES_CONFIRMATION = ("SALES CONFIRMATION  No. SC-AB-240603-02\n\nSeller: 某某轴承有限公司\nBuyer: 示例机电设备有限公司\n"
                      "Your PO: HT-PO-2406-011\n\nItem   Qty   Unit Price\n6205 bearing  2000 pcs  5.40\n"
                      "Delivery: 2024-06-20\nPayment: 30 days\n\nPlease sign and return one copy.")


def test_a_sellers_sales_confirmation_is_other():
    assert kind("Sales Confirmation SC-AB-240603-02", SALES_CONFIRMATION, sender="sales@bearing.example") == "other"


@pytest.mark.parametrize("subject, text, seller", [
    ("销售确认书 XS-0603", "贵司订单号：CG-0601\n品名：轴承\n数量：100套", True),
    ("Order", "Your PO no.: 4500123\nItem: bearing\nQty: 100 pcs", True),
    ("PO 7781", "Please supply 100 pcs of P004 at USD 50.\nPlease send your sales confirmation.", False),
    ("订单", "请安排发货，并回传销售确认书。\n品名：A产品\n数量：10台", False),
])
def test_a_sellers_document_is_told_from_a_buyer_asking_for_one(subject, text, seller):
    assert sellers_document(subject, text) is seller


def test_an_order_asking_for_a_sales_confirmation_is_still_an_order():
    body = "We would like to order the following:\nItem: Control board\nQty: 100 pcs\nUnit price: USD 50\n" \
           "Please return your sales confirmation."
    assert kind("PO 7781", body) == "order"


@pytest.mark.parametrize("subject, body", [
    ("招标公告：泵阀采购项目", "序号 名称 数量\n1 A产品 50台\n交货期：合同签订后30天\n"),
    ("比价采购 2024-06", "现对以下物资比价采购：\n品名：控制板\n数量：500片\n付款方式：月结60天"),
    ("物资需求", "品名：控制板\n数量：500片\n交货期：7月底\n本函不构成订单，请于6月10日前报价。"),
    ("Invitation to Tender T-24-07", "Item: Control board\nQty: 500 pcs\nDelivery: July\nBids must be submitted by 10 June."),
])
def test_a_bid_invitation_or_a_mail_that_says_it_is_no_order_is_other(subject, body):
    assert kind(subject, body) == "other"


def test_invites_offers():
    assert invites_offers("询比价邀请函", "")
    assert invites_offers("物资", "This is not a purchase order.")
    assert not invites_offers("订单", "请按以下明细发货。")
    assert not invites_offers("投标项目用料 订单 PO-0603", "请按以下明细发货。")  # an order for a project we bid on


def test_a_seller_titling_its_acknowledgement_with_your_is_still_a_seller():
    assert sellers_document("Your Order Acknowledgement OA-2291", "Thank you. Items as below.")
