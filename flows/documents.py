"""The order documents as a service of the flows: render, archive, attach.

One renderer per process (fonts and stylesheet loaded once). A document whose
order has not changed since it was archived is read back from the archive
instead of being rendered again, so a retried poll or a reminder costs no
rendering and mails the same bytes.

The PDFs that mails carry are rendered after the unit of work that composed
those mails has committed, never under the store's lock (flows/outgoing.py):
`Documents.render_all` renders a pass of them in parallel worker processes
(`ORDERLOOP_RENDER_WORKERS`, default one per CPU; each keeps its renderer
warm), or in this process when there is one worker or a single document, and
archives each as `render` does, in the order asked. Those orders are stored,
so their documents go straight into the archive.

No archive folder for an order that was never stored: a document that
`Documents.render` makes while the intake records a batch (`staging`) for an
order with no archive folder yet (a new order) is written to a staging folder
beside the archive, `.staging/documents/<host>-P<pid>-<token>/YYYY/MM/<order_no>/`,
and moves into the archive only once the batch is stored and the order is in
the store (`archive_originals`); if the message is quarantined or the batch
does not commit, the staged folder is removed. A run killed between the
commit and the move leaves its staging folder; the next run's `recover_staged`
moves what belongs to stored orders into the archive and removes the rest.
(Since the PDFs render after the commit, the flows stage nothing themselves;
the staging stays for what runs of older versions left, and any caller that
renders inside a batch.)

A staged folder is moved only into the archive of the order it was rendered
for: the same number held by another order (store.documents.order_identity:
the moment it was received and the email it came from) is not enough. Within
a batch a number can be issued again when the unit of work that issued it
first did not commit (record_batch_safely falls back to one message per
unit): the order received under it again starts from an empty staged folder.
"""
from __future__ import annotations

import errno
import json
import logging
import multiprocessing
import os
import secrets
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from filelock import FileLock

from mail._maildir_io import STALE_AFTER_SECONDS, process_alive
from mail.compose import Attachment
from orders.master import MasterData, ProductRecord
from orders.model import Order
from store.atomic import atomic_write, fsync_dir
from store.documents import (DocumentArchive, StoredDocument, claim_folder, describe_identity, folder_identity,
                             order_identity)
from templates.documents import KINDS, DocumentRenderer, company_from, document_number

from flows.settings import Settings
from flows.signed_forms import customer_files

log = logging.getLogger("orderloop.documents")
# A staging folder lives for one batch (seconds, minutes); one older than the
# Maildir's stale age (36 h) is abandoned whatever its name says, on any host.


@lru_cache(maxsize=4)
def _renderer(name: str, address: str | None, phone: str | None, logo) -> DocumentRenderer:
    return DocumentRenderer(company_from(name, address, phone, logo))


def renderer(settings: Settings) -> DocumentRenderer:
    return _renderer(settings.company, settings.company_address, settings.company_phone, settings.company_logo)


class Documents:
    def __init__(self, settings: Settings):
        self.settings = settings
        self.archive = DocumentArchive(settings.archive_dir)

    def render(self, order: Order, key: str, master: MasterData | None, *, again: bool = False) -> StoredDocument:
        """The document for the order as it stands, archived (or staged, see
        the module's docstring); `again` records a new version."""
        if key not in KINDS:
            raise ValueError(f"no document {key!r}: one of {', '.join(KINDS)}")
        archive = self._archive_for(order)
        version, archived = archive.plan(order, key, again=again)
        if archived is not None:
            return archived
        rendered = renderer(self.settings).render(key, order, version=version, master=master)
        return archive.put_document(order, key, rendered.kind.filename, rendered.pdf, version=version,
                                    number=rendered.number, at=self.settings.current_time())

    def _archive_for(self, order: Order) -> DocumentArchive:
        staged = _staging.get()
        if staged is None or staged.archive_dir != self.settings.archive_dir:
            return self.archive
        if order.order_no in staged.orders or not self.archive.folder(order.order_no).exists():
            staged.take(order)
            return staged.archive
        return self.archive

    def attachment(self, order: Order, key: str, master: MasterData | None) -> Attachment:
        return attachment_for(order, key, self.render(order, key, master))

    def render_all(self, wanted: list[tuple[Order, str, MasterData | None]]) -> list[StoredDocument | Exception]:
        """Each (order, document key, master) asked for, archived as `render`
        archives it, the PDFs rendered in parallel: for each, the stored
        document, or the exception that stopped it (the others go on)."""
        return self.start(wanted).finish()

    def start(self, wanted: list[tuple[Order, str, MasterData | None]]) -> RenderPass:
        """`render_all` in two halves: the versions are planned and the PDFs
        handed to the render workers now; RenderPass.finish waits for them and
        archives them. The caller works on meanwhile. For orders that are
        stored (the PDFs mails wait for): they go to the archive, never to a
        batch's staging.

        In the order asked: the versions are those that rendering one after
        the other would give (the same order state twice is rendered once;
        a later state of the same order gets the next version), and they are
        archived in that order, each under the lock of its order's folder."""
        jobs: list[_Job] = []
        last: dict[tuple, _Job] = {}  # per archive, order and document: the latest state asked for
        for order, key, master in wanted:
            if key not in KINDS:
                jobs.append(_Job(order, key, None, 0, error=ValueError(f"no document {key!r}")))
                continue
            archive = self.archive  # stored orders only: nothing to stage
            group, state = (archive.root, order.order_no, key), (order.version, order.event_seq)
            before = last.get(group)
            if before is not None and before.state == state:
                jobs.append(before)
                continue
            if before is not None:
                job = _Job(order, key, master, before.version + 1, archive=archive)
            else:
                try:
                    version, archived = archive.plan(order, key, again=False)
                except (OSError, ValueError) as exc:
                    jobs.append(_Job(order, key, master, 0, error=exc))
                    continue
                job = _Job(order, key, master, version, archive=archive, stored=archived)
            last[group] = job
            jobs.append(job)
        return RenderPass(self.settings, jobs)


