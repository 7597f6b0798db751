"""Files that are either the old version or the new one, never half of each.

TinyDB's JSONStorage rewrites the file in place: a crash mid-write leaves
broken JSON, and a reader can see a half-written file. Here every write goes
to a temporary file in the same directory (so the rename cannot cross file
systems), is fsync'd, and replaces the old file with os.replace; the directory
is fsync'd too, or the rename itself may not survive a power cut.
"""
from __future__ import annotations

import json
import os
import stat
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Any

from tinydb.middlewares import Middleware
from tinydb.storages import Storage


def fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, text: str | bytes, encoding: str = "utf-8") -> None:
    """Replace `path` with `text` (or bytes) so a reader sees the old file or the new, never a part."""
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
        try:
            text = self.path.read_text(encoding=self._encoding)
        except FileNotFoundError:
            return None
        return json.loads(text) if text.strip() else None

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write(self.path, json.dumps(data, **self._dumps_kwargs), self._encoding)


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
