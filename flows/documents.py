"""The order documents as a service of the flows: render, archive, attach.

One renderer per process (fonts and stylesheet loaded once). A document whose
order has not changed since it was archived is read back from the archive
instead of being rendered again, so a retried poll or a reminder costs no
rendering and mails the same bytes.

No archive folder for an order that was never stored: while the intake
records a batch (`staging`), the documents of an order that has no archive
folder yet (a new order) are written to a staging folder beside the
archive, `.staging/documents/<host>-P<pid>-<token>/YYYY/MM/<order_no>/`,
and move into the archive only once the batch is stored and the order is in
the store (`archive_originals`); if the message is quarantined or the batch
does not commit, the staged folder is removed. A run killed between the
commit and the move leaves its staging folder; the next run's `recover_staged`
moves what belongs to stored orders into the archive and removes the rest.

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
import os
import secrets
import shutil
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from filelock import FileLock

from mail._maildir_io import STALE_AFTER_SECONDS, process_alive
from mail.compose import Attachment
from orders.master import MasterData
from orders.model import Order
from store.atomic import atomic_write, fsync_dir
from store.documents import (DocumentArchive, StoredDocument, claim_folder, describe_identity, folder_identity,
                             order_identity)
from templates.documents import KINDS, DocumentRenderer, company_from

from flows.settings import Settings

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
        stored = self.render(order, key, master)
        return f"{order.order_no}-{KINDS[key].template}-v{stored.version}.pdf", "application/pdf", stored.content


def archive_originals(settings: Settings, repository, messages, placements) -> None:
    """Each message that reached an order goes into its archive folder as .eml,
    with the order as stored now (order.json). Done after the batch is
    stored: a crash before this leaves the message in the inbox, and the
    next poll, which finds it processed already, files it here again.
    First the documents staged for new orders move into the archive, those
    of orders that were stored; the others are dropped with the staging."""
    by_order: dict[str, list[tuple[str, bytes]]] = {}
    for message, placement in zip(messages, placements):
        if placement.record.order_no:
            by_order.setdefault(placement.record.order_no, []).append((placement.record.key, message.raw))
    staged = _staging.get()
    if not by_order and not (staged and staged.orders):
        return
    archive = DocumentArchive(settings.archive_dir)
    orders = {o.order_no: o for o in repository.list_orders()}  # one read of the store for the batch
    if staged is not None:
        staged.publish(lambda no: orders.get(no) or repository.get_order(no))
    for order_no, emails in by_order.items():
        archive.put_emails(order_no, emails, orders.get(order_no))


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