class RenderPass:
    """PDFs being rendered for `Documents.start`; `finish` archives them."""

    def __init__(self, settings: Settings, jobs: list[_Job]):
        self.settings, self.jobs = settings, jobs
        self.todo = list({id(job): job for job in jobs if job.stored is None and job.error is None}.values())
        self.futures: dict[int, Future | None] | None = None
        self.results: list[StoredDocument | Exception] | None = None
        if min(settings.render_workers, len(self.todo)) > 1:
            try:
                pool = _pool(settings.render_workers, settings)
                self.futures = {id(job): pool.submit(_render_job, *job.args(settings)) for job in self.todo}
            except (BrokenProcessPool, OSError, RuntimeError) as exc:
                log.warning("render workers unavailable (%s): rendering here", exc)
                _drop_pool()
                self.futures = None

    def finish(self, each: Callable[[int, StoredDocument | Exception], None] | None = None
               ) -> list[StoredDocument | Exception]:
        """For each document asked for, in order: the stored document
        (`new`: archived by this pass), or the exception that stopped it.
        Waits for the workers, archiving each PDF as it comes (in the order
        asked) and telling `each` (index, result) at once, while the others
        still render. Asked again, gives the same answer and tells nobody."""
        if self.results is not None:
            return self.results
        at, results, done = self.settings.current_time(), [], set()
        for index, job in enumerate(self.jobs):
            if job.stored is None and job.error is None and id(job) not in done:
                done.add(id(job))
                self._render(job)
                if job.error is None:
                    try:
                        job.stored = job.archive.put_document(job.order, job.key, KINDS[job.key].filename,
                                                              job.pdf, version=job.version, number=job.number, at=at)
                    except Exception as exc:  # noqa: BLE001  (the caller says what became of each)
                        job.error = exc
                    job.pdf = b""
            results.append(job.error if job.error is not None else job.stored)
            if each is not None:
                each(index, results[-1])
        self.results = results
        return results

    def _render(self, job: _Job) -> None:
        """The job's PDF: from its worker, else (one worker, one document, or
        a worker that died) rendered here."""
        future = self.futures.get(id(job)) if self.futures is not None else None
        if future is None:
            self._render_here(job)
            return
        _collect(job, future)
        if isinstance(job.error, BrokenProcessPool):
            log.warning("a render worker died: %s %s is rendered here", job.order.order_no, job.key)
            _drop_pool()
            job.error = None
            self._render_here(job)

    def _render_here(self, job: _Job) -> None:
        try:
            job.pdf = renderer(self.settings).render(job.key, job.order, version=job.version, master=job.master).pdf
        except Exception as exc:  # noqa: BLE001
            job.error = exc


def attachment_for(order: Order, key: str, stored: StoredDocument) -> Attachment:
    """The attachment a mail carries for this document of the order."""
    return f"{order.order_no}-{KINDS[key].template}-v{stored.version}.pdf", "application/pdf", stored.content


