"""The in-memory twin: same unit of work and read views as TinyRepository.

State is a tree of JSON documents, never model objects, so nothing a caller
holds can reach into it. A unit of work works on a deep copy and commits by
swapping the copy in; a read looks at the committed tree, which is replaced,
never changed, so it is a consistent snapshot.
"""
from __future__ import annotations

import copy
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from store.base import BookRepository
from store.keys import order_seq
from store.tables import Book, DictBook, Shelf

Tree = dict[str, dict[str, dict]]


@dataclass(frozen=True)
class _State:
    live: Tree = field(default_factory=dict)
    master: Tree = field(default_factory=dict)
    archives: dict[str, Tree] = field(default_factory=dict)
    audit: tuple[dict, ...] = ()


class _MemoryShelf(Shelf):
    def __init__(self, state: _State, writable: bool):
        self._state, self._writable = state, writable
        self._books: dict[str, DictBook] = {}
        self.committed: _State | None = None

    def _book(self, name: str, tree: Tree) -> DictBook:
        if name not in self._books:
            self._books[name] = DictBook(copy.deepcopy(tree) if self._writable else tree)
        return self._books[name]

    def live(self) -> Book:
        return self._book("live", self._state.live)

    def master(self) -> Book:
        return self._book("master", self._state.master)

    def archive(self, month: str) -> Book:
        return self._book(month, self._state.archives.get(month, {}))

    def archive_months(self) -> list[str]:
        opened = {name for name in self._books if name not in ("live", "master")} if self._writable else set()
        return sorted(self._state.archives.keys() | opened)

    def audit(self, order_no: str) -> Iterable[dict]:
        return self._state.audit

    def issued(self, month: str, counter: dict) -> tuple[int, dict]:
        # No document archive here: the audit trail is the only evidence.
        seqs = (order_seq(doc.get("order_no", ""), month) for doc in self._state.audit)
        return max((seq for seq in seqs if seq is not None), default=0), {}

    def commit(self, events: list[dict]) -> None:
        books = {name: book.data for name, book in self._books.items()}
        self.committed = replace(
            self._state,
            live=books.pop("live", self._state.live),
            master=books.pop("master", self._state.master),
            archives={**self._state.archives, **books},
            audit=self._state.audit + tuple(events),
        )


class MemoryRepository(BookRepository):
    """`MemoryRepository()`: nothing touches the disk; for tests and dry runs."""

    def __init__(self) -> None:
        super().__init__()
        self._state = _State()
        self._lock = threading.Lock()  # stands in for TinyRepository's file lock

    def _reader(self) -> Shelf:
        return _MemoryShelf(self._state, writable=False)

    @contextmanager
    def _writer(self) -> Iterator[Shelf]:
        with self._lock:
            shelf = _MemoryShelf(self._state, writable=True)
            yield shelf
            if shelf.committed is not None:
                self._state = shelf.committed
