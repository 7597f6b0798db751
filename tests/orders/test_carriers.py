"""Tracking numbers checked against their carrier's format: a typo goes back to logistics."""
import pytest

from orders.carriers import carrier_named, check_tracking_number


@pytest.mark.parametrize("written, code", [
    ("顺丰", "shunfeng"), ("顺丰速运", "shunfeng"), ("SF Express", "shunfeng"), ("京东物流", "jd"),
    ("EMS", "ems"), ("中通快递", "zhongtong"), ("DHL Express", "dhl"), ("FedEx", "fedex"), ("ups", "ups"),
])
def test_a_carrier_as_people_write_it(written, code):
    assert carrier_named(written).code == code


def test_an_unknown_carrier_is_none():
    assert carrier_named("老王货运") is None


@pytest.mark.parametrize("carrier, number", [
    ("顺丰", "SF1234567890123"), ("顺丰", "sf 1234 5678 9012"), ("EMS", "EA123456789CN"),
    ("UPS", "1Z999AA10123456784"), ("DHL", "1234567890"), ("老王货运", "LW-2023-0098"),
])
def test_a_well_formed_number_passes(carrier, number):
    assert check_tracking_number(carrier_named(carrier), number) is None


@pytest.mark.parametrize("carrier, number", [
    ("顺丰", "SF12345678901"),     # a digit short
    ("顺丰", "1234567890123"),     # the SF missing
    ("UPS", "1Z999AA1012345678"),  # 15 after 1Z
    ("DHL", "123456789"),
    ("老王货运", "?"),
    ("顺丰", ""),
])
def test_a_malformed_number_is_sent_back_with_the_expected_shape(carrier, number):
    problem = check_tracking_number(carrier_named(carrier), number)
    assert problem is not None
    if carrier == "顺丰" and number:
        assert "SF1234567890123" in problem
