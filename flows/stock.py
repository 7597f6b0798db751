"""The stock ledger as the store gives it: the products list's stock on hand,
held by the orders that are effective and not shipped, in the order they
became effective (the audit trail says when)."""
from __future__ import annotations

from orders.stock import HOLDING, StockLedger, ledger_of
from store.repository import Repository


def stock_ledger(repository: Repository) -> StockLedger:
    holding = [order for order in repository.list_orders() if order.status in HOLDING]

    def became_effective(order) -> tuple:
        moments = [event.at for event in repository.audit_trail(order.order_no)
                   if event.kind == "transition" and event.to_status == "effective"]
        return (min(moments) if moments else order.updated_at), order.order_no

    return ledger_of(repository.master().products(), sorted(holding, key=became_effective))
