"""Master data (客户档案, 商品档案, staff) as the domain sees it.

The domain asks for records through `MasterData`; the store implements it.
"""
from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from orders.text import normal_address

Role = Literal["sales_rep", "sales_manager", "finance", "warehouse", "production",
               "logistics", "customer_service", "tech"]


class CustomerRecord(BaseModel):
    code: str
    name: str
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    credit_limit: Decimal = Decimal("0")
    outstanding: Decimal = Decimal("0")
    overdue: Decimal = Decimal("0")
    payment_terms: str | None = None
    sales_rep_email: str | None = None
    # Addresses the customer's rep confirmed as speaking for the customer (by
    # email, 确认); kept across imports of the customer list.
    confirmed_emails: list[str] = []

    def addresses(self) -> set[str]:
        """Every registered address, lower-case: the `email` column (several may
        be written, separated by ; or ,) and the confirmed ones."""
        written = re.split(r"[\s,;]+", self.email or "")
        return {normal_address(a) for a in written + self.confirmed_emails if "@" in a}


class ProductRecord(BaseModel):
    sku: str
    name: str
    spec: str | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    kind: Literal["standard", "custom"] = "standard"
    stock: Decimal = Field(default=Decimal("0"), ge=0)  # on hand: a count, never negative
    lead_days: int = Field(default=0, ge=0)
    location: str | None = None  # the warehouse bin (库位), printed on the outbound order


class StaffMember(BaseModel):
    email: str
    name: str
    role: Role
    deputy_email: str | None = None


class MasterData(Protocol):
    def customer_by_code(self, code: str) -> CustomerRecord | None: ...
    def customer_by_email(self, email: str) -> CustomerRecord | None: ...
    def customer_by_name(self, name: str) -> CustomerRecord | None: ...
    def product_by_sku(self, sku: str) -> ProductRecord | None: ...
    def product_by_name(self, name: str) -> ProductRecord | None: ...
    def has_products(self) -> bool: ...
    def products(self) -> list[ProductRecord]: ...
    def staff_by_email(self, email: str) -> StaffMember | None: ...
    def staff_with_role(self, role: str) -> list[StaffMember]: ...
    # What the customer's approved orders still owe by the pipeline's own ledger (besides one order):
    # added to the master record's outstanding, so finance's credit evidence follows the payments.
    def receivable(self, customer_code: str, *, besides: str | None = None) -> Decimal: ...
