"""Replies of every intent, the reasons they give, and quoted history that never counts."""
import json
import unicodedata
from pathlib import Path

import pytest

from orders.model import Attachment
from parsers.message import read_message
from parsers.quotes import strip_quoted
from parsers.reply import parse_reply, read_intent
from parsers.result import Envelope

LABELLED = Path(__file__).resolve().parents[1] / "labelled"
APPROVAL = "Re: [SO2024040012] 订单审批 / Approval request"
CONFIRMING = "Re: [SO2024040012] 客户需求清单待确认 / Please confirm your order"
SHIPPED = "回复：[SO2024040012] 发货通知 / Shipped"
CLARIFYING = "Re: [SO2024040012] 订单信息待补充 / Order details needed"


def reply(text, subject=CONFIRMING, attachments=None):
    return parse_reply(text, Envelope(subject=subject), attachments=attachments)[0]


@pytest.mark.parametrize("text", ["OK", "ok, thanks", "确认", "Approved.", "同意。"])
def test_ok_and_confirm_approve_in_an_approval_thread(text):
    assert reply(text, APPROVAL).intent == "approve"


def test_ok_confirms_a_requirements_list():
    assert reply("OK", CONFIRMING).intent == "confirm"


@pytest.mark.parametrize("text, reason", [
    ("请取消这个订单，项目暂停了。", "项目暂停了。"),
    ("Please cancel this order. Our client has withdrawn the project.", "Our client has withdrawn the project."),
    ("取消订单\n原因：资金未到位", "资金未到位"),
    ("取消", None),
])
def test_a_cancellation_carries_its_reason_not_its_object(text, reason):
    found = reply(text)
    assert (found.intent, found.reason) == ("cancel", reason)


@pytest.mark.parametrize("text", ["旋耕刀数量改为3500把，其他不变。",
                                  "Please change the delivery date to 2024-06-20; everything else stays the same."])
def test_a_change_request_is_its_own_reason(text):
    found = reply(text + "\n\n许明")
    assert (found.intent, found.reason) == ("change", text)


@pytest.mark.parametrize("text", [
    "今天收到货，遮阳帽少发了2箱，请尽快补发。", "错发了型号，我们订的是DN50，收到的是DN40。",
    "货到了，但少了3箱。", "We received the goods but 2 cartons were missing.", "Wrong items delivered.",
    "6 of the 40 pallets arrived damaged.",
])
def test_shortages_wrong_goods_and_damage_are_complaints(text):
    found = reply(text, SHIPPED)
    assert (found.intent, found.reason) == ("complaint", text)


@pytest.mark.parametrize("text", ["已收到，数量无误。", "货已收到，没有少发，谢谢", "We received the shipment today, all fine."])
def test_received_goods_sign_off(text):
    assert reply(text, SHIPPED).intent == "signoff"


def test_received_your_email_is_not_a_sign_off():
    assert reply("已收到您的邮件，谢谢").intent == "answer"


def test_a_mailto_verdict_takes_its_reason_from_the_body():
    found = reply("原因：单价低于公司最低售价，请重新议价。",
                  "[SO2024050009] 驳回 reject [T:eyJvIjoiU08yMDI0MDUwMDA5In0.Zk1Qxw.Hn2Lk9]")
    assert (found.intent, found.reason, found.token) == (
        "reject", "单价低于公司最低售价，请重新议价。", "eyJvIjoiU08yMDI0MDUwMDA5In0.Zk1Qxw.Hn2Lk9")


PHOTO = Attachment(filename="IMG_20240515_153012.jpg", content_type="image/jpeg", size=72_533)
LOGO = Attachment(filename="image001.png", content_type="image/png", size=3_120)
SCAN = Attachment(filename="签收单.pdf", content_type="application/pdf", size=9_000)


@pytest.mark.parametrize("attachments", [[PHOTO], [SCAN], [LOGO, PHOTO]])
def test_a_photo_or_scan_in_a_delivery_thread_is_the_signed_form(attachments):
    assert reply("见附件。", SHIPPED, attachments).intent == "signoff"


def test_a_logo_or_a_drawing_for_a_clarification_is_no_sign_off():
    assert reply("见附件。", SHIPPED, [LOGO]).intent == "answer"
    assert reply("图纸见附件。", CLARIFYING, [PHOTO]).intent == "answer"


