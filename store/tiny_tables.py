"""Tables and books on TinyDB, keyed by natural keys instead of document ids.

A TinyDB query is a scan; a batch that looks up each of its orders would scan
once per message. So each table builds a key -> document id index once, when
the unit of work first touches it, and keeps it current as it writes.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Table as TinyTableImpl

from store.atomic import WriteOnFlush
from store.tables import Book, Table


def _replaced_by(doc: dict):
    # update() with a mapping merges fields; a stored record must lose the ones it dropped.
    def transform(old: dict) -> None:
        old.clear()
        old.update(doc)
    return transform


class TinyTable(Table):
    def __init__(self, name: str, table: TinyTableImpl):
        super().__init__(name)
        self._table = table
        self._ids = {doc[self.key]: doc.doc_id for doc in table}

    def get(self, key: str) -> dict | None:
        doc_id = self._ids.get(key)
        return None if doc_id is None else self._table.get(doc_id=doc_id)

    def put(self, key: str, doc: dict) -> None:
        if key in self._ids:
            self._table.update(_replaced_by(doc), doc_ids=[self._ids[key]])
        else:
            self._ids[key] = self._table.insert(doc)

    def put_many(self, docs: Mapping[str, dict]) -> None:
        fresh = {key: doc for key, doc in docs.items() if key not in self._ids}
        for key in docs.keys() - fresh.keys():
            self.put(key, docs[key])
        if fresh:  # one table rewrite for the lot, not one per document
            self._ids.update(zip(fresh, self._table.insert_multiple(fresh.values())))

    def remove(self, keys: Iterable[str]) -> None:
        doc_ids = [self._ids.pop(key) for key in list(keys) if key in self._ids]
        if doc_ids:
            self._table.remove(doc_ids=doc_ids)

    def values(self) -> Iterator[dict]:
        return iter(self._table)

    def replace_all(self, docs: Mapping[str, dict]) -> None:
        self._table.truncate()
        self._ids = {}
        self.put_many(docs)


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
        return self._db.storage.dirty

    def flush(self) -> None:
        self._db.storage.flush()
