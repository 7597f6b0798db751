"""Replies the held-out set showed misread: a cancellation that names the order before its
verb ("这个订单请取消吧"), its reason before or after the verdict, and a complaint told by the
damage it describes ("3台外壳变形") rather than by the word "投诉"."""
from __future__ import annotations

import pytest

from parsers import parse_email
from parsers.reply import read_intent
from tests.parsers import mails


@pytest.mark.parametrize("text, reason", [
    ("这个订单请取消吧，业主那边设计变更，原来的支架用不上了。", "业主那边设计变更，原来的支架用不上了。"),
    ("这单就取消了，项目暂停。", "项目暂停。"),
    ("订单帮忙取消掉，客户不要了。", "客户不要了。"),
    ("请取消这个订单，项目暂停了。", "项目暂停了。"),
    ("请取消订单。原因是预算被砍了。", "预算被砍了。"),
    ("取消这单吧，项目停了。", "项目停了。"),
    ("取消掉这个订单，不需要了", "不需要了"),  # no longer needed: a reason, not a condition
    ("PO 4500123 - please cancel. The project is on hold.", "The project is on hold."),
    ("This order has to be cancelled, the project is on hold.", "the project is on hold."),
])
def test_a_cancellation_and_the_reason_after_it(text, reason):
    assert read_intent(text) == ("cancel", reason)


def test_a_reason_written_before_the_cancellation_is_its_reason():
    assert read_intent("李经理：\n\n业主那边设计变更了，这个订单取消吧。\n\n郑国强\n恒力汽车") == ("cancel", "业主那边设计变更了")
    assert read_intent("Our client went bankrupt, please cancel the order.") == ("cancel", "Our client went bankrupt")


def test_a_bare_cancellation_above_a_signature_has_no_reason():
    assert read_intent("李经理，这个订单取消吧。\n\n张三\n恒力汽车配件有限公司") == ("cancel", None)


@pytest.mark.parametrize("text", ["订单里的第二项取消", "把数量改为50台，如果不行就取消订单", "Please cancel line 2."])
def test_cancelling_part_of_an_order_or_only_if_is_a_change(text):
    assert read_intent(text)[0] == "change"


@pytest.mark.parametrize("text", [
    "收到的20台B产品里有2台外壳变形，请尽快处理。",
    "控制板到了，其中5片有划痕。",
    "The goods arrived but 3 units are dented.",
    "Two of the pumps are leaking.",
])
def test_damage_described_is_a_complaint_with_its_line(text):
    intent, reason = read_intent(text)
    assert intent == "complaint"
    assert reason == text


@pytest.mark.parametrize("text", ["货物已收到，没有变形，谢谢。", "Received, no dents, thanks.", "下次请注意包装，避免挤压。"])
def test_damage_denied_or_guarded_against_is_no_complaint(text):
    assert read_intent(text)[0] != "complaint"


def test_a_complaint_in_our_delivery_thread():
    body = ("李经理：\n\n收到的20台A产品里有3台外壳变形，包装箱有明显挤压痕迹，请尽快处理。\n\n王建国\n\n"
            "------------------ 原始邮件 ------------------\n发件人: \"orders@example.com\"<orders@example.com>;\n"
            "发送时间: 2024年11月25日(星期一) 上午10:00\n主题: [SO2024110023] 发货通知\n\n订单 SO2024110023 已发货。\n")
    raw = mails.mail("回复：[SO2024110023] 发货通知", body, "buyer@example.cn", In_Reply_To="<SO2024110023.shipped.1@example.com>")
    result = parse_email(raw)
    assert result.kind == "reply"
    assert result.reply.intent == "complaint"
    assert result.reply.reason == "收到的20台A产品里有3台外壳变形，包装箱有明显挤压痕迹，请尽快处理。"