def products_of(order: Order, master: MasterData | None) -> dict[str, dict] | None:
    """The master records of the products the order's lines name (what a
    document prints of them: bin location, stock), by SKU; None without master data."""
    if master is None:
        return None
    found = {}
    for line in order.lines:
        product = master.product_by_sku(line.sku) if line.sku else None
        if product is not None:
            found[line.sku] = product.model_dump(mode="json")
    return found


class Products:
    """Master data that knows only some products: what a document needs of a
    snapshot taken with `products_of` (templates.documents asks only this)."""

    def __init__(self, products: dict[str, dict]):
        self._products = {sku: ProductRecord.model_validate(doc) for sku, doc in products.items()}

    def product_by_sku(self, sku: str) -> ProductRecord | None:
        return self._products.get(sku)

    def snapshot(self) -> dict[str, dict]:
        return {sku: product.model_dump(mode="json") for sku, product in self._products.items()}


# ------------------------------------------------------------------ render workers

class _Job:
    """One PDF to render and archive for one state of one order."""

    def __init__(self, order: Order, key: str, master, version: int, *, archive: DocumentArchive | None = None,
                 stored: StoredDocument | None = None, error: Exception | None = None):
        self.order, self.key, self.master, self.version = order, key, master, version
        self.archive, self.stored, self.error = archive, stored, error
        self.state = (order.version, order.event_seq)
        self.pdf = b""

    @property
    def number(self) -> str:
        return document_number(KINDS[self.key], self.order.order_no, self.version)

    def args(self, settings: Settings) -> tuple:
        """What a worker process needs: plain data (the order as JSON, the
        products it shows), no settings: the worker reads no environment."""
        products = self.master.snapshot() if isinstance(self.master, Products) else products_of(self.order,
                                                                                               self.master)
        return (_company(settings), self.key, self.order.model_dump(mode="json"), self.version, products)


def _collect(job: _Job, future: Future) -> None:
    try:
        job.pdf = future.result()
    except Exception as exc:  # noqa: BLE001  (BrokenProcessPool included: rendered here instead)
        job.error = exc


def _company(settings: Settings) -> tuple:
    return settings.company, settings.company_address, settings.company_phone, settings.company_logo


_workers: dict[str, object] = {}  # the pool of this process: {"pool", "pid", "size"}


def _pool(size: int, settings: Settings) -> ProcessPoolExecutor:
    """The render workers, started on first use and kept warm for the life of the process.

    forkserver, not fork: the flows run in a process with threads (Prefect's),
    which fork does not copy safely. The server imports the renderer once;
    each worker forks from it and loads the fonts as it starts."""
    pool = _workers.get("pool")
    if pool is not None and _workers.get("pid") == os.getpid() and _workers.get("size") == size:
        return pool
    _drop_pool()
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["flows.documents"])
    pool = ProcessPoolExecutor(size, mp_context=context, initializer=_warm, initargs=(_company(settings), os.getpid()))
    _workers.update(pool=pool, pid=os.getpid(), size=size)
    return pool


def _drop_pool() -> None:
    pool = _workers.pop("pool", None)
    if pool is not None and _workers.get("pid") == os.getpid():
        pool.shutdown(wait=False, cancel_futures=True)
    _workers.clear()


def _warm(company: tuple, owner: int) -> None:
    """A worker's start: it leaves with the process it renders for (see
    _outlive), and loads its renderer, fonts and stylesheet before the first document."""
    threading.Thread(target=_outlive, args=(owner,), name="orderloop-render-owner", daemon=True).start()
    _renderer(*company)


def _outlive(owner: int) -> None:
    """Exit once the process that started the pool is gone. A pool shut down
    in order stops its workers; one whose process was killed (a crash, a
    crash point's os._exit) does not, and its workers, and the fork server
    they keep alive, would live on holding that process's stdout and stderr."""
    while _alive(owner):
        time.sleep(0.5)
    os._exit(0)


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped (Linux /proc; elsewhere: the pid exists)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except FileNotFoundError:
        return False
    except (OSError, IndexError):
        return process_alive(pid)
    return state not in ("Z", "X", "x")


def _render_job(company: tuple, key: str, order: dict, version: int, products: dict | None) -> bytes:
    """In a worker: one PDF. Only plain data comes in and only bytes go back."""
    master = Products(products) if products is not None else None
    return _renderer(*company).render(key, Order.model_validate(order), version=version, master=master).pdf


