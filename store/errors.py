"""What the store raises when the trouble is the store's, not the caller's.

A `StoreError` is a failure of ours (a file that does not parse, master data
that does not validate): the caller must not blame the message it was
handling for it. The intake leaves that message in the inbox to be retried
(flows/handling.py); `orderloop poll` prints the error's one line and exits 1.
"""
from __future__ import annotations

from pathlib import Path


class StoreError(Exception):
    """The store cannot be used as it is; retrying the same work later may succeed."""


class StoreCorrupt(StoreError):
    """A store file that exists but is not what the store writes: not JSON,
    empty, `null`, a list, a number, or tables that are not {id: document}.

    Never read as an empty store: only a missing file means empty. The message
    names the file, what is wrong and the remedy, in one line.
    """

    def __init__(self, path: Path | str, problem: str, remedy: str | None = None):
        self.path = Path(path)
        self.problem = problem
        self.remedy = remedy or default_remedy(self.path)
        super().__init__(f"store file {self.path} {problem}: {self.remedy}")


class DamagedRecord(StoreError):
    """A stored record that no longer reads as what it is (an order whose status or amounts were
    changed by hand, a row edited in the database): the store's trouble, never the message's
    that led to it. Retrying does not mend it."""

    def __init__(self, kind: str, key: str, where: str, problem: str):
        self.kind, self.key, self.where = kind, key, where
        super().__init__(f"the stored {kind} {key} in {where} is damaged ({problem}): put it right from your "
                         f"backup, then run `orderloop doctor`")


def backup_path(path: Path) -> Path:
    """The previous generation of a store file, kept by every commit (`atomic_write(keep_previous=True)`)."""
    return path.with_name(path.name + ".bak")


def default_remedy(path: Path) -> str:
    """What to do about a broken (or lost) store file. The advice to move
    master.json away and import again names its .bak too: a missing file
    beside its .bak counts as lost, not as new, so moving only the file would
    stop the store again."""
    bak = backup_path(path)
    if path.name == "master.json":
        if bak.exists():
            return (f"run `orderloop doctor --restore` to put back {bak.name} (the previous commit), or restore "
                    f"the file from your backup (or move both {path.name} and {bak.name} away and "
                    f"`orderloop import` the customers, products and staff again)")
        return ("restore it from your backup, or move it away and `orderloop import` the customers, products "
                "and staff again; then run `orderloop doctor`")
    if bak.exists():
        return (f"run `orderloop doctor --restore` to put back {bak.name} (the previous commit), "
                f"or restore the file from your backup")
    return "restore it from your backup, or move it away if it never held anything; then run `orderloop doctor`"
