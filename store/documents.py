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
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock

from orders.model import Order
from store.atomic import atomic_write
from store.keys import order_month

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class StoredDocument:
    path: Path
    version: int
    sha256: str
    new: bool  # False: the same bytes were already the latest version


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
        """The version a new rendering gets: the latest again when the order is
        unchanged since (a retried poll renders the same document), else one more;
        `again` always makes a new version (an explicit re-render)."""
        history = self.manifest(order_no)["documents"].get(key, {}).get("history", [])
        if not history:
            return 1
        latest = history[-1]
        # Every change of an order records an event, so its count marks the state.
        unchanged = (latest["order_version"], latest.get("order_events")) == (order.version, order.event_seq)
        return latest["version"] if unchanged and not again else latest["version"] + 1

    def put_document(self, order: Order, key: str, filename: str, pdf: bytes, *, version: int, number: str,
                     at: datetime) -> StoredDocument:
        folder = self.folder(order.order_no)
        with self._lock(folder):
            manifest = self.manifest(order.order_no)
            entry = manifest["documents"].setdefault(key, {"file": filename, "history": []})
            digest = sha256(pdf)
            latest = entry["history"][-1] if entry["history"] else None
            if latest is not None and latest["version"] == version and latest["sha256"] == digest:
                return StoredDocument(folder / filename, version, digest, new=False)
            atomic_write(folder / filename, pdf)
            record = {"version": version, "number": number, "sha256": digest, "rendered_at": at.isoformat(),
                      "order_version": order.version, "order_events": order.event_seq,
                      "order_updated_at": order.updated_at.isoformat()}
            entry["history"] = [h for h in entry["history"] if h["version"] != version] + [record]
            entry.update(file=filename, version=version, number=number, sha256=digest)
            self._put(folder, manifest, "order.json", order.model_dump_json(indent=2).encode("utf-8"))
            return StoredDocument(folder / filename, version, digest, new=True)

    def put_email(self, order_no: str, message_key: str, raw: bytes) -> Path:
        """An original email of the order's thread, once (named by its Message-ID)."""
        folder = self.folder(order_no)
        name = f"mail/{_SAFE.sub('_', message_key.strip('<>'))[:120]}.eml"
        with self._lock(folder):
            manifest = self.manifest(order_no)
            if name not in manifest["files"]:
                self._put(folder, manifest, name, raw)
        return folder / name

    def put_order(self, order: Order) -> None:
        folder = self.folder(order.order_no)
        with self._lock(folder):
            self._put(folder, self.manifest(order.order_no), "order.json",
                      order.model_dump_json(indent=2).encode("utf-8"))

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

    def _put(self, folder: Path, manifest: dict, name: str, data: bytes) -> None:
        atomic_write(folder / name, data)
        manifest["files"][name] = sha256(data)
        atomic_write(folder / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True))

    @staticmethod
    def _lock(folder: Path) -> FileLock:
        folder.mkdir(parents=True, exist_ok=True)
        return FileLock(folder / ".lock", timeout=60)
