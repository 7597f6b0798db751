"""The stock ledger as stored: one document per SKU in the master book,
`{"on_hand": "120", "held": {"SO2023100001": "100"}}`, written in the same
commit as the orders that reserve, ship or release, so the ledger and the
orders never disagree.

A store written before the ledger was kept has no stock table: the ledger is
then made from the products list's stock and the orders holding goods, in the
order they became effective (orders.stock.ledger_of), once, on first read.
"""
from __future__ import annotations

from decimal import Decimal

from orders.model import Order
from orders.stock import HOLDING, StockLedger, ledger_of
from store.directory import Directory
from store.tables import Book, Table

TABLE = "stock"


def read_ledger(master: Book, live_orders: Table) -> StockLedger:
    docs = dict(master.table(TABLE).items())
    if not docs:
        holding = [Order.model_validate(doc) for doc in live_orders.values() if doc["status"] in HOLDING]
        return ledger_of(Directory.from_book(master).products(), holding)
    ledger = StockLedger()
    for sku, doc in docs.items():
        ledger.on_hand[sku] = Decimal(doc["on_hand"])
        for order_no, quantity in doc.get("held", {}).items():
            ledger.held.setdefault(order_no, {})[sku] = Decimal(quantity)
    return ledger


def write_ledger(master: Book, ledger: StockLedger) -> None:
    docs: dict[str, dict] = {sku: {"sku": sku, "on_hand": str(q), "held": {}} for sku, q in ledger.on_hand.items()}
    for order_no, by_sku in ledger.held.items():
        for sku, quantity in by_sku.items():
            docs.setdefault(sku, {"sku": sku, "on_hand": "0", "held": {}})["held"][order_no] = str(quantity)
    master.table(TABLE).replace_all(docs)
