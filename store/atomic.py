"""Files that are either the old version or the new one, never half of each.

TinyDB's JSONStorage rewrites the file in place: a crash mid-write leaves
broken JSON, and a reader can see a half-written file. Here every write goes
to a temporary file in the same directory (so the rename cannot cross file
systems), is fsync'd, and replaces the old file with os.replace; the directory
is fsync'd too, or the rename itself may not survive a power cut.

A store file is never taken for an empty one unless it is missing: a file
that is blank, `null`, not JSON, or JSON of another shape raises StoreCorrupt
naming the file (see store/errors.py). Each write of a store file keeps the
file it replaces as `<name>.bak` (a hard link, so it costs no copy): the last
good generation that `orderloop doctor --restore` can put back.
"""
from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

from tinydb.middlewares import Middleware
from tinydb.storages import Storage

from store.errors import StoreCorrupt, backup_path
from store.keys import KEYS


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def keep_previous(path: Path) -> None:
    """Make `<path>.bak` the file now at `path` (a hard link: no data is copied).

    Called just before the new file replaces it, so `.bak` is always a whole
    file the store wrote and read back. A crash between the unlink and the
    link leaves no `.bak` for a moment, never a wrong one.
    """
    bak = backup_path(path)
    with suppress(FileNotFoundError):
        os.unlink(bak)
    try:
        os.link(path, bak)
    except FileNotFoundError:
        return  # the first write: nothing to keep
    except OSError:  # a file system without hard links
        shutil.copy2(path, bak)


def atomic_write(path: Path, text: str | bytes, encoding: str = "utf-8", *, keep: bool = False) -> None:
    """Replace `path` with `text` (or bytes) so a reader sees the old file or the new, never a part.

    keep=True keeps the replaced file as `<path>.bak` (see keep_previous)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file 0600; keep the old file's mode, or the usual 0644.
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
        os.fchmod(fd, mode)
        binary = isinstance(text, bytes)
        with os.fdopen(fd, "wb" if binary else "w", encoding=None if binary else encoding) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if keep:
            keep_previous(path)
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


class AtomicJSONStorage(Storage):
    """A TinyDB storage that writes with `atomic_write`; extra kwargs go to json.dumps."""

    def __init__(self, path: str | Path, encoding: str = "utf-8", **dumps_kwargs: Any):
        self.path = Path(path)
        self._encoding = encoding
        self._dumps_kwargs = dumps_kwargs

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The tables, or None (an empty store) only when the file does not exist
        and never did: a missing file beside its `.bak` was lost.

        Raises StoreCorrupt for anything else that is not the store's shape."""
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            if backup_path(self.path).exists():
                raise StoreCorrupt(self.path, f"is missing, but {backup_path(self.path).name} (its previous "
                                              f"generation) is there: the file was lost") from None
            return None
        return parse_tables(self.path, data, self._encoding)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write(self.path, json.dumps(data, **self._dumps_kwargs), self._encoding, keep=True)


def parse_tables(path: Path, data: bytes, encoding: str = "utf-8") -> dict[str, dict[str, Any]]:
    """A TinyDB file's tables ({table: {doc_id: document}}), checked for shape.

    Raises StoreCorrupt naming `path` for a file that is blank, not text, not
    JSON, or JSON that is not a mapping of tables to mappings of documents,
    each with its natural key (store.keys.KEYS)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise StoreCorrupt(path, f"is not {encoding} text (byte {exc.start})") from None
    if not text.strip():
        raise StoreCorrupt(path, "is empty" if not text else "holds only whitespace")
    try:
        tables = json.loads(text)
    except ValueError as exc:
        where = f"line {exc.lineno} column {exc.colno}: {exc.msg}" if hasattr(exc, "lineno") else str(exc)
        raise StoreCorrupt(path, f"is not valid JSON ({where}; {len(data)} bytes)") from None
    if not isinstance(tables, dict):
        raise StoreCorrupt(path, f"holds {_json_kind(tables)}, not the store's tables")
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise StoreCorrupt(path, f"holds {_json_kind(table)} as table {name!r}, not documents")
        for doc_id, doc in table.items():
            if not isinstance(doc, dict):
                raise StoreCorrupt(path, f"holds {_json_kind(doc)} as document {doc_id} of table {name!r}")
            if not doc_id.isdigit():
                raise StoreCorrupt(path, f"holds a document id {doc_id[:40]!r} in table {name!r}, not a number")
            if name in KEYS and not isinstance(doc.get(KEYS[name]), str):
                # Found and kept by its natural key: without one it is not a document the store wrote.
                raise StoreCorrupt(path, f"holds a document of table {name!r} without a {KEYS[name]!r} "
                                         f"(document {doc_id})")
    return tables


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    return {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "an object"}.get(type(value), type(value).__name__)


class WriteOnFlush(Middleware):
    """Read the file once, keep every write in memory, write once on flush().

    Unlike CachingMiddleware it never writes on its own (not after N writes,
    not on close): what is not flushed is discarded, which is exactly what a
    unit of work that raised needs.
    """

    def __init__(self, storage_cls=AtomicJSONStorage):
        super().__init__(storage_cls)
        self._data: dict | None = None
        self._loaded = False
        self.dirty = False

    def read(self) -> dict | None:
        if not self._loaded:
            self._data, self._loaded = self.storage.read(), True
        return self._data

    def write(self, data: dict) -> None:
        self._data, self._loaded, self.dirty = data, True, True

    def flush(self) -> None:
        if self.dirty:
            self.storage.write(self._data)
            self.dirty = False

    def close(self) -> None:
        self.storage.close()
