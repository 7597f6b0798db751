"""A customer's held action is confirmed only by the answer to its own
confirmation request; a staff change request needs proof of receipt too.
On the in-memory store, through the intake service layer."""
from __future__ import annotations

from orders.status import Status

from tests.flows.conftest import sample_email
from tests.flows.test_handling import repository_with_master
from tests.flows.test_sender_check import reply_to
from tests.flows.test_unplaced import mail, run, sent_to

CUSTOMER, REP, MANAGER = "purchase@huadong.example", "li.rep@example.com", "manager@example.com"


def confirming(repository):
    run(repository, sample_email("01-seed-order.eml"))
    (order,) = repository.list_orders()
    assert order.status == Status.CONFIRMING
    return order.order_no


def test_a_later_forged_action_does_not_ride_on_the_customers_confirmation_of_an_earlier_one():
    repository = repository_with_master()
    order_no = confirming(repository)
    run(repository, mail("数量:120台\n", subject=f"[{order_no}] 更正"))  # fresh mail: no proof of the thread
    first_check = [m for m in sent_to(repository, CUSTOMER) if m.purpose == "action_check"][-1]
    run(repository, mail("取消订单", subject=f"[{order_no}] 取消"))  # forged From, fresh mail: held as well
    (order,) = repository.list_orders()
    assert order.pending_action.intent == "cancel"
    run(repository, reply_to(first_check, "确认", CUSTOMER))  # the customer confirms the change they asked for
    (order,) = repository.list_orders()
    assert order.status == Status.CONFIRMING and order.pending_action is not None


def test_a_staff_change_request_without_proof_of_receipt_is_refused():
    repository = repository_with_master()
    order_no = confirming(repository)
    (requirements,) = [m for m in sent_to(repository, CUSTOMER) if m.purpose == "requirements_list"]
    run(repository, reply_to(requirements, "确认无误", CUSTOMER))
    (order,) = repository.list_orders()
    assert order.status == Status.MANAGER_REVIEW
    run(repository, mail("收货地址:广州市天河区某路1号\n变更原因:客户要求", sender=REP, subject=f"[{order_no}] 变更"))
    (order,) = repository.list_orders()
    assert not order.change_requests
    assert any("answers no mail the pipeline sent to you" in e.reason for e in repository.audit_trail(order_no))
