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

from mail._maildir_io import process_alive
from mail.compose import Attachment
from orders.master import MasterData
from orders.model import Order
from store.atomic import atomic_write, fsync_dir
from store.documents import DocumentArchive, StoredDocument
from templates.documents import KINDS, DocumentRenderer, company_from

from flows.settings import Settings

log = logging.getLogger("orderloop.documents")
STALE_AFTER_SECONDS = 36 * 3600  # a staging folder of another host, or of a pid we cannot judge


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
        archive = self._archive_for(order.order_no)
        version, archived = archive.plan(order, key, again=again)
        if archived is not None:
            return archived
        rendered = renderer(self.settings).render(key, order, version=version, master=master)
        return archive.put_document(order, key, rendered.kind.filename, rendered.pdf, version=version,
                                    number=rendered.number, at=self.settings.current_time())

    def _archive_for(self, order_no: str) -> DocumentArchive:
        staged = _staging.get()
        if staged is None or staged.archive_dir != self.settings.archive_dir:
            return self.archive
        if order_no in staged.orders or not self.archive.folder(order_no).exists():
            staged.orders.add(order_no)
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
        staged.publish(lambda no: no in orders or repository.get_order(no) is not None)
    for order_no, emails in by_order.items():
        archive.put_emails(order_no, emails, orders.get(order_no))


# ------------------------------------------------------------------ staging

def staging_root(settings: Settings) -> Path:
    return settings.home / ".staging" / "documents"


class Staging:
    """The documents rendered during one batch for orders with no archive folder yet."""

    def __init__(self, settings: Settings):
        self.archive_dir = settings.archive_dir  # the archive it stages for
        self.root = staging_root(settings) / f"{_host()}-P{os.getpid()}-{secrets.token_hex(4)}"
        self.archive = DocumentArchive(self.root)
        self.orders: set[str] = set()

    def publish(self, stored: Callable[[str], bool]) -> None:
        """Move each staged order's folder into the archive if the order is stored."""
        for order_no in sorted(self.orders):
            source = self.archive.folder(order_no)
            if not source.is_dir():
                continue
            if stored(order_no):
                _publish(source, DocumentArchive(self.archive_dir).folder(order_no))
            else:
                log.info("documents of %s dropped: the order was not stored", order_no)
                shutil.rmtree(source, ignore_errors=True)
        self.orders.clear()

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


_staging: ContextVar[Staging | None] = ContextVar("orderloop_document_staging", default=None)


@contextmanager
def staging(settings: Settings) -> Iterator[Staging]:
    """Stage the documents of new orders for the duration of the block; what
    archive_originals has not published by its end is removed."""
    staged = Staging(settings)
    token = _staging.set(staged)
    try:
        yield staged
    finally:
        _staging.reset(token)
        staged.discard()


def recover_staged(settings: Settings, stored: Callable[[str], bool]) -> list[str]:
    """What runs that died left in staging: the documents of orders that were
    stored go into the archive, the rest is removed. The order numbers
    published. Folders of live processes are left alone."""
    root, published = staging_root(settings), []
    try:
        runs = list(os.scandir(root))
    except FileNotFoundError:
        return published
    for run in runs:
        if not run.is_dir() or not _abandoned(run):
            continue
        for folder in sorted(Path(run.path).glob("*/*/SO*")):
            if folder.is_dir() and stored(folder.name):
                _publish(folder, DocumentArchive(settings.archive_dir).folder(folder.name))
                published.append(folder.name)
                log.warning("documents of %s, staged by a run that died, moved into the archive", folder.name)
        shutil.rmtree(run.path, ignore_errors=True)
    return published


def _abandoned(run: os.DirEntry) -> bool:
    host, _, rest = run.name.rpartition("-P")
    pid = rest.split("-", 1)[0]
    if host == _host() and pid.isdigit():
        return int(pid) != os.getpid() and not process_alive(int(pid))
    try:
        return time.time() - run.stat().st_mtime > STALE_AFTER_SECONDS
    except FileNotFoundError:
        return False


def _publish(source: Path, target: Path) -> None:
    """The staged folder becomes the archive folder (one rename); if the
    archive already has that folder, the staged files it lacks join it."""
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
    with FileLock(target / ".lock", timeout=60):
        path = target / "manifest.json"
        manifest = (json.loads(path.read_text(encoding="utf-8")) if path.exists()
                    else {"order_no": target.name, "documents": {}, "files": {}})
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
