from decimal import Decimal

import pytest

from parsers.amounts import (amount_unit, is_vague_amount, parse_amount, parse_credit_days,
                             parse_percent, parse_quantity)


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


@pytest.mark.parametrize("text", ["abc", "", "$100", "1,2345", "五万元", "100-200", "12.5.3"])
def test_refuses_what_is_not_an_amount(text):
    assert parse_amount(text) is None


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
    ("货到付款", None),
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
