"""Parse speed: the golden order emails repeated to 2,000 messages, on one core.

    .venv/bin/python tests/parsers/bench_parse.py [COUNT]

Not collected by pytest (timing on a shared machine is no test); the target
is at least 1,000 emails a second.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from parsers import parse_email  # noqa: E402


def main(count: int = 2000) -> None:
    golden = REPO / "tests" / "golden"
    orders = [p.read_bytes() for p in sorted(golden.glob("*.eml"))
              if json.loads(p.with_suffix(".json").read_text("utf-8"))["kind"] == "order"]
    batch = (orders * (count // len(orders) + 1))[:count]
    for raw in orders:  # warm up: imports, compiled regexes
        parse_email(raw)
    best = None
    for _ in range(3):
        start = time.perf_counter()
        for raw in batch:
            parse_email(raw)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(f"{count} order emails ({len(orders)} distinct) in {best:.2f} s: {count / best:,.0f} emails/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
