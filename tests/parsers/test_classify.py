"""Bounce, auto-reply, list mail, reply, order, other: the checks that keep mail from looping."""
from email.message import EmailMessage

import pytest

from parsers import parse_email
from parsers.classify import order_no_from_ids, order_no_from_subject

ORDER_BODY = "商品名称：A产品\n数量：100台\n收货地址：上海市\n"


def mail(subject="订单", body=ORDER_BODY, sender="buyer@example.cn", **headers) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "orders@example.com"
    msg["Subject"] = subject
    msg["Date"] = "Mon, 02 Oct 2023 10:00:00 +0800"
    for name, value in headers.items():
        msg[name.replace("_", "-")] = value
    msg.set_content(body)
    return msg.as_bytes()


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
    {"Auto_Submitted": "auto-replied"}, {"Auto_Submitted": "auto-generated"}, {"X_Autoreply": "yes"},
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
