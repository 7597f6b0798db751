"""`orderloop import stock FILE.csv`: a stock take (columns `sku,on_hand`,
UTF-8 or GBK), all rows or none.

Each row sets what is on hand of a standard product of the products list; a
SKU the list does not have, a custom product (made to order, never stocked),
a quantity that is negative or not a number, a SKU twice, or a count below
what effective orders hold is named with its row, and nothing is stored
unless every row is good. SKUs the file leaves out keep their count.
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path

from orders.stock import StockError
from store.repository import Repository

from flows.masterdata import ImportFailed, csv_rows

COLUMNS = ("sku", "on_hand")


def read_stock_rows(path: Path) -> list[tuple[int, str, Decimal]]:
    rows, errors, seen = [], [], {}
    for row_no, row in csv_rows(path, COLUMNS):
        values = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        sku, count = values.get("sku", ""), values.get("on_hand", "").replace(",", "")
        if not sku:
            errors.append(f"row {row_no}, column sku: empty")
            continue
        try:
            quantity = Decimal(count)
        except InvalidOperation:
            errors.append(f"row {row_no}, column on_hand: {count!r} is not a number")
            continue
        if not quantity.is_finite() or quantity < 0:
            errors.append(f"row {row_no}, column on_hand: {count} is negative or not a count")
            continue
        if sku.casefold() in seen:
            errors.append(f"row {row_no}, column sku: {sku} twice (row {seen[sku.casefold()]})")
        seen[sku.casefold()] = row_no
        rows.append((row_no, sku, quantity))
    if errors:
        raise ImportFailed(path, errors)
    return rows


def import_stock(repository: Repository, path: Path) -> int:
    rows = read_stock_rows(path)
    with repository.unit_of_work() as uow:
        ledger, errors = uow.stock_ledger(), []
        for row_no, sku, quantity in rows:
            product = uow.master.product_by_sku(sku)
            if product is None:
                errors.append(f"row {row_no}, column sku: {sku} is not in the products list")
            elif product.kind != "standard":
                errors.append(f"row {row_no}, column sku: {sku} is made to order ({product.kind}), never stocked")
            else:
                try:
                    ledger.set_on_hand(product.sku, quantity)
                except StockError as exc:
                    errors.append(f"row {row_no}, column on_hand: {exc}")
        if errors:
            raise ImportFailed(path, errors)  # inside the unit of work: nothing is stored
        uow.save_stock_ledger(ledger)
    return len(rows)