QUOTED = {
    "outlook_zh_headers": "同意\n\n发件人: orderloop <orders@example.com>\n发送时间: 2024年4月2日 10:05\n"
                          "收件人: 赵经理 <zhao@example.com>\n主题: [SO2024040012] 订单审批\n\n驳回请回复“驳回”。REJECT\n",
    "outlook_mailto": "同意\n\n-----原始邮件-----\n发件人: orderloop [mailto:orders@example.com]\n发送时间: 2024年4月9日 16:00\n"
                      "主题: x\n\n请回复“取消”\n",
    "qq": "同意\n\n\n------------------ 原始邮件 ------------------\n发件人: \"orderloop\"<orders@example.com>;\n"
          "发送时间: 2024年4月12日(星期五) 下午3:00\n主题: x\n\n驳回请回复“驳回”\n",
    "netease": "同意\n\n-------- 原邮件 --------\n主题：x\n不同意请回复驳回\n",
    "zh_wrote": "同意\n\n在 2024年4月2日 16:30，orderloop <orders@example.com> 写道：\n> 请回复 REJECT 或 取消\n",
    "gmail": "同意\n\nOn Mon, May 6, 2024 at 9:02 AM orderloop <orders@example.com> wrote:\n\n> Reply REJECT\n>\n",
    "french": "同意\n\nLe lun. 24 juin 2024 à 08:00, orderloop <orders@example.com> a écrit :\n> Reply REJECT\n",
    "outlook_en": "同意\n\nFrom: orderloop <orders@example.com>\nSent: Thursday, April 18, 2024 9:50 AM\n"
                  "To: x@example.com\nSubject: [SO2024040036]\n\nReply REJECT with a reason.\n",
}


@pytest.mark.parametrize("name", sorted(QUOTED))
def test_words_in_the_quoted_history_never_count(name):
    assert strip_quoted(QUOTED[name]) == "同意"
    assert reply(QUOTED[name], APPROVAL).intent == "approve"


def test_a_holding_reply_above_an_approve_has_no_intent():
    text = "收到，我们内部确认后再回复您。\n\n-----原始邮件-----\n发件人: orderloop\n发送时间: 2024年4月9日\n\nAPPROVE / 同意\n"
    assert read_intent(strip_quoted(text)) == (None, None)


def _normal(value):
    return None if value is None else "".join(
        c for c in unicodedata.normalize("NFKC", value) if not (c.isspace() or unicodedata.category(c)[0] == "P"))


@pytest.mark.parametrize("path", sorted(LABELLED.glob("reply_*.eml")), ids=lambda p: p.stem)
def test_labelled_replies(path):
    expected = json.loads(path.with_suffix(".json").read_text("utf-8"))["reply"]
    mail = read_message(path.read_bytes())
    found = parse_reply(mail.text, mail.envelope, attachments=mail.attachments)[0]
    assert (found.order_no, found.intent, found.score, found.token) == (
        expected["order_no"], expected["intent"], expected["score"], expected["token"])
    assert _normal(found.reason) == _normal(expected["reason"])


@pytest.mark.parametrize("text", ["已收到，我们内部确认后再回复您。", "已收到您的邮件，谢谢"])
def test_received_outside_a_delivery_thread_only_means_noted(text):
    assert reply(text, CONFIRMING).intent == "answer"


def test_received_in_a_delivery_thread_signs_off_unless_it_holds():
    assert reply("已收到。", SHIPPED).intent == "signoff"
    assert reply("The shipment arrived this morning.", SHIPPED).intent == "signoff"
    assert reply("已收到，清点后再回复您。", SHIPPED).intent == "answer"


def test_confirming_a_delivery_date_is_no_sign_off():
    assert reply("确认", "Re: [SO2024040012] 交货时间确认 / Delivery date").intent == "confirm"
    assert reply("确认收货", SHIPPED).intent == "signoff"


@pytest.mark.parametrize("text, intent", [
    ("货收到了，少了两箱。", "complaint"), ("缺了3件，请补发。", "complaint"), ("We are short by 2 cartons.", "complaint"),
    ("请撤销这个订单。", "cancel"), ("交货日期调整为6月20日。", "change"), ("Please update the quantity to 200.", "change"),
    ("Thanks for the update, confirmed.", "confirm"),
])
def test_more_ways_of_saying_it(text, intent):
    assert reply(text, SHIPPED if intent == "complaint" else CONFIRMING).intent == intent
