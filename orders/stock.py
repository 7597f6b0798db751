"""Stock on hand and what effective orders have reserved of it (procedure step 4).

On hand comes from the products list (its `stock` column) and goes down when
goods ship. An order that becomes effective reserves, for each standard line,
what is available (on hand less what other orders hold); the rest of the line
is short and goes to production. Cancelling or rejecting releases; shipping
takes the goods off on hand and releases the reservation. Every change runs in
one unit of work on one ledger, so two orders can never reserve the same unit:
the second sees the first's reservation.

Pure: the store keeps the ledger, flows decide when to call it.
"""
from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from orders.master import ProductRecord
from orders.status import Status

if TYPE_CHECKING:  # the order record holds reservations: no import of it at run time
    from orders.model import Order, OrderLine

__all__ = ["StockLedger", "LineReservation", "StockRow", "StockError", "HOLDING", "ledger_of", "became_effective"]

# The statuses in which an order holds its goods: effective until they have left.
HOLDING = frozenset({Status.EFFECTIVE, Status.PICKING, Status.IN_PRODUCTION})

ZERO = Decimal("0")


class StockError(ValueError):
    """A stock figure the ledger refuses, with what is wrong in words."""


class LineReservation(BaseModel):
    line_no: int
    sku: str
    quantity: Decimal  # what the line asks for
    reserved: Decimal  # held for the order out of stock on hand
    short: Decimal  # what production has to make

    @property
    def complete(self) -> bool:
        return self.short == ZERO


class StockRow(BaseModel):
    sku: str
    on_hand: Decimal
    reserved: Decimal
    available: Decimal


class StockLedger(BaseModel):
    on_hand: dict[str, Decimal] = Field(default_factory=dict)
    held: dict[str, dict[str, Decimal]] = Field(default_factory=dict)  # order_no → sku → quantity reserved

    # -- reading ------------------------------------------------------------------------

    def reserved(self, sku: str) -> Decimal:
        return sum((by_sku.get(sku, ZERO) for by_sku in self.held.values()), ZERO)

    def available(self, sku: str) -> Decimal:
        return self.on_hand.get(sku, ZERO) - self.reserved(sku)

    def rows(self) -> list[StockRow]:
        """Per SKU: on hand, reserved, available (what `orderloop stock` shows)."""
        skus = sorted(set(self.on_hand) | {sku for by_sku in self.held.values() for sku in by_sku})
        return [StockRow(sku=sku, on_hand=self.on_hand.get(sku, ZERO), reserved=self.reserved(sku),
                         available=self.available(sku)) for sku in skus]

    # -- changing -----------------------------------------------------------------------

    def set_on_hand(self, sku: str, quantity: Decimal) -> None:
        """A count from the products list or a stock take; never below what orders hold."""
        if not sku or not sku.strip():
            raise StockError("库存行缺少物料编码 / a stock row without a SKU")
        if quantity < ZERO:
            raise StockError(f"{sku}: 库存不能为负数 {quantity} / stock on hand cannot be negative")
        held = self.reserved(sku)
        if quantity < held:
            raise StockError(f"{sku}: 库存 {quantity} 少于已预留的 {held} / on hand {quantity} is below what "
                             f"orders have reserved ({held}); release or ship them first")
        self.on_hand[sku] = quantity

    def reserve(self, order_no: str, lines: list[OrderLine]) -> list[LineReservation]:
        """Hold stock for the order's standard lines with a SKU; what cannot be held
        is short. Reserving an order again first gives back what it held."""
        self.release(order_no)
        held: dict[str, Decimal] = {}
        found = []
        for line in lines:
            if line.kind == "custom" or not line.sku or not line.quantity or line.quantity <= ZERO:
                continue
            free = max(self.available(line.sku) - held.get(line.sku, ZERO), ZERO)
            take = min(free, line.quantity)
            if take:
                held[line.sku] = held.get(line.sku, ZERO) + take
            found.append(LineReservation(line_no=line.line_no, sku=line.sku, quantity=line.quantity,
                                         reserved=take, short=line.quantity - take))
        if held:
            self.held[order_no] = held
        return found

    def release(self, order_no: str) -> dict[str, Decimal]:
        """Give back what the order holds (cancelled, rejected, or reserved anew)."""
        return self.held.pop(order_no, {})

    def ship(self, order_no: str) -> dict[str, Decimal]:
        """The order's goods leave: on hand goes down by what it held, the hold ends."""
        shipped = self.release(order_no)
        for sku, quantity in shipped.items():
            self.on_hand[sku] = self.on_hand.get(sku, ZERO) - quantity
        return shipped


def became_effective(order: Order) -> tuple:
    """When the order became effective: its last approval (every way to 已生效 passes one), and its number
    to break a tie; read from the record, with no audit file opened per order."""
    approvals = [decision.at for decision in order.decisions if decision.verdict == "approve"]
    return (max(approvals) if approvals else order.updated_at), order.order_no


def ledger_of(products: list[ProductRecord], holding: list[Order]) -> StockLedger:
    """The ledger the products list and the orders holding goods give: on hand is
    the list's stock, and each order (in the order they became effective) holds
    what was still available when it did."""
    ledger = StockLedger()
    for product in products:
        if product.kind == "standard":
            ledger.set_on_hand(product.sku, product.stock)
    for order in sorted(holding, key=became_effective):
        ledger.reserve(order.order_no, order.lines)
    return ledger

