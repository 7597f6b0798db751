"""Messages orderloop sends: threading headers, Chinese, and stable bytes."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email import policy
from email.parser import BytesParser

import pytest

from mail import build_message, make_message_id

CST = timezone(timedelta(hours=8))
ORIGINAL = "<CAF=xyz+Pq9-very-long-gmail-style-identifier-0123456789abcdefghij@mail.gmail.com>"
REFERENCES = [ORIGINAL] + [f"<SO2023100001.step{i}.0123456789ab@orders.verylongdomainname.example.com>" for i in range(3)]


def compose(**overrides) -> bytes:
    args = dict(
        sender="订单系统 <orders@example.com>",
        recipients=["王经理 <wang@customer.example>", "buyer@customer.example"],
        subject="[SO2023100001] 请确认客户需求清单 Please confirm the requirements list",
        text="王经理您好：\n\n请确认以下需求：A产品 100台，需防潮包装。\n",
        message_id=make_message_id("SO2023100001", "requirements_list", "SO2023100001/v1", "example.com"),
        in_reply_to=ORIGINAL,
        references=REFERENCES,
        date=datetime(2023, 10, 8, 9, 30, tzinfo=CST),
    )
    args.update(overrides)
    return build_message(**args)


def parse(raw: bytes):
    return BytesParser(policy=policy.default).parsebytes(raw)


def test_message_ids_are_deterministic_and_carry_the_order_number():
    first = make_message_id("SO2023100001", "clarification", "seed-1", "example.com")
    assert first == make_message_id("SO2023100001", "clarification", "seed-1", "example.com")
    assert re.fullmatch(r"<SO2023100001\.clarification\.[0-9a-f]{12}@example\.com>", first)
    assert first != make_message_id("SO2023100001", "clarification", "seed-2", "example.com")
    assert re.fullmatch(r"<orderloop\.survey\.[0-9a-f]{12}@example\.com>", make_message_id(None, "survey", "s", "example.com"))


@pytest.mark.parametrize("bad", [("SO 1", "x"), ("SO1", "需求"), ("SO1", "a@b")])
def test_a_message_id_part_that_would_break_the_header_is_refused(bad):
    with pytest.raises(ValueError):
        make_message_id(bad[0], bad[1], "seed", "example.com")


def test_threading_headers_are_exactly_what_was_given_and_never_encoded():
    raw = compose()
    msg = parse(raw)
    assert msg["Message-ID"] == make_message_id("SO2023100001", "requirements_list", "SO2023100001/v1", "example.com")
    assert msg["In-Reply-To"] == ORIGINAL
    assert msg["References"].split() == REFERENCES
    headers = raw.split(b"\r\n\r\n", 1)[0]
    threading = re.search(rb"In-Reply-To:.*?(?=\r\n\S)", headers, re.S).group() + re.search(rb"References:.*?(?=\r\n\S)", headers, re.S).group()
    assert b"=?" not in threading


def test_chinese_subject_and_names_round_trip_through_rfc_2047():
    raw = compose()
    assert "请确认".encode() not in raw.split(b"\r\n\r\n", 1)[0]  # encoded, not 8-bit
    msg = parse(raw)
    assert msg["Subject"] == "[SO2023100001] 请确认客户需求清单 Please confirm the requirements list"
    assert msg["To"].addresses[0].display_name == "王经理"
    assert msg["From"].addresses[0].addr_spec == "orders@example.com"
    assert msg.get_body(("plain",)).get_content().replace("\r\n", "\n") == "王经理您好：\n\n请确认以下需求：A产品 100台，需防潮包装。\n"


def test_the_same_inputs_give_the_same_bytes():
    pdf = ("销售订单 SO2023100001.pdf", "application/pdf", b"%PDF-1.7 fake")
    assert compose(html="<p>您好</p>", attachments=[pdf]) == compose(html="<p>您好</p>", attachments=[pdf])
    other = compose(html="<p>您好</p>", attachments=[pdf], message_id="<other@example.com>")
    boundaries = lambda raw: set(re.findall(rb'boundary="([^"]+)"', raw))  # noqa: E731
    assert boundaries(other).isdisjoint(boundaries(compose(html="<p>您好</p>", attachments=[pdf])))


def test_html_makes_a_multipart_alternative():
    msg = parse(compose(html="<p>王经理您好</p>"))
    assert msg.get_content_type() == "multipart/alternative"
    assert [p.get_content_type() for p in msg.iter_parts()] == ["text/plain", "text/html"]
    assert "王经理您好" in msg.get_body(("html",)).get_content()


def test_attachments_wrap_the_body_in_multipart_mixed():
    pdf = ("销售订单 SO2023100001.pdf", "application/pdf", b"%PDF-1.7 fake")
    msg = parse(compose(html="<p>您好</p>", attachments=[pdf]))
    assert msg.get_content_type() == "multipart/mixed"
    [attachment] = msg.iter_attachments()
    assert (attachment.get_filename(), attachment.get_content_type(), attachment.get_content()) == pdf
    assert msg.get_body(("html", "plain")).get_content_type() == "text/html"


def test_robots_are_told_not_to_answer():
    msg = parse(compose())
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["X-Auto-Response-Suppress"] == "All"
    assert parse(compose(extra_headers={"Auto-Submitted": "auto-replied", "X-Orderloop-Order": "SO2023100001"}))[
        "Auto-Submitted"
    ] == "auto-replied"


def test_output_is_seven_bit_with_crlf_lines_that_smtp_accepts():
    raw = compose(html="<p>" + "很长的一行" * 200 + "</p>", attachments=[("a.bin", "application/octet-stream", bytes(range(256)) * 10)])
    assert raw.isascii()
    lines = raw.split(b"\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert max(len(line) for line in lines) <= 998


def test_the_date_is_the_given_one_and_must_have_a_timezone():
    assert parse(compose())["Date"].datetime == datetime(2023, 10, 8, 9, 30, tzinfo=CST)
    with pytest.raises(ValueError):
        compose(date=datetime(2023, 10, 8, 9, 30))


def test_a_first_message_has_no_threading_headers():
    msg = parse(compose(in_reply_to=None, references=()))
    assert "In-Reply-To" not in msg and "References" not in msg
