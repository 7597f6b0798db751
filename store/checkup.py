"""The store checked against itself: what `orderloop doctor` asks of store/.

Every function here reads files directly, never through a unit of work, so
it still answers when a store file is broken (which is when it is needed)
and takes no lock. Each returns `Finding`s, one line each: where, and what is
wrong. The flows side (flows/doctor.py) adds the outbox and the mailbox.

    store files    orders.json, master.json, archive/YYYY-MM.json parse and
                   hold the store's tables; no `.tmp` left by a crash
    audit lines    every line of audit/YYYY-MM.jsonl parses (a line torn by a
                   crash is fine once its event was appended again)
    trail          every stored order's events are in the audit trail (or
                   pending_audit); no order in the trail that no file holds;
                   no stored order behind its trail
    numbers        no number issued twice (two different events with one id);
                   each month's counter not below the highest number seen
    archive        archive/YYYY/MM/<order_no>/: manifest checksums, order.json
                   naming the folder's order, one order per folder
"""
from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from filelock import FileLock
from pydantic import ValidationError

from store.atomic import atomic_write, parse_tables
from store.directory import MODELS
from store.documents import DocumentArchive, committed_folder, describe_identity, folder_identity, order_identity
from store.errors import DamagedRecord, StoreCorrupt, backup_path
from store.keys import KEYS, order_month, order_sort_key
from store.tinydb_store import archive_book_names
from store.unit import order_of

# An atomic write of the store takes milliseconds: a temporary file of the
# store an hour old was left by a crash. The one rule for them, applied by the
# poll (flows/components.clean_stale_files removes them) and the doctor
# (reports them): `stale_temp_files`.
STALE_SECONDS = 60 * 60
TEMP_FOLDERS = ("", "outgoing", "archive")  # under the store folder: where store/atomic.py writes
_ORDER_FOLDER = re.compile(r"SO(\d{4})(\d{2})(\d{4,})")


@dataclass(frozen=True)
class Finding:
    check: str  # store | audit | trail | numbers | archive | outbox | quarantine
    where: str  # a file or an order number
    message: str

    def line(self) -> str:
        return f"{self.where}: {self.message}"

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class StoreView:
    """What the store files hold, as far as they could be read."""

    home: Path
    books: dict[Path, dict | None] = field(default_factory=dict)  # None: the file is corrupt
    orders: dict[str, dict] = field(default_factory=dict)  # live first, then archives
    pending: dict[str, dict] = field(default_factory=dict)
    counters: dict[str, dict] | None = None  # None: the live file could not be read
    processed: dict[str, dict] = field(default_factory=dict)
    outbox: dict[str, dict] = field(default_factory=dict)
    events: dict[str, list[dict]] = field(default_factory=lambda: defaultdict(list))  # event_id -> versions

    @property
    def live_ok(self) -> bool:
        return self.counters is not None


def store_paths(home: Path) -> list[Path]:
    """The store's TinyDB files that exist, or whose .bak does (a file lost,
    see read_book): live, master, then the month archives."""
    found = [home / "orders.json", home / "master.json"]
    found += [home / "archive" / name for name in archive_book_names(home / "archive")]
    return [p for p in found if p.exists() or backup_path(p).exists()]


def read_book(path: Path) -> dict:
    """A store file's tables, checked like the store reads them: shape, keys,
    and for master.json every record. Raises StoreCorrupt."""
    if not path.exists() and backup_path(path).exists():
        raise StoreCorrupt(path, f"is missing, but {backup_path(path).name} (its previous generation) is there: "
                                 f"the file was lost")
    tables = parse_tables(path, path.read_bytes())
    for name, table in tables.items():
        key = KEYS.get(name)
        for doc in table.values():
            if path.name == "master.json" and name in MODELS:
                try:
                    MODELS[name].model_validate(doc)
                except ValidationError as exc:
                    raise StoreCorrupt(path, f"holds a {name} record {doc.get(key)!r} that does not validate "
                                             f"({exc.error_count()} error(s))") from None
    return {name: {doc[KEYS[name]]: doc for doc in table.values()} if name in KEYS else table
            for name, table in tables.items()}


