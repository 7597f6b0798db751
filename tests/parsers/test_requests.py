"""Reasons for change requests and a rep's new payment terms, read from replies."""
from decimal import Decimal

import pytest

from parsers.requests import change_reason, read_new_terms


@pytest.mark.parametrize("text, reason", [
    ("您好,订单需要变更:\n数量:120台\n变更原因:项目扩大,需求增加\n", "项目扩大,需求增加"),
    ("原因： 工地延期", "工地延期"),
    ("Please change the quantity to 120.\nReason: the project grew\n", "the project grew"),
    ("请把交货日期改到11月20日,因为工地延期了。", "工地延期了"),
    ("please change qty to 120 due to a larger project.", "a larger project"),
    ("数量改为120台", None),
])
def test_the_reason_of_a_change_request(text, reason):
    assert change_reason(text) == reason


@pytest.mark.parametrize("text, percent, days", [
    ("您好:\n已与客户协商,改为预付50%。\n张丽", Decimal("50"), None),
    ("付款方式:预付50%,余款月结30天", Decimal("50"), 30),
    ("客户同意改为款到发货。", Decimal("100"), None),
    ("Customer agreed: T/T 50% in advance, balance net 30.", Decimal("50"), 30),
])
def test_new_payment_terms_in_a_reps_reply(text, percent, days):
    terms = read_new_terms(text)
    assert (terms.prepayment_percent, terms.credit_days) == (percent, days)
    assert terms.text and "协商" not in terms.text


@pytest.mark.parametrize("text", ["数量:120台", "客户还在考虑,明天答复。", "电话 13800000001"])
def test_a_reply_without_terms_states_none(text):
    assert read_new_terms(text) is None
