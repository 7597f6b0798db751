"""Replies in an order's thread: quoted text removed, intent, reason, score, token."""
from datetime import date

import pytest

from parsers import parse_email
from parsers.quotes import strip_quoted
from parsers.reply import find_token, parse_reply, read_intent, read_score
from parsers.result import Envelope

THREAD = Envelope(subject="Re: [SO2023100001] 客户需求清单")


def reply(text, subject="Re: [SO2023100001] 客户需求清单"):
    return parse_reply(text, Envelope(subject=subject), reference_date=date(2023, 10, 2))[0]


@pytest.mark.parametrize("text, intent", [
    ("确认", "confirm"), ("确认无误，谢谢", "confirm"), ("没问题", "confirm"), ("OK", "confirm"),
    ("Confirmed.", "confirm"), ("yes", "confirm"),
    ("同意", "approve"), ("批准", "approve"), ("Approved", "approve"),
    ("驳回", "reject"), ("拒绝", "reject"), ("不同意", "reject"), ("Rejected: too cheap", "reject"),
    ("取消订单", "cancel"), ("please cancel", "cancel"),
    ("数量变更为200台", "change"), ("需要修改地址", "change"), ("change the date", "change"),
    ("已签收", "signoff"), ("已收货", "signoff"), ("确认收货", "signoff"), ("received", "signoff"),
    ("投诉", "complaint"), ("有破损", "complaint"), ("货物损坏", "complaint"), ("质量问题", "complaint"),
    ("The goods arrived damaged", "complaint"),
])
def test_intent_words(text, intent):
    assert reply(text).intent == intent


def test_the_first_intent_word_decides_and_denials_are_passed_over():
    assert reply("确认无误，不需要修改").intent == "confirm"
    assert reply("无需变更，确认").intent == "confirm"
    assert reply("已收货，没有破损").intent == "signoff"


def test_a_complaint_anywhere_outweighs_a_sign_off():
    found = reply("已收货，但有两台外壳破损，请处理。")
    assert (found.intent, found.reason) == ("complaint", "已收货，但有两台外壳破损，请处理。")


@pytest.mark.parametrize("text, reason", [
    ("驳回，单价低于最低售价。", "单价低于最低售价。"),
    ("驳回\n原因：价格太低", "价格太低"),
    ("Rejected - credit limit exceeded", "credit limit exceeded"),
    ("拒绝", None),
])
def test_a_rejection_carries_its_reason(text, reason):
    assert reply(text).reason == reason


@pytest.mark.parametrize("text, subject, score", [
    ("满意度 4分", "Re: [SO2023100001] 回访", 4),
    ("score: 5", "Re: [SO2023100001] feedback", 5),
    ("5", "Re: [SO2023100001] 满意度调查", 5),
    ("3星", "Re: [SO2023100001] 满意度调查", 3),
    ("非常满意", "Re: [SO2023100001] 满意度调查", 5),
])
def test_survey_scores(text, subject, score):
    found = reply(text, subject)
    assert (found.intent, found.score) == ("survey", score)


def test_a_bare_digit_is_no_score_outside_a_survey():
    assert read_score("5", "Re: [SO2023100001] 客户需求清单") is None
    assert read_score("3星期内交货", "Re: [SO2023100001] 满意度调查") is None


def test_label_value_data_is_an_answer():
    found = reply("要求交付日期：10月20日\n收货地址：上海市浦东新区")
    assert found.intent == "answer"
    assert found.answer.requested_delivery_date == date(2023, 10, 20)
    assert found.answer.customer.address == "上海市浦东新区"


def test_data_with_an_intent_word_keeps_both():
    found = reply("确认。\n收货地址：上海市浦东新区")
    assert found.intent == "confirm" and found.answer.customer.address == "上海市浦东新区"


def test_problems_in_answer_data_are_reported():
    result = parse_reply("要求交付日期：尽快", THREAD)
    assert [(p.field, p.code) for p in result[1]] == [("requested_delivery_date", "vague")]


