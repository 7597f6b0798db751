"""Who speaks for a customer: the domain rules of orders.customers."""
from orders.customers import customer_addresses, needs_sender_check, registered, speaks_for
from orders.intake import handle_customer_reply
from orders.master import CustomerRecord
from orders.model import CustomerInfo, PaymentTerms
from orders.review import ReviewRules
from orders.status import Status

from tests.orders.fakes import HUADONG, FakeMaster
from tests.orders.test_intake import NOW, TODAY, receive_order, seed_draft

OUTSIDER = "buyer@lookalike.example"


def from_outsider(draft=None):
    """CUST001's code and an order, with nothing of the record: no address, phone or terms."""
    draft = draft or seed_draft(customer=CustomerInfo(code="CUST001"), payment_terms=PaymentTerms())
    return receive_order("SO2023100001", draft, [],
                         sender=OUTSIDER, message_id="<o1@lookalike>", at=NOW, today=TODAY, master=FakeMaster())


def test_an_order_naming_a_customer_from_another_address_waits_and_reveals_nothing():
    outcome = from_outsider()
    order = outcome.order
    assert order.status == Status.RECEIVED and order.sender_check.address == OUTSIDER
    assert order.customer.address is None and order.customer.phone is None and order.payment_terms.text is None
    assert [(n.purpose, n.to) for n in outcome.notices] == [("sender_pending", OUTSIDER),
                                                           ("sender_check", "rep@company.example")]


def test_the_record_written_into_the_body_does_not_make_the_sender_registered():
    draft = seed_draft(customer=CustomerInfo(email="purchase@huadong.example"), payment_terms=seed_draft().payment_terms)
    assert from_outsider(draft).order.status == Status.RECEIVED


def test_several_registered_addresses_in_the_email_column_and_confirmed_ones_count():
    record = CustomerRecord(code="C9", name="X", email="a@x.example; B@x.example", confirmed_emails=["c@y.example"])
    assert record.addresses() == {"a@x.example", "b@x.example", "c@y.example"}


def test_a_reply_from_an_address_not_on_the_record_changes_nothing():
    order = receive_order("SO2023100001", seed_draft(), [], sender=HUADONG.email, message_id="<m1>", at=NOW,
                          today=TODAY, master=FakeMaster()).order
    assert not needs_sender_check(order, HUADONG)
    assert speaks_for(order, HUADONG, "PURCHASE@huadong.example") and not speaks_for(order, HUADONG, OUTSIDER)
    order.record_mail("<ours@x>", HUADONG.email)
    outcome = handle_customer_reply(order, intent="cancel", answer=None, parse_problems=[], sender=OUTSIDER,
                                    message_id="<r1>", at=NOW, today=TODAY, master=FakeMaster(),
                                    rules=ReviewRules(), thread_ids=["<ours@x>"])
    assert not outcome.acted and order.status == Status.CONFIRMING


def test_a_cancel_without_proof_of_the_thread_asks_the_registered_address():
    order = receive_order("SO2023100001", seed_draft(), [], sender=HUADONG.email, message_id="<m1>", at=NOW,
                          today=TODAY, master=FakeMaster()).order
    outcome = handle_customer_reply(order, intent="cancel", answer=None, parse_problems=[], sender=HUADONG.email,
                                    message_id="<r1>", at=NOW, today=TODAY, master=FakeMaster(),
                                    rules=ReviewRules(), thread_ids=["<m1>"])  # only the customer's own id
    assert order.status == Status.CONFIRMING and order.pending_action.intent == "cancel"
    assert [(n.purpose, n.to, n.reason) for n in outcome.notices] == [("action_check", HUADONG.email, "cancel")]
    assert customer_addresses(order, HUADONG) == {HUADONG.email}


def test_a_unicode_domain_and_its_idna_form_are_the_same_registered_address():
    record = CustomerRecord(code="C8", name="例子", email="张三@例子.中国")
    assert record.addresses() == {"张三@xn--fsqu00a.xn--fiqs8s"}
    assert registered(record, "张三@XN--FSQU00A.xn--fiqs8s") and registered(record, "张三@例子.中国")


def test_lookalike_domains_do_not_compare_equal():
    record = CustomerRecord(code="C7", name="Faß", email="x@faß.de")
    assert registered(record, "x@xn--fa-hia.de") and not registered(record, "x@fass.de")
    assert not registered(CustomerRecord(code="C6", name="H", email="mgr.wang@huaxin-ind.cn"),
                          "mgr.wang@huaxin\u200d-ind.cn")
