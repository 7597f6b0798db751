"""Parse speed of order emails with an attachment, per kind, on one core.

    .venv/bin/python tests/parsers/fixtures_attachments/bench.py [COUNT]

Not collected by pytest (timing on a shared machine is no test); the target is
at least 100 emails a second for each kind of attachment. CPU time of this
process is measured (the best of three rounds), so that other work on a busy
machine counts less.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO))

from parsers import parse_email  # noqa: E402
from tests.parsers.fixtures_attachments import build  # noqa: E402


def emails() -> dict[str, bytes]:
    def mail(name: str, content_type: str, data: bytes) -> bytes:
        return build.mime_email([(name, content_type, data, "rfc2231")], body="您好，订单见附件。")
    return {
        "xlsx": mail("订单.xlsx", "application/octet-stream", build.order_xlsx()),
        "csv": mail("订单.csv", "text/csv", build.order_csv(encoding="gbk")),
        "pdf (ruled grid)": mail("采购订单.pdf", "application/pdf", build.purchase_order_pdf()),
        "pdf (no rules)": mail("采购订单.pdf", "application/pdf", build.purchase_order_pdf(ruled=False)),
        "pdf (3 pages, 90 lines)": mail("采购订单.pdf", "application/pdf", build.purchase_order_pdf(repeat=30)),
    }


def main(count: int = 300) -> None:
    for kind, raw in emails().items():
        result = parse_email(raw)  # warm up: imports, fonts, compiled regexes
        assert result.kind == "order" and result.draft.lines, (kind, result.problems)
        best = None
        for _ in range(3):
            start = time.process_time()
            for _ in range(count):
                parse_email(raw)
            elapsed = time.process_time() - start
            best = elapsed if best is None else min(best, elapsed)
        print(f"{kind:24} {len(raw) / 1024:7.0f} KB  {len(result.draft.lines):3} lines  "
              f"{count / best:8,.0f} emails/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