TOKEN = "eyJhbGciOiJIUzI1NiJ9x.AbCdEfGhIjKlMnOpQr_-"  # shaped like an issued token: payload.signature


def test_tokens():
    assert find_token(f"[SO2023100001] 同意 token={TOKEN}") == TOKEN
    assert find_token(f"[SO2023100001] approve [T:{TOKEN}]") == TOKEN
    assert find_token("[SO2023100001] approve [T:.eJyLVgr2NzIwMjY0AAJDJR1D.YEXkJ6gAkz20KPMfd0hl]")
    assert find_token("no token here") is None
    # Not shaped like ours: a customer's "token=abc" in a PO number or a pasted URL.
    assert find_token("PO-7 token=AAAA") is None and find_token("https://x.example/?token=abc.def") is None
    assert find_token("[SO2024050009] 驳回 reject [T:eyJvIjoi.Zk1Qxw.Hn2Lk9]") == "eyJvIjoi.Zk1Qxw.Hn2Lk9"


def test_the_subject_verdict_counts_only_with_a_token():
    assert reply("", f"[SO2023100001] 驳回 reject [T:{TOKEN}]").intent == "reject"
    assert reply("", "Re: [SO2023100001] 请确认客户需求清单").intent == "answer"


def test_order_number_from_subject_then_in_reply_to_then_references():
    envelope = Envelope(subject="Re: 需求", in_reply_to=["<x@y>"],
                        references=["<SO2023100009.requirements_list.1@example.com>", "<x@y>"])
    assert parse_reply("确认", envelope)[0].order_no == "SO2023100009"


QUOTED_ZH = "确认无误。\n\n-----原始邮件-----\n发件人：orders@example.com\n发送时间：2023年10月2日\n主题：[SO2023100001]\n\n驳回\n数量：100\n"
QUOTED_OUTLOOK = "OK\n\nFrom: Orders <orders@example.com>\nSent: Monday, October 2, 2023 10:00\nTo: x@y\nSubject: cancel?\n\nplease cancel\n"
QUOTED_GMAIL = "同意\n\nOn Mon, 2 Oct 2023 at 10:00, Orders <orders@example.com>\nwrote:\n> 驳回？\n> 数量：100\n"
QUOTED_ZH_WROTE = "没问题\n\n在 2023年10月2日 10:00，orders@example.com 写道：\n> 取消？\n"


@pytest.mark.parametrize("text, expected", [
    (QUOTED_ZH, "确认无误。"), (QUOTED_OUTLOOK, "OK"), (QUOTED_GMAIL, "同意"), (QUOTED_ZH_WROTE, "没问题"),
    ("Yes\n> quoted line\n> 数量：1\n", "Yes"),
])
def test_quoted_text_is_removed(text, expected):
    assert strip_quoted(text) == expected


def test_answers_written_between_quoted_lines_stay():
    text = "On Mon, 2 Oct 2023, Orders <orders@example.com> wrote:\n> 要求交付日期？\n要求交付日期：10月20日\n> 地址？\n收货地址：上海\n"
    assert strip_quoted(text).split("\n") == ["要求交付日期：10月20日", "收货地址：上海"]


def test_signature_is_not_read_as_answer_data():
    found = reply("确认\n\n此致\n王建国\n电话：021-55556666\n")
    assert found.answer is None and found.text == "确认"


def test_reply_email_end_to_end(golden_bytes):
    result = parse_email(golden_bytes("reply_answer_data"))
    assert result.reply.intent == "answer"
    assert result.reply.answer.requested_delivery_date == date(2023, 10, 20)
    assert result.reply.answer.lines[0].spec == "L-600×400"
    assert "写道" not in result.reply.text and "请补充" not in result.reply.text


def test_read_intent_without_words():
    assert read_intent("好的，谢谢") == (None, None)


def test_noted_is_not_a_sign_off():
    assert reply("收到").intent == "answer"
    assert reply("收到，谢谢").intent == "answer"