def archive_originals(settings: Settings, repository, messages, placements,
                      rendering: set[str] = frozenset()) -> dict[str, Order]:
    """Each message that reached an order goes into its archive folder as .eml,
    with the order as stored now (order.json). Done after the batch is
    stored: a crash before this leaves the message in the inbox, and the
    next poll, which finds it processed already, files it here again.
    First the documents staged for new orders move into the archive, those
    of orders that were stored; the others are dropped with the staging.
    Returns the stored orders it read: those the messages reached, those
    staged and those whose PDFs are `rendering` (none when no message
    reached one)."""
    raw = {message.uid: message.raw for message in messages}  # by uid: another worker may hold some of them
    by_order: dict[str, list[tuple[str, bytes]]] = {}
    for placement in placements:
        if placement.record.order_no:
            by_order.setdefault(placement.record.order_no, []).append((placement.record.key, raw[placement.uid]))
    staged = _staging.get()
    if not by_order and not (staged and staged.orders):
        return {}
    archive = DocumentArchive(settings.archive_dir)
    orders = repository.get_orders({*by_order, *rendering, *(staged.orders if staged else ())})  # one read
    if staged is not None:
        staged.publish(lambda no: orders.get(no) or repository.get_order(no))
    for order_no, emails in by_order.items():
        order = orders.get(order_no)
        archive.put_emails(order_no, emails, order, attachments=customer_files(order, emails))
    return orders


# ------------------------------------------------------------------ staging

def staging_root(settings: Settings) -> Path:
    return settings.home / ".staging" / "documents"


# What the store answers about an order number: the stored order, or (from an
# older caller) only whether one is stored; None or False: none.
Stored = Callable[[str], "Order | bool | None"]
_live_roots: set[str] = set()  # the staging folders of this process's open batches


class Staging:
    """The documents rendered during one batch for orders with no archive folder yet."""

    def __init__(self, settings: Settings):
        self.archive_dir = settings.archive_dir  # the archive it stages for
        self.root = staging_root(settings) / f"{_host()}-P{os.getpid()}-{secrets.token_hex(4)}"
        self.archive = DocumentArchive(self.root)
        self.orders: set[str] = set()
        self._received: dict[str, Order] = {}  # number -> the order received under it in this batch

    def take(self, order: Order) -> None:
        """Stage `order`'s documents here. An order received in this very
        handling (it carries its first event) under a number another order was
        received under earlier in the batch means the unit of work of that
        other order did not commit (a committed number is never issued again):
        what was staged for it is removed, so none of it is mailed or
        published as this order's."""
        no = order.order_no
        fresh = bool(order.events) and order.events[0].seq == 1
        if fresh and self._received.get(no) is not order:
            if no in self._received or (no in self.orders and self.archive.folder(no).exists()):
                log.warning("%s was issued again in this batch (the unit of work that issued it first did not "
                            "commit): its staged documents are removed", no)
                shutil.rmtree(self.archive.folder(no), ignore_errors=True)
            self._received[no] = order
        self.orders.add(no)

    def publish(self, stored: Stored) -> None:
        """Move each staged order's folder into the archive if that order is
        stored: the order those documents were rendered for, not another one
        under the same number. An order received in this batch whose first
        event never reached the audit trail (the store forgets an order's
        events once they are committed) was not stored by its unit of work,
        whatever the store now holds under its number."""
        for order_no in sorted(self.orders):
            source = self.archive.folder(order_no)
            if not source.is_dir():
                continue
            receipt = self._received.get(order_no)
            if receipt is not None and receipt.events and receipt.events[0].seq == 1:
                log.info("documents of %s dropped: the unit of work that received that order did not commit",
                         order_no)
                shutil.rmtree(source, ignore_errors=True)
            elif _same_order(source, stored(order_no)):
                _publish(source, DocumentArchive(self.archive_dir).folder(order_no))
            else:
                log.info("documents of %s dropped: that order was not stored", order_no)
                shutil.rmtree(source, ignore_errors=True)
        self.orders.clear()
        self._received.clear()

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


_staging: ContextVar[Staging | None] = ContextVar("orderloop_document_staging", default=None)


@contextmanager
def staging(settings: Settings) -> Iterator[Staging]:
    """Stage the documents of new orders for the duration of the block; what
    archive_originals has not published by its end is removed."""
    staged = Staging(settings)
    token = _staging.set(staged)
    _live_roots.add(staged.root.name)
    try:
        yield staged
    finally:
        _staging.reset(token)
        staged.discard()
        _live_roots.discard(staged.root.name)


