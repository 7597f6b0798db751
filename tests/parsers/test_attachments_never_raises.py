"""parse_email returns a result for any attachment: order files mutated byte by
byte, cut short, or nothing like what their name says."""
from __future__ import annotations

import functools
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers import parse_email
from parsers.attachments import file_text
from parsers.message import OrderFile
from parsers.result import ParseResult
from tests.parsers.fixtures_attachments import build

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FILES = {
    "xlsx": ("订单.xlsx", "application/octet-stream", build.order_xlsx),
    "csv": ("订单.csv", "text/csv", lambda: build.order_csv(encoding="gbk")),
    "pdf": ("订单.pdf", "application/pdf", lambda: build.purchase_order_pdf(ruled=False)),
}


@functools.cache
def original(kind: str) -> bytes:
    return FILES[kind][2]()


# Built before any strategy runs: rendering the PDF touches the `random`
# module, which Hypothesis forbids inside a strategy.
for _kind in FILES:
    original(_kind)


@st.composite
def mutated_file(draw):
    kind = draw(st.sampled_from(sorted(FILES)))
    name, content_type, _ = FILES[kind]
    data = bytearray(original(kind))
    for _ in range(draw(st.integers(1, 8))):
        action = draw(st.sampled_from(["flip", "cut", "insert", "delete", "zero"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[max(at, 8):]
        elif action == "insert":
            data[at:at] = draw(st.binary(max_size=64))
        elif action == "delete":
            del data[at:at + draw(st.integers(1, 4000))]
        else:
            data[at:at + 512] = bytes(len(data[at:at + 512]))
    return kind, name, content_type, bytes(data)


@SETTINGS
@given(mutated_file())
def test_never_raises_on_mutated_order_files(mutation):
    kind, name, content_type, data = mutation
    assert isinstance(file_text(OrderFile(name, content_type, data, kind)), str)
    result = parse_email(build.mime_email([(name, content_type, data, "rfc2231")]))
    assert isinstance(result, ParseResult)
    assert not [p for p in result.problems if p.field == "message"], result.problems
    result.contract()


@SETTINGS
@given(st.sampled_from(["xlsx", "xls", "pdf", "csv", "html"]), st.binary(max_size=3000))
def test_never_raises_on_arbitrary_bytes_of_any_kind(kind, data):
    assert isinstance(file_text(OrderFile("x", "application/octet-stream", data, kind)), str)


def test_a_huge_csv_is_bounded():
    data = ("品名,数量\r\n" + "A产品,5\r\n" * 400_000).encode()  # 4.4 MB
    start = time.perf_counter()
    text = file_text(OrderFile("a.csv", "text/csv", data, "csv"))
    assert time.perf_counter() - start < 3 and text.count("\n") <= 2_000


def test_a_csv_of_one_endless_quoted_field_is_bounded():
    start = time.perf_counter()
    assert isinstance(file_text(OrderFile("a.csv", "text/csv", b'"' + b"x" * 3_000_000, "csv")), str)
    assert time.perf_counter() - start < 3
