"""Master data: replaced wholesale, looked up through the directory; on both repositories."""
from __future__ import annotations

from decimal import Decimal

import pytest

from orders.master import CustomerRecord, ProductRecord, StaffMember

HUADONG = CustomerRecord(code="CUST001", name="华东精密机械有限公司", contact="王经理",
                         email="Wang@HuaDong.example", address="上海市浦东新区张江路 88 号",
                         credit_limit=Decimal("200000"), outstanding=Decimal("12500.50"),
                         payment_terms="预付30%，月结30天", sales_rep_email="li@example.com")
NANFANG = CustomerRecord(code="CUST002", name="南方电气股份公司", email="buy@nanfang.example")
A_PRODUCT = ProductRecord(sku="P001", name="A产品", spec="L-500×300", unit="台",
                          unit_price=Decimal("500"), stock=Decimal("80"), lead_days=7)
CUSTOM = ProductRecord(sku="C-900", name="定制机柜", unit="套", kind="custom", lead_days=15)
STAFF = [StaffMember(email="li@example.com", name="李销售", role="sales_rep"),
         StaffMember(email="Zhao@Example.com", name="赵经理", role="sales_manager",
                     deputy_email="qian@example.com"),
         StaffMember(email="sun@example.com", name="孙会计", role="finance"),
         StaffMember(email="zhou@example.com", name="周会计", role="finance")]


@pytest.fixture
def stocked(repo):
    with repo.unit_of_work() as uow:
        uow.replace_master("customers", [HUADONG, NANFANG])
        uow.replace_master("products", [A_PRODUCT, CUSTOM])
        uow.replace_master("staff", STAFF)
    return repo


def test_customers_are_found_by_code_email_in_any_case_and_trimmed_name(stocked):
    master = stocked.master()
    assert master.customer_by_code("CUST001") == HUADONG
    assert master.customer_by_email("wang@huadong.EXAMPLE ") == HUADONG
    assert master.customer_by_name(" 华东精密机械有限公司\n") == HUADONG
    assert master.customer_by_name("华东精密") is None
    assert master.customer_by_code("CUST404") is None
    assert master.customer_by_code("CUST001").outstanding == Decimal("12500.50")


def test_products_are_found_by_sku_in_any_case_and_by_name(stocked):
    with stocked.unit_of_work() as uow:
        assert uow.master.product_by_sku("p001") == A_PRODUCT
        assert uow.master.product_by_name("定制机柜").kind == "custom"
        assert uow.master.has_products()


def test_staff_are_found_by_email_and_role(stocked):
    master = stocked.master()
    assert master.staff_by_email("zhao@example.com").deputy_email == "qian@example.com"
    assert [s.name for s in master.staff_with_role("finance")] == ["孙会计", "周会计"]
    assert master.staff_with_role("tech") == []


def test_replacing_a_master_table_drops_what_the_new_list_lacks(stocked):
    with stocked.unit_of_work() as uow:
        uow.replace_master("customers", [NANFANG])
        assert uow.master.customer_by_code("CUST001") is None  # own write

    master = stocked.master()
    assert master.customer_by_code("CUST001") is None
    assert master.customer_by_code("CUST002") == NANFANG
    assert master.product_by_sku("P001") == A_PRODUCT  # other tables untouched


def test_a_bad_replacement_keeps_the_old_table(stocked):
    with pytest.raises(ValueError):
        with stocked.unit_of_work() as uow:
            uow.replace_master("customers", [NANFANG, NANFANG])
    with pytest.raises(TypeError):
        with stocked.unit_of_work() as uow:
            uow.replace_master("products", [HUADONG])

    assert stocked.master().customer_by_code("CUST001") == HUADONG
    assert stocked.master().product_by_sku("P001") == A_PRODUCT


def test_an_empty_store_has_no_products_and_finds_no_one(repo):
    master = repo.master()
    assert not master.has_products()
    assert master.customer_by_email("wang@huadong.example") is None
    assert master.staff_with_role("finance") == []
