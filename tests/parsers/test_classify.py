"""Bounce, auto-reply, list mail, reply, order, other: the checks that keep mail from looping."""
import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from parsers import parse_email
from tests.parsers import mails
from parsers.classify import order_no_from_ids, order_no_from_subject

ORDER_BODY = "商品名称：A产品\n数量：100台\n收货地址：上海市\n"


def mail(subject="订单", body=ORDER_BODY, sender="buyer@example.cn", **headers) -> bytes:
    return mails.mail(subject, body, sender, **headers)


def kind(*args, **kwargs) -> str:
    return parse_email(mail(*args, **kwargs)).kind


def test_an_order_body_is_an_order():
    assert kind() == "order"


def test_an_item_label_and_an_order_word_in_the_subject_make_an_order():
    assert kind(subject="采购订单", body="商品名称：A产品") == "order"
    assert kind(subject="Purchase Order 123", body="Product: Widget") == "order"
    assert kind(subject="PO 4500012345", body="Qty: 5") == "order"


def test_one_item_label_alone_is_not_an_order():
    assert kind(subject="问题", body="商品名称：A产品") == "other"


def test_order_labels_without_an_item_are_not_an_order():
    assert kind(subject="订单", body="联系人：王先生\n电话：123\n地址：上海") == "other"


@pytest.mark.parametrize("headers", [
    {"Auto_Submitted": "auto-replied"}, {"Auto_Submitted": "auto-replied (vacation)"}, {"X_Autoreply": "yes"},
    {"X_Autorespond": "yes"}, {"Precedence": "auto_reply"}])
def test_auto_reply_headers(headers):
    assert kind(subject="[SO2023100001] 订单", **headers) == "auto_reply"


def test_auto_submitted_no_is_a_person():
    assert kind(Auto_Submitted="no") == "order"


@pytest.mark.parametrize("subject", ["自动回复：订单", "Auto Reply: order", "Out of Office", "休假通知",
                                     "Automatic reply: [SO2023100001]"])
def test_auto_reply_subjects(subject):
    assert kind(subject=subject) == "auto_reply"


@pytest.mark.parametrize("headers", [{"Precedence": "bulk"}, {"Precedence": "list"}, {"Precedence": "junk"},
                                     {"List_Id": "<news.example.com>"},
                                     {"List_Unsubscribe": "<mailto:u@example.com>"}])
def test_list_and_bulk_mail_is_other_even_when_it_reads_as_an_order(headers):
    assert kind(**headers) == "other"


def test_a_daemon_reporting_failure_is_a_bounce():
    assert kind(subject="Undelivered Mail Returned to Sender", sender="MAILER-DAEMON@mx.example.com") == "bounce"
    assert kind(subject="系统退信", sender="postmaster@example.cn") == "bounce"


def test_failed_recipients_header_is_a_bounce():
    assert kind(X_Failed_Recipients="nobody@example.cn") == "bounce"


def test_a_daemon_without_a_failure_subject_is_not_a_bounce():
    assert kind(subject="订单", sender="postmaster@example.cn") == "order"


def test_the_subject_tag_makes_a_reply():
    assert kind(subject="Re: [SO2023100001] 客户需求清单", body="确认") == "reply"


def test_our_message_id_in_references_makes_a_reply():
    assert kind(subject="Re: 需求", body="确认", References="<x@y> <SO2023100001.survey.00ff@example.com>") == "reply"


def test_someone_elses_message_id_does_not():
    assert kind(subject="Re: 需求", body="确认", In_Reply_To="<SO2023100001@gmail.com>") == "other"


def test_order_numbers_from_subject_and_ids():
    assert order_no_from_subject("回复：[SO2023100001] 客户需求清单") == "SO2023100001"
    assert order_no_from_subject("SO2023100001 without brackets") is None
    assert order_no_from_subject("[SO202310] too short") is None
    assert order_no_from_ids(["<SO2023100001.requirements_list.abc123@example.com>"]) == "SO2023100001"
    assert order_no_from_ids(["<SO2023100001.a.1@x>", "<SO2023100002.b.2@x>"]) == "SO2023100002"
    assert order_no_from_ids(["<abc@example.com>"]) is None


