"""The stock ledger as the store gives it: the products list's stock on hand,
held by the orders that are effective and not shipped, in the order they
became effective."""
from __future__ import annotations

from orders.model import Order
from orders.stock import HOLDING, StockLedger, ledger_of
from store.repository import Repository


def became_effective(order: Order) -> tuple:
    """When the order became effective: its last approval (every way to 已生效 passes one), and its number
    to break a tie; read from the record, with no audit file opened per order."""
    approvals = [decision.at for decision in order.decisions if decision.verdict == "approve"]
    return (max(approvals) if approvals else order.updated_at), order.order_no


def stock_ledger(repository: Repository) -> StockLedger:
    holding = [order for order in repository.list_orders() if order.status in HOLDING]
    return ledger_of(repository.master().products(), sorted(holding, key=became_effective))
