"""Master data lookups (客户档案, 商品档案, staff) with indexes built once.

A batch looks up a customer and every product of every order; a scan per
lookup would make a batch quadratic, so the indexes are dicts built when the
directory is made (once per unit of work or read).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from pydantic import ValidationError

from orders.master import CustomerRecord, ProductRecord, StaffMember
from orders.text import normal_address
from store.errors import StoreCorrupt
from store.keys import KEYS
from store.repository import StaffDirectory
from store.tables import Book

# Orders whose balance the customer owes: approved, and neither finished nor called off.
OWING = frozenset({"effective", "in_production", "picking", "shipped", "delivered", "after_sales"})

MODELS = {"customers": CustomerRecord, "products": ProductRecord, "staff": StaffMember}


def _fold(text: str | None) -> str | None:
    return text.strip().casefold() if text and text.strip() else None


def _address(text: str | None) -> str | None:
    return normal_address(text) if text and text.strip() else None


def _strip(text: str | None) -> str | None:
    return text.strip() if text and text.strip() else None


def _index(records, field, norm) -> dict:
    index: dict = {}
    for record in records:
        value = norm(getattr(record, field))
        if value is not None:
            index.setdefault(value, record)  # the first record wins a tie
    return index


def _records(book: Book, kind: str) -> list:
    model, records = MODELS[kind], []
    for doc in book.table(kind).values():
        try:
            records.append(model.model_validate(doc))
        except ValidationError as exc:
            where = getattr(book, "path", "master data")
            raise StoreCorrupt(where, f"holds a {kind} record {doc.get(KEYS[kind])!r} that does not validate "
                                      f"({exc.error_count()} error(s): {_first_error(exc)})") from None
    return records


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    return f"{'.'.join(map(str, error['loc'])) or 'record'}: {error['msg']}"


def master_docs(kind: str, records) -> dict[str, dict]:
    """Records as documents under their key; a record of the wrong kind or a
    repeated key raises, so a bad import replaces nothing."""
    model, key = MODELS[kind], KEYS[kind]
    docs: dict[str, dict] = {}
    for record in records:
        if not isinstance(record, model):
            raise TypeError(f"{kind} takes {model.__name__} records, not {type(record).__name__}")
        doc = record.model_dump(mode="json")
        if doc[key] in docs:
            raise ValueError(f"duplicate {kind} {key}: {doc[key]}")
        docs[doc[key]] = doc
    return docs


class Directory(StaffDirectory):
    """Customers by code (exact), email (any case) or name (exact, trimmed);
    products by SKU (any case) or name (exact, trimmed); staff by email or role."""

    def __init__(self, customers: list[CustomerRecord], products: list[ProductRecord],
                 staff: list[StaffMember], receivables: Callable[[str], Iterable[dict]] | None = None):
        # The live orders (as stored) that may be a customer's, given its code; read when a receivable is
        # asked for (TinyDB hands every live order, PostgreSQL the customer's by index).
        self._receivables = receivables
        self._customer_code = _index(customers, "code", _strip)
        self._customer_email = {}
        for record in customers:  # every registered address finds its customer; the first record wins
            for address in sorted(record.addresses()):
                self._customer_email.setdefault(address, record)
        self._customer_name = _index(customers, "name", _strip)
        self._product_sku = _index(products, "sku", _fold)
        self._product_name = _index(products, "name", _strip)
        self._staff_email = _index(staff, "email", _address)
        self._staff = list(staff)

    @classmethod
    def from_book(cls, book: Book, orders: Callable[[str], Iterable[dict]] | None = None) -> "Directory":
        """The master data of a book; a record that does not validate raises
        StoreCorrupt (the file is broken: no message is to blame for it).
        `orders`: the live orders, for what customers owe on them."""
        return cls(*(_records(book, kind) for kind in ("customers", "products", "staff")), receivables=orders)

    def receivable(self, customer_code: str, *, besides: str | None = None) -> Decimal:
        """The balances of the customer's approved, unfinished orders (effective to after-sales)."""
        total = Decimal(0)
        for doc in self._receivables(customer_code) if self._receivables else ():
            customer = doc.get("customer") or {}
            if customer.get("code") != customer_code or doc.get("order_no") == besides or doc.get("status") not in OWING:
                continue
            payable = Decimal(str(doc.get("total_payable") or 0))
            total += max(payable - sum((Decimal(str(p.get("amount") or 0)) for p in doc.get("payments") or []),
                                       Decimal(0)), Decimal(0))
        return total

    def customer_by_code(self, code: str) -> CustomerRecord | None:
        return self._customer_code.get(_strip(code))

    def customer_by_email(self, email: str) -> CustomerRecord | None:
        return self._customer_email.get(_address(email)) if email else None

    def customer_by_name(self, name: str) -> CustomerRecord | None:
        return self._customer_name.get(_strip(name))

    def product_by_sku(self, sku: str) -> ProductRecord | None:
        return self._product_sku.get(_fold(sku))

    def product_by_name(self, name: str) -> ProductRecord | None:
        return self._product_name.get(_strip(name))

    def has_products(self) -> bool:
        return bool(self._product_sku)

    def products(self) -> list[ProductRecord]:
        """Every product, by SKU."""
        return sorted(self._product_sku.values(), key=lambda record: record.sku)

    def staff_by_email(self, email: str) -> StaffMember | None:
        return self._staff_email.get(_address(email))

    def staff_with_role(self, role: str) -> list[StaffMember]:
        return [member for member in self._staff if member.role == role]