def load(home: Path) -> tuple[StoreView, list[Finding]]:
    view, findings = StoreView(Path(home)), []
    for path in store_paths(view.home):
        try:
            view.books[path] = read_book(path)
        except StoreCorrupt as exc:
            view.books[path] = None
            findings.append(Finding("store", str(path), f"{exc.problem}: {exc.remedy}"))
        except OSError as exc:
            view.books[path] = None
            findings.append(Finding("store", str(path), f"cannot be read ({exc.strerror or exc})"))
    live = view.books.get(view.home / "orders.json", {})
    if live is not None:
        view.counters = dict(live.get("counters", {}))
        view.pending = dict(live.get("pending_audit", {}))
    for path, book in view.books.items():
        if book is None or path.name == "master.json":
            continue
        for no, doc in book.get("orders", {}).items():
            view.orders.setdefault(no, doc)  # the live file first: it wins over an archive
        for key, doc in book.get("processed", {}).items():
            view.processed.setdefault(key, doc)
        for key, doc in book.get("outbox", {}).items():
            view.outbox.setdefault(key, doc)
    findings += [Finding("store", str(path), "a temporary file left by a crash mid-write: delete it (the next "
                                             "poll does)") for path in stale_temp_files(view.home)]
    findings += _read_audit(view)
    return view, findings


def stale_temp_files(store: Path, now: float | None = None) -> list[Path]:
    """What atomic_write leaves when the process dies between writing and
    renaming: `.<name>.*.tmp` in the store folder, store/outgoing/ and
    store/archive/, older than STALE_SECONDS (no write in progress owns one).
    The poll removes exactly these and the doctor reports exactly these."""
    now = time.time() if now is None else now
    found = []
    for sub in TEMP_FOLDERS:
        folder = store / sub if sub else store
        for path in sorted(folder.glob(".*.tmp")) if folder.is_dir() else []:
            try:
                if path.is_file() and now - path.stat().st_mtime > STALE_SECONDS:
                    found.append(path)
            except FileNotFoundError:
                continue  # renamed or removed meanwhile
    return found


def _read_audit(view: StoreView) -> list[Finding]:
    findings = []
    for path in sorted((view.home / "audit").glob("*.jsonl")):
        torn: list[tuple[int, str]] = []
        lines = path.read_bytes().decode("utf-8", errors="replace").split("\n")
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except ValueError:
                doc = None
            if not isinstance(doc, dict) or not isinstance(doc.get("event_id"), str) or "order_no" not in doc:
                torn.append((number, line))
                continue
            versions = view.events[doc["event_id"]]
            if doc not in versions:
                versions.append(doc)
        text = "\n".join(lines)
        for number, line in torn:
            # A crash mid-append tears the last line; the next commit appends the
            # event again whole, so the torn text reappears as the start of a line.
            if text.find("\n" + line, text.find(line) + len(line)) < 0 or not line.startswith("{"):
                findings.append(Finding("audit", f"{path}:{number}",
                                        "a line that does not parse and whose event was never appended whole"))
    return findings


def order_findings(orders: dict[str, dict], where: str) -> list[Finding]:
    """Every stored order reads as an order (one damaged by hand stops the intake: DamagedRecord)."""
    findings = []
    for no in sorted(orders, key=order_sort_key):
        try:
            order_of(orders[no], where)
        except DamagedRecord as exc:
            findings.append(Finding("store", no, str(exc)))
    return findings


