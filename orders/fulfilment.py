"""When an effective order's goods can be ready (procedure step 4): what the
stock holds is picked, the rest is made.

Production starts the working day after the order became effective and takes
the product's lead time in working days on China's calendar (orders/workdays):
a line of 7 days' lead on an order effective on Thursday 28 September 2023 is
done on the seventh working day after it, the National Day holiday skipped and
its make-up Saturday worked. A standard product short of stock with no lead
time in the products list takes `default_lead_days`. The order is ready when
its last line is; when that is after the date the customer asked for, the
plan says so, and the rep and the customer are to be told (the shortage
notice of step 4).

Pure: the products and the reservations are passed in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from orders.master import ProductRecord
from orders.stock import LineReservation
from orders.workdays import WorkingDate, add_working_days, next_working_day

if TYPE_CHECKING:
    from orders.model import Order

__all__ = ["Fulfilment", "LinePlan", "Plan", "plan", "pick_differences", "DEFAULT_LEAD_DAYS"]


class Fulfilment(BaseModel):
    """The order's way from effective to ready to ship: what stock holds for it,
    what production makes and by when, the warehouse's pick, and what was asked."""

    version: int  # the order version it was planned for: a change plans again
    effective_on: date
    reservations: list[LineReservation] = Field(default_factory=list)
    ready_on: date | None = None  # when the last line is planned to be ready
    ready_approximate: bool = False  # counted Monday to Friday beyond the official calendar
    production: Literal["requested", "scheduled", "completed"] | None = None
    production_due: date | None = None  # the planned finish: the lead time, or production's 已排产 date
    late_told_at: datetime | None = None  # the shortage notice went to the rep and the customer
    picked_at: datetime | None = None
    picked_by: str | None = None
    pick_differences: list[str] = Field(default_factory=list)  # the last pick's, when it did not match
    prepayment_asked_at: datetime | None = None
    ship_asked_at: datetime | None = None
    to_make: dict[int, Decimal] = Field(default_factory=dict)  # line number → what production makes

DEFAULT_LEAD_DAYS = 5  # working days to make a standard product the list gives no lead time for
ZERO = Decimal("0")


@dataclass(frozen=True)
class LinePlan:
    line_no: int
    from_stock: Decimal
    to_make: Decimal
    ready: WorkingDate

    @property
    def made(self) -> bool:
        return self.to_make > ZERO


@dataclass(frozen=True)
class Plan:
    lines: tuple[LinePlan, ...]
    ready: WorkingDate  # when the last line is ready
    requested: date | None

    @property
    def in_production(self) -> bool:
        return any(line.made for line in self.lines)

    @property
    def late(self) -> bool:
        """The goods cannot be ready by the date the customer asked for."""
        return self.requested is not None and self.ready.value > self.requested


def plan(order: Order, reservations: list[LineReservation], product_by_sku, effective_on: date,
         *, default_lead_days: int = DEFAULT_LEAD_DAYS) -> Plan:
    """Each line's source and ready date, and the order's.

    `product_by_sku(sku) -> ProductRecord | None` gives the lead times; a line
    whose product is unknown is made with `default_lead_days`."""
    held = {reservation.line_no: reservation for reservation in reservations}
    picked = next_working_day(effective_on)  # goods on hand are picked the next working day
    lines = []
    for line in order.lines:
        quantity = line.quantity or ZERO
        reservation = held.get(line.line_no)
        from_stock = reservation.reserved if reservation else ZERO
        to_make = quantity - from_stock  # custom lines and lines no stock held are made whole
        product: ProductRecord | None = product_by_sku(line.sku) if line.sku else None
        if to_make > ZERO:
            lead = product.lead_days if product and product.lead_days else default_lead_days
            ready = add_working_days(effective_on, lead)
        else:
            ready = picked
        lines.append(LinePlan(line.line_no, from_stock, max(to_make, ZERO), ready))
    last = max((line.ready for line in lines), key=lambda ready: ready.value, default=picked)
    approximate = any(line.ready.approximate for line in lines)
    return Plan(tuple(lines), WorkingDate(last.value, approximate), order.requested_delivery_date)


def pick_differences(order: Order, picked: dict[str, Decimal], specs: dict[str, str] | None = None) -> list[str]:
    """What the warehouse's 已备货 figures say that the order does not: the
    pre-ship double check, by quantity and, where a line names it, by spec.
    No figures: the warehouse vouches for the whole order."""
    found = _spec_differences(order, specs or {})
    if not picked:
        return found
    ordered: dict[str, Decimal] = {}
    for line in order.lines:
        if line.sku and line.quantity:
            ordered[line.sku.upper()] = ordered.get(line.sku.upper(), ZERO) + line.quantity
    for sku, quantity in ordered.items():
        got = picked.get(sku)
        if got is None:
            found.append(f"{sku}: 订单 {quantity},备货未列出 / ordered {quantity}, not in the pick")
        elif got != quantity:
            found.append(f"{sku}: 订单 {quantity},备货 {got} / ordered {quantity}, picked {got}")
    found += [f"{sku}: 不在订单中,备货 {q} / not on the order, picked {q}"
              for sku, q in picked.items() if sku not in ordered]
    return found


def _spec_differences(order: Order, specs: dict[str, str]) -> list[str]:
    wanted = {line.sku.upper(): line.spec for line in order.lines if line.sku and line.spec}
    return [f"{sku}: 规格 订单 {wanted[sku]},备货 {spec} / spec ordered {wanted[sku]}, picked {spec}"
            for sku, spec in specs.items() if sku in wanted and _same_spec(wanted[sku]) != _same_spec(spec)]


def _same_spec(spec: str) -> str:
    """A spec as compared: no spaces, one case, × and * written as x."""
    return "".join(spec.split()).casefold().replace("×", "x").replace("*", "x")
