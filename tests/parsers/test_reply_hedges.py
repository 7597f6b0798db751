"""Holding replies and partial cancellations must not move an order."""
import pytest

from parsers.reply import read_intent


@pytest.mark.parametrize("text", [
    "收到，我们内部确认后回复您", "we will confirm shortly", "请确认是否可以提前交货？",
    "Once our boss approves we will let you know", "如果交期不能满足，我们只能取消",
    "if the date cannot be met we will have to cancel",
])
def test_a_holding_or_conditional_reply_has_no_intent(text):
    assert read_intent(text) == (None, None)


@pytest.mark.parametrize("text, intent", [
    ("确认无误，请安排。", "confirm"), ("Confirmed, thanks", "confirm"), ("没问题", "confirm"),
    ("取消", "cancel"), ("请取消。", "cancel"), ("请取消这个订单", "cancel"), ("Please cancel the order.", "cancel"),
    ("请取消第二项", "change"), ("cancel line 2", "change"),
])
def test_plain_words_keep_their_intent(text, intent):
    assert read_intent(text)[0] == intent
