"""Intake benchmark: 1,000 generated order emails appended to a real Dovecot.

Prints the raw IMAP fetch rate, the parse-only rate (one core), the end-to-end
rate of the intake flow (Prefect, IMAP in, TinyDB, the outbox folder for the
answers, IMAP MOVE to the folders) and the peak RSS of this process.
Run: .venv/bin/python bench/intake.py [COUNT]
"""
from __future__ import annotations

import asyncio
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import flows.prefect_env  # noqa: E402,F401
from bench.generate import order_emails  # noqa: E402
from tests.servers import Dovecot  # noqa: E402


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:8.0f} emails/s ({seconds:.2f} s)"


def per_message_fetch(dovecot, account) -> int:
    """imap-tools' ordinary fetch: one UID FETCH round trip per message."""
    from imap_tools import MailBoxUnencrypted

    with MailBoxUnencrypted(dovecot.host, dovecot.imap_port).login(account.user, account.password) as box:
        return sum(1 for _ in box.fetch(mark_seen=False, bulk=False))


def main(count: int) -> None:
    from flows.masterdata import import_master
    from flows.components import open_repository
    from flows.settings import Settings
    from mail import ImapMailbox
    from parsers import parse_email

    raws = order_emails(count)
    dovecot = Dovecot().start()
    try:
        account = dovecot.new_account("orders")
        imap = lambda: ImapMailbox(dovecot.host, dovecot.imap_port, account.user, account.password, ssl=False)
        with imap() as mailbox:
            for raw in raws:
                mailbox.append(raw)
        with imap() as mailbox:
            started = time.perf_counter()
            fetched = mailbox.fetch_new()
            fetch_s = time.perf_counter() - started
        assert len(fetched) == count, len(fetched)
        started = time.perf_counter()
        one_by_one = per_message_fetch(dovecot, account)
        single_s = time.perf_counter() - started
        assert one_by_one == count

        started = time.perf_counter()
        kinds = [parse_email(m.raw).kind for m in fetched]
        parse_s = time.perf_counter() - started
        assert kinds.count("order") == count, kinds[:5]

        from flows.parse_budget import ParseWorker
        worker = ParseWorker()  # what the flow parses with: a warm process under the time and memory budget
        worker.parse(fetched[0].raw)  # its start-up is not counted
        started = time.perf_counter()
        assert [worker.parse(m.raw).kind for m in fetched] == kinds
        budget_s = time.perf_counter() - started
        worker_mb = int(Path(f"/proc/{worker.pid}/status").read_text().split("VmHWM:")[1].split()[0]) / 1024
        worker.close()

        home = Path(tempfile.mkdtemp(prefix="olbench"))
        os.environ.update(ORDERLOOP_HOME=str(home), ORDERLOOP_NOW="2023-10-01T10:00:00+08:00",
                          ORDERLOOP_IMAP_HOST=dovecot.host, ORDERLOOP_IMAP_PORT=str(dovecot.imap_port),
                          ORDERLOOP_IMAP_USER=account.user, ORDERLOOP_IMAP_PASSWORD=account.password,
                          ORDERLOOP_IMAP_SSL="false", ORDERLOOP_BATCH_SIZE=str(count))
        sample = Path(__file__).resolve().parents[1] / "flows" / "sample"
        for kind in ("customers", "products", "staff"):
            import_master(open_repository(Settings()), kind, sample / f"{kind}.csv")

        from flows.intake import intake_flow
        # Warm up on an empty account: Prefect's API starts with the first flow run.
        empty = dovecot.new_account("empty")
        os.environ.update(ORDERLOOP_IMAP_USER=empty.user, ORDERLOOP_IMAP_PASSWORD=empty.password)
        started = time.perf_counter()
        warm = asyncio.run(intake_flow())
        warm_s = time.perf_counter() - started
        assert warm["messages"] == 0
        os.environ.update(ORDERLOOP_IMAP_USER=account.user, ORDERLOOP_IMAP_PASSWORD=account.password)
        started = time.perf_counter()
        if os.environ.get("BENCH_PROFILE"):  # where the end-to-end time goes, top 30 by own time
            import cProfile
            import pstats

            with cProfile.Profile() as profile:
                counts = asyncio.run(intake_flow())
            pstats.Stats(profile).sort_stats("tottime").print_stats(30)
        else:
            counts = asyncio.run(intake_flow())
        e2e_s = time.perf_counter() - started
        assert counts["messages"] == count and counts["sent"] == count, counts
        orders = open_repository(Settings()).list_orders()
        assert len(orders) == count
        statuses = {}
        for order in orders:
            statuses[order.status.value] = statuses.get(order.status.value, 0) + 1
        pdfs = sum(1 for _ in Settings().archive_dir.rglob("*.pdf"))
    finally:
        dovecot.stop()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    fetch_rate = count / fetch_s
    print(f"emails:              {count}")
    print(f"raw IMAP fetch:      {rate(count, fetch_s)}   one UID FETCH for the batch (what the flow does)")
    print(f"  per-message fetch: {rate(count, single_s)}   imap-tools fetch(), one round trip a message")
    print(f"parse only:          {rate(count, parse_s)}   target >= 1000/s")
    print(f"  budget worker:     {rate(count, budget_s)}   as the flow parses (flows/parse_budget.py); its peak RSS {worker_mb:.0f} MB")
    print(f"end to end (flow):   {rate(count, e2e_s)}   = {count / e2e_s / fetch_rate:.1%} of the batch fetch, "
          f"{count / e2e_s / (count / single_s):.0%} of the per-message fetch, "
          f"{count / e2e_s / (count / parse_s):.0%} of parse-only; target >= 50% of raw fetch")
    print(f"  first flow run (Prefect API start-up, empty inbox): {warm_s:.1f} s, not counted")
    print(f"  outcome: {counts}")
    print(f"orders by status:    {statuses}; {pdfs} PDFs rendered (a requirements list per complete order)")
    print(f"peak RSS:            {peak_mb:8.0f} MB   target <= 300 MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
