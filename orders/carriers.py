"""Carriers and the shape of their tracking numbers (procedure step 4): a typo
in logistics' 运单号 goes back to logistics, not to the customer.

A carrier is named as people write it (顺丰, 顺丰速运, SF Express, SF); its
number is checked where the carrier's format is known, and accepted as written
(letters, digits, dashes) where it is not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Carrier", "carrier_named", "check_tracking_number", "CARRIERS"]


@dataclass(frozen=True)
class Carrier:
    code: str  # the code tracking services use (Kuaidi100's com)
    name: str
    names: tuple[str, ...]  # how people write it, lower case
    number: re.Pattern | None = None  # the shape of its tracking numbers, where known
    example: str = ""


CARRIERS = (
    Carrier("shunfeng", "顺丰速运", ("顺丰", "顺丰速运", "顺丰快递", "sf", "sf express", "s.f. express"),
            re.compile(r"SF\d{12,13}"), "SF1234567890123"),
    Carrier("jd", "京东物流", ("京东", "京东物流", "京东快递", "jd", "jd logistics"),
            re.compile(r"JD[A-Z0-9]{11,13}"), "JDX000123456789"),
    Carrier("ems", "中国邮政EMS", ("ems", "邮政", "中国邮政", "邮政ems", "china post"),
            re.compile(r"[A-Z]{2}\d{9}[A-Z]{2}|\d{13}"), "EA123456789CN"),
    Carrier("zhongtong", "中通快递", ("中通", "中通快递", "zto"), re.compile(r"(?:7[0-9]|[1-6][0-9])\d{10,13}"),
            "78123456789012"),
    Carrier("yuantong", "圆通速递", ("圆通", "圆通速递", "yto"), re.compile(r"YT\d{13,15}"), "YT1234567890123"),
    Carrier("shentong", "申通快递", ("申通", "申通快递", "sto"), re.compile(r"77\d{11,13}"), "7712345678901"),
    Carrier("yunda", "韵达快递", ("韵达", "韵达快递", "yunda"), re.compile(r"(?:43|46|31)\d{11,13}"), "4312345678901"),
    Carrier("debangwuliu", "德邦物流", ("德邦", "德邦物流", "德邦快递", "deppon"), re.compile(r"DPK\d{12}|\d{9,12}"),
            "DPK123456789012"),
    Carrier("dhl", "DHL", ("dhl", "dhl express"), re.compile(r"\d{10}"), "1234567890"),
    Carrier("fedex", "FedEx", ("fedex", "联邦快递"), re.compile(r"\d{12}|\d{15}"), "123456789012"),
    Carrier("ups", "UPS", ("ups",), re.compile(r"1Z[A-Z0-9]{16}"), "1Z999AA10123456784"),
)
_BY_NAME = {name: carrier for carrier in CARRIERS for name in carrier.names}
_ANY_NUMBER = re.compile(r"[A-Z0-9][A-Z0-9-]{5,39}")


def carrier_named(text: str) -> Carrier | None:
    """The carrier a reply names, as people write it; None when it is not one we know."""
    key = re.sub(r"\s+", " ", (text or "").strip().lower())
    return _BY_NAME.get(key) or next((c for name, c in _BY_NAME.items() if len(name) > 2 and name in key), None)


def check_tracking_number(carrier: Carrier | None, number: str) -> str | None:
    """Why a tracking number cannot be right, or None: the number as logistics wrote it,
    spaces removed, letters in upper case."""
    cleaned = re.sub(r"\s+", "", number or "").upper()
    if not cleaned:
        return "运单号为空 / no tracking number"
    if carrier is None or carrier.number is None:
        if _ANY_NUMBER.fullmatch(cleaned):
            return None
        return f"运单号 {number!r} 格式不对 / {number!r} is not a tracking number"
    if carrier.number.fullmatch(cleaned):
        return None
    return (f"{carrier.name}运单号 {number!r} 格式不对,应如 {carrier.example} / "
            f"{number!r} is not a {carrier.name} tracking number (like {carrier.example})")