def trail_findings(view: StoreView) -> list[Finding]:
    """Stored orders against the audit trail."""
    findings = []
    known = set(view.events) | set(view.pending)
    highest: dict[str, int] = defaultdict(int)
    for versions in view.events.values():
        doc = versions[0]
        highest[doc["order_no"]] = max(highest[doc["order_no"]], int(doc.get("seq", 0)))
    for no in sorted(view.orders, key=order_sort_key):
        doc = view.orders[no]
        stored = int(doc.get("event_seq", 0))
        missing = [seq for seq in range(1, stored + 1) if f"{no}#{seq}" not in known]
        if missing:
            findings.append(Finding("trail", no, f"events {_seqs(missing)} of the stored order are not in the audit "
                                                 f"trail (audit/ lost or cut short?)"))
        if highest.get(no, 0) > stored:
            findings.append(Finding("trail", no, f"the store holds the order at event {stored} but the audit trail "
                                                 f"goes to event {highest[no]}: the store is older than its trail "
                                                 f"(put back from an older copy?); check the order by hand"))
    if all(book is not None for path, book in view.books.items() if path.name != "master.json"):
        for no in sorted(set(highest) - set(view.orders), key=order_sort_key):
            findings.append(Finding("trail", no, "in the audit trail but in no store file: the store lost it "
                                                 "(restore orders.json from a backup)"))
    for event_id, versions in sorted(view.events.items()):
        if len(versions) > 1:
            first, other = versions[0], versions[1]
            if int(first.get("seq", 0)) == 1:
                findings.append(Finding("numbers", first["order_no"],
                                        f"issued twice: received {first.get('at')} ({first.get('message_id')}) and "
                                        f"{other.get('at')} ({other.get('message_id')})"))
            else:
                findings.append(Finding("trail", first["order_no"], f"two different events {event_id} in the audit "
                                                                    f"trail ({first.get('at')}, {other.get('at')})"))
    return findings


def counter_findings(view: StoreView, documents: Path | None) -> list[Finding]:
    """Each month's counter against the highest number the store, the trail
    and the document archive show (what next_order_no also checks)."""
    if not view.live_ok:
        return []
    seen: dict[str, int] = defaultdict(int)
    numbers = set(view.orders) | {versions[0]["order_no"] for versions in view.events.values()}
    for no in numbers:
        if order_month(no):
            seen[no[2:8]] = max(seen[no[2:8]], int(no[8:]))
    for month_dir, match in _archive_folders(documents):
        if committed_folder(month_dir / match[0]):
            month = match[1] + match[2]
            seen[month] = max(seen[month], int(match[3]))
    findings = []
    for month, highest in sorted(seen.items()):
        last = int((view.counters.get(month) or {}).get("last", 0))
        if last < highest:
            findings.append(Finding("numbers", f"counter {month}", f"stands at {last} but SO{month}{highest:04d} "
                                    f"was issued (the store was lost or put back); the next order still gets "
                                    f"SO{month}{highest + 1:04d} or later, from the audit trail and the archive"))
    return findings


