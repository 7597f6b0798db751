"""The stock ledger as the store keeps it (on hand per SKU, and what each
effective order holds), for `orderloop stock`: read without taking the lock."""
from __future__ import annotations

from orders.stock import StockLedger
from store.repository import Repository


def stock_ledger(repository: Repository) -> StockLedger:
    return repository.stock_ledger()
