"""What a customer owes follows the pipeline's own ledger: the balances of its
approved, unfinished orders are added to the outstanding balance the customer
record was imported with, so finance's credit evidence stays true as orders
ship and are paid."""
from decimal import Decimal

from orders.approval import credit_evidence
from orders.model import Order
from store.directory import Directory
from tests.orders.fakes import HUADONG


def doc(order_no, status, payable, paid=(), code="CUST001"):
    return {"order_no": order_no, "status": status, "customer": {"code": code}, "total_payable": payable,
            "payments": [{"amount": amount} for amount in paid]}


def test_approved_unfinished_orders_add_their_balance_and_payments_take_it_off():
    orders = [doc("SO2023100001", "shipped", "50800.00", paid=["15240.00"]),  # owes 35,560.00
              doc("SO2023100002", "delivered", "10000.00", paid=["10000.00"]),  # paid up
              doc("SO2023100003", "finance_review", "9999.00"),  # not approved: owes nothing yet
              doc("SO2023100004", "closed", "5000.00"),  # finished
              doc("SO2023100005", "picking", "2000.00", code="CUST002")]  # another customer
    directory = Directory([HUADONG], [], [], receivables=lambda code: orders)
    assert directory.receivable("CUST001") == Decimal("35560.00")
    assert directory.receivable("CUST001", besides="SO2023100001") == Decimal("0")
    order = Order.model_validate({"order_no": "SO2023100003", "order_date": "2023-10-01", "total_payable": "9999.00",
                                  "created_at": "2023-10-01T10:00:00+08:00", "updated_at": "2023-10-01T10:00:00+08:00"})
    evidence = credit_evidence(order, HUADONG, directory.receivable("CUST001", besides=order.order_no))
    assert evidence.outstanding == HUADONG.outstanding + Decimal("35560.00")
    assert evidence.exposure_after == evidence.outstanding + Decimal("9999.00")