def archive_findings(view: StoreView, documents: Path | None) -> list[Finding]:
    """Each order folder of the document archive: checksums, whose order it is, one order only."""
    findings = []
    if documents is None:
        return findings
    archive = DocumentArchive(documents)
    for month_dir, match in _archive_folders(documents):
        no, folder = match[0], month_dir / match[0]
        where = str(folder)
        if f"{match[1]}-{match[2]}" != f"{month_dir.parent.name}-{month_dir.name}":
            findings.append(Finding("archive", where, f"{no} filed under the wrong month"))
            continue
        try:
            manifest = archive.manifest(no)
            bad = archive.verify(no)
        except (ValueError, KeyError, TypeError, AttributeError, OSError):
            findings.append(Finding("archive", where, "manifest.json does not parse or lacks files/documents"))
            continue
        for name in bad:
            findings.append(Finding("archive", where, f"{name} is missing or does not match its SHA-256 in "
                                                      f"manifest.json"))
        findings += _signed_form_finding(view.orders.get(no), manifest, where)
        there = _order_json(folder)
        if there is None:
            if manifest["files"] or manifest["documents"]:
                findings.append(Finding("archive", where, "order.json is missing or does not parse"))
            continue
        if there.get("order_no") != no:
            findings.append(Finding("archive", where, f"order.json names {there.get('order_no')}, not {no}"))
        stored = view.orders.get(no)
        # Whose order the folder holds: its order.json's and its manifest's word.
        held = [order_identity(there), folder_identity(folder, manifest)]
        other = next((i for i in held if stored is not None and i != order_identity(stored)), None)
        if other is not None:
            findings.append(Finding("archive", where, f"holds another order than the store's {no} "
                                                      f"({describe_identity(other)} vs "
                                                      f"{describe_identity(order_identity(stored))}): "
                                                      f"two orders under one number"))
        elif stored is None and f"{no}#1" not in view.events and view.live_ok:
            findings.append(Finding("archive", where, "holds an order that was never stored (a unit of work that "
                                                      "did not commit); the folder is reset when its number is "
                                                      "issued, or delete it"))
        for key, entry in manifest["documents"].items():
            history = sorted(entry.get("history", []), key=lambda h: h.get("version", 0))
            marks = [(h.get("order_version", 0), h.get("order_events") or 0) for h in history]
            if any(later < earlier for earlier, later in zip(marks, marks[1:])):
                findings.append(Finding("archive", where, f"the versions of document {key!r} come from two orders "
                                                          f"(the order's version or events go backwards)"))
    return findings


def _signed_form_finding(stored: dict | None, manifest: dict, where: str) -> list[Finding]:
    """A delivered order's signed 签收单 is filed with the checksum the order recorded."""
    delivery = stored.get("delivery") if isinstance(stored, dict) else None
    form = delivery.get("form") if isinstance(delivery, dict) else None
    if not isinstance(form, dict) or manifest["files"].get(form.get("file")) == form.get("sha256"):
        return []
    return [Finding("archive", where, f"the signed 签收单 on record ({form.get('file')}, sha256 "
                                      f"{str(form.get('sha256'))[:12]}…) is not filed: it is in the customer's "
                                      f"email under mail/, from {form.get('sender')}")]


def _archive_folders(documents: Path | None):
    """(month folder, match) for every archive/YYYY/MM/SO... folder."""
    if documents is None or not documents.is_dir():
        return
    for year in sorted(p for p in documents.iterdir() if p.is_dir() and p.name.isdigit()):
        for month_dir in sorted(p for p in year.iterdir() if p.is_dir() and p.name.isdigit()):
            for entry in sorted(os.scandir(month_dir), key=lambda e: order_sort_key(e.name)):
                match = _ORDER_FOLDER.fullmatch(entry.name)
                if match and entry.is_dir():
                    yield month_dir, match


def _order_json(folder: Path) -> dict | None:
    try:
        doc = json.loads((folder / "order.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return doc if isinstance(doc, dict) else None


def _seqs(seqs: list[int]) -> str:
    return ", ".join(f"#{s}" for s in seqs[:5]) + (f" and {len(seqs) - 5} more" if len(seqs) > 5 else "")


def restore(path: Path, lock: Path) -> str:
    """Put `<path>.bak` (the generation before the last commit) in place of a
    corrupt `path`, keeping a copy of the corrupt file as `<path>.corrupt-<time>`.
    Holds the store's lock (`lock`), and `path` is replaced atomically, so a
    poll running meanwhile never sees it missing (which would mean empty).
    Returns what was done; raises StoreCorrupt if the backup is no better."""
    bak = backup_path(path)
    if not bak.exists():
        raise StoreCorrupt(path, "has no .bak to put back", "restore it from your backup")
    with FileLock(lock, timeout=120):
        good = bak.read_bytes()
        read_book(bak)  # raises if the backup is corrupt too
        kept = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        if path.exists():
            shutil.copy2(path, kept)
        atomic_write(path, good)
    where = f"the broken file is kept as {kept.name}" if kept.exists() else "the file was missing"
    return f"restored {path} from {bak.name} (the commit before the last); {where}"
