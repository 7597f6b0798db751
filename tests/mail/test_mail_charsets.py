"""Chinese charsets in mail: what clients send and what we must read."""
from __future__ import annotations

import base64
import codecs
import quopri
import subprocess
import sys
from email import policy
from email.parser import BytesParser

import pytest
from imap_tools import MailMessage

from mail import decode_bytes

# 镕 (as in 朱镕基) and 啰 are in GBK but not in GB2312; clients label such
# text gb2312 anyway. 𠀀 needs GB18030's four-byte form; ￥ is how GBK writes ¥.
CASES = [
    ("utf-8", "utf-8", "订单 SO2023100001：A产品 100台，单价￥500"),
    ("gbk", "gb18030", "订单 SO2023100001：A产品 100台，朱镕基啰嗦"),
    ("gb2312", "gb18030", "请尽快发货，联系人：朱镕基，啰嗦几句"),
    ("GB2312", "gb18030", "大写金额：伍万零捌佰元整 镕"),
    ("gb18030", "gb18030", "生僻字𠀀与镕，金额€800"),
    ("x-gbk", "gb18030", "联系人：啰"),
    ("cp936", "gb18030", "联系人：镕"),
]


def email_bytes(label: str, codec: str, text: str, cte: str) -> bytes:
    body = text.encode(codec)
    encoded = base64.encodebytes(body) if cte == "base64" else quopri.encodestring(body)
    subject = "=?%s?B?%s?=" % (label, base64.b64encode(text[:12].encode(codec)).decode())
    return (
        f"From: buyer@customer.example\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: text/plain; charset="{label}"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n'
    ).encode() + encoded.replace(b"\n", b"\r\n")


@pytest.mark.parametrize("cte", ["base64", "quoted-printable"])
@pytest.mark.parametrize(("label", "codec", "text"), CASES)
def test_the_stdlib_parser_keeps_every_character(label, codec, text, cte):
    msg = BytesParser(policy=policy.default).parsebytes(email_bytes(label, codec, text, cte))
    assert msg.get_content() == text
    assert msg["Subject"] == text[:12]


@pytest.mark.parametrize(("label", "codec", "text"), CASES)
def test_imap_tools_keeps_every_character(label, codec, text):
    # imap-tools decodes with 'ignore': without the aliases 镕 would vanish.
    msg = MailMessage.from_bytes(email_bytes(label, codec, text, "base64"))
    assert msg.text == text


def test_the_aliases_apply_even_to_a_charset_used_before_they_were_installed():
    script = (
        "import codecs; '中'.encode('gb2312'); import mail; "
        "print(codecs.lookup('gb2312').name, codecs.lookup('GBK').name, codecs.lookup('gb_2312-80').name)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["gb18030"] * 3


def test_hz_is_left_alone():
    assert codecs.lookup("hz-gb-2312").name == "hz"


@pytest.mark.parametrize(
    ("data", "charset", "expected"),
    [
        ("朱镕基".encode("gb18030"), "gb2312", "朱镕基"),
        ("朱镕基".encode("utf-8"), None, "朱镕基"),
        ("朱镕基".encode("gb18030"), None, "朱镕基"),
        ("朱镕基".encode("utf-8"), "unknown-8bit", "朱镕基"),
        ("朱镕基".encode("utf-8"), "base64", "朱镕基"),
        ("朱镕基".encode("utf-8"), ' "UTF-8" ', "朱镕基"),
        ("café".encode("latin-1"), None, "café"),
        ("café".encode("latin-1"), "us-ascii", "café"),
    ],
)
def test_decode_bytes_finds_the_text(data, charset, expected):
    assert decode_bytes(data, charset) == expected


def test_decode_bytes_keeps_the_declared_charset_when_one_byte_is_broken():
    broken = "订单朱镕基".encode("gb18030") + b"\xff" + "发货".encode("gb18030")
    assert decode_bytes(broken, "gbk") == "订单朱镕基\ufffd发货"
