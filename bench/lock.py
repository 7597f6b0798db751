"""How long the store lock is held while a batch with PDFs goes through (issue 11).

1,000 generated order emails (bench/generate.py; about one in eight is a
complete order, whose confirmation carries the requirements list PDF) go
through one intake flow run over the local Maildir (no server needed), with
the sample master data. Measured:

- every hold of the store's lock (store/orders.json.lock, taken by each unit
  of work): how many, the longest, the total;
- PDF renders that overlapped a hold of the lock: renders made in this
  process (DocumentRenderer.render timed), and render jobs handed to worker
  processes (from submission to result, which contains the render);
- the end-to-end rate of the flow run, emails/s.

Run: .venv/bin/python bench/lock.py [COUNT] [--compare TREE]

With --compare, the same bench runs first against the code in TREE (a git
worktree of an older commit, say; this file and bench/generate.py are used
from here) in a subprocess, and both columns are printed side by side.
BENCH_TREE=TREE runs the code of TREE (what --compare does for its column).
"""
from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
TREE = Path(os.environ.get("BENCH_TREE") or HERE).resolve()
sys.path.insert(0, str(TREE))
if TREE != HERE:
    sys.path.insert(1, str(HERE))  # bench.generate, when TREE lacks it

import flows.prefect_env  # noqa: E402,F401


class Intervals:
    def __init__(self) -> None:
        self.spans: list[tuple[float, float]] = []
        self.open: dict[object, float] = {}

    def start(self, key) -> None:
        self.open[key] = time.perf_counter()

    def stop(self, key) -> None:
        started = self.open.pop(key, None)
        if started is not None:
            self.spans.append((started, time.perf_counter()))


LOCK, RENDERS, JOBS = Intervals(), Intervals(), Intervals()


class TimedLock:
    """The store lock of one TinyRepository, every hold timed (re-entrant holds count once)."""

    def __init__(self, inner) -> None:
        self.inner, self.depth = inner, 0

    def __enter__(self):
        result = self.inner.__enter__()
        self.depth += 1
        if self.depth == 1:
            LOCK.start(self)
        return result

    def __exit__(self, *exc):
        self.depth -= 1
        if self.depth == 0:
            LOCK.stop(self)
        return self.inner.__exit__(*exc)

    def __getattr__(self, name):
        return getattr(self.inner, name)


