"""Parse rate per format, on one core, and parse time against message size.

Reads the labelled corpus (tests/labelled/NAME.eml, the category is the name's
prefix: label_, html_, text_table_, csv_, xlsx_, pdf_, prose_, fwd_, reply_,
nonorder_ ...), repeats each category's emails to COUNT messages and prints
emails/s with `orderloop parse` semantics (parse plus the draft checks). Then
parses order emails grown to 1, 2 and 5 MB to show the time stays linear.

    taskset -c 0 .venv/bin/python bench/parse_formats.py [COUNT]

Targets: text orders >= 1,000/s; xlsx and PDF attachments >= 100/s; 5 MB < 1 s.
"""
from __future__ import annotations

import re
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from flows.reading import read_email  # noqa: E402
from flows.settings import Settings  # noqa: E402
from parsers import parse_email  # noqa: E402

CATEGORY = re.compile(r"^(text_table|[a-z0-9]+)_")


SETTINGS = Settings()


def parse_like_the_cli(raw: bytes) -> None:
    read_email(raw, SETTINGS)


def rate(messages: list[bytes], count: int) -> float:
    batch = (messages * (count // len(messages) + 1))[:count]
    for raw in messages:  # warm up: imports, compiled patterns
        parse_like_the_cli(raw)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        for raw in batch:
            parse_like_the_cli(raw)
        best = min(best, time.perf_counter() - started)
    return count / best


def grown(raw: bytes, size: int) -> bytes:
    """An order email whose body is padded with ordinary text lines to `size` bytes."""
    head, sep, body = raw.partition(b"\n\n")
    line = "备注:本段为长邮件填充文字,内容与订单无关 Notes: padding text, nothing to do with the order\n".encode()
    padding = line * (max(0, size - len(raw)) // len(line) + 1)
    plain = b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n"
    return b"Subject: big order\nMIME-Version: 1.0\n" + plain + b"\n" + body + padding[:size]


def main(count: int) -> None:
    groups: dict[str, list[bytes]] = defaultdict(list)
    for path in sorted((REPO / "tests" / "labelled").glob("*.eml")):
        match = CATEGORY.match(path.name)
        groups[match.group(1) if match else "other"].append(path.read_bytes())
    for name, messages in sorted(groups.items()):
        print(f"{name:<12} {len(messages):3d} emails  {rate(messages, count):8,.0f} emails/s")
    seed = (REPO / "flows" / "sample" / "emails" / "01-seed-order.eml").read_bytes()
    for megabytes in (1, 2, 5):
        raw = grown(seed, megabytes * 1024 * 1024)
        started = time.perf_counter()
        kind = parse_email(raw).kind
        print(f"{megabytes} MB email: {time.perf_counter() - started:.2f} s ({kind})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
