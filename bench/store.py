"""What one unit of work costs as open orders pile up: TinyDB and PostgreSQL
side by side, at 1,000, 10,000 and 100,000 open orders (issue 15).

The unit of work is the intake's everyday one, alternating: a new order (a
number issued, the order saved, the message recorded, the answer queued)
and a customer's reply (its order found by the thread index, read, changed,
saved, the message recorded, the answer queued). Each store is filled with
that many open orders first (not timed), then the units are timed one by one;
p50 and p95 in milliseconds. PostgreSQL runs as Debian installs it, fsync on,
in a throwaway cluster on this machine; TinyDB writes its files as it always
does (fsync'd, atomic renames).

    .venv/bin/python bench/store.py [SIZES...]     # default: 1000 10000 100000
"""
from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from orders.model import CustomerInfo, Order, OrderLine  # noqa: E402
from orders.status import Status  # noqa: E402
from store.repository import OutgoingMail, ProcessedMessage  # noqa: E402
from tests.servers import Postgres  # noqa: E402

CST = timezone(timedelta(hours=8))
NOW = datetime(2023, 10, 5, 9, 30, tzinfo=CST)
OPEN = [Status.CONFIRMING, Status.MANAGER_REVIEW, Status.EFFECTIVE, Status.PICKING, Status.SHIPPED, Status.DELIVERED]


def an_order(n: int) -> Order:
    order = Order.receive(f"SO202309{n:05d}", at=NOW - timedelta(days=20), actor=f"buyer{n % 500}@customer.example",
                          message_id=f"<order{n}@customer.example>")
    order.customer = CustomerInfo(code=f"CUST{n % 500:04d}", name=f"客户{n % 500}有限公司", contact="王经理",
                                  email=f"buyer{n % 500}@customer.example", address="上海市浦东新区张江路 88 号")
    order.lines = [OrderLine(line_no=1, sku="P001", name="A产品", spec="L-500×300", unit="台",
                             quantity=Decimal(10 + n % 90), unit_price=Decimal("500"))]
    order.thread += [f"<order{n}@customer.example>", f"<answer{n}@example.com>"]
    order.status = OPEN[n % len(OPEN)]
    order.recompute_totals()
    order.events = []  # filled stores: their trails are not what is measured
    return order


def fill(repository, count: int) -> None:
    """`count` open orders, in units of 5,000 (one commit each)."""
    for start in range(0, count, 5000):
        with repository.unit_of_work() as uow:
            for n in range(start, min(start + 5000, count)):
                uow.save_order(an_order(n))


def new_order(uow, n: int) -> None:
    order = Order.receive(uow.next_order_no(NOW.date()), at=NOW, actor="new@customer.example",
                          message_id=f"<new{n}@customer.example>")
    order.thread.append(f"<new{n}@customer.example>")
    uow.save_order(order)
    _recorded(uow, f"<new{n}@customer.example>", order.order_no, n)


def reply(uow, n: int, count: int) -> None:
    order_no = uow.order_for_message(f"<answer{(n * 7919) % count}@example.com>")
    order = uow.get_order(order_no)
    order.note("note", at=NOW, actor="buyer@customer.example", reason=f"reply {n}")
    order.thread.append(f"<reply{n}@customer.example>")
    uow.save_order(order)
    _recorded(uow, f"<reply{n}@customer.example>", order_no, n)


def _recorded(uow, key: str, order_no: str, n: int) -> None:
    uow.mark_processed(ProcessedMessage(key=key, folder="processed", kind="order", at=NOW, order_no=order_no))
    uow.queue_mail(OutgoingMail(message_id=f"<out{n}-{order_no}@example.com>", order_no=order_no,
                                purpose="clarification", sender="orders@example.com",
                                recipients=["buyer@customer.example"], subject=f"[{order_no}] 请确认",
                                raw="Subject: 请确认\r\n\r\n您好", created_at=NOW))


def time_units(repository, count: int, units: int) -> list[float]:
    times = []
    for n in range(units):
        gc.collect()
        started = time.perf_counter()
        with repository.unit_of_work() as uow:
            new_order(uow, n) if n % 2 == 0 else reply(uow, n, count)
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def main(sizes: list[int]) -> None:
    from store.pg_store import PgRepository
    from store.tinydb_store import TinyRepository

    cluster = Postgres(durable=True).start()
    results: dict[tuple[str, int], list[float]] = {}
    try:
        for count in sizes:
            with tempfile.TemporaryDirectory() as folder:
                tiny = TinyRepository(Path(folder) / "store")
                fill(tiny, count)
                results[("TinyDB", count)] = time_units(tiny, count, 40 if count <= 10_000 else 8)
            postgres = PgRepository(cluster.new_database("bench"))
            fill(postgres, count)
            with postgres._connection() as connection:
                connection.execute("ANALYZE")  # as autovacuum would, soon after a bulk load
            results[("PostgreSQL", count)] = time_units(postgres, count, 200)
            postgres.close()
            for store in ("TinyDB", "PostgreSQL"):
                times = results[(store, count)]
                print(f"{store:10} {count:>7} open orders: p50 {statistics.median(times):8.1f} ms   "
                      f"p95 {p95(times):8.1f} ms   ({len(times)} units)", flush=True)
    finally:
        cluster.stop()
    smallest, largest = min(sizes), max(sizes)
    for store in ("TinyDB", "PostgreSQL"):
        ratio = statistics.median(results[(store, largest)]) / statistics.median(results[(store, smallest)])
        print(f"{store}: p50 at {largest:,} open orders is {ratio:.2f}x its p50 at {smallest:,}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 10_000, 100_000])
