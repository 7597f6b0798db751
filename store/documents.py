"""The document archive: archive/YYYY/MM/<order_no>/ with the order's PDFs,
its original emails (.eml), order.json and manifest.json.

The manifest lists every file with its SHA-256, and for each document every
version rendered (number, checksum, time, order version). Files are replaced
atomically; the manifest is written last, under a lock, so it never names a
file that is not there. Archivists can check a folder with `sha256sum`.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from filelock import FileLock

from orders.model import Order
from orders.text import message_id_key
from store.atomic import atomic_write
from store.errors import StoreError
from store.keys import order_month

log = logging.getLogger("orderloop.store")

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def archived_folder_seq(root: Path, month: str, above: int = 0) -> int:
    """The highest sequence number of month 'YYYYMM' above `above` whose
    folder in archive/YYYY/MM/ holds an order that was committed (0 if none).

    One directory listing; only folders above `above` (normally none: the
    counter is ahead of them) have their manifest read. A folder counts when
    its manifest names an original email (those are filed only after the
    store committed the order) or cannot be read (counted, to be safe). A
    folder with only the PDFs of a unit of work that never committed does not
    count: the retried message gets that number again and the folder is
    reset if another order claims it (DocumentArchive._claim)."""
    folder = Path(root) / month[:4] / month[4:]
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return 0
    pattern, seen = re.compile(rf"SO{month}(\d{{4,}})"), 0
    for name in names:
        match = pattern.fullmatch(name)
        if match and int(match[1]) > max(above, seen) and committed_folder(folder / name):
            seen = int(match[1])
    return seen


def committed_folder(folder: Path) -> bool:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        return any(name.startswith("mail/") for name in manifest["files"])
    except FileNotFoundError:
        return any((folder / "mail").glob("*.eml"))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return True  # unreadable: take the number as used


def order_identity(order: Order | dict) -> tuple[str | None, str | None, str | None]:
    """What tells two orders under one number apart, fixed when the order was
    received and never changed after: its number, the moment it was received
    (`created_at`, as an instant) and the Message-ID of the email it came from.

    That Message-ID is the first of the thread, unless the first is one of our
    own mails (the order's email had no Message-ID, and our first mail joined
    the thread later): then there is none. So the identity of an order is the
    same before and after we mail it (the thread grows, the identity does not)."""
    doc = order.model_dump(mode="json") if isinstance(order, Order) else order
    thread = doc.get("thread") or []
    ours = doc.get("mail_sent") or {}
    first = thread[0] if thread and isinstance(thread[0], str) else None
    origin = first if first and message_id_key(first) not in ours else None
    return doc.get("order_no"), _instant(doc.get("created_at")), origin


def describe_identity(identity: tuple | list | None) -> str:
    """An identity for a message to a person: 'received <when>, <Message-ID>'."""
    if not identity:
        return "no order"
    _, at, origin = identity
    return f"received {at}, {origin or 'an email without Message-ID'}"


def _instant(value) -> str | None:
    """A time as a comparable instant (UTC), whatever offset it was written with."""
    if value is None:
        return None
    try:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return moment.astimezone(timezone.utc).isoformat() if moment.tzinfo else moment.isoformat()


def folder_identity(folder: Path, manifest: dict | None = None) -> tuple | None:
    """Whose order a folder holds: the identity its manifest records, else
    (a folder written before manifests recorded it) its order.json's; None
    when neither says."""
    if manifest is None:
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            manifest = {}
    recorded = manifest.get("identity") if isinstance(manifest, dict) else None
    if isinstance(recorded, list) and len(recorded) == 3:
        return tuple(recorded)
    try:
        there = json.loads((folder / "order.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return order_identity(there) if isinstance(there, dict) else None


@dataclass(frozen=True)
class StoredDocument:
    path: Path
    version: int
    sha256: str
    new: bool  # False: the same bytes were already the latest version
    content: bytes = field(repr=False, default=b"")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class DocumentArchive:
    def __init__(self, root: Path):
        self.root = Path(root)

    def folder(self, order_no: str) -> Path:
        month = order_month(order_no)
        if month is None:
            raise ValueError(f"{order_no!r} is not an order number the pipeline issued")
        year, mm = month.split("-")
        return self.root / year / mm / order_no

    def manifest(self, order_no: str) -> dict:
        path = self.folder(order_no) / "manifest.json"
        if not path.exists():
            return {"order_no": order_no, "documents": {}, "files": {}}
        return json.loads(path.read_text(encoding="utf-8"))

    def next_version(self, order_no: str, key: str, *, order: Order, again: bool) -> int:
        return self.plan(order, key, again=again)[0]

    def plan(self, order: Order, key: str, *, again: bool) -> tuple[int, StoredDocument | None]:
        """The version a rendering gets: the latest again when the order is
        unchanged since (a retried poll renders the same document), else one
        more; `again` always makes a new version (an explicit re-render).
        With it, the archived document when it already is that version, intact
        and of this very order (a folder of another order under the same
        number gives nothing: version 1, rendered afresh)."""
        folder = self.folder(order.order_no)
        manifest = self.manifest(order.order_no)
        entry = manifest["documents"].get(key)
        if not entry or not entry["history"]:
            return 1, None
        there = folder_identity(folder, manifest)
        if there is not None and there != order_identity(order):
            return 1, None  # another order's folder: reset when written to (or refused, if it was committed)
        latest = entry["history"][-1]
        # Every change of an order records an event, so its count marks the state.
        unchanged = (latest["order_version"], latest.get("order_events")) == (order.version, order.event_seq)
        if again or not unchanged:
            return latest["version"] + 1, None
        path = folder / entry["file"]
        content = path.read_bytes() if path.exists() else b""
        if sha256(content) != entry["sha256"]:
            return latest["version"], None  # missing or altered: render it again
        return latest["version"], StoredDocument(path, latest["version"], entry["sha256"], new=False, content=content)

    def put_document(self, order: Order, key: str, filename: str, pdf: bytes, *, version: int, number: str,
                     at: datetime) -> StoredDocument:
        folder = self.folder(order.order_no)
        with self._lock(folder):
            manifest = self._claim(folder, order, self.manifest(order.order_no))
            entry = manifest["documents"].setdefault(key, {"file": filename, "history": []})
            digest = sha256(pdf)
            latest = entry["history"][-1] if entry["history"] else None
            if latest is not None and latest["version"] == version and latest["sha256"] == digest:
                return StoredDocument(folder / filename, version, digest, new=False, content=pdf)
            atomic_write(folder / filename, pdf)
            record = {"version": version, "number": number, "sha256": digest, "rendered_at": at.isoformat(),
                      "order_version": order.version, "order_events": order.event_seq,
                      "order_updated_at": order.updated_at.isoformat()}
            entry["history"] = [h for h in entry["history"] if h["version"] != version] + [record]
            entry.update(file=filename, version=version, number=number, sha256=digest)
            self._put(folder, manifest, {"order.json": order.model_dump_json(indent=2).encode("utf-8")})
            return StoredDocument(folder / filename, version, digest, new=True, content=pdf)

    def put_email(self, order_no: str, message_key: str, raw: bytes) -> Path:
        """An original email of the order's thread, once (named by its Message-ID)."""
        return self.put_emails(order_no, [(message_key, raw)])[0]

    def put_emails(self, order_no: str, emails: list[tuple[str, bytes]], order: Order | None = None,
                   attachments: dict[str, bytes] | None = None) -> list[Path]:
        """Original emails of the order's thread, each once (named by its
        Message-ID), files taken from them (`attachments`: name → bytes, such
        as the signed 签收单) and the order as it stands: one manifest write for all."""
        folder = self.folder(order_no)
        names = [f"mail/{_SAFE.sub('_', key.strip('<>'))[:120]}.eml" for key, _ in emails]
        with self._lock(folder):
            manifest = self.manifest(order_no)
            if order is not None:
                manifest = self._claim(folder, order, manifest)
            files = {name: raw for name, (_, raw) in zip(names, emails) if name not in manifest["files"]}
            files |= {name: data for name, data in (attachments or {}).items() if name not in manifest["files"]}
            if order is not None:
                files["order.json"] = order.model_dump_json(indent=2).encode("utf-8")
            if files:
                self._put(folder, manifest, files)
        return [folder / name for name in names]

    def put_order(self, order: Order) -> None:
        self.put_emails(order.order_no, [], order)

    def _claim(self, folder: Path, order: Order, manifest: dict) -> dict:
        """The manifest to write `order` into, after making sure the folder is its own."""
        return claim_folder(folder, order_identity(order), manifest)

    def verify(self, order_no: str) -> list[str]:
        """Files whose checksum does not match the manifest (or that are missing)."""
        folder, bad = self.folder(order_no), []
        manifest = self.manifest(order_no)
        expected = dict(manifest["files"]) | {e["file"]: e["sha256"] for e in manifest["documents"].values()}
        for name, digest in expected.items():
            path = folder / name
            if not path.exists() or sha256(path.read_bytes()) != digest:
                bad.append(name)
        return bad

    def _put(self, folder: Path, manifest: dict, files: dict[str, bytes]) -> None:
        """The files, then the manifest that names them."""
        for name, data in files.items():
            atomic_write(folder / name, data)
            manifest["files"][name] = sha256(data)
        atomic_write(folder / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True))

    @staticmethod
    def _lock(folder: Path) -> FileLock:
        folder.mkdir(parents=True, exist_ok=True)
        return FileLock(folder / ".lock", timeout=60)


def claim_folder(folder: Path, identity: tuple, manifest: dict) -> dict:
    """The manifest to write the order of `identity` into, after making sure
    the folder is its own; the manifest records the identity.

    A folder holding another order under the same number (its manifest's
    identity, else its order.json's) was left by a unit of work that never
    committed (its PDFs were never mailed): its files are removed and the
    manifest starts afresh. If that other order was committed (the folder
    holds its emails), the number was issued twice: StoreError, and nothing is
    mixed."""
    there = folder_identity(folder, manifest)
    if there is None or there == identity:
        manifest["identity"] = list(identity)
        return manifest
    order_no = identity[0] or folder.name
    if committed_folder(folder):
        raise StoreError(f"archive folder {folder} holds another order {order_no} "
                         f"({describe_identity(there)}): the number was issued twice; run `orderloop doctor`")
    log.warning("archive folder %s held the files of an order %s that was never stored (%s); "
                "they are removed for %s", folder, order_no, describe_identity(there), describe_identity(identity))
    for name in [*manifest.get("files", {}), *(e["file"] for e in manifest.get("documents", {}).values()),
                 "order.json"]:
        (folder / name).unlink(missing_ok=True)
    return {"order_no": order_no, "documents": {}, "files": {}, "identity": list(identity)}
