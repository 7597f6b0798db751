"""Fixtures for the store tests: every contract test runs on both repositories."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from orders.model import CustomerInfo, Order, OrderLine, PaymentTerms
from orders.status import Status
from store import MemoryRepository, OutgoingMail, ProcessedMessage, TinyRepository

CST = timezone(timedelta(hours=8))
NOW = datetime(2023, 10, 5, 9, 30, tzinfo=CST)

# The seed's own example order, under whatever number the store issues.
SEED_CUSTOMER = CustomerInfo(code="CUST001", name="华东精密机械有限公司", contact="王经理",
                             phone="021-5555 0101", email="wang@huadong.example",
                             address="上海市浦东新区张江路 88 号")


@pytest.fixture(params=["memory", "tinydb", "postgres"])
def repo(request, tmp_path):
    """Every contract test on the three stores; PostgreSQL in a fresh database of the session's cluster."""
    if request.param == "memory":
        yield MemoryRepository()
    elif request.param == "tinydb":
        yield TinyRepository(tmp_path / "var")
    else:
        from store.pg_store import PgRepository

        repository = PgRepository(request.getfixturevalue("postgres").new_database())
        yield repository
        repository.close()


@pytest.fixture
def tiny(tmp_path):
    return TinyRepository(tmp_path / "var")


def seed_order(order_no: str, at: datetime = NOW, message_id: str | None = None) -> Order:
    order = Order.receive(order_no, at=at, actor="wang@huadong.example", message_id=message_id)
    order.customer = SEED_CUSTOMER.model_copy()
    order.lines = [OrderLine(line_no=1, sku="P001", name="A产品", spec="L-500×300", unit="台",
                             quantity=Decimal("100"), unit_price=Decimal("500"))]
    order.freight = Decimal("800")
    order.payment_terms = PaymentTerms(text="预付30%", prepayment_percent=Decimal("30"))
    order.special_requirements = "需防潮包装"
    order.recompute_totals()
    if message_id:
        order.thread.append(message_id)
    return order


def received(uow, at: datetime = NOW, message_id: str | None = None) -> Order:
    """Issue a number in the unit of work and save the seed order under it."""
    order = seed_order(uow.next_order_no(at.date()), at, message_id)
    uow.save_order(order)
    return order


def cancelled(order: Order, at: datetime) -> Order:
    order.move_to(Status.CANCELLED, at=at, actor="wang@huadong.example", reason="客户取消订单")
    return order


def mail(message_id: str, at: datetime = NOW, order_no: str | None = None) -> OutgoingMail:
    return OutgoingMail(message_id=message_id, order_no=order_no, purpose="clarification",
                        sender="orders@example.com", recipients=["wang@huadong.example"],
                        subject=f"[{order_no}] 请确认交货日期", raw="Subject: 请确认交货日期\r\n\r\n您好", created_at=at)


def processed(key: str, at: datetime = NOW, folder: str = "processed") -> ProcessedMessage:
    return ProcessedMessage(key=key, folder=folder, kind="order", at=at, subject="采购订单",
                            reason="附件无法读取" if folder == "quarantine" else None)


class Make:
    """Builders for the tests, handed out as a fixture so that test modules do
    not import conftest (which only works under some pytest import modes)."""

    now = NOW
    order = staticmethod(seed_order)
    received = staticmethod(received)
    cancelled = staticmethod(cancelled)
    mail = staticmethod(mail)
    processed = staticmethod(processed)


@pytest.fixture
def make() -> type[Make]:
    return Make