def recover_staged(settings: Settings, stored: Stored, *, now: float | None = None) -> list[str]:
    """What runs that died left in staging: the documents of orders that were
    stored go into the archive, the rest is removed. The order numbers
    published. Folders of live processes are left alone.

    `stored(order_no)` is the stored order (or None); a folder goes into the
    archive only if it holds that very order (its identity). A `stored` that
    answers only True or False has the order read from the store here."""
    root, published = staging_root(settings), []
    try:
        runs = list(os.scandir(root))
    except FileNotFoundError:
        return published
    store = None
    for run in runs:
        if not run.is_dir() or not _abandoned(run, now):
            continue
        for folder in sorted(Path(run.path).glob("*/*/SO*")):
            if not folder.is_dir():
                continue
            found = stored(folder.name)
            if found is True:  # whether, not which: read it to compare
                if store is None:
                    from flows.components import open_repository

                    store = open_repository(settings)
                found = store.get_order(folder.name) or True
            if _same_order(folder, found):
                _publish(folder, DocumentArchive(settings.archive_dir).folder(folder.name))
                published.append(folder.name)
                log.warning("documents of %s, staged by a run that died, moved into the archive", folder.name)
            elif found:
                log.warning("documents staged for %s by a run that died are another order's (%s) than the one "
                            "stored under that number: dropped", folder.name,
                            describe_identity(folder_identity(folder)))
        shutil.rmtree(run.path, ignore_errors=True)
    return published


def _same_order(folder: Path, found: Order | bool | None) -> bool:
    """Whether the staged folder holds the documents of the stored order `found`."""
    if not isinstance(found, Order):
        return bool(found)  # stored, and which order cannot be told: as before identities were recorded
    there = folder_identity(folder)
    return there is None or there == order_identity(found)


def _abandoned(run: os.DirEntry, now: float | None = None) -> bool:
    """Whether no live batch owns this staging folder: older than the stale
    age (any host); of this host and a process that is gone, or whose id now
    belongs to a process started after the folder was made (a reboot, a
    container's PID 1 restarted); of this process and no batch of it open."""
    try:
        made = run.stat(follow_symlinks=False).st_mtime
    except FileNotFoundError:
        return False
    if (time.time() if now is None else now) - made > STALE_AFTER_SECONDS:
        return True
    host, _, rest = run.name.rpartition("-P")
    pid = rest.split("-", 1)[0]
    if host != _host() or not pid.isdigit():
        return False
    if int(pid) == os.getpid():
        return run.name not in _live_roots
    return not process_alive(int(pid)) or _started_after(int(pid), made)


def _started_after(pid: int, moment: float) -> bool:
    """Whether process `pid` started after `moment` (so it cannot have made a
    folder then). Linux /proc; elsewhere False (the stale age decides)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        ticks = int(fields[19])  # starttime, field 22 of proc(5), after pid and comm
        boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
    except (OSError, ValueError, IndexError, StopIteration):
        return False
    return boot + ticks / os.sysconf("SC_CLK_TCK") > moment + 60  # a minute of slack for clock steps


def _publish(source: Path, target: Path) -> None:
    """The staged folder becomes the archive folder (one rename); if the
    archive already has that folder, the staged files it lacks join it (an
    archive folder of another order that was never stored is emptied first;
    one of another stored order raises StoreError, see claim_folder)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(source, target)  # atomic; works onto an absent (or empty) folder only
    except OSError as exc:
        if exc.errno not in (errno.EEXIST, errno.ENOTEMPTY, errno.EXDEV):
            raise
        _merge(source, target)
        shutil.rmtree(source, ignore_errors=True)
    fsync_dir(target.parent)


def _merge(source: Path, target: Path) -> None:
    """Documents and files the archive folder does not have yet, added under
    its lock, files first and the manifest last (as DocumentArchive writes)."""
    staged = json.loads((source / "manifest.json").read_text(encoding="utf-8"))
    identity = folder_identity(source, staged)
    with FileLock(target / ".lock", timeout=60):
        path = target / "manifest.json"
        manifest = (json.loads(path.read_text(encoding="utf-8")) if path.exists()
                    else {"order_no": target.name, "documents": {}, "files": {}})
        if identity is not None:
            manifest = claim_folder(target, identity, manifest)
        for key, entry in staged["documents"].items():
            if key in manifest["documents"]:
                log.warning("%s: the archive already has %s; the staged one is dropped", target, key)
                continue
            atomic_write(target / entry["file"], (source / entry["file"]).read_bytes())
            manifest["documents"][key] = entry
        for name, digest in staged["files"].items():
            if name not in manifest["files"] and (source / name).exists():
                atomic_write(target / name, (source / name).read_bytes())
                manifest["files"][name] = digest
        atomic_write(path, json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True))


def _host() -> str:
    return socket.gethostname().replace("/", "_").replace("-P", "_P")
