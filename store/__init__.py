"""Persistence behind the repository interface: TinyDB by default, a memory twin for tests."""
from store.errors import StoreCorrupt, StoreError
from store.memory import MemoryRepository
from store.repository import OutgoingMail, ProcessedMessage, Repository, StaffDirectory, UnitOfWork
from store.tinydb_store import TinyRepository

__all__ = [
    "Repository",
    "UnitOfWork",
    "StaffDirectory",
    "MemoryRepository",
    "TinyRepository",
    "ProcessedMessage",
    "OutgoingMail",
    "StoreError",
    "StoreCorrupt",
]
