"""The small storage vocabulary both repositories share.

A `Book` is one file's worth of tables (the live file, one month's archive,
the master data); a `Table` holds JSON documents under their natural key
(`keys.KEYS`). A `Shelf` is the set of books one unit of work, or one read,
sees. The unit of work and the read views are written once against these, so
the memory twin and TinyDB cannot drift apart; each backend supplies only the
books and how they are committed.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping

from store.keys import KEYS


class Table(ABC):
    """Documents are plain JSON dicts; callers must not mutate what `get` returns."""

    def __init__(self, name: str):
        self.key = KEYS[name]

    @abstractmethod
    def get(self, key: str) -> dict | None: ...

    @abstractmethod
    def put(self, key: str, doc: dict) -> None: ...

    @abstractmethod
    def put_many(self, docs: Mapping[str, dict]) -> None: ...

    @abstractmethod
    def remove(self, keys: Iterable[str]) -> None: ...

    @abstractmethod
    def values(self) -> Iterator[dict]: ...

    @abstractmethod
    def replace_all(self, docs: Mapping[str, dict]) -> None: ...

    def items(self) -> Iterator[tuple[str, dict]]:
        return ((doc[self.key], doc) for doc in self.values())


class Book(ABC):
    @abstractmethod
    def table(self, name: str) -> Table: ...


class Shelf(ABC):
    where = "the store"  # named in the errors of a damaged record: the store's folder, or its database
    @abstractmethod
    def live(self) -> Book: ...

    @abstractmethod
    def master(self) -> Book: ...

    @abstractmethod
    def archive(self, month: str) -> Book:
        """The archive of month 'YYYY-MM'; a writer creates it on commit if new."""

    @abstractmethod
    def archive_months(self) -> list[str]:
        """Months that have an archive (including ones this unit created), oldest first."""

    @abstractmethod
    def audit(self, order_no: str) -> Iterable[dict]:
        """Audit documents that may concern order_no; repeats allowed, the caller dedupes."""

    @abstractmethod
    def issued(self, month: str, counter: dict) -> tuple[int, dict]:
        """The highest sequence number of month 'YYYYMM' that the audit trail
        or the document archive shows as issued, outside the live file's
        counter (which may be lost or restored from an older generation).

        `counter` is the month's counter document; the second value holds
        fields to keep in it so the next call looks only at what is new."""

    @abstractmethod
    def commit(self, events: list[dict]) -> None:
        """Write every changed book, then append the events to the audit trail."""


class DictTable(Table):
    def __init__(self, name: str, docs: dict[str, dict]):
        super().__init__(name)
        self._docs = docs

    def get(self, key: str) -> dict | None:
        return self._docs.get(key)

    def put(self, key: str, doc: dict) -> None:
        self._docs[key] = doc

    def put_many(self, docs: Mapping[str, dict]) -> None:
        self._docs.update(docs)

    def remove(self, keys: Iterable[str]) -> None:
        for key in list(keys):
            self._docs.pop(key, None)

    def values(self) -> Iterator[dict]:
        return iter(list(self._docs.values()))

    def replace_all(self, docs: Mapping[str, dict]) -> None:
        self._docs.clear()
        self._docs.update(docs)


class DictBook(Book):
    """A book held as {table: {key: doc}}, for the memory twin."""

    def __init__(self, data: dict[str, dict[str, dict]]):
        self.data = data

    def table(self, name: str) -> Table:
        return DictTable(name, self.data.setdefault(name, {}))
