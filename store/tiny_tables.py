"""Tables and books on TinyDB, keyed by natural keys instead of document ids.

A TinyDB query is a scan and every write rebuilds the table, so a unit of work
reads each table it touches once into a {key: doc} dict, works on that, and
writes the changed tables back once when it commits.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Table as TinyTableImpl

from store.atomic import WriteOnFlush
from store.keys import KEYS
from store.tables import Book, DictTable


class TinyTable(DictTable):
    """A table held as {key: doc} for the unit of work, written back whole.

    TinyDB rebuilds a table on every insert or update, so a batch of 1,000
    writes to a table of 1,000 documents costs a million copies; writing the
    table back once, at flush, costs one.
    """

    def __init__(self, name: str, table: TinyTableImpl):
        key = KEYS[name]  # every document has it: AtomicJSONStorage.read checked
        super().__init__(name, {doc[key]: dict(doc) for doc in table})
        self._table = table
        self.dirty = False

    def put(self, key: str, doc: dict) -> None:
        self.dirty = True
        super().put(key, doc)

    def put_many(self, docs: Mapping[str, dict]) -> None:
        self.dirty = self.dirty or bool(docs)
        super().put_many(docs)

    def remove(self, keys: Iterable[str]) -> None:
        keys = [k for k in keys if k in self._docs]
        self.dirty = self.dirty or bool(keys)
        super().remove(keys)

    def replace_all(self, docs: Mapping[str, dict]) -> None:
        self.dirty = True
        super().replace_all(docs)

    def write_back(self) -> None:
        if self.dirty:
            self._table.truncate()
            self._table.insert_multiple(self._docs.values())
            self.dirty = False


class TinyBook(Book):
    """One TinyDB file, read once and written once (on flush) through WriteOnFlush.

    Chinese stays readable in the file (ensure_ascii=False); a fresh TinyDB per
    unit of work means no query cache or next-id survives from before the lock.
    """

    def __init__(self, path: Path):
        self.path = path
        self._db = TinyDB(path, storage=WriteOnFlush(), encoding="utf-8", ensure_ascii=False)
        self._tables: dict[str, TinyTable] = {}

    def table(self, name: str) -> TinyTable:
        if name not in self._tables:
            self._tables[name] = TinyTable(name, self._db.table(name))
        return self._tables[name]

    @property
    def changed(self) -> bool:
        return self._db.storage.dirty or any(t.dirty for t in self._tables.values())

    def flush(self) -> None:
        for table in self._tables.values():
            table.write_back()
        self._db.storage.flush()