def instrument() -> None:
    import concurrent.futures

    from store.tinydb_store import TinyRepository
    from templates.documents import DocumentRenderer

    init = TinyRepository.__init__

    def timed_init(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self._lock = TimedLock(self._lock)

    TinyRepository.__init__ = timed_init

    render = DocumentRenderer.render

    def timed_render(self, *args, **kwargs):
        key = object()
        RENDERS.start(key)
        try:
            return render(self, *args, **kwargs)
        finally:
            RENDERS.stop(key)

    DocumentRenderer.render = timed_render

    submit = concurrent.futures.ProcessPoolExecutor.submit

    def timed_submit(self, fn, *args, **kwargs):
        future = submit(self, fn, *args, **kwargs)
        JOBS.start(future)
        future.add_done_callback(JOBS.stop)
        return future

    concurrent.futures.ProcessPoolExecutor.submit = timed_submit


def overlapping(spans: list[tuple[float, float]], held: list[tuple[float, float]]) -> int:
    return sum(1 for a, b in spans if any(a < d and c < b for c, d in held))


@contextmanager
def environment(**values: str):
    old = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def measure(count: int) -> dict:
    instrument()
    from bench.generate import order_emails
    from flows.components import open_mailbox, open_repository
    from flows.masterdata import import_master
    from flows.settings import Settings

    home = Path(tempfile.mkdtemp(prefix="ollock"))
    for name in [n for n in os.environ if n.startswith(("ORDERLOOP_IMAP", "ORDERLOOP_SMTP", "ORDERLOOP_CRASH"))]:
        del os.environ[name]
    os.environ.update(ORDERLOOP_HOME=str(home), ORDERLOOP_NOW="2023-10-01T10:00:00+08:00",
                      ORDERLOOP_BATCH_SIZE=str(count))
    sample = TREE / "flows" / "sample"
    for kind in ("customers", "products", "staff"):
        import_master(open_repository(Settings()), kind, sample / f"{kind}.csv")

    from flows.intake import intake_flow

    started = time.perf_counter()
    assert asyncio.run(intake_flow())["messages"] == 0  # Prefect's API starts with the first run: not counted
    warm_s = time.perf_counter() - started
    with open_mailbox(Settings()) as mailbox:
        for raw in order_emails(count):
            mailbox.append(raw)
    del LOCK.spans[:], RENDERS.spans[:], JOBS.spans[:]

    started = time.perf_counter()
    counts = asyncio.run(intake_flow())
    e2e_s = time.perf_counter() - started
    assert counts["messages"] == count and counts["sent"] == count, counts

    held = list(LOCK.spans)
    longest = max((b - a for a, b in held), default=0.0)
    orders = open_repository(Settings()).list_orders()
    statuses: dict[str, int] = {}
    for order in orders:
        statuses[order.status.value] = statuses.get(order.status.value, 0) + 1
    outbox = list((Settings().outbox_dir / "new").iterdir())
    with_pdf = sum(1 for path in outbox if b"application/pdf" in path.read_bytes())
    return {"tree": str(TREE), "emails": count, "seconds": e2e_s, "rate": count / e2e_s,
            "units": len(held), "longest_s": longest, "total_s": sum(b - a for a, b in held),
            "renders_here": len(RENDERS.spans), "render_jobs": len(JOBS.spans),
            "renders_under_lock": overlapping(RENDERS.spans, held) + overlapping(JOBS.spans, held),
            "pdfs_archived": sum(1 for _ in Settings().archive_dir.rglob("*.pdf")), "mails_with_pdf": with_pdf,
            "sent": counts["sent"], "statuses": statuses, "warm_up_s": warm_s}


ROWS = [("end to end", lambda r: f"{r['rate']:.1f} emails/s ({r['seconds']:.1f} s)"),
        ("lock holds (units of work)", lambda r: str(r["units"])),
        ("longest hold", lambda r: f"{r['longest_s'] * 1000:.0f} ms"),
        ("lock held in total", lambda r: f"{r['total_s']:.2f} s ({r['total_s'] / r['seconds']:.0%} of the run)"),
        ("PDF renders while locked", lambda r: str(r["renders_under_lock"])),
        ("renders in this process", lambda r: str(r["renders_here"])),
        ("render jobs in workers", lambda r: str(r["render_jobs"])),
        ("PDFs archived", lambda r: str(r["pdfs_archived"])),
        ("mails sent / with a PDF", lambda r: f"{r['sent']} / {r['mails_with_pdf']}")]


def show(results: list[dict], labels: list[str]) -> None:
    print(f"{results[0]['emails']} emails in one intake batch, Maildir in and out, "
          f"{os.cpu_count()} CPUs; orders by status: {results[-1]['statuses']}")
    width = max(len(name) for name, _ in ROWS) + 2
    print(" " * width + "".join(f"{label:<32}" for label in labels))
    for name, cell in ROWS:
        print(f"{name:<{width}}" + "".join(f"{cell(r):<32}" for r in results))
    for label, r in zip(labels, results):
        print(f"{label}: {r['tree']}")


def main(argv: list[str]) -> None:
    count, compare, as_json = 1000, None, False
    args = iter(argv)
    for arg in args:
        if arg == "--compare":
            compare = next(args)
        elif arg == "--json":
            as_json = True
        else:
            count = int(arg)
    if compare:
        env = dict(os.environ, BENCH_TREE=str(Path(compare).resolve()))
        done = subprocess.run([sys.executable, __file__, str(count), "--json"], env=env,
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"the bench failed on {compare}:\n{done.stderr[-3000:]}")
        before = json.loads(done.stdout.strip().splitlines()[-1])
        after = measure(count)
        show([before, after], ["before (--compare tree)", "after (this tree)"])
        return
    result = measure(count)
    if as_json:
        print(json.dumps(result))
    else:
        show([result], ["this tree"])


if __name__ == "__main__":
    main(sys.argv[1:])
