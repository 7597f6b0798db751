"""`orderloop stock`: on hand from the products list, held by effective orders
in the order they became effective, never the same unit twice."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from flows.components import open_repository
from flows.settings import Settings
from orders.model import Order, OrderLine
from orders.status import Status
from tests.flows.conftest import SAMPLE
from tests.flows.test_cli import orderloop

T0 = datetime(2023, 10, 1, 9, 0, tzinfo=timezone(timedelta(hours=8)))


def effective(order_no: str, lines: list[OrderLine], at: datetime, final: Status = Status.EFFECTIVE) -> Order:
    order = Order.receive(order_no, at=at, actor="buyer@example.com", message_id=None)
    order.lines = lines
    for status in (Status.CONFIRMING, Status.MANAGER_REVIEW, Status.EFFECTIVE):
        order.move_to(status, at=at, actor="manager@example.com", reason="test")
    if final != Status.EFFECTIVE:
        order.move_to(final, at=at, actor="warehouse@example.com", reason="test")
    return order


def test_stock_shows_on_hand_reserved_and_available_and_the_first_effective_order_holds_first(tmp_path):
    assert orderloop("import", "products", str(SAMPLE / "products.csv"), home=tmp_path).returncode == 0
    repository = open_repository(Settings(home=tmp_path))
    b40 = [OrderLine(line_no=1, sku="P002", quantity=Decimal(40), kind="standard")]
    with repository.unit_of_work() as uow:
        # SO…02 became effective first, so it holds its 40; SO…01 gets the last 10
        uow.save_order(effective("SO2023100001", b40, T0 + timedelta(hours=1)))
        uow.save_order(effective("SO2023100002", b40, T0))
        uow.save_order(effective("SO2023100003", [OrderLine(line_no=1, sku="P001", quantity=Decimal(5),
                                                            kind="standard")], T0, final=Status.PICKING))
        custom = effective("SO2023100004", [OrderLine(line_no=1, sku="P003", quantity=Decimal(9), kind="custom")], T0)
        uow.save_order(custom)
        # A store written before the ledger was kept: no stock table; the first read makes it.
        uow._shelf.master().table("stock").replace_all({})
    done = orderloop("stock", "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = {row["sku"]: row for row in json.loads(done.stdout)}
    assert (rows["P002"]["on_hand"], rows["P002"]["reserved"], rows["P002"]["available"]) == ("50", "50", "0")
    assert (rows["P001"]["reserved"], rows["P001"]["available"]) == ("5", "295")
    assert "P003" not in rows  # a custom product is made to order, never held from stock
    table = orderloop("stock", home=tmp_path).stdout
    assert "P002" in table and "available" in table
    from flows.stock import stock_ledger
    held = stock_ledger(open_repository(Settings(home=tmp_path))).held
    assert (held["SO2023100002"], held["SO2023100001"]) == ({"P002": Decimal(40)}, {"P002": Decimal(10)})


def test_a_products_list_with_a_negative_stock_is_refused_and_names_the_row(tmp_path):
    bad = tmp_path / "products.csv"
    bad.write_text("sku,name,spec,unit,unit_price,kind,stock,lead_days,location\n"
                   "P001,A产品,L-500×300,台,500,standard,300,0,A-01-03\n"
                   "P002,B产品,L-800×400,台,1200,standard,-5,0,A-02-01\n", "utf-8")
    done = orderloop("import", "products", str(bad), home=tmp_path)
    assert done.returncode != 0
    assert "3" in done.stderr + done.stdout and "stock" in (done.stderr + done.stdout)
    assert json.loads(orderloop("stock", "--json", home=tmp_path).stdout) == []


@pytest.mark.parametrize("damaged", ["master.json", "orders.json"])
def test_a_damaged_store_file_is_named_in_one_line_and_nothing_is_shown(tmp_path, damaged):
    assert orderloop("import", "products", str(SAMPLE / "products.csv"), home=tmp_path).returncode == 0
    with open_repository(Settings(home=tmp_path)).unit_of_work() as uow:
        uow.save_order(effective("SO2023100001", [OrderLine(line_no=1, sku="P002", quantity=Decimal(40),
                                                            kind="standard")], T0))
    files = [path for path in (tmp_path / "store").rglob(damaged)]
    assert files, sorted(p.name for p in (tmp_path / "store").rglob("*"))
    good = files[0].read_bytes()
    files[0].write_bytes(good[: len(good) // 2])
    done = orderloop("stock", "--json", home=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and files[0].name in done.stderr


def products_with_40_of_p002_held(home) -> None:
    """The sample products (50 of P002 on hand), with an order holding 40 of them."""
    assert orderloop("import", "products", str(SAMPLE / "products.csv"), home=home).returncode == 0
    with open_repository(Settings(home=home)).unit_of_work() as uow:
        ledger = uow.stock_ledger()
        ledger.reserve("SO2023100001", [OrderLine(line_no=1, sku="P002", quantity=Decimal(40), kind="standard")])
        uow.save_stock_ledger(ledger)


def test_a_products_list_counting_less_than_orders_hold_is_refused_whole_with_the_reason(tmp_path):
    products_with_40_of_p002_held(tmp_path)
    fewer = tmp_path / "products.csv"
    fewer.write_text((SAMPLE / "products.csv").read_text(encoding="utf-8").replace(
        "P002,B产品,L-800×400,台,1200,standard,50", "P002,B产品,L-800×400,台,1300,standard,30"), encoding="utf-8")
    done = orderloop("import", "products", str(fewer), home=tmp_path)
    assert done.returncode != 0 and "nothing imported" in done.stderr and "reserved (40)" in done.stderr
    assert "Traceback" not in done.stderr
    assert open_repository(Settings(home=tmp_path)).master().product_by_sku("P002").unit_price == Decimal(1200)


def test_a_stock_take_sets_on_hand_and_a_bad_one_is_refused_whole_with_each_row_named(tmp_path):
    products_with_40_of_p002_held(tmp_path)
    take = tmp_path / "take.csv"
    take.write_text("sku,on_hand\nP001,280\nP002,45\n", encoding="utf-8")
    done = orderloop("import", "stock", str(take), home=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = {r["sku"]: r for r in json.loads(orderloop("stock", "--json", home=tmp_path).stdout)}
    assert (rows["P001"]["on_hand"], rows["P002"]["on_hand"], rows["P002"]["available"]) == ("280", "45", "5")
    take.write_text("sku,on_hand\nP001,-3\nP999,10\nP003,5\nP002,30\nP004,abc\nP004,1\n", encoding="gbk")
    done = orderloop("import", "stock", str(take), home=tmp_path)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "row 2, column on_hand" in done.stderr and "row 6, column on_hand: 'abc'" in done.stderr
    take.write_text("sku,on_hand\nP999,10\nP003,5\nP002,30\nP001,290\n", encoding="utf-8")
    done = orderloop("import", "stock", str(take), home=tmp_path)
    for found in ("row 2, column sku: P999 is not in the products list", "row 3, column sku: P003 is made to order",
                  "row 4, column on_hand", "reserved (40)"):
        assert found in done.stderr, done.stderr
    rows = {r["sku"]: r for r in json.loads(orderloop("stock", "--json", home=tmp_path).stdout)}
    assert rows["P001"]["on_hand"] == "280"  # the good row of a refused file is not stored either
