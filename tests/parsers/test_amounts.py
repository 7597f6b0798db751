import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.amounts import (amount_unit, chinese_number, find_total, is_vague_amount, parse_amount,
                             parse_credit_days, parse_percent, parse_quantity)


@pytest.mark.parametrize("text, expected", [
    ("50,000元", "50000"),
    ("¥1,200.00", "1200.00"),
    ("￥1,200", "1200"),  # U+FFE5, as GBK writes the yuan sign
    ("RMB 3,600", "3600"),
    ("CNY 800", "800"),
    ("5万元", "50000"),
    ("1.2万", "12000"),
    ("3千元", "3000"),
    ("0元", "0"),
    ("800", "800"),
    ("500元/台", "500"),
    ("１２００元", "1200"),  # full-width digits
    ("人民币 2,500.50 元", "2500.50"),
    ("800元（含税）", "800"),
    ("5k", "5000"),
])
def test_reads_amounts_as_exact_decimals(text, expected):
    found = parse_amount(text)
    assert isinstance(found, Decimal)
    assert found == Decimal(expected)
    assert str(found) == expected


@pytest.mark.parametrize("text", ["abc", "", "1,2345", "100-200", "12.5.3", "万元", "百", "十十元",
                                  "每台", "1" * 300])
def test_refuses_what_is_not_an_amount(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize("text, expected", [("$100", "100"), ("USD 2.35", "2.35"), ("US$ 1,200.50", "1200.50"),
                                            ("HK$1200", "1200"), ("2.35 USD", "2.35")])
def test_a_price_in_the_buyers_currency_is_read_as_written(text, expected):
    assert parse_amount(text) == Decimal(expected)


def test_a_price_per_unit_names_the_unit():
    assert amount_unit("500元/台") == "台"
    assert amount_unit("4,200元/吨") == "吨"
    assert amount_unit("500元") is None


@pytest.mark.parametrize("text, quantity, unit", [
    ("100台", "100", "台"),
    ("100 pcs", "100", "pcs"),
    ("1,000件", "1000", "件"),
    ("2.5吨", "2.5", "吨"),
    ("100", "100", None),
    ("１００台", "100", "台"),
    ("1万件", "10000", "件"),
    ("12 sets", "12", "sets"),
])
def test_reads_quantities_with_their_unit(text, quantity, unit):
    assert parse_quantity(text) == (Decimal(quantity), unit)


@pytest.mark.parametrize("text", ["abc", "", "台", "100-200台"])
def test_refuses_what_is_not_a_quantity(text):
    assert parse_quantity(text) is None


@pytest.mark.parametrize("text", ["面议", "待定", "约100台", "100台左右", "about 100", "TBD"])
def test_knows_a_number_not_yet_fixed(text):
    assert is_vague_amount(text)


@pytest.mark.parametrize("text, expected", [
    ("预付30%", "30"),
    ("30% prepayment", "30"),
    ("预付30%，余款月结60天", "30"),
    ("尾款70%，预付30%", "30"),
    ("30% deposit, balance before shipment", "30"),
    ("款到发货", "100"),
    ("月结60天", None),
    ("货到付款", "0"),  # cash on delivery: nothing is paid before shipping
])
def test_reads_the_prepayment_share(text, expected):
    assert parse_percent(text) == (Decimal(expected) if expected else None)


@pytest.mark.parametrize("text, days", [
    ("账期30天", 30), ("月结60天", 60), ("net 30", 30), ("Net-45", 45), ("30天账期", 30),
    ("预付30%，余款货到30天内付清", 30), ("payment within 45 days", 45), ("预付30%", None),
    ("款到发货", None),
])
def test_reads_the_credit_period(text, days):
    assert parse_credit_days(text) == days


@pytest.mark.parametrize("text, expected", [
    ("二十", "20"), ("两千", "2000"), ("一百五十", "150"), ("一万二千", "12000"), ("一万二", "12000"),
    ("十二", "12"), ("零", "0"), ("壹贰叁", "123"), ("壹佰贰拾叁", "123"), ("两百五十", "250"),
    ("二点五", "2.5"), ("一点五万", "15000"), ("貳拾", "20"), ("〇", "0"),
])
def test_reads_chinese_numerals(text, expected):
    assert chinese_number(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "百", "万", "十十", "万万", "点五", "二点", "abc", "二十台", "一" * 40])
def test_chinese_numerals_it_cannot_read_are_no_number(text):
    assert chinese_number(text) is None


@pytest.mark.parametrize("text, expected", [
    ("三千一百五十元", "3150"),
    ("两千元", "2000"),
    ("一万二千元", "12000"),
    ("五万元", "50000"),
    ("零元", "0"),
    ("人民币叁仟壹佰伍拾元整", "3150"),
    ("壹佰贰拾叁元伍角", "123.5"),
    ("壹佰贰拾叁元伍角陆分", "123.56"),
    ("十二点五万", "125000"),
    ("1.5万", "15000"),
    ("3千", "3000"),
    ("2百", "200"),
    ("１００", "100"),
    ("每台三千一百五十元", "3150"),
    ("每台3150元", "3150"),
    ("45元一个", "45"),
    ("45元/个", "45"),
    ("RMB 1,280 each", "1280"),
    ("RMB 1,280 per set", "1280"),
    ("¥45", "45"),
])
def test_reads_amounts_in_chinese_numerals_and_per_unit_forms(text, expected):
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text, unit", [
    ("每台三千一百五十元", "台"), ("每千克12元", "千克"), ("45元一个", "个"), ("RMB 1,280 per set", "set"),
    ("500元/台", "台"), ("RMB 1,280 each", None),
])
def test_the_unit_of_a_price_per_unit(text, unit):
    assert amount_unit(text) == unit