def test_non_orders_have_no_draft_and_orders_do():
    assert parse_email(mail()).draft is not None
    assert parse_email(mail(subject="[SO2023100001] x", body="确认")).draft is None
    assert parse_email(mail(Precedence="bulk")).draft is None


def test_a_request_for_a_quotation_is_not_an_order():
    assert kind(subject="询价：A产品", body=ORDER_BODY) == "other"
    assert kind(subject="RFQ 2023-17", body="Product: Widget\nQty: 100\nShip to: Hong Kong") == "other"
    assert kind(subject="询价后下单", body=ORDER_BODY) == "order"


def test_the_parser_imports_no_io_library():
    import subprocess
    import sys
    code = ("import sys, parsers; bad = [m for m in ('prefect', 'tinydb', 'imap_tools', 'smtplib', 'weasyprint') "
            "if m in sys.modules]; print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# --- mail that reads like an order and is none --------------------------------------------

LABELLED = Path(__file__).resolve().parents[1] / "labelled"
QUOTE_TABLE = "| 品名 | 型号 | 数量 | 单价 |\n| 深沟球轴承 | 6205-2RS | 1000 | 4.60 |\n"


def test_a_suppliers_quotation_is_not_an_order_even_when_the_subject_says_purchase():
    body = "感谢询价，我司报价如下：\n\n" + QUOTE_TABLE + "\n报价有效期：30天\n付款方式：款到发货\n"
    assert kind(subject="回复：采购询价 - 轴承报价单", body=body) == "other"
    body = ("Dear Buyer,\nWe are pleased to quote as follows:\nItem: Hex bolt M10\nQty: 1,000 pcs\n"
            "Unit price: USD 0.05\nValidity: 30 days\n")
    assert kind(subject="Quotation Q-118 for your RFQ", body=body) == "other"


def test_an_order_placed_on_a_quotation_is_an_order():
    body = "参照贵司3月18日的报价单，我司订购如下：\n商品名称：深沟球轴承\n数量：1000个\n单价：4.60元\n报价有效期：30天\n"
    assert kind(subject="Re: 轴承报价单", body=body) == "order"


def test_an_invoice_notice_is_not_an_order():
    body = "发票号码：24312000000012345678\n开票日期：2024年05月08日\n项目名称：涤纶长丝\n数量：5\n单价：8672.57\n价税合计：49000.00\n"
    assert kind(subject="您收到一张电子发票", body=body) == "other"
    body = ("Please find attached invoice INV-2024-0457 for PO 4500019921.\nItem: Hex bolt\nQty: 40,000 pcs\n"
            "Amount due: USD 4,210.00\n")
    assert kind(subject="Invoice INV-2024-0457 for PO 4500019921", body=body) == "other"


def test_an_order_that_asks_for_an_invoice_stays_an_order():
    assert kind(subject="订单", body=ORDER_BODY + "备注：请开具增值税专用发票\n") == "order"


def test_a_calendar_invitation_is_not_an_order():
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "boss@example.com", "orders@example.com", "Q2采购订单评审会"
    msg.set_content("议程：\n" + ORDER_BODY)
    msg.add_alternative("BEGIN:VCALENDAR\nMETHOD:REQUEST\nEND:VCALENDAR\n", subtype="calendar")
    assert parse_email(msg.as_bytes()).kind == "other"
    assert kind(subject="会议邀请：采购订单评审", body=ORDER_BODY) == "other"
    assert kind(subject="Invitation: PO 4471 review @ Thu May 16", body="Product: Widget\nQty: 5\n") == "other"


def test_a_newsletter_without_list_headers_is_other():
    body = "五一特惠，限时抢购！\n" + ORDER_BODY + "不想再收到此类邮件？点击退订\n"
    assert kind(subject="5月工业品特惠", body=body) == "other"


def test_an_order_with_an_unsubscribe_footer_but_no_sales_talk_stays_an_order():
    assert kind(body=ORDER_BODY + "\nTo unsubscribe from our system notices, reply STOP.\n") == "order"


@pytest.mark.parametrize("body", [
    "Thank you for your email. I am out of the office until Monday, April 29, with limited access to email.",
    "您好，我目前正在休假，4月29日返回。期间如有急事，请联系王工。",
    "I'm currently on annual leave until 6 May. For urgent matters please call the office.",
])
def test_an_out_of_office_body_in_our_thread_is_an_auto_reply(body):
    assert kind(subject="Re: [SO2024040049] 客户需求清单待确认", body=body + "\n\n> reply CONFIRM\n") == "auto_reply"


@pytest.mark.parametrize("body", ["确认无误。我下周休假，5月6日返回，期间请联系小王。",
                                  "Confirmed. Note I will be on leave until 6 May; my colleague Tom will help."])
def test_a_real_reply_that_mentions_leave_is_still_a_reply(body):
    assert kind(subject="Re: [SO2024040049] 客户需求清单待确认", body=body) == "reply"


@pytest.mark.parametrize("path", sorted(LABELLED.glob("nonorder_*.eml")), ids=lambda p: p.stem)
def test_labelled_non_orders_keep_their_kind(path):
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))["kind"]
    result = parse_email(path.read_bytes())
    assert (result.kind, result.draft) == (expected, None)


