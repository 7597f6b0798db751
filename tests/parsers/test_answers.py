"""The staff's one-word answers, and what counts as business talk."""
import pytest

from parsers.answers import read_yes_no
from parsers.business import talks_business


@pytest.mark.parametrize("text, answer", [
    ("是订单，请跟进", "yes"), ("确认", "yes"), ("Yes, please take it in", "yes"), ("\n\n> 是订单", "yes"),
    ("不是，是询价", "no"), ("不确认", "no"), ("No.", "no"), ("否", "no"),
    ("谢谢", None), ("I am not in the office until Monday", None), ("王总好，我看一下再说", None), ("", None),
    ("是谁发的?我不认识这个地址,先别处理", None), ("是否需要先问客户?", None), ("是不是订单我不确定", None),
    ("确认不是", None), ("确认一下再说", None), ("Order? not sure", None), ("OK let me check", None),
    ("是，请跟进", "yes"), ("OK.", "yes"), ("不是的", "no"),
])
def test_only_a_first_line_that_starts_with_the_answer_decides(text, answer):
    assert read_yes_no(text) == answer


@pytest.mark.parametrize("text", ["老样子，A产品再来一百台，价格按上次的，下周五前送到",
                                  "Please send 200 pcs of the same model as last time",
                                  "上次的货款 RMB 5,000 和这批货一起结"])
def test_quantities_or_amounts_beside_goods_are_business(text):
    assert talks_business(text)


@pytest.mark.parametrize("text", ["谢谢您的来信", "电话 13800000001", "会议改到周五下午三点", "See you at 3 pm"])
def test_greetings_phone_numbers_and_meetings_are_not(text):
    assert not talks_business(text)
