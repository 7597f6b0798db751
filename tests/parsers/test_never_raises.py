"""parse_email returns a result for any bytes at all: arbitrary, and golden emails mutated."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import parse_email
from parsers.result import ParseResult
from tests.parsers.conftest import golden_emails

GOLDEN = [p.read_bytes() for p in golden_emails()]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(raw: bytes) -> None:
    result = parse_email(raw)
    assert isinstance(result, ParseResult)
    result.contract()


@SETTINGS
@given(st.binary(max_size=4000))
def test_never_raises_on_arbitrary_bytes(raw):
    check(raw)


@SETTINGS
@given(st.text(max_size=2000))
def test_never_raises_on_arbitrary_text(text):
    check(text.encode("utf-8", "surrogatepass"))


@st.composite
def mutated_golden(draw):
    data = bytearray(draw(st.sampled_from(GOLDEN)))
    for _ in range(draw(st.integers(1, 12))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete", "duplicate"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at:]
        elif action == "insert":
            data[at:at] = draw(st.sampled_from([
                b"\r\n", b"--", b"=?", b"?=", b"=?gb2312?B?", b"\xff\xfe", b"boundary=\"", b"Content-Type: multipart/mixed;",
                b"charset=idna", b"charset=base64", b"Content-Transfer-Encoding: x-uuencode\r\n", b"\x00", b"<", b">",
                b"\xef\xbc\x9a", b"> ", b"=\r\n", draw(st.binary(max_size=40))]))
        elif action == "delete":
            del data[at:at + draw(st.integers(1, 200))]
        else:
            data[at:at] = data[at:at + draw(st.integers(1, 300))]
    return bytes(data)


@SETTINGS
@given(mutated_golden())
def test_never_raises_on_mutated_golden_emails(raw):
    check(raw)


def test_deeply_nested_multiparts_do_not_recurse_forever():
    header = b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
    raw = header * 500 + b"Content-Type: text/plain\r\n\r\n\xe5\x95\x86\xe5\x93\x81\xe5\x90\x8d\xe7\xa7\xb0\xef\xbc\x9aA\r\n"
    check(raw)


def test_huge_bodies_are_bounded():
    body = ("数量：1\n" + "x" * 100 + "\n") * 20000
    check(b"Subject: order\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body.encode())


def test_non_bytes_input_is_refused_gracefully():
    assert parse_email(None).kind == "other"
    assert parse_email("Subject: text, not bytes\n\n商品名称：A\n数量：1").kind in ("order", "other")


PLAIN = b"Subject: order\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
THREAD = b"Subject: Re: [SO2023100001] x\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
PATHOLOGICAL = {
    "long_run_of_spaces": PLAIN + b" " * 300_000 + b"x",
    "label_then_spaces": PLAIN + "数量".encode() + b" " * 50_000 + b"x",
    "label_cell_then_spaces": PLAIN + "数量".encode() + b" " * 50_000 + b"x\tfoo",
    "price_then_spaces": PLAIN + "商品名称: A\n单价: 1".encode() + b" " * 50_000 + b"x",
    "long_digit_run": PLAIN + "付款方式: ".encode() + b"1" * 100_000,
    "one_long_reply_line": THREAD + b"On 2023 " * 50_000,
    "many_wrote_lines": THREAD + "在 x\n".encode() * 50_000,
    "long_address_run": b"From: " + b"a" * 7_000 + b"\r\nSubject: x\r\n\r\nx",
    "many_encoded_word_starts": b"Subject: " + b"=?a?q?" * 1_300 + b"\r\n\r\nx",
    "forward_with_many_blank_lines": b"Subject: Fwd: x\r\n\r\nhello\n" + b"\n" * 100_000 + b"end",
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_input_takes_no_time(name):
    # Each of these once took seconds to hours: quantifiers that backtrack
    # over a long run (now possessive) or searches that restart inside one.
    start = time.perf_counter()
    check(PATHOLOGICAL[name])
    assert time.perf_counter() - start < 3