def test_an_order_written_while_travelling_is_an_order():
    assert kind(body="您好，我在出差，回来后再确认交期。\n" + ORDER_BODY) == "order"


def test_a_short_chinese_out_of_office_without_the_subject_word():
    assert kind(subject="Re: [SO2024040049] 订单信息待补充", body="您好！我已休假，5月6日返回，急事请致电13800000000。") == "auto_reply"


def test_a_quotation_that_invites_an_order_is_still_a_quotation():
    body = "我司报价如下：\n" + QUOTE_TABLE + "报价有效期：15天\n如需订购，请回复确认，谢谢！\n"
    assert kind(subject="轴承报价", body=body) == "other"
    body = ("We are pleased to quote:\nItem: Widget\nQty: 100\nUnit price: USD 2\n"
            "If you would like to order, please send us your PO.\n")
    assert kind(subject="Quotation 2024-77", body=body) == "other"


@pytest.mark.parametrize("subject, body", [
    ("【发货通知】贵司采购单HT-P-0520已发货", "贵司采购单 HT-P-0520 已于今日发货。\n发货明细：\n冷轧钢板 SPCC 1.5mm  5.2吨\n"),
    ("开票信息", "货已收到，数量无误。麻烦按以下开票信息开具增值税专用发票，金额8,625.00元。\n名称：某某有限公司\n"),
    ("A产品库存", "下个月A产品大概要50台，你先帮我看看库存，能不能先留着？等老板批了我再正式下单。"),
    ("Samples", "Could you send us 2 pcs samples of the Control board CB-24V for testing? We plan to order 3,000 pcs."),
    ("Remittance advice", "We have paid USD 12,400.00 for invoice INV-2211 today."),
])
def test_mail_that_reports_or_defers_orders_nothing(subject, body):
    raw = (f"From: a@b.example\r\nTo: orders@example.com\r\nSubject: {subject}\r\n"
           f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}").encode("utf-8")
    assert parse_email(raw).kind == "other"


def test_a_repeat_of_an_earlier_order_is_an_order_even_without_items():
    raw = ("From: a@b.example\r\nTo: orders@example.com\r\nSubject: 再订\r\nContent-Type: text/plain; charset=utf-8"
           "\r\n\r\n李经理：\r\n还是老样子，照上次那单再发一批，下周五前到货。地址和上次一样。\r\n").encode("utf-8")
    result = parse_email(raw)
    assert result.kind == "order" and result.draft.lines == []
    asking = ("From: a@b.example\r\nTo: orders@example.com\r\nSubject: 价格\r\nContent-Type: text/plain; charset=utf-8"
              "\r\n\r\n价格还是和上次一样吗？\r\n").encode("utf-8")
    assert parse_email(asking).kind == "other"
