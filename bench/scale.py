"""Beyond one machine, measured on one (issue 15), with PostgreSQL as the store.

1. Intake workers: the same 2,000 generated order emails in a real Dovecot
   account, taken by one `orderloop poll` worker, then (a fresh account and
   database) by two at once, each with its own ORDERLOOP_HOME as if on its
   own machine. Throughput of each, their ratio, and the proof: every email
   recorded once (lost 0), every order number once, every customer answered
   once (duplicates 0), the inbox empty.
2. A simulated day on 100,000 open orders: each order gets its next
   lifecycle event (read FOR UPDATE, status moved, a clock set, the message
   recorded, a notice queued), 2,000 new orders arrive, and the timers flow's
   work list is read every simulated hour, by two workers at once on a
   compressed clock (the day's 86,400 s spread over the events). p50, p95 and
   max of the units of work, and the day's wall time.

    .venv/bin/python bench/scale.py [EMAILS] [ORDERS]   # default 2000 100000

It starts its own Dovecot, PostgreSQL (fsync on) and Prefect server; nothing is left running.
"""
from __future__ import annotations

import email
import email.policy
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import flows.prefect_env  # noqa: E402,F401
from bench.generate import order_emails  # noqa: E402
from bench.store import NOW, fill, p95  # noqa: E402
from tests.servers import Dovecot, Postgres, PrefectServer  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[1] / "flows" / "sample"


# ---------------------------------------------------------------- 1. intake workers

def intake_run(workers: int, raws: list[bytes], dovecot: Dovecot, cluster: Postgres, api: str) -> dict:
    import psycopg

    from flows.components import open_repository
    from flows.masterdata import import_master
    from flows.settings import Settings
    from mail import ImapMailbox

    account = dovecot.new_account(f"orders{workers}")
    with ImapMailbox(dovecot.host, dovecot.imap_port, account.user, account.password, ssl=False) as mailbox:
        for raw in raws:
            mailbox.append(raw)
    url = cluster.new_database("scale")
    homes = [Path(tempfile.mkdtemp(prefix=f"olscale{workers}-")) for _ in range(workers)]
    env = dict(os.environ, PREFECT_API_URL=api, ORDERLOOP_DATABASE_URL=url, ORDERLOOP_NOW="2023-10-01T10:00:00+08:00",
               ORDERLOOP_IMAP_HOST=dovecot.host, ORDERLOOP_IMAP_PORT=str(dovecot.imap_port),
               ORDERLOOP_IMAP_USER=account.user, ORDERLOOP_IMAP_PASSWORD=account.password, ORDERLOOP_IMAP_SSL="false",
               ORDERLOOP_BATCH_SIZE="100")
    repository = open_repository(Settings(home=homes[0], database_url=url))
    for kind in ("customers", "products", "staff"):
        import_master(repository, kind, SAMPLE / f"{kind}.csv")
    started = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, "-m", "flows", "poll"], env=dict(env, ORDERLOOP_HOME=str(home)),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for home in homes]
    for process in processes:
        _, errors = process.communicate()
        if process.returncode:
            raise RuntimeError(errors[-3000:])
    seconds = time.perf_counter() - started
    with psycopg.connect(url) as connection:
        recorded = connection.execute("SELECT count(*) FROM processed").fetchone()[0]
        orders, numbers = connection.execute("SELECT count(*), count(DISTINCT key) FROM orders").fetchone()
        takers = connection.execute("SELECT worker, count(*) FROM message_claims GROUP BY worker").fetchall()
    answers: dict[str, int] = {}
    for home in homes:
        for path in (home / "mail" / "outbox").glob("*/*"):
            replied = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)["In-Reply-To"]
            answers[str(replied)] = answers.get(str(replied), 0) + 1
    with ImapMailbox(dovecot.host, dovecot.imap_port, account.user, account.password, ssl=False) as mailbox:
        left = mailbox.folder_count("inbox")
    return {"seconds": seconds, "rate": len(raws) / seconds, "recorded": recorded, "orders": orders,
            "numbers": numbers, "answered": len(answers), "answered_twice": sum(n > 1 for n in answers.values()),
            "left_in_inbox": left, "by_worker": sorted(n for _, n in takers)}


