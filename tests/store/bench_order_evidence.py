"""What the order-number evidence check costs (store/unit.py next_order_no).

Not a test (pytest does not collect it): run
    .venv/bin/python -m tests.store.bench_order_evidence [FOLDER]
It builds a month of 10,000 orders (an audit file of ten ~580-byte events per
order, 10,000 archive folders) in FOLDER (a temporary folder by default) and
times the checks one unit of work makes before it issues a number.
"""
from __future__ import annotations

import json
import sys
import tempfile
import timeit
from pathlib import Path

from store.audit import AuditLog
from store.documents import archived_folder_seq
from store.tinydb_store import _TinyShelf

ORDERS = 10_000


def build(root: Path) -> AuditLog:
    audit = AuditLog(root / "store" / "audit")
    path = audit.path("2023-10")
    if path.exists():
        return audit
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for n in range(1, ORDERS + 1):
            for seq in range(1, 11):
                handle.write(json.dumps({
                    "event_id": f"SO202310{n:04d}#{seq}", "order_no": f"SO202310{n:04d}", "seq": seq,
                    "at": "2023-10-05T09:30:00+08:00", "actor": "wang@huadong.example",
                    "from_status": "received", "to_status": "clarifying", "reason": "缺少交货日期，已向客户询问" * 8,
                    "message_id": f"<m{n}-{seq}@huadong.example>", "kind": "transition"}, ensure_ascii=False) + "\n")
    for n in range(1, ORDERS + 1):
        (root / "archive" / "2023" / "10" / f"SO202310{n:04d}" / "mail").mkdir(parents=True, exist_ok=True)
    return audit


def best(call, repeat: int) -> float:
    return min(timeit.repeat(call, number=1, repeat=repeat))


def main(root: Path) -> None:
    audit = build(root)
    size = audit.path("2023-10").stat().st_size
    tail = size - 20 * 580  # what a batch appends between two numbers, roughly
    shelf = _TinyShelf(root / "store", audit, writable=True, documents=root / "archive")
    print(f"audit file {size / 1e6:.1f} MB, {ORDERS} archive folders")
    print(f"after a lost store (whole audit file):   {best(lambda: audit.highest_order_seq('202310', 0), 5) * 1e3:7.1f} ms")
    print(f"audit bytes since the counter looked:    {best(lambda: audit.highest_order_seq('202310', tail), 20) * 1e3:7.2f} ms")
    print(f"archive folder listing:                  "
          f"{best(lambda: archived_folder_seq(root / 'archive', '202310', above=ORDERS), 20) * 1e3:7.2f} ms")
    print(f"per unit of work that issues a number:   "
          f"{best(lambda: shelf.issued('202310', {'last': ORDERS, 'audit_bytes': tail}), 20) * 1e3:7.2f} ms")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        with tempfile.TemporaryDirectory() as folder:
            main(Path(folder))