@pytest.mark.parametrize("text, quantity, unit", [
    ("二十台", "20", "台"),
    ("两百个", "200", "个"),
    ("一百五十件", "150", "件"),
    ("十二箱", "12", "箱"),
    ("壹贰叁件", "123", "件"),
    ("１００台", "100", "台"),
    ("1.5万件", "15000", "件"),
    ("3千米", "3", "千米"),  # 千米 is a unit (km), not 3000 米
    ("五千克", "5", "千克"),
    ("5千克", "5", "千克"),
    ("二点五吨", "2.5", "吨"),
    ("two sets", "2", "sets"),
    ("twenty five pcs", "25", "pcs"),
    ("a dozen boxes", "12", "boxes"),
    ("150 units", "150", "units"),
    ("30 pieces", "30", "pieces"),
    ("8 rolls", "8", "rolls"),
])
def test_reads_quantities_in_words_and_numerals(text, quantity, unit):
    assert parse_quantity(text) == (Decimal(quantity), unit)


@pytest.mark.parametrize("unit", ["台", "套", "件", "箱", "吨", "米", "个", "只", "把", "张", "卷", "包", "桶",
                                  "pcs", "units", "sets", "pieces", "boxes"])
def test_every_common_unit_word(unit):
    assert parse_quantity(f"二十{unit}") == (Decimal(20), unit)
    assert parse_quantity(f"20 {unit}") == (Decimal(20), unit)


@pytest.mark.parametrize("text, expected", [
    ("共计63,000元", "63,000元"),
    ("合计：三千元整", "三千元"),
    ("总价为人民币5万元", "人民币5万元"),
    ("一共3150元", "3150元"),
    ("Total amount RMB 192,000", "RMB 192,000"),
    ("共计二十台", None),  # a total of goods, not of money
    ("单价45元", None),
])
def test_finds_a_stated_total_in_a_sentence(text, expected):
    assert find_total(text) == expected


@pytest.mark.parametrize("text, percent, days", [
    ("预付30%", "30", None),
    ("先付一半", "50", None),
    ("一半预付，余款发货前付清", "50", None),
    ("款到发货", "100", None),
    ("全款", "100", None),
    ("先款后货", "100", None),
    ("收到付款后发货", "100", None),
    ("月结60天", None, 60),
    ("Net 60 days", None, 60),
    ("net 60", None, 60),
    ("T/T 30% in advance", "30", None),
    ("T/T 30% in advance, 70% balance before shipment", "30", None),
    ("30%预付，70%发货前付清", "30", None),
    ("预付百分之三十", "30", None),
    ("预付三成，余款月结30天", "30", 30),
    ("100% T/T in advance", "100", None),
    ("货到付款", "0", None),  # cash on delivery: nothing before, no days after
    ("cash on delivery", "0", None),
    ("货到后30天付款", None, 30),
    ("发货后30天付款", None, 30),
    ("预付30%，余款货到付款", "30", None),
    ("预付50%，余款货到付清", "50", None),
    ("T/T 30% in advance, 70% against B/L copy", "30", None),
    ("Payment in full before shipment", "100", None),
    ("30% advance, 70% within 30 days after delivery", "30", 30),
    ("验收合格后30天内付款", None, 30),
    ("30 days from invoice", None, 30),
    ("运费到付，款到发货", "100", None),  # freight collect is no cash on delivery
])
def test_reads_payment_terms(text, percent, days):
    assert parse_percent(text) == (Decimal(percent) if percent else None)
    assert parse_credit_days(text) == days


def test_long_payment_terms_are_read_in_bounded_time():
    start = time.perf_counter()
    for text in ("百分之" * 40_000, "三成" * 50_000, "1%" * 50_000, "一" * 100_000):
        parse_percent(text)
        parse_credit_days(text)
        parse_amount(text)
        parse_quantity(text)
    assert time.perf_counter() - start < 1



@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("零〇一二两三四五六七八九十百千万亿壹贰叁佰仟点元角分整每台个/,.1234567890 %预付款到发货天RMBnet")),
               max_size=30))
def test_never_raises_on_numeral_soup(text):
    parse_amount(text)
    parse_quantity(text)
    amount_unit(text)
    parse_percent(text)
    parse_credit_days(text)
    chinese_number(text)
    find_total("共计" + text)


@pytest.mark.parametrize("text", ["一次性手套", "一、电气类", "二、五金类", "Two-way valve", "五金", "三通接头", "万向轮"])
def test_words_that_start_with_a_numeral_are_no_quantity(text):
    assert parse_quantity(text) is None
    assert parse_amount(text) is None