def intake_workers(count: int, cluster: Postgres) -> None:
    raws = order_emails(count)
    dovecot, prefect = Dovecot().start(), PrefectServer().start()
    try:
        one = intake_run(1, raws, dovecot, cluster, prefect.api_url)
        two = intake_run(2, raws, dovecot, cluster, prefect.api_url)
    finally:
        dovecot.stop()
        prefect.stop()
    for label, run in (("one worker ", one), ("two workers", two)):
        print(f"{label}: {count} emails in {run['seconds']:6.1f} s = {run['rate']:5.1f} emails/s; recorded "
              f"{run['recorded']}, orders {run['orders']} ({run['numbers']} distinct numbers), answered "
              f"{run['answered']} ({run['answered_twice']} twice), left in the inbox {run['left_in_inbox']}, "
              f"taken per worker {run['by_worker']}")
    lost = sum(count - run["recorded"] for run in (one, two))  # one poll should take every email
    doubled = sum(run["answered_twice"] + run["orders"] - run["numbers"] for run in (one, two))
    print(f"throughput, two workers / one: {two['rate'] / one['rate']:.2f}x   duplicates {doubled}   lost {lost}")


# ---------------------------------------------------------------- 2. a simulated day

def simulated_day(orders: int, cluster: Postgres) -> None:
    from orders.model import Order
    from orders.status import Status
    from store.pg_store import PgRepository
    from store.repository import OutgoingMail, ProcessedMessage

    url = cluster.new_database("day")
    loader = PgRepository(url)
    started = time.perf_counter()
    fill(loader, orders)
    with loader._connection() as connection:
        connection.execute("ANALYZE")
    print(f"day: {orders:,} open orders loaded in {time.perf_counter() - started:.0f} s (not counted)", flush=True)
    loader.close()

    step = timedelta(seconds=86_400 / orders)
    moves = {Status.CONFIRMING: Status.MANAGER_REVIEW, Status.MANAGER_REVIEW: Status.EFFECTIVE,
             Status.EFFECTIVE: Status.PICKING, Status.PICKING: Status.SHIPPED, Status.SHIPPED: Status.DELIVERED,
             Status.DELIVERED: Status.CLOSED}
    timings: dict[str, list[float]] = {"event": [], "new order": [], "timers list": []}
    lock = threading.Lock()

    def worker(index: int) -> None:
        repository, mine = PgRepository(url), {kind: [] for kind in timings}
        for n in range(index, orders, 2):
            now = NOW + step * n
            began = time.perf_counter()
            with repository.unit_of_work() as uow:
                order = uow.get_order(f"SO202309{n:05d}")
                order.status = moves[order.status]
                order.note("note", at=now, actor="staff@example.com", reason=f"moved to {order.status.value}")
                order.start_timer("notice", now + timedelta(hours=24), timedelta(hours=24), role="rep")
                uow.save_order(order)
                uow.mark_processed(ProcessedMessage(key=f"<event{n}@example.com>", folder="processed",
                                                    kind="reply", at=now, order_no=order.order_no))
                uow.queue_mail(OutgoingMail(message_id=f"<notice{n}@example.com>", order_no=order.order_no,
                                            purpose="status_notice", sender="orders@example.com",
                                            recipients=["buyer@customer.example"], subject="状态通知",
                                            raw="Subject: 状态通知\r\n\r\n您好", created_at=now))
            mine["event"].append(time.perf_counter() - began)
            if n % 100 == index:  # 2,000 new orders over the day, at 100,000 events
                began = time.perf_counter()
                with repository.unit_of_work() as uow:
                    order = Order.receive(uow.next_order_no(now.date()), at=now, actor="new@customer.example",
                                          message_id=f"<new{n}@customer.example>")
                    order.thread.append(f"<new{n}@customer.example>")
                    uow.save_order(order)
                mine["new order"].append(time.perf_counter() - began)
            if index == 0 and n % max(1, orders // 24) < 2:  # the timers flow's work list, every simulated hour
                began = time.perf_counter()
                with repository.unit_of_work() as uow:
                    uow.orders_with_timers_due(now)
                mine["timers list"].append(time.perf_counter() - began)
        repository.close()
        with lock:
            for kind, values in mine.items():
                timings[kind] += values

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    units = sum(len(v) for v in timings.values())
    every = [t * 1000 for values in timings.values() for t in values]
    print(f"day: {units:,} units of work by 2 workers in {wall:.0f} s ({units / wall:.0f}/s); "
          f"p50 {statistics.median(every):.1f} ms, p95 {p95(every):.1f} ms, max {max(every):.0f} ms")
    for kind, values in timings.items():
        ms = [t * 1000 for t in values]
        print(f"  {kind:12} {len(ms):>7,}  p50 {statistics.median(ms):6.1f} ms  p95 {p95(ms):6.1f} ms")


def main(emails: int, orders: int) -> None:
    cluster = Postgres(durable=True).start()
    try:
        intake_workers(emails, cluster)
        simulated_day(orders, cluster)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000, int(sys.argv[2]) if len(sys.argv) > 2 else 100_000)
